"""Faults: a build killed at any moment, a dist/ that cannot be written, a full disk, a missing font or
template. Each leaves the previous dist/ files byte-identical and valid, or gives one clear message and
a non-zero exit. Faults are injected from outside the package (tests/fault_site/sitecustomize.py)."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from helpers import REPO, SEED, epubcheck, make_project, run_cli
from pypdf import PdfReader

CONFIG = 'title = "Faults"\nlanguage = "en"\n'


def snapshot(dist: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in dist.iterdir()}


@pytest.fixture
def built(tmp_path):
    """A project built once (all formats and the kit), then changed so that a new build differs."""
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=CONFIG)
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    before = snapshot(project / "dist")
    transcript = project / "content" / "interview.txt"
    transcript.write_text(transcript.read_text(encoding="utf-8").replace("Buzhinskiy", "Buzhinsky"))
    return project, before


def faulty(project: Path, fault: str, marker: Path | None = None, *args: str) -> subprocess.Popen:
    env = {**os.environ, "FAULT": fault, "MARKER": str(marker or "")}
    env.pop("INTERVIEW_PUBLISH_DEBUG", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "tests" / "fault_site"), env.get("PYTHONPATH")]))
    return subprocess.Popen([sys.executable, "-P", "-m", "interview_publish", "build", str(project), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_when_marked(process: subprocess.Popen, marker: Path) -> None:
    """SIGKILL the build once it has touched the marker (a generous deadline guards against a hang)."""
    deadline = time.monotonic() + 240
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never reached the fault"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL


def assert_valid(dist: Path) -> None:
    """The books in dist/ open and pass their checks."""
    epub = next(dist.glob("*.epub"))
    assert zipfile.ZipFile(epub).testzip() is None
    report = epubcheck(epub)
    assert (report["fatal"], report["error"]) == (0, 0), report["messages"]
    assert len(PdfReader(io.BytesIO(next(dist.glob("*.pdf")).read_bytes())).pages) > 3
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("jobs", [(), ("--jobs", "1")], ids=["layout-process", "in-process"])
def test_a_build_killed_during_the_pdf_leaves_the_old_files_byte_identical(built, tmp_path, jobs):
    project, before = built
    marker = tmp_path / "in-pdf"
    build = faulty(project, "pause-in-pdf", marker, *jobs)
    kill_when_marked(build, marker)
    layout = int(marker.read_text())
    assert (layout != build.pid) == (not jobs)  # laid out by a layout process, unless --jobs 1
    assert snapshot(project / "dist") == before  # no file changed, none added (no temporary file yet)
    assert_valid(project / "dist")
    deadline = time.monotonic() + 10
    while Path(f"/proc/{layout}").exists() and time.monotonic() < deadline:  # it ends with the build
        time.sleep(0.05)
    assert not Path(f"/proc/{layout}").exists() or Path(f"/proc/{layout}/stat").read_text().split()[2] == "Z"


def test_ctrl_c_during_the_pdf_ends_the_layout_process_without_a_traceback(built, tmp_path):
    project, before = built
    marker = tmp_path / "in-pdf"
    env = {**os.environ, "FAULT": "pause-in-pdf", "MARKER": str(marker),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "tests" / "fault_site"), os.environ.get("PYTHONPATH")]))}
    env.pop("INTERVIEW_PUBLISH_DEBUG", None)
    process = subprocess.Popen([sys.executable, "-P", "-m", "interview_publish", "build", str(project)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 240
    while not marker.exists():
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    layout = int(marker.read_text())
    assert os.getsid(layout) != os.getsid(process.pid)  # out of the terminal's reach: only the build hears it
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to the terminal's foreground group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and err.endswith("interrupted; dist/ is unchanged\n"), err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert not Path(f"/proc/{layout}").exists()  # ended (and reaped) by the build
    assert snapshot(project / "dist") == before


def test_a_layout_process_that_dies_gives_one_clear_message_and_leaves_dist_as_it_was(built):
    project, before = built
    process = faulty(project, "die-in-pdf")
    out, err = process.communicate(timeout=300)
    one_clear_line(subprocess.CompletedProcess(process.args, process.returncode, out, err), "pdf",
                   "layout process ended unexpectedly", "--jobs 1")
    assert snapshot(project / "dist") == before


def test_a_build_killed_before_the_renames_leaves_the_old_files_and_the_next_build_cleans_up(built, tmp_path):
    project, before = built
    marker = tmp_path / "before-rename"
    kill_when_marked(faulty(project, "pause-before-rename", marker), marker)
    after = snapshot(project / "dist")
    leftovers = sorted(name for name in after if name.endswith(".tmp"))
    assert len(leftovers) == len(before)  # every new file was written under a temporary name ...
    assert {name: data for name, data in after.items() if name in before} == before  # ... the old ones untouched
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    assert not [p for p in (project / "dist").iterdir() if p.name.endswith(".tmp")]  # the next build tidies up
    assert snapshot(project / "dist") != before


def test_a_build_killed_between_renames_leaves_each_file_whole(built, tmp_path):
    project, before = built
    reference = tmp_path / "reference"
    shutil.copytree(project, reference)
    assert run_cli("build", str(reference)).returncode == 0
    new = snapshot(reference / "dist")
    marker = tmp_path / "mid-rename"
    kill_when_marked(faulty(project, "pause-mid-rename", marker), marker)
    after = {name: data for name, data in snapshot(project / "dist").items() if not name.endswith(".tmp")}
    assert set(after) == set(before)
    changed = [name for name in after if after[name] != before[name]]
    assert changed and len(changed) < len(after)  # killed half-way through the renames ...
    for name in after:
        assert after[name] in (before[name], new[name]), name  # ... yet every file is a whole, valid one


def one_clear_line(result, code: str, *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert f"error[{code}]" in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_a_full_disk_gives_one_clear_message_and_leaves_dist_as_it_was(built):
    project, before = built
    process = faulty(project, "enospc")
    out, err = process.communicate(timeout=300)
    one_clear_line(subprocess.CompletedProcess(process.args, process.returncode, out, err), "write",
                   "cannot write the outputs: No space left on device")
    assert snapshot(project / "dist") == before  # the temporary files written before the failure are gone


def test_a_read_only_dist_gives_one_clear_message(built):
    project, before = built
    (project / "dist").chmod(0o555)
    # Root ignores permission bits: then the build runs without the capabilities that let it do so.
    prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    env = {**os.environ}
    env.pop("INTERVIEW_PUBLISH_DEBUG", None)
    try:
        result = subprocess.run([*prefix, sys.executable, "-m", "interview_publish", "build", str(project)], env=env,
                                capture_output=True, text=True, timeout=300)
    finally:
        (project / "dist").chmod(0o755)
    one_clear_line(result, "write", "cannot write the outputs: Permission denied", "dist")
    assert snapshot(project / "dist") == before


def test_a_missing_dist_is_created(tmp_path):
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=CONFIG)
    assert not (project / "dist").exists()
    assert run_cli("build", str(project), "-f", "html").returncode == 0
    assert [p.suffix for p in (project / "dist").iterdir()] == [".html"]


def test_dist_being_a_file_gives_one_clear_message(tmp_path):
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=CONFIG)
    (project / "dist").write_text("not a folder")
    one_clear_line(run_cli("build", str(project)), "write", "cannot write the outputs")
    assert (project / "dist").read_text() == "not a folder"


def test_a_missing_font_in_the_fonts_folder_gives_one_clear_message(built):
    project, before = built
    fonts = project / "styles" / "fonts"
    fonts.mkdir(parents=True)
    shutil.copy(REPO / "styles" / "fonts" / "CharisSIL-Italic.ttf", fonts / "CharisSIL-Italic.ttf")
    one_clear_line(run_cli("build", str(project)), "theme", "font CharisSIL-Regular.ttf not found")
    assert snapshot(project / "dist") == before


def test_a_missing_font_named_by_a_stylesheet_gives_one_clear_message(built):
    project, before = built
    shutil.copytree(REPO / "styles" / "fonts", project / "styles" / "fonts")
    (project / "styles" / "print.css").write_text(
        (REPO / "styles" / "print.css").read_text().replace("CharisSIL-Bold.ttf", "CharisSIL-Heavy.ttf"))
    one_clear_line(run_cli("build", str(project)), "theme", "print.css:6:", "CharisSIL-Heavy.ttf", "not found")
    assert snapshot(project / "dist") == before


def test_a_missing_template_in_a_project_override_gives_one_clear_message(built):
    project, before = built
    (project / "templates" / "html").mkdir(parents=True)
    page = (REPO / "templates" / "html" / "page.html.j2").read_text()
    (project / "templates" / "html" / "page.html.j2").write_text(
        page.replace('{% include "partials/colophon.html.j2" %}', '{% include "partials/gone.html.j2" %}'))
    one_clear_line(run_cli("build", str(project)), "theme", "template partials/gone.html.j2 not found")
    assert snapshot(project / "dist") == before


def test_a_missing_template_in_the_default_theme_gives_one_clear_message(built, tmp_path, monkeypatch, capsys):
    project, before = built
    theme = tmp_path / "broken-theme"
    shutil.copytree(REPO / "templates", theme / "templates")
    shutil.copytree(REPO / "styles", theme / "styles")
    (theme / "templates" / "epub" / "nav.xhtml.j2").unlink()
    from interview_publish import cli
    from interview_publish import theme as theme_module

    monkeypatch.setattr(theme_module, "default_theme_dir", lambda: theme)
    assert cli.main(["build", str(project), "-f", "epub"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error[theme]: template epub/nav.xhtml.j2 not found" in err, err
    assert snapshot(project / "dist") == before
