"""The one shape every input format is read into: a list of segments.

A *segmenter* (one module per input format in ``readers/formats/``) turns decoded text into a
``Segmented``: the source's segments in order, plus what the format itself states about the
interview (title, people, language, ...). The *structure* step (``readers/structure.py``) then
finds the header, the turns, the people and their roles from the segments of any format.

A segment is one paragraph, caption cue or ASR segment as the source gives it:

- ``kind`` says what it is: ``speech`` (someone says it), ``heading`` (a heading in the text; a
  question written as a heading is a heading that ends with "?"), ``quote`` (a pull quote or
  blockquote), ``caption`` (an image line or its caption), ``note`` (an editor's note), or
  ``leftover`` (page furniture, kept so nothing disappears silently: the structure step drops it
  with a warning).
- ``label`` is the speaker label exactly as written (``Q``, ``MR. SMITH``, ``Speaker 1``,
  ``SPEAKER_00``), or None when the source names nobody for this segment.
- ``start`` / ``end`` are seconds from the start of the recording, where the source gives them.
- ``flow`` marks machine segments (caption cues, ASR segments) that may end mid-sentence: the
  structure step joins a speaker's flowing segments and re-splits them at sentence ends.
- ``change`` marks an explicit change of speaker where no label is given (``>>`` in captions).
- ``hint`` is a role the layout itself states for an unlabelled segment: ``question`` (a
  whole-paragraph bold question in a blog Q&A) or ``answer``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem

KINDS = ("speech", "heading", "quote", "caption", "note", "leftover")


@dataclass(frozen=True)
class Segment:
    """One paragraph, cue or ASR segment of the source."""

    line: int
    text: str
    kind: str = "speech"
    label: str | None = None
    start: float | None = None
    end: float | None = None
    flow: bool = False
    change: bool = False
    hint: str | None = None
    level: int = 0  # a heading's level (1 for `# Title`), 0 for other kinds


@dataclass(frozen=True)
class SourcePerson:
    """Somebody the format itself declares (front matter, a JSON `speakers` list, a .trs <Speaker>)."""

    name: str | None
    role: str | None = None  # interviewer | interviewee | other, when the source says so
    labels: tuple[str, ...] = ()  # labels that stand for this person in the segments (ids, slugs)
    description: str | None = None


@dataclass
class Segmented:
    """What a segmenter found: the segments in order and what the source says about itself."""

    format: str  # e.g. "markdown", "otter", "webvtt", "whisper-json"
    segments: list[Segment]
    markdown: bool = False  # segment text is inline Markdown (emphasis, escapes) rather than plain text
    title: str | None = None
    title_line: int | None = None
    subtitle: str | None = None
    description: str | None = None
    date: str | None = None
    place: str | None = None
    language: str | None = None
    source_url: str | None = None
    people: list[SourcePerson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # warnings and notes found while segmenting


_CLOCK = re.compile(r"^(?:(?P<h>\d{1,3}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[.,](?P<f>\d{1,3}))?$")


def parse_clock(text: str) -> float | None:
    """Seconds from a clock time: "1:02:03", "01:02:03.500", "2:03", "00:00:01,250"; None if not one."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    hours = int(match.group("h") or 0)
    minutes, seconds = int(match.group("m")), int(match.group("s"))
    if minutes >= 60 and match.group("h") is not None or seconds >= 60:
        return None
    fraction = match.group("f") or ""
    return hours * 3600 + minutes * 60 + seconds + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)


def clock(seconds: float | None) -> str | None:
    """The timestamp shown in the book: "00:01:23" (hours always, whole seconds)."""
    if seconds is None:
        return None
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
