"""A short book from the command line is laid out by a layout process started before reading
(renderers/layoutpool.py): the files are byte for byte those of a layout in the build's own process
(--jobs 1), its second pass for the index included, and so are the messages."""

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
def test_a_layout_process_gives_the_same_files_and_messages_as_one_process(tmp_path, args):
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


def test_the_layout_process_starts_before_the_project_is_read_and_gets_the_hyphenation_patterns(tmp_path):
    project = make_project(tmp_path / "book", SEED.read_text(encoding="utf-8"), config=CONFIG)
    result, events = audited_processes("build", str(project), "--no-cache")
    assert result.returncode == 0, result.stderr
    main = next(pid for pid, log in events.items() if ["open", str(project / "content" / "publication.toml")] in log)
    layout = [pid for pid in events if pid != main]
    assert len(layout) == 1  # one layout process, no other Python
    log = [event for event, target in events[main] if event == "subprocess.Popen" or str(target).endswith(".toml")]
    assert log.index("subprocess.Popen") < log.index("open")  # started before the configuration was read

    def patterns(pid):
        return [target for event, target in events[pid] if event == "open" and "/pyphen/dictionaries/" in str(target)]

    assert {Path(path).name for path in patterns(main)} == {"hyph_en_GB.dic"}  # parsed by the build ...
    assert patterns(layout[0]) == []  # ... and sent: the layout process hyphenates without reading them
    assert any("CharisSIL" in str(target) for event, target in events[layout[0]] if event == "open")  # it laid out
    assert all(gone(pid) for pid in events)


def test_a_collection_laid_out_in_chunks_parses_its_hyphenation_patterns_once(tmp_path):
    # 10 transcripts: read in processes (forked: no audit hook of their own) and laid out in chunks by 2
    # layout processes; the patterns are parsed by the build while the transcripts are read, and sent to both.
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
    assert "hyph_en_GB.dic" in opened[main] and not any("hyph_en_GB.dic" in opened[pid] for pid in layout)


@pytest.mark.parametrize("args", [("-f", "epub,html"), ("--jobs", "1")], ids=["no-pdf", "jobs-1"])
def test_no_layout_process_without_a_pdf_or_with_one_job(tmp_path, args):
    project = make_project(tmp_path / "book", SEED.read_text(encoding="utf-8"), config=CONFIG)
    result, events = audited_processes("build", str(project), "--no-cache", *args)
    assert result.returncode == 0, result.stderr
    assert len(events) == 1  # the build's process alone
    started = [target for event, target in next(iter(events.values())) if event == "subprocess.Popen"]
    # with --jobs 1, WeasyPrint is imported in the build's process, the quick way (weasyimport.py)
    assert started == ([] if "--jobs" not in args else ["/sbin/ldconfig"])


def test_a_build_the_cache_answers_ends_the_layout_process_started_early(tmp_path):
    project = make_project(tmp_path / "book", SEED.read_text(encoding="utf-8"), config=CONFIG)
    assert run_cli("build", str(project), env=ENV).returncode == 0
    before = snapshot(project / "dist")
    result, events = audited_processes("build", str(project))
    assert result.returncode == 0 and "up to date" in result.stdout, result.stderr
    assert snapshot(project / "dist") == before
    assert len(events) <= 2  # the build, and the layout process if it got as far as its audit hook
    assert all(gone(pid) for pid in events)


@pytest.mark.skipif(sys.platform != "linux", reason="pipe sizes are set on Linux only")
def test_hyphenation_patterns_are_sent_only_where_they_fit_in_the_pipes():
    # Sent while the layout processes may still import WeasyPrint: sending must not wait for them to read.
    # English patterns fit (and 64 kB, a pipe's usual size, would not do); German ones do not, and are not
    # even parsed: the layout process parses them itself if it needs them.
    import fcntl
    import pickle

    import pyphen

    from interview_publish.renderers import layoutpool

    with layoutpool.Pool(2) as pool:
        capacities = [fcntl.fcntl(connection.outgoing.fileno(), getattr(fcntl, "F_GETPIPE_SZ", 1032))
                      for _, connection in pool.workers]
        pool.hyphenate(["en", "de"])
        pool.send_patterns()
        sent = dict(pool.patterns_sent)
    english, german = pyphen.LANGUAGES["en"], pyphen.LANGUAGES["de"]
    assert capacities == [layoutpool.PIPE_BYTES] * 2
    assert 65536 < sent[english] == len(pickle.dumps(("hyphenation", {english: pool.patterns[english]}),
                                                     protocol=pickle.HIGHEST_PROTOCOL)) < layoutpool.PIPE_BYTES
    assert sent[german] == 0 and german not in pool.patterns
