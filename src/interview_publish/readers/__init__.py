"""Readers turn transcript files into Interviews. They never import renderers.

One path for every format: the bytes are decoded (``text_input``), front matter is split off
(``front_matter``), the format is recognised by content (``formats.detect``) and its segmenter
turns the text into segments (``segments``), and the structure step (``structure``) finds the
header, turns, people and roles in the segments.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Problem, PublishError, display_path
from ..limits import read_limited
from ..model import Interview
from .formats import detect
from .front_matter import read_front, split_front_matter
from .segments import Segmented, SourcePerson
from .speakers import PersonSetting
from .structure import ReadingOptions, build_interview
from .text_input import decode_transcript

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".vtt", ".srt", ".json", ".trs", ".html", ".htm")
LAYOUTS = ("plain", "labels", "headings")  # `reader` values that force a layout of a text transcript

__all__ = ["TRANSCRIPT_SUFFIXES", "ReaderOptions", "read_transcript", "read_text"]


@dataclass(frozen=True)
class ReaderOptions:
    """How to read one transcript: the format (or auto), declared people, speaker fixes by source line."""

    shape: str = "auto"
    people: tuple[PersonSetting, ...] = ()
    fixes: tuple[tuple[int, str], ...] = ()
    fixes_where: tuple[str | None, int | None] = (None, None)
    clean_verbatim: bool = False


def read_transcript(path: Path, interview_id: str, options: ReaderOptions | None = None,
                    encoding: str | None = None) -> tuple[Interview, list[Problem]]:
    """Read one transcript file into an Interview, plus notes and warnings about what was cleaned up."""
    shown = display_path(path) or str(path)
    try:
        data = read_limited(path, shown, what="transcript")
    except OSError as exc:
        raise PublishError(Problem("error", "read", f"cannot read the transcript: {exc.strerror}", shown))
    text, problems = decode_transcript(data, shown, encoding)
    interview, more = read_text(text, path, shown, interview_id, options or ReaderOptions())
    return interview, problems + more


def read_text(text: str, path: Path, shown: str, interview_id: str,
              options: ReaderOptions) -> tuple[Interview, list[Problem]]:
    """Decoded transcript text into an Interview: front matter, format, segments, structure."""
    raw, body, first_line, problems = split_front_matter(text, shown)
    front, more = read_front(raw, shown, text.split("\n", first_line)[1:first_line - 2] if raw else [])
    problems += more
    forced = front.reader or (options.shape if options.shape != "auto" else None)
    fmt = detect(body, path.suffix.lower(), None if forced in LAYOUTS else forced)
    if forced == "plain" and fmt.name in ("text", "markdown"):
        from .formats.text import segment_unlabelled

        source = segment_unlabelled(body, shown, first_line, fmt.name == "markdown")
    else:
        source = fmt.segment(body, shown, first_line)
    source = with_front(source, front)
    people = options.people + tuple(
        PersonSetting(p.get("name"), p.get("role") if p.get("role") in ("interviewer", "interviewee", "other") else None,
                      p.get("description"), tuple(str(label) for label in p.get("labels", []) or []), p.get("key"),
                      (shown, None)) for p in front.settings)
    reading = ReadingOptions(people, options.fixes, options.fixes_where, options.clean_verbatim,
                             forced if forced in LAYOUTS else None)
    interview, found = build_interview(source, path, shown, interview_id, reading)
    return interview, problems + found


def with_front(source: Segmented, front) -> Segmented:
    """The segmenter's findings, with what the front matter says taking precedence."""
    people = list(front.people) + [p for p in source.people
                                   if not any(q.name and q.name == p.name for q in front.people)]
    return replace(source, title=front.title or source.title, title_line=None if front.title else source.title_line,
                   subtitle=front.subtitle or source.subtitle, description=front.description or source.description,
                   date=front.date or source.date, place=front.place or source.place,
                   language=front.language or source.language, source_url=front.source_url or source.source_url,
                   people=people)


__all__ += ["SourcePerson"]
