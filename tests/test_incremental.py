"""Incremental builds: nothing changed renders nothing; a change is rebuilt; a damaged cache is never trusted."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import SEED, make_project, outputs, run_cli

NO_OP = """
import sys
from interview_publish.build import build
result = build(sys.argv[1])
print(result.rendered, "weasyprint" in sys.modules, "ebooklib" in sys.modules, "PIL" in sys.modules)
"""


HTML_ONLY = """
import sys
from interview_publish.build import build
result = build(sys.argv[1], ("html",), cache=False)
print(result.rendered, "PIL" in sys.modules, "ebooklib" in sys.modules)
"""


def test_an_html_page_alone_draws_no_cover(tmp_path):
    """Nothing of the cover is made for the HTML page alone: neither drawn nor Pillow imported (its kit,
    which has the cover, comes with a full build)."""
    project = make_project(tmp_path / "p")
    for number in range(2, 13):  # a collection
        (project / "content" / f"{number:02}.txt").write_bytes(SEED.read_bytes())
    probe = subprocess.run([sys.executable, "-c", HTML_ONLY, str(project)], capture_output=True, text=True,
                           timeout=120)
    assert probe.stdout.split() == ["('html',)", "False", "False"], probe.stderr
    assert [p.suffix for p in (project / "dist").iterdir()] == [".html"]


@pytest.fixture
def built(tmp_path):
    project = make_project(tmp_path / "p")
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    assert (project / ".interview-publish" / "cache" / "build.json").is_file()
    return project


def stamps(project):
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in (project / "dist").iterdir()}


def test_unchanged_rebuild_renders_nothing_and_imports_no_renderer(built):
    before = stamps(built)
    again = run_cli("build", str(built))
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout and "wrote" not in again.stdout
    assert 'removed "Leave a comment"' in again.stderr  # the findings are still reported
    assert stamps(built) == before  # no file in dist/ was rewritten
    probe = subprocess.run([sys.executable, "-c", NO_OP, str(built)], capture_output=True, text=True, timeout=60)
    assert probe.stdout.split() == ["()", "False", "False", "False"], probe.stderr


def test_changed_transcript_changes_its_outputs(built):
    files = outputs(built)
    old = {fmt: files[fmt].read_bytes() for fmt in ("epub", "pdf", "html")}
    transcript = built / "content" / SEED.name
    transcript.write_text(transcript.read_text(encoding="utf-8").replace("Lisbon", "Porto"), encoding="utf-8")
    result = run_cli("build", str(built))
    assert result.returncode == 0 and "wrote" in result.stdout, result.stderr
    for fmt in ("epub", "pdf", "html"):
        assert files[fmt].read_bytes() != old[fmt], fmt
    assert "Porto" in files["html"].read_text(encoding="utf-8")
    from pypdf import PdfReader

    assert any("Porto" in page.extract_text() for page in PdfReader(str(files["pdf"])).pages)
    assert "up to date" in run_cli("build", str(built)).stdout


def test_changed_options_or_theme_rebuild(built):
    assert "wrote" in run_cli("build", str(built), "--trim", "A4").stdout
    styles = built / "styles"
    styles.mkdir()
    (styles / "screen.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    result = run_cli("build", str(built), "--trim", "A4")
    assert "wrote" in result.stdout and "#123456" in outputs(built)["html"].read_text(encoding="utf-8")


def test_outputs_deleted_or_edited_by_hand_are_restored(built):
    files = outputs(built)
    good_epub, good_html = files["epub"].read_bytes(), files["html"].read_bytes()
    files["epub"].unlink()
    files["html"].write_text("edited by hand", encoding="utf-8")
    result = run_cli("build", str(built))
    assert result.returncode == 0 and "up to date" in result.stdout, result.stderr
    assert "restored dist/" in result.stdout
    assert files["epub"].read_bytes() == good_epub and files["html"].read_bytes() == good_html


@pytest.mark.parametrize("damage", ["truncate-manifest", "garble-manifest", "garble-output-copy"])
def test_a_corrupt_cache_is_detected_and_rebuilt(built, damage):
    cache = built / ".interview-publish" / "cache"
    files = outputs(built)
    good_html = files["html"].read_bytes()
    manifest = cache / "build.json"
    if damage == "truncate-manifest":
        manifest.write_bytes(manifest.read_bytes()[:40])
    elif damage == "garble-manifest":
        manifest.write_bytes(manifest.read_bytes().replace(b'"html"', b'"htmx"'))
    else:
        import hashlib

        copy = cache / "blobs" / hashlib.sha256(good_html).hexdigest()
        copy.write_bytes(b"<p>not what was built</p>")
        files["html"].unlink()  # so the build needs the damaged copy
    result = run_cli("build", str(built))
    assert result.returncode == 0, result.stderr
    assert "note[cache]: the build cache is damaged" in result.stderr
    assert "wrote" in result.stdout  # rendered again, not restored from the damaged cache
    assert files["html"].read_bytes() == good_html
    again = run_cli("build", str(built))
    assert "up to date" in again.stdout and "note[cache]" not in again.stderr  # the cache was rebuilt


def test_no_cache_option_renders_everything(built):
    result = run_cli("build", str(built), "--no-cache", "-f", "html")
    assert "wrote" in result.stdout


def test_a_cache_that_came_with_a_copied_project_is_not_trusted(built, tmp_path):
    """Someone else's project folder may hold a self-consistent cache whose outputs are anything: a copy
    (cp, unzip, git clone) is a new folder, and its builds render instead of restoring."""
    import hashlib
    import json
    import shutil

    cache = built / ".interview-publish" / "cache"
    html = outputs(built)["html"]
    forged = b"<p>not built from this transcript</p>"
    (cache / "blobs" / hashlib.sha256(forged).hexdigest()).write_bytes(forged)
    manifest = cache / "build.json"
    body = json.loads(manifest.read_bytes().rpartition(b"\n")[0])
    body["files"][html.name] = hashlib.sha256(forged).hexdigest()
    raw = json.dumps(body, sort_keys=True).encode()
    manifest.write_bytes(raw + b"\n" + hashlib.sha256(raw).hexdigest().encode())
    # In the folder that made it, the forged cache is self-consistent: it is restored (the seal matches).
    html.unlink()
    assert "up to date" in run_cli("build", str(built)).stdout
    assert html.read_bytes() == forged
    # A copy of the same folder renders everything again: the forged output is gone.
    copy = tmp_path / "received"
    shutil.copytree(built, copy)
    result = run_cli("build", str(copy))
    assert result.returncode == 0 and "wrote" in result.stdout and "up to date" not in result.stdout, result.stderr
    assert b"not built from this transcript" not in outputs(copy)["html"].read_bytes()
    assert "Buzhinskiy" in outputs(copy)["html"].read_text(encoding="utf-8")
