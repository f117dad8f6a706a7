"""WebVTT and SRT captions: one segment per cue, the cue's times kept, ``flow`` set.

Recognised by content first (a ``WEBVTT`` header; SRT's numbered cues with a
``00:00:01,000 --> 00:00:04,000`` timing line), the suffix (.vtt, .srt) only as a fallback:

    WEBVTT                                1
                                          00:00:01,000 --> 00:00:04,500
    00:00:01.000 --> 00:00:04.500         MARIA: Thank you for coming in.
    <v Maria Lopez>Thank you for coming in.

Speakers, as the exports of real tools write them (the label is kept exactly as written):

- Microsoft Teams and most editors: a voice tag ``<v Full Name>`` (``</v>`` optional).
- Zoom: ``Full Name: text`` in the cue text; SRT ``NAME: text`` or ``[NAME] text`` / ``[NAME]: text``.
  A prefix counts as a label when it repeats in the file or reads as a name, and it is always the
  whole prefix up to ``": "`` (so "Dr. Sam O'Neil (guest)" stays one label).
- Broadcast captions: ``>>`` starts a new speaker (``change``), ``>> NAME:`` names them.
- Nobody (Whisper's SRT, YouTube's automatic captions): label None.

YouTube's automatic captions roll: each cue repeats the previous cue's last line (once with word
timings ``<00:00:01.439><c> word</c>``, once more in a 10 ms "flash" cue). When a file rolls like
that, the lines a cue repeats from the cue before are dropped, so each spoken word comes once.
``NOTE`` comments become ``leftover`` segments (metadata notes such as ``NOTE Confidence: 0.91``
are skipped), ``STYLE`` and ``REGION`` blocks and cue ids are skipped, markup (``<i>``, ``<c.red>``,
``{\\an8}``) stripped, entities decoded; a cue that is only a music marker (``[Music]``, ``♪ ♪``)
is ``leftover``; ``[Laughter]`` and the like stay in the text.

A small line scanner of our own rather than webvtt-py: webvtt-py keeps no source line numbers,
refuses the whole file for one broken timing line, and reads YouTube's space-only lines as the end
of a cue. A broken timing line costs only its times (a warning); a file without any cue is refused.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from ...errors import Problem, PublishError
from ..labels import is_speaker_label
from ..segments import Segment, Segmented, parse_clock
from . import Format

_HEADER = re.compile(r"\A\ufeff?\s*WEBVTT(?=[ \t\r\n]|\Z)")
_CLOCK = r"\d{1,3}(?::\d{2}){1,2}[.,]\d{1,3}"
_STRICT_TIMING = re.compile(rf"^{_CLOCK}\s*-->\s*{_CLOCK}(?:\s|$)")
_ARROW = re.compile(r"^(?P<start>\S*?)\s*-->\s*(?P<end>\S*)(?P<settings>.*)$")
# A timing line with a wrong arrow ("->", "–>", " - "): two clock times and nothing else.
_ROUGH_CLOCK = r"\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d{1,4})?"
_LOOSE_TIMING = re.compile(rf"^{_ROUGH_CLOCK}\s*(?:-{{1,3}}>|[–—]{{1,2}}>?|-|=>)\s*{_ROUGH_CLOCK}(?:\s.*)?$")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>|<\d{1,3}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?>|\{\\[^{}\n]{0,100}\}")
_VOICE = re.compile(r"<v(?:\.[^\s<>]{0,100})?(?:[ \t]+(?P<name>[^<>\n]{0,200}))?>")
_CHEVRONS = re.compile(r"(?:^|\s)>>+\s*")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_COLON_LABEL = re.compile(r"^(?P<label>[^:：\n]{1,60}?)\s?[:：](?:\s+(?P<rest>.*)|$)", re.DOTALL)
_BRACKET_LABEL = re.compile(r"^\[(?P<label>[^\[\]\n]{1,40})\]:?(?:\s+(?P<rest>.*)|$)", re.DOTALL)
# A cue that is only a music or jingle marker: "[Music]", "(upbeat music)", "♪ ♪", "[JINGLE]".
_MUSIC = re.compile(r"^(?:[\[(][^\[\]()]{0,40}\b(?:music|musik|musique|música|musica|jingle|theme|intro|outro)\b"
                    r"[^\[\]()]{0,40}[\])]|[♪♫#*\s]*[♪♫][^\n]*)$", re.IGNORECASE)
_SOUND_WORDS = frozenset({  # bracketed sounds that are not speaker names ("[Laughter] yes" keeps its text)
    "music", "applause", "laughter", "laughs", "laughing", "chuckles", "inaudible", "unintelligible",
    "crosstalk", "silence", "noise", "cheering", "cheers", "foreign", "background noise", "sighs",
    "coughs", "pause", "blank_audio", "no speech", "indistinct", "beep", "ringing", "typing",
    "musik", "applaus", "lachen", "musique", "rires", "música", "risas",
})
_CUE_ID = re.compile(r"^(?:\d+|[0-9a-fA-F-]{8,}(?:/[\w-]+)?)$")  # SRT numbers, Teams' GUID/12-0
_NOTE_META = re.compile(r"^[\w-]{1,30}\s*[:=]\s*\S.*$")  # NOTE Confidence: 0.91, NOTE duration:"01:02:03"
_MAX_WARNINGS = 5  # of one kind; then one warning with the count of the rest


@dataclass
class _Cue:
    timing_line: int
    start: float | None
    end: float | None
    lines: list[tuple[int, str]] = field(default_factory=list)  # (source line, raw text)


@dataclass
class _Block:
    """Text outside any cue: a NOTE comment or lines before the first cue."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    meta: bool = False


@dataclass
class _Part:
    """A run of one cue's text with one speaker: the whole cue, a voice span or a ``>>`` piece."""

    line: int
    text: str
    voice: str | None
    change: bool
    start: float | None
    end: float | None


def sniff_webvtt(text: str, suffix: str) -> bool:
    return bool(_HEADER.match(text[:200])) or suffix.lower() == ".vtt"


def sniff_srt(text: str, suffix: str) -> bool:
    if _HEADER.match(text[:200]):
        return False
    head = [line.strip() for line in text.lstrip("\ufeff")[:20000].split("\n") if line.strip()][:60]
    if head and _STRICT_TIMING.match(head[0]):
        return True  # cues without numbers
    if len(head) > 1 and head[0].isdigit() and _STRICT_TIMING.match(head[1]):
        return True
    timings = sum(1 for line in head if _STRICT_TIMING.match(line))
    return timings >= 3 and timings * 5 >= len(head) or suffix.lower() == ".srt"


def segment_webvtt(text: str, shown: str, first_line: int = 1) -> Segmented:
    return _segment(text, shown, first_line, "webvtt")


def segment_srt(text: str, shown: str, first_line: int = 1) -> Segmented:
    return _segment(text, shown, first_line, "srt")


FORMATS = (
    Format("webvtt", sniff_webvtt, segment_webvtt),
    Format("srt", sniff_srt, segment_srt),
)


def _segment(text: str, shown: str, first_line: int, fmt: str) -> Segmented:
    problems: list[Problem] = []
    text = text.lstrip("\ufeff")
    lines = [line.rstrip("\r") for line in (text.split("\n") if "\n" in text or "\r" not in text
                                             else text.split("\r"))]
    unreadable: list[Problem] = []
    items, language = _scan(lines, first_line, shown, fmt == "srt", unreadable)
    problems.extend(_few(unreadable, "unreadable timing lines"))
    cues = [item for item in items if isinstance(item, _Cue)]
    if not cues:
        raise PublishError(Problem(
            "error", "captions", f"no cues in this {_NAMES[fmt]} file: no timing line such as "
            f"`{_EXAMPLE[fmt]}` was found", shown, first_line))
    _check_times(cues, shown, problems)
    rolling = _rolls(cues)
    parts: dict[int, list[_Part]] = {}
    previous: list[str] = []
    for cue in cues:
        kept, previous = _unrolled(cue, previous, rolling)
        parts[id(cue)] = _parts(cue, kept)
    segments = _segments(items, parts)
    if not any(s.kind == "speech" for s in segments):
        raise PublishError(Problem("error", "captions", f"no cue of this {_NAMES[fmt]} file has any text",
                                   shown, cues[0].timing_line))
    return Segmented(format=fmt, segments=segments, language=language, problems=problems)


_NAMES = {"webvtt": "WebVTT", "srt": "SRT"}
_EXAMPLE = {"webvtt": "00:00:01.000 --> 00:00:04.000", "srt": "00:00:01,000 --> 00:00:04,000"}


def _timing(line: str) -> tuple[float | None, float | None, bool] | None:
    """(start, end, readable) for a timing line, None for any other line."""
    match = _ARROW.match(line)
    if match and ":" in match["start"] and any(ch.isdigit() for ch in match["start"]) and (
            any(ch.isdigit() for ch in match["end"]) or not (match["end"] or match["settings"].strip())):
        start, end = parse_clock(match["start"]), parse_clock(match["end"])
        if start is None or end is None:
            return None, None, False
        return start, end, True
    if _LOOSE_TIMING.match(line):
        return None, None, False
    return None


def _scan(lines: list[str], first_line: int, shown: str, srt: bool,
          unreadable: list[Problem]) -> tuple[list[_Cue | _Block], str | None]:
    """Cues and the blocks between them, in file order, and the language the header states; a warning
    for each timing line whose times cannot be read."""
    items: list[_Cue | _Block] = []
    cue: _Cue | None = None
    block: str | None = None  # what the current run of non-blank lines is: header, note, skip, cue, orphan
    language: str | None = None
    seen = False
    timings = [_timing(line.strip()) if ":" in line and len(line) < 300 else None for line in lines]

    def next_timing(index: int, skip_blank: bool) -> bool:
        for later in range(index + 1, len(lines)):
            if lines[later].strip():
                return timings[later] is not None
            if not skip_blank:
                return False
        return False

    for index, raw in enumerate(lines):
        line = raw.strip()
        number = index + first_line
        if not line:
            block = None
            continue
        first, seen = not seen, True
        if timings[index] is not None:
            start, end, readable = timings[index]
            if not readable:
                unreadable.append(Problem("warning", "timestamp", f"unreadable timing line `{line[:60]}`: "
                                        "the cue's text is kept without its times", shown, number))
            cue = _Cue(number, start, end)
            items.append(cue)
            block = "cue"
            continue
        if first and _HEADER.match(line):
            block = "header"
            continue
        if block == "header":
            language = _header_language(line.removeprefix("NOTE").strip()) or language
            continue
        if block == "skip":
            continue
        if block == "note":
            items[-1].lines.append((number, line))
            continue
        if next_timing(index, False) and (block is None or _CUE_ID.match(line)):
            continue  # a cue id
        if block is None and srt and line.isdigit() and next_timing(index, True):
            continue  # an SRT cue number cut off from its timing line by a blank line
        if block in ("cue", "orphan"):
            (cue.lines if block == "cue" else items[-1].lines).append((number, raw))
            continue
        word = line.split(maxsplit=1)[0]
        if not srt and word == "NOTE":
            note = line[4:].strip()
            meta = bool(_NOTE_META.match(note))
            items.append(_Block([(number, note)] if note else [], meta=meta))
            language = (meta and _header_language(note)) or language
            block = "note"
        elif not srt and line in ("STYLE", "REGION"):
            block = "skip"
        elif cue is not None:
            block = "cue"  # text after a blank (or space-only) line inside a cue: YouTube writes those
            cue.lines.append((number, raw))
        else:
            items.append(_Block([(number, raw)]))
            block = "orphan"
    return items, language


def _header_language(line: str) -> str | None:
    match = re.match(r"^language\s*[:=]\s*\"?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\"?\s*$", line.strip(), re.I)
    return match.group(1).lower() if match else None


def _few(found: list[Problem], what: str) -> list[Problem]:
    """The first few of a kind of warning, then one more with the count of the rest."""
    if len(found) <= _MAX_WARNINGS:
        return found
    rest = found[_MAX_WARNINGS:]
    return [*found[:_MAX_WARNINGS], Problem("warning", rest[0].code, f"{len(rest)} more {what}", rest[0].path,
                                            rest[0].line)]


def _check_times(cues: list[_Cue], shown: str, problems: list[Problem]) -> None:
    """Warn where times run backwards (a few times, then once with the count)."""
    found: list[Problem] = []
    previous: float | None = None
    for cue in cues:
        if cue.start is None:
            continue
        if cue.end is not None and cue.end < cue.start:
            found.append(Problem("warning", "timestamp", f"the cue ends ({cue.end:.3f} s) before it starts "
                                 f"({cue.start:.3f} s): times kept as written", shown, cue.timing_line))
        elif previous is not None and cue.start < previous:
            found.append(Problem("warning", "timestamp", f"the cue starts at {cue.start:.3f} s, before the cue "
                                 f"above it ({previous:.3f} s): times run backwards; the cues stay in file order",
                                 shown, cue.timing_line))
        previous = cue.start
    problems.extend(_few(found, "cues with times running backwards"))


def _plain(text: str) -> str:
    """Cue text without markup or entities, its whitespace collapsed."""
    text = _TAG.sub("", text)
    if "&" in text:
        text = _ILLEGAL.sub("", html.unescape(text))
    return " ".join(text.split())


def _rolls(cues: list[_Cue]) -> bool:
    """Whether the cues roll (YouTube, roll-up captions): many start with the line the cue above ended with."""
    repeats, previous = 0, None
    for cue in cues:
        plain = [p for _, raw in cue.lines if (p := _plain(raw))]
        if plain and previous and plain[0] == previous:
            repeats += 1
        if plain:
            previous = plain[-1]
    return repeats >= 2 and repeats * 4 >= len(cues)


def _unrolled(cue: _Cue, previous: list[str], rolling: bool) -> tuple[list[tuple[int, str]], list[str]]:
    """The cue's lines without those it repeats from the cue above (rolling files only), and its plain lines."""
    lines = [(number, raw) for number, raw in cue.lines if raw.strip()]
    plain = [_plain(raw) for _, raw in lines]
    texts = [p for p in plain if p]
    if not rolling or not texts:
        return lines, texts or previous
    for count in range(min(len(texts), len(previous)), 0, -1):
        if texts[:count] == previous[-count:]:
            drop, seen = 0, 0
            while seen < count:  # skip `count` non-empty lines
                seen += bool(plain[drop])
                drop += 1
            return lines[drop:], texts
    return lines, texts


def _parts(cue: _Cue, lines: list[tuple[int, str]]) -> list[_Part]:
    """Split a cue at voice tags and at `>>`: one part per speaker run, each with its first text line."""
    pieces: list[tuple[str | None, int, str, bool]] = []  # voice, line, raw text, starts a voice span
    voice: str | None = None
    for number, raw in lines:
        raw = raw.replace("</v>", "")
        position, new = 0, False
        for match in _VOICE.finditer(raw):
            if raw[position:match.start()].strip():
                pieces.append((voice, number, raw[position:match.start()], new))
                new = False
            voice, position, new = (match["name"] or "").strip() or None, match.end(), True
        pieces.append((voice, number, raw[position:], new))
    parts: list[_Part] = []
    current: _Part | None = None
    for voice, number, raw, new in pieces:
        plain = _plain(raw)
        chunks = _CHEVRONS.split(plain) if ">>" in plain else [plain]
        for position, chunk in enumerate(chunks):
            change = position > 0
            if change or new or (current is None and chunk):
                current = _Part(number, "", voice, change, cue.start, cue.end)
                parts.append(current)
                new = False
            if chunk and current is not None:
                if not current.text:
                    current.line = number  # a lone `>>` or `<v Name>` line: the text starts below it
                current.text = f"{current.text} {chunk}".strip()
    return [part for part in parts if part.text]


def _candidate(text: str) -> tuple[str, str] | None:
    """A speaker prefix, ``NAME: text`` or ``[NAME] text``: (label, rest)."""
    match = _BRACKET_LABEL.match(text)
    if match and not _is_sound(match["label"]):
        return match["label"].strip(), (match["rest"] or "").strip()
    match = _COLON_LABEL.match(text)
    if match and not match["label"].startswith("["):
        return match["label"].strip(), (match["rest"] or "").strip()
    return None


def _is_sound(text: str) -> bool:
    """A bracketed sound or music description rather than a name: "Laughter", "upbeat music"."""
    folded = text.strip().casefold()
    return folded in _SOUND_WORDS or bool(_MUSIC.match(f"[{folded}]")) or any(
        word in _SOUND_WORDS for word in re.findall(r"\w+", folded))


def _name_like(label: str, repeated: bool) -> bool:
    """Whether a cue prefix reads as a speaker rather than prose ("So here is the thing:")."""
    words = label.split()
    if not words or len(words) > 6 or len(label) > 40 or any(ch in label for ch in '?!;"“”„«»'):
        return False
    if _is_sound(label):
        return False
    if is_speaker_label(label):
        return True
    core = [w for w in words if not (w.isdigit() or w.startswith("(") and w.endswith(")"))]
    if core and len(core) < len(words) and is_speaker_label(" ".join(core)):
        return True  # "Speaker 1", "Maria Lopez (she/her)"
    return repeated and is_speaker_label(" ".join(w[:1].upper() + w[1:] for w in core or words))


def _accepted_labels(parts: list[_Part]) -> set[str]:
    """The prefixes that are speaker labels in this file: repeated ones, ALL-CAPS ones and those right
    after `>>`, and other single ones only when the file uses labels (one "Genau: ..." in an unlabelled
    file stays text)."""
    counts: Counter[str] = Counter()
    strong: set[str] = set()
    for part in parts:
        if part.voice is None and (found := _candidate(part.text)):
            counts[found[0]] += 1
            letters = [ch for ch in found[0] if ch.isalpha()]
            if part.change or len(letters) >= 2 and all(ch.isupper() for ch in letters):
                strong.add(found[0])
    accepted = {label for label, n in counts.items() if n >= 2 and _name_like(label, True)}
    accepted |= {label for label in strong if _name_like(label, False)}
    singles = {label for label, n in counts.items() if n == 1 and _name_like(label, False)}
    speech = sum(1 for part in parts if part.text)
    if accepted or len(singles) >= 2 and len(singles) * 10 >= speech * 3:
        accepted |= singles
    return accepted


def _segments(items: list[_Cue | _Block], parts: dict[int, list[_Part]]) -> list[Segment]:
    every = [part for item in items if isinstance(item, _Cue) for part in parts[id(item)]]
    labels = _accepted_labels(every)
    segments: list[Segment] = []
    pending: str | None = None  # a label alone in its cue: it names the speaker of the text that follows
    for item in items:
        if isinstance(item, _Block):
            text = " ".join(_plain(raw) for _, raw in item.lines).strip()
            if text and not item.meta:
                segments.append(Segment(line=item.lines[0][0], text=text, kind="leftover"))
            continue
        for part in parts[id(item)]:
            label, text = part.voice, part.text
            if label is None and (found := _candidate(text)) and found[0] in labels:
                label, text = found
            if not text:
                pending = label or pending
                continue
            if label is None and pending and not part.change:
                label = pending
            pending = None
            kind = "leftover" if _MUSIC.match(text) else "speech"
            segments.append(Segment(line=part.line, text=text, kind=kind, label=label, start=part.start,
                                    end=part.end, flow=kind == "speech", change=part.change and label is None))
    return segments
