"""Readers turn transcript files into Interviews. They never import renderers."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, PublishError, display_path
from ..limits import read_limited
from ..model import Interview
from .text_input import decode_transcript
from .transcript import READERS, ReaderOptions, read_interview

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".vtt", ".srt")

__all__ = ["READERS", "TRANSCRIPT_SUFFIXES", "ReaderOptions", "read_transcript"]


def read_transcript(path: Path, interview_id: str, options: ReaderOptions | None = None,
                    encoding: str | None = None) -> tuple[Interview, list[Problem]]:
    """Read one transcript file into an Interview, plus notes and warnings about what was cleaned up."""
    shown = display_path(path) or str(path)
    try:
        data = read_limited(path, shown, what="transcript")
    except OSError as exc:
        raise PublishError(Problem("error", "read", f"cannot read the transcript: {exc.strerror}", shown))
    text, problems = decode_transcript(data, shown, encoding)
    interview, more = read_interview(text, path, shown, interview_id, options or ReaderOptions())
    return interview, problems + more
