"""The command line: help without heavy imports, format selection, transcript-only folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from helpers import NS, SEED, epubcheck, make_project, outputs, read_epub, run_cli

PROBE = """
import sys
from interview_publish.cli import main
try:
    code = main({argv!r})
except SystemExit as exit:
    code = exit.code
print("EXIT", code, "weasyprint" in sys.modules, "ebooklib" in sys.modules)
"""


def probe(argv):
    result = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True)
    return result.stdout.splitlines()[-1].split()[1:], result


def test_help_does_not_import_weasyprint():
    (code, weasy, ebook), result = probe(["--help"])
    assert code == "0" and weasy == "False" and ebook == "False"
    assert "build" in result.stdout and "dump" in result.stdout


def test_html_only_build_skips_weasyprint(tmp_path):
    project = make_project(tmp_path)
    (code, weasy, _), result = probe(["build", str(project), "--format", "html"])
    assert (code, weasy) == ("0", "False"), result.stderr
    assert set(outputs(project)) == {"html"}


def test_module_and_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("interview-publish ")


EXIT_PROBE = """
import atexit, sys
{tracer}
atexit.register(lambda: print("teardown ran"))
sys.argv = ["interview-publish", "check", {project!r}, "--no-validators"]
from interview_publish.cli import run
run()
"""


def test_build_reports_what_it_wrote(sample):
    for fmt in ("epub", "pdf", "html"):
        assert f"dist/buzhinskiy-interview.{fmt}" in sample["stdout"].replace(os.sep, "/")


def test_transcript_only_folder_infers_metadata(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    os.utime(tmp_path / SEED.name, (1300000000, 1300000000))
    result = run_cli("build", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert 'assuming "en"' in result.stderr
    files = outputs(tmp_path)
    assert files["epub"].name == "russia-and-us-have-mutual-desire-to-develop-cooperation.epub"
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    _, opf, _ = read_epub(files["epub"])
    identifier = opf.findtext(".//dc:identifier", namespaces=NS)
    assert identifier.startswith("urn:uuid:")
    assert opf.findtext(".//dc:title", namespaces=NS) == "Russia and US have mutual desire to develop cooperation"
    assert opf.findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS) == "2011-03-13T07:06:40Z"
    # The derived identifier is stable: a second build in another folder gives the same one.
    other = tmp_path / "again"
    other.mkdir()
    shutil.copy(SEED, other / SEED.name)
    assert run_cli("build", str(other / SEED.name), "-f", "epub").returncode == 0
    _, opf2, _ = read_epub(outputs(other)["epub"])
    assert opf2.findtext(".//dc:identifier", namespaces=NS) == identifier
