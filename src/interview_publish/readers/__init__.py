"""Readers turn transcript files into Interviews. They never import renderers."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, PublishError, display_path
from ..model import Interview
from .plain import read_plain
from .text_input import decode_transcript

TRANSCRIPT_SUFFIXES = (".txt",)


def read_transcript(path: Path, interview_id: str) -> tuple[Interview, list[Problem]]:
    """Read one transcript file into an Interview, plus warnings about what was cleaned up."""
    shown = display_path(path) or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PublishError(Problem("error", "read", f"cannot read the transcript: {exc.strerror}", shown))
    text, problems = decode_transcript(data, shown)
    interview, more = read_plain(text, shown, interview_id)
    return interview, problems + more
