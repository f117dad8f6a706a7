"""Start-up: the commands that do not make a PDF never load WeasyPrint (about a second to import)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import make_project

PROBE = """
import contextlib, io, sys
from interview_publish.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(sorted(m for m in ("weasyprint", "pikepdf") if m in sys.modules))
"""


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["dump", "{p}"], ["check", "{p}", "--no-validators"],
                                  ["build", "{p}", "-f", "epub,html", "--no-cache"]])
def test_commands_without_the_pdf_never_import_weasyprint(tmp_path, args):
    project = make_project(tmp_path / "p")
    argv = [a.format(p=project) for a in args]
    probe = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "[]", (argv, probe.stdout)
