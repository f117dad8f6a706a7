"""Diagnostics as data: a Problem names a file and line; a PublishError carries them to the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One finding about the input, printed compiler-style: ``path:line: severity[code]: message``."""

    severity: str  # "error" | "warning" | "note"
    code: str
    message: str
    path: str | None = None
    line: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f"\n  hint: {self.hint}" if self.hint else ""
        return f"{where}{self.severity}[{self.code}]: {self.message}{hint}"

    def as_dict(self) -> dict:
        return {"severity": self.severity, "code": self.code, "message": self.message, "path": self.path,
                "line": self.line, "hint": self.hint}


class PublishError(Exception):
    """A problem with the user's input or environment: reported in one line each, never a traceback."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def error(code: str, message: str, path: Path | str | None = None, line: int | None = None) -> PublishError:
    """Build a PublishError holding a single error Problem."""
    return PublishError(Problem("error", code, message, display_path(path), line))


def display_path(path: Path | str | None) -> str | None:
    """Show a path relative to the working directory when it lies below it."""
    if path is None:
        return None
    p = Path(path)
    try:
        return str(p.resolve().relative_to(working_directory()))
    except (ValueError, OSError):
        return str(p)


_working: tuple[str, Path] | None = None


def working_directory() -> Path:
    """The working directory, resolved: once for as long as it stays the same (display_path is called for
    every transcript and every problem, and resolving a path asks the system about each of its folders)."""
    global _working
    here = os.getcwd()
    if _working is None or _working[0] != here:
        _working = (here, Path(here).resolve())
    return _working[1]


def close_matches(word: str, choices) -> list[str]:
    """The one choice nearest a misspelt ``word``, if any (difflib, imported only when something is
    misspelt: every build would otherwise pay for its import)."""
    import difflib

    return difflib.get_close_matches(word, list(choices), n=1)


def human_size(size: int) -> str:
    """A file size for people: 812 B, 30.6 KiB, 1.2 MiB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / 1024 / 1024:.1f} MiB"
