"""The build's one seam for parallel work (workers.py): a short book from the command line is laid out by one
layout process that the build starts once the cache has missed; the files are byte for byte those of the
layout in a thread of the build's own process (--jobs 1), its second pass for the index included, and so
are the messages. A long book gets as many processes as --jobs; the CLI and a cached build start none."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from helpers import SEED, make_project, run_cli

CONFIG = ('title = "One conversation"\nlanguage = "en"\ndate = 2011-03-22\n'
          '[index]\nterms = ["NATO", "Afghanistan", "Medvedev"]\n')
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


def snapshot(dist):
    return {path.name: path.read_bytes() for path in sorted(dist.iterdir())}


@pytest.mark.parametrize("args", [(), ("-f", "pdf", "--pdf-variant", "pdf/a-3b")], ids=["all-formats", "pdf-a-3b"])
def test_a_layout_process_gives_the_same_files_and_messages_as_the_builds_own(tmp_path, args):
    there = make_project(tmp_path / "there", SEED.read_text(encoding="utf-8"), config=CONFIG)
    here = tmp_path / "here"
    shutil.copytree(there, here)
    in_process = run_cli("build", str(here), "--jobs", "1", *args, env=ENV)
    assert in_process.returncode == 0, in_process.stderr
    separate = run_cli("build", str(there), *args, env=ENV)
    assert separate.returncode == 0, separate.stderr
    assert separate.stderr.replace(str(there), "P") == in_process.stderr.replace(str(here), "P")
    assert "boilerplate" in separate.stderr  # the messages compared are real ones
    made, reference = snapshot(there / "dist"), snapshot(here / "dist")
    assert set(made) == set(reference) and any(name.endswith(".pdf") for name in made)
    assert [name for name in made if made[name] != reference[name]] == []


def audited_processes(*args: str) -> tuple[object, dict[int, list]]:
    """The CLI under the audit hooks of tests/audit_site (in every Python process of the build): its result,
    and the events each process recorded, by process id."""
    import json
    import os
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from helpers import REPO

    with tempfile.TemporaryDirectory() as log:
        env = {**os.environ, "AUDIT_DIR": log, **ENV,
               "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "tests" / "audit_site"),
                                                           os.environ.get("PYTHONPATH")]))}
        result = subprocess.run([sys.executable, "-P", "-m", "interview_publish", *args], env=env,
                                capture_output=True, text=True, timeout=300)
        events = {int(path.stem): [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
                  for path in Path(log).glob("*.jsonl")}
    return result, events


def gone(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_fresh_build_lays_a_short_book_out_in_one_process_started_after_the_cache_is_asked(tmp_path):
    """The CLI starts no process; build() starts one layout process (a fresh Python that has not imported
    WeasyPrint yet), once the build cache has missed, and it lays the book out."""
    project = make_project(tmp_path / "book", SEED.read_text(encoding="utf-8"), config=CONFIG)
    result, events = audited_processes("build", str(project), "--no-cache")
    assert result.returncode == 0, result.stderr
    main = next(pid for pid, log in events.items() if ["open", str(project / "content" / "publication.toml")] in log)
    layout = [pid for pid in events if pid != main]
    assert len(layout) == 1  # one layout process, no other Python
    log = [event for event, target in events[main] if event == "subprocess.Popen" or str(target).endswith(".toml")]
    assert log.index("open") < log.index("subprocess.Popen")  # started once the project was loaded
    assert any("CharisSIL" in str(target) for event, target in events[layout[0]] if event == "open")  # it laid out
    assert not any("CharisSIL" in str(target) for event, target in events[main] if event == "open")
    assert all(gone(pid) for pid in events)


def test_a_long_book_is_laid_out_by_as_many_processes_as_jobs(tmp_path):
    project = tmp_path / "books"
    (project / "content").mkdir(parents=True)
    for number in range(10):
        shutil.copy(SEED, project / "content" / f"{number:02}.txt")
    (project / "content" / "publication.toml").write_text('title = "Ten"\nlanguage = "en"\n', encoding="utf-8")
    result, events = audited_processes("build", str(project), "--no-cache", "--jobs", "2", "-f", "pdf")
    assert result.returncode == 0, result.stderr
    opened = {pid: {Path(str(target)).name for event, target in log if event == "open"} for pid, log in events.items()}
    main = next(pid for pid, names in opened.items() if "publication.toml" in names)
    layout = [pid for pid in events if pid != main]
    assert len(layout) == 2 and all("CharisSIL-Regular.ttf" in opened[pid] for pid in layout)  # both laid out
    assert all(gone(pid) for pid in events)


@pytest.mark.parametrize("args", [("-f", "epub,html"), ("--jobs", "1")], ids=["no-pdf", "jobs-1"])
def test_no_layout_process_without_a_pdf_or_with_one_job(tmp_path, args):
    project = make_project(tmp_path / "book", SEED.read_text(encoding="utf-8"), config=CONFIG)
    result, events = audited_processes("build", str(project), "--no-cache", *args)
    assert result.returncode == 0, result.stderr
    assert len(events) == 1  # the build's process alone
    started = [target for event, target in next(iter(events.values())) if event == "subprocess.Popen"]
    # with --jobs 1 the book is laid out by a thread of the build's process (WeasyPrint's own library lookup
    # may run ldconfig, never a Python)
    assert not [target for target in started if "python" in str(target)]


def test_a_build_the_cache_answers_starts_no_process(tmp_path):
    project = make_project(tmp_path / "book", SEED.read_text(encoding="utf-8"), config=CONFIG)
    assert run_cli("build", str(project), env=ENV).returncode == 0
    before = snapshot(project / "dist")
    result, events = audited_processes("build", str(project))
    assert result.returncode == 0 and "up to date" in result.stdout, result.stderr
    assert snapshot(project / "dist") == before
    assert len(events) == 1  # the build alone
    assert not [target for event, target in next(iter(events.values())) if event == "subprocess.Popen"]


# A library caller (serve, a script) that has WeasyPrint loaded already: its builds of a short book start no
# process; the book is laid out by a thread of it, and is the same book.
PROBE = """
import subprocess, sys
import weasyprint
from interview_publish.build import build
started = []
popen = subprocess.Popen.__init__
def recording(self, args, *rest, **kwargs):
    started.append(args)
    return popen(self, args, *rest, **kwargs)
subprocess.Popen.__init__ = recording
result = build(sys.argv[1], ("pdf",), cache=False)
print(len([a for a in started if "python" in str(a[0])]), result.outputs[0].path.read_bytes() == open(sys.argv[2], "rb").read())
"""


def test_a_process_with_weasyprint_loaded_lays_a_short_book_out_in_a_thread_of_its_own(tmp_path):
    import os
    import subprocess

    project = make_project(tmp_path / "book", SEED.read_text(encoding="utf-8"), config=CONFIG)
    reference = tmp_path / "reference"
    shutil.copytree(project, reference)
    assert run_cli("build", str(reference), "-f", "pdf", env=ENV).returncode == 0  # in a layout process
    pdf = next((reference / "dist").glob("*.pdf"))
    result = subprocess.run([sys.executable, "-c", PROBE, str(project), str(pdf)], capture_output=True, text=True,
                            timeout=300, env={**os.environ, **ENV})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "True"]
