"""Plain-text exports of transcription services and podcast sites: every turn starts with a *header*
that names the speaker and/or gives a time.

One table of header patterns (``_HEADERS``) and one segmenting loop. The layouts recognised (the
format name ``dump`` shows, then an example header):

- ``otter``: Otter.ai TXT, ``Maria Lopez  0:05`` alone on a line (two spaces before the time), the
  words on the next lines; an unlabelled paragraph continues that speaker; ``Transcribed by
  https://otter.ai`` at the end is a leftover.
- ``rev``: Rev and Temi, ``Sam Chen (00:09):`` alone on a line or with the words after it; a bare
  ``(01:10):`` continues the previous speaker. Often inside Markdown with ``# Title`` headings.
- ``descript``: ``[00:01:02] Maria Lopez: words`` one paragraph per header; ``[00:01:30] words``
  continues the previous speaker.
- ``speaker-timestamp``: Trint, Sonix, Happy Scribe and the like: ``Speaker 1 [00:00:04]``,
  ``[00:00:04] Speaker 1``, ``00:00:04 Speaker 1``, ``[00:00:04.10] - Speaker 1`` alone on a line
  (words below), or ``Speaker 1: [00:00:04] words``.
- ``zoom-text``: Zoom's saved live transcript, ``[Maria Lopez] 10:01:02`` then the words.
- ``google-meet``: Google Meet's transcript document saved as text: ``Maria Lopez: words`` lines with
  a bare ``00:05:00`` line now and then (its time goes to the next line), ``Attendees`` and the
  names, ``Meeting ended after 00:41:10`` at the end.
- ``timestamped-lines``: ``00:01:02 words`` one segment per line, no speakers (Whisper-made podcast
  transcripts).
- ``inline-timestamp``: ``0:00:13.8 **Full Name** words`` one line per turn, as podcast sites publish
  (also ``00:00:13 Full Name: words``).
- ``diarized-lines``: Whisper + pyannote reports, ``[0.0, 3.26] - SPEAKER_02:  words <br>`` (also
  ``[00:00:02 --> 00:00:07] SPEAKER_00: words``); Markdown and HTML around the transcript are headings
  or label-less paragraphs, and unlabelled paragraphs after the transcript's end are leftovers.

A layout is taken only when several lines are its headers (at least 3, and at least half of the
paragraphs), so prose with one ``Name (00:10):`` line stays with the text reader. The file suffix
plays no part in recognising these layouts (they are all plain text); ``.md``/``.markdown`` only
keeps the text as Markdown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from ...errors import Problem, PublishError
from ..labels import is_speaker_label
from ..segments import Segment, Segmented, SourcePerson, parse_clock
from . import Format

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_SECONDS = r"\d+(?:\.\d+)?"
# A speaker's name as a header gives it: no colon, brackets or parentheses, at most 60 characters.
_NAME = r"(?:\*\*|__)?(?P<label>[^\s:\[\]()*][^:\[\]()*\n]{0,59}?)(?:\*\*|__)?"
_GENERIC = re.compile(r"(?i)^(?:speaker|sprecher|intervenant|locutor|unknown speaker)[ _-]?\d*$|^SPEAKER_\d+$")


@dataclass(frozen=True)
class _Header:
    """One header shape: its layouts, its pattern (groups label, time or start/end, rest)."""

    layouts: tuple[str, ...]
    pattern: re.Pattern
    strict: bool = False  # ambiguous shape: the label must look like a name and the words follow below
    marker: bool = False  # a bare time that only dates the next header (Google Meet)


def _h(layouts: str, pattern: str, **kwargs) -> _Header:
    return _Header(tuple(layouts.split()), re.compile(pattern), **kwargs)


# Most specific first: a line is read by the first header of the chosen layout that matches it.
_HEADERS = (
    _h("diarized-lines", rf"^\[\s*(?P<start>{_SECONDS})\s*,\s*(?P<end>{_SECONDS})\s*\]"
                         rf"\s*-?\s*{_NAME}\s*:\s*(?P<rest>.*)$"),
    _h("diarized-lines", rf"^\[\s*(?P<start>{_CLOCK})\s*(?:-->|-|–)\s*(?P<end>{_CLOCK})\s*\]"
                         rf"\s*-?\s*{_NAME}\s*(?::\s*(?P<rest>.*))?$"),
    _h("diarized-lines", rf"^{_NAME}\s*\[\s*(?P<start>{_CLOCK})\s*(?:-->|-|–)\s*(?P<end>{_CLOCK})\s*\]"
                         rf"\s*:?\s*(?P<rest>.*)$"),
    _h("zoom-text", r"^\[(?P<label>[^\]\n]{1,80})\]\s+(?P<time>\d{1,2}:\d{2}:\d{2})$"),
    _h("rev", rf"^{_NAME}\s*\((?P<time>{_CLOCK})\)\s*:\s*(?P<rest>.*)$"),
    _h("rev", rf"^\((?P<time>{_CLOCK})\)\s*:\s*(?P<rest>.*)$"),
    _h("rev", rf"^{_NAME}\s*\((?P<time>{_CLOCK})\)$", strict=True),  # Riverside and Rev without the colon
    _h("otter", rf"^{_NAME}(?:[ \t]{{2,}}|\t)(?P<time>{_CLOCK})$"),
    _h("inline-timestamp", rf"^(?P<time>{_CLOCK})\s+\*\*(?P<label>[^*\n]{{1,60}}?):?\*\*:?\s+(?P<rest>\S.*)$"),
    _h("inline-timestamp", rf"^(?P<time>{_CLOCK})\s+{_NAME}\s*:\s+(?P<rest>\S.*)$", strict=True),
    _h("descript", rf"^\[(?P<time>{_CLOCK})\]\s*{_NAME}\s*:\s+(?P<rest>\S.*)$"),
    _h("speaker-timestamp", rf"^{_NAME}\s*:\s*\[(?P<time>{_CLOCK})\]\s*(?P<rest>.*)$"),
    _h("speaker-timestamp", rf"^{_NAME}\s+\[(?P<time>{_CLOCK})\]\s*:?\s*(?P<rest>.*)$"),
    _h("speaker-timestamp", rf"^\[(?P<time>{_CLOCK})\]\s*(?:-\s*)?{_NAME}\s*:?$", strict=True),
    _h("speaker-timestamp", rf"^(?P<time>{_CLOCK})\s+(?:-\s*)?{_NAME}\s*:?$", strict=True),
    _h("speaker-timestamp", rf"^{_NAME}\s+(?P<time>{_CLOCK})$", strict=True),
    _h("descript speaker-timestamp", rf"^\[(?P<time>{_CLOCK})\]\s*(?P<rest>.*)$"),
    _h("google-meet", r"^(?P<time>\d{1,2}:\d{2}:\d{2})$", marker=True),
    _h("google-meet", r"^(?P<label>[^\s:][^:\n]{0,59}?)(?:\s*~)?\s*:\s+(?P<rest>\S.*)$"),
    _h("timestamped-lines", rf"^\[?(?P<time>{_CLOCK})\]?\s+(?!-->)(?P<rest>\S.*)$"),
)
_LAYOUTS = ("otter", "rev", "descript", "speaker-timestamp", "zoom-text", "google-meet", "timestamped-lines",
            "inline-timestamp", "diarized-lines")
_FLOWING = {"timestamped-lines", "diarized-lines", "zoom-text"}  # machine segments that may end mid-sentence

_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ANCHOR_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+\[[^\]]*\]\(#[^)]*\)\s*$")
_CUE = re.compile(r"(?i)^[(\[][^()\[\]]*\b(?:music|jingle|theme|intro|outro|applause|sting)\b[^()\[\]]*[)\]]$")
_FOOTERS = re.compile(r"(?i)^(?:transcribed by https?://otter\.ai\S*|meeting ended after \d.*|this editable "
                      r"transcript was computer generated.*)$")
_MEET_TITLE = re.compile(r"^(?P<title>.+?)(?:\s+\((?P<date>\d{4}-\d{2}-\d{2})\b[^()]*\))?\s+-\s+Transcript$")
_SNIFF_LINES = 3000
_SNIFF_CHARS = 400_000
_TIMED = re.compile(r"\d:\d\d|\[\s*\d")  # a clock time, or "[0.0," seconds
_BARE_CLOCK = re.compile(r"(?m)^[ \t]*\d{1,2}:\d{2}:\d{2}[ \t]*\r?$")


@dataclass(frozen=True)
class _Hit:
    header: _Header
    label: str | None
    time: str | None  # the time as written (start)
    end: str | None
    rest: str


def _name_like(label: str, strict: bool) -> bool:
    """A header's label must read as a name: short, no sentence punctuation at its end."""
    if not label or len(label) > 60 or len(label.split()) > 6 or label[-1] in ",;:?!\"“”'’":
        return False
    if label.endswith(".") and len(label.split()[-1]) > 4:  # "Jr." and "Dr." may end a name, "there." not
        return False
    if strict:
        return bool(_GENERIC.match(label)) or is_speaker_label(label)
    return True


def _match(line: str, following: str | None, layout: str | None, meet: bool = True) -> list[_Hit]:
    """The headers this (stripped) line is, for one layout or for all (Google Meet's only if ``meet``);
    ``following`` is the next line."""
    hits = []
    timed = _TIMED.search(line) is not None
    for header in _HEADERS:
        if layout is not None and layout not in header.layouts:
            continue
        if header.layouts == ("google-meet",) and not header.marker:
            if not meet:
                continue
        elif not timed:  # every other header has a time in it
            continue
        found = header.pattern.match(line)
        if not found:
            continue
        groups = found.groupdict()
        label = (groups.get("label") or "").strip().strip("*_").strip() or None
        rest = (groups.get("rest") or "").strip()
        if label is not None and not _name_like(label, header.strict):
            continue
        if header.strict and not rest and not following:
            continue  # "00:05:12 Absolutely." with a blank line after it is a timed line, not a header
        if "timestamped-lines" in header.layouts and not re.search(r"[^\W\d_]", rest):
            continue
        hits.append(_Hit(header, label, groups.get("time") or groups.get("start"), groups.get("end"), rest))
        if layout is not None:
            break
    return hits


_ALONE_CLOCK = re.compile(rf"^\s*(?P<time>{_CLOCK})\s*$")


def _lines(text: str) -> list[str]:
    """The text's lines; a name alone on a line over a time alone on the next (``Maria Lopez`` /
    ``00:01:05``, as transcripts copied out of Teams and Riverside documents stand) reads as the one
    header ``Maria Lopez 00:01:05`` on the time's line, the name's line left blank, so that every line
    keeps its number."""
    lines = text.removeprefix("\ufeff").splitlines()
    for index in range(len(lines) - 2):
        name, clock = lines[index].strip(), _ALONE_CLOCK.match(lines[index + 1])
        if clock and name and (index == 0 or not lines[index - 1].strip()) and lines[index + 2].strip() \
                and _name_like(name, True) and not _TIMED.search(name):
            lines[index], lines[index + 1] = "", f"{name} {clock.group('time')}"
    return lines


def _walk(lines: list[str]):
    """(index, stripped line, the next line stripped or None, whether a blank line came before) for every
    line that is not blank."""
    after_blank = True
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            after_blank = True
            continue
        yield index, line, lines[index + 1].strip() if index + 1 < len(lines) else None, after_blank
        after_blank = False


def _layout(text: str) -> str | None:
    """The header layout most lines of the text follow, if several do; else None."""
    sample = text[:_SNIFF_CHARS]
    if len(_TIMED.findall(sample)) < 3:
        return None  # no layout here without three times
    lines = _lines(sample)[:_SNIFF_LINES]
    meet = _BARE_CLOCK.search(sample) is not None
    headers = dict.fromkeys(_LAYOUTS, 0)  # header lines with a label
    bare = dict.fromkeys(_LAYOUTS, 0)  # header lines without one (continuations, markers, timed lines)
    units = dict.fromkeys(_LAYOUTS, 0)  # paragraphs, each header starting one
    landmark = False
    for index, line, following, after_blank in _walk(lines):
        hits = _match(line, following, None, meet)
        furniture = _HEADING.match(line) or _ANCHOR_ITEM.match(line) or not _TAG.sub("", line).strip()
        landmark = landmark or line in ("Attendees", "Transcript") and index < 40 or bool(_FOOTERS.match(line))
        for layout in _LAYOUTS:
            own = [hit for hit in hits if layout in hit.header.layouts]
            if own and not own[0].header.marker:
                units[layout] += 1
                if own[0].label:
                    headers[layout] += 1
                else:
                    bare[layout] += 1
            elif own:
                bare[layout] += 1
            elif after_blank and not furniture:
                units[layout] += 1

    def qualifies(layout: str) -> bool:
        if layout == "google-meet" and not (bare[layout] >= 2 or bare[layout] and landmark):
            return False
        count = headers[layout] if layout != "timestamped-lines" else bare[layout]
        return count >= 3 and (headers[layout] + bare[layout]) >= 0.5 * max(units[layout], 1)

    named = [layout for layout in _LAYOUTS if layout != "timestamped-lines" and qualifies(layout)]
    if named:
        return max(named, key=lambda layout: headers[layout])
    return "timestamped-lines" if qualifies("timestamped-lines") else None


def _clean(text: str, markdown: bool) -> str:
    """Plain words: tags and <br> gone, entities decoded (Markdown keeps its own), one space between."""
    text = _TAG.sub(" ", text)
    if not markdown:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return " ".join(text.split())


@dataclass
class _Open:
    """The segment being read: its first line and the lines joined so far."""

    line: int
    parts: list[str]
    kind: str = "speech"
    label: str | None = None
    start: float | None = None
    end: float | None = None
    level: int = 0


@dataclass
class _Reader:
    """The state of one pass over the lines of one file."""

    layout: str
    shown: str
    markdown: bool
    segments: list[Segment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    label: str | None = None  # the speaker whose turn is running
    pending: _Open | None = None  # a header whose words start on a later line
    open: _Open | None = None
    marker: float | None = None  # a Google Meet time waiting for the next header
    seen_header: bool = False
    date: str | None = None  # Google Meet's title line gives the meeting's date
    ended: bool = False  # the transcript proper is over (a heading or </details> after its headers)

    def seconds(self, raw: str | None, line: int) -> float | None:
        if raw is None:
            return None
        value = float(raw) if re.fullmatch(_SECONDS, raw) else parse_clock(raw)
        if value is None:
            self.problems.append(Problem("warning", "bad-timestamp", f'"{raw}" is not a time: the words are kept '
                                         "without it", self.shown, line))
        return value

    def close(self) -> None:
        if self.open is not None:
            text = _clean(" ".join(self.open.parts), self.markdown)
            if text:
                item = self.open
                self.segments.append(Segment(item.line, text, item.kind, item.label, item.start, item.end,
                                             flow=self.layout in _FLOWING and item.kind == "speech",
                                             level=item.level))
        self.open = None

    def header(self, hit: _Hit, line: int) -> None:
        self.close()
        self.pending = None
        if hit.header.marker:
            self.marker = self.seconds(hit.time, line)
            return
        self.seen_header, self.ended = True, False
        if hit.label:
            self.label = hit.label
        start = self.seconds(hit.time, line)
        if start is None and self.marker is not None:
            start = self.marker
        self.marker = None
        item = _Open(line, [], label=self.label, start=start, end=self.seconds(hit.end, line))
        if hit.rest:
            item.parts.append(hit.rest)
            self.open = item
        else:
            self.pending = item

    def other(self, line: str, number: int, new_paragraph: bool) -> None:
        """A line that is no header: words of the open segment, or a new paragraph."""
        front = self.layout == "google-meet" and not self.seen_header  # one line each above the transcript
        if (not new_paragraph and not front and self.open is not None and self.open.kind != "heading"
                and not _FOOTERS.match(line)):
            self.open.parts.append(line)
            return
        self.close()
        heading = _HEADING.match(line)
        if heading and (self.markdown or not self.seen_header) and heading.group("text"):
            self.open = _Open(number, [heading.group("text")], "heading", level=len(heading.group("marks")))
            self.label, self.pending = None, None
            self.ended = self.seen_header
            return
        if self.pending is not None:
            self.open, self.pending = self.pending, None
            self.open.line = number
            self.open.parts.append(line)
            return
        words = _clean(line, self.markdown)
        if not words:  # markup only: <details>, </div>
            if line.startswith("</") and self.seen_header:
                self.label, self.ended = None, True
            return
        html_line = line.startswith("<") and _TAG.match(line) is not None  # <summary>View all</summary>
        if _CUE.match(words) or _FOOTERS.match(words) or _ANCHOR_ITEM.match(line) or html_line:
            self.open = _Open(number, [line], "leftover")
            return
        if self.layout == "google-meet" and not self.seen_header:
            self.google_meet_front(words, number)
            return
        kind = "leftover" if self.ended and self.layout == "diarized-lines" else "speech"
        self.open = _Open(number, [line], kind, label=None if self.ended else self.label)

    def google_meet_front(self, words: str, number: int) -> None:
        """The lines above a Google Meet transcript: its title, "Attendees" and the names, "Transcript"."""
        title = _MEET_TITLE.match(words)
        previous = self.segments[-1].text if self.segments else None
        if title and not self.segments:
            self.open = _Open(number, [title.group("title")], "heading", level=1)
            self.date = title.group("date")
        elif words in ("Attendees", "Transcript"):
            self.open = _Open(number, [words], "heading", level=2)
        elif previous == "Attendees":
            self.open = _Open(number, [words], "leftover")  # the names, kept: they are also in `people`
        else:
            self.open = _Open(number, [words])


def _people(segments: list[Segment]) -> list[SourcePerson]:
    """Google Meet lists its attendees, comma-separated, under "Attendees"."""
    for before, names in zip(segments, segments[1:]):
        if before.kind == "heading" and before.text == "Attendees":
            return [SourcePerson(name.strip()) for name in names.text.split(",") if name.strip()]
    return []


def _segmenter(layout: str):
    def segment(text: str, shown: str, first_line: int = 1) -> Segmented:
        return segment_as(layout, text, shown, first_line)

    return segment


def segment_as(layout: str, text: str, shown: str, first_line: int = 1) -> Segmented:
    """The segments of a header-layout transcript, read with the headers of ``layout``."""
    lines = _lines(text)
    if not any(line.strip() for line in lines):
        raise PublishError(Problem("error", "empty", "the transcript has no text", shown, first_line))
    reader = _Reader(layout, shown, PurePath(shown).suffix.lower() in (".md", ".markdown"))
    for index, line, following, after_blank in _walk(lines):
        number = first_line + index
        hits = _match(line, following, layout)
        if hits:
            reader.header(hits[0], number)
        else:
            reader.other(line, number, after_blank)
    reader.close()  # a last header with no words below it: nothing was said, nothing to keep
    if not reader.seen_header:
        reader.problems.append(Problem("warning", "no-headers", f"no {layout} headers found: the paragraphs are "
                                       "read without speakers", shown, first_line))
    meet = layout == "google-meet"
    title = next((s for s in reader.segments if s.kind == "heading" and s.level == 1), None) if meet else None
    return Segmented(layout, reader.segments, markdown=reader.markdown, title=title and title.text,
                     title_line=title and title.line, date=reader.date,
                     people=_people(reader.segments) if meet else [],
                     problems=reader.problems)


def _sniffer(layout: str):
    def sniff(text: str, suffix: str) -> bool:
        return _layout(text) == layout

    return sniff


FORMATS = tuple(Format(name, _sniffer(name), _segmenter(name)) for name in _LAYOUTS)
