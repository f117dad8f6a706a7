"""Build progress: a live line per step on a terminal; plain lines elsewhere and in CI; --quiet, --verbose."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from helpers import make_project, run_cli


def run_on_terminal(args: list[str], env: dict) -> str:
    """Run the CLI with its stdout and stderr on a pseudo-terminal; return everything it wrote there."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "interview_publish", *args], stdout=follower, stderr=follower,
                               stdin=subprocess.DEVNULL, env=env, close_fds=True)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process exits
            break
        if not data:
            break
        chunks.append(data)
    assert process.wait(timeout=300) == 0
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def terminal_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "INTERVIEW_PUBLISH_DEBUG")}
    env["TERM"] = "xterm"
    return {**env, **extra}


def test_a_terminal_gets_a_live_line_per_step(tmp_path):
    project = make_project(tmp_path)
    shown = run_on_terminal(["build", str(project), "-f", "html,epub"], terminal_env())
    assert "\r\x1b[K  … reading the transcripts" in shown
    for label in ("reading the transcripts", "EPUB", "HTML", "writing the files"):
        assert f"\r\x1b[K  ✓ {label}" in shown, shown
    assert "✓ PDF" not in shown  # only the steps that run
    assert "wrote " in shown


def test_in_ci_a_terminal_gets_plain_lines(tmp_path):
    project = make_project(tmp_path)
    shown = run_on_terminal(["build", str(project), "-f", "html"], terminal_env(CI="true"))
    assert "\x1b[" not in shown and "\r\x1b" not in shown
    assert "wrote " in shown


def test_verbose_prints_each_step_and_quiet_only_problems(tmp_path):
    project = make_project(tmp_path, config=None)  # no publication.toml: a note about the language
    verbose = run_cli("build", str(project), "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    steps = [line.split(":")[0] for line in verbose.stderr.splitlines() if ": done in " in line]
    # the EPUB and HTML are rendered while the layout process writes the PDF, so they finish first
    assert steps == ["read", "epub", "html", "pdf", "kit", "write"]
    assert "note[inferred]" in verbose.stderr and "warning[boilerplate]" in verbose.stderr
    quiet = run_cli("build", str(project), "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == ""
    assert "warning[boilerplate]" in quiet.stderr and "note[" not in quiet.stderr and " done in " not in quiet.stderr
    assert run_cli("build", str(project), "--quiet", "--verbose").returncode == 2
