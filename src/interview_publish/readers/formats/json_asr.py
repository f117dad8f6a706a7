"""JSON transcripts: speech-recognition output and podcast transcript files.

The shape of the parsed JSON decides how it is read (the file suffix plays no part):

- ``whisper-json``: openai-whisper, faster-whisper, whisper-timestamped and WhisperX dumps,
  ``{"text", "segments": [{"start", "end", "text", "words": [...], "speaker"?}], "language"}``
  (also a bare list of such segments, whisper.cpp's ``{"transcription": [{"offsets", "text"}]}``
  and the ``{"text": ...}`` of a transcription API): one flowing segment per ASR segment, labelled
  by WhisperX's ``"speaker": "SPEAKER_00"`` where there is one.
- ``podcast-json``: the Podcasting 2.0 transcript, ``{"version", "segments": [{"speaker",
  "startTime", "endTime", "body"}]}``; its segments are often single words: flowing segments.
- ``podlove-json``: the Podlove Web Player transcript, a list of ``{"start": "00:01:17.2",
  "start_ms", "end", "speaker": "slug", "voice"?, "text"}``; a speakerless ``Intro``-style marker
  is a leftover.
- ``speaker-text-json``: a podcast site's own ``{"podcast", "episode", "transcript": [{"speaker",
  "text"}]}`` with ``\\n\\n`` between the paragraphs of a turn: one segment per paragraph.

Each segment's line is the line of its text value in the file. JSON that cannot be read (broken,
nested deeper than 64 levels, more than 200,000 segments, or not a transcript at all) is refused
with one error naming the file and line.
"""

from __future__ import annotations

import html
import math
import re

from ...errors import Problem, PublishError
from ..segments import Segment, Segmented, SourcePerson, parse_clock
from . import Format

MAX_DEPTH = 64
MAX_SEGMENTS = 200_000

_LOOKS_JSON = re.compile(r'\A\ufeff?\s*(?:(?P<object>\{)\s*["}]|(?P<list>\[)\s*[{\]])')
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:\s*)?|[{}\[\]]', re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"</?(?:i|b|u|em|strong|span|font|br|c|v)\b[^<>]*>", re.IGNORECASE)
_MARKER = re.compile(r"^[\s♪♫🎵🎶]*$|^[\[(]\s*(?:music|musik|musique|música|jingle|intro|outro|silence|"
                     r"applause|no speech|blank_audio|instrumental)[^\[\]()]*[\])]$", re.IGNORECASE)
_LANGUAGES = {"english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
              "portuguese": "pt", "dutch": "nl", "russian": "ru", "chinese": "zh", "japanese": "ja",
              "korean": "ko", "polish": "pl", "ukrainian": "uk", "turkish": "tr", "swedish": "sv",
              "arabic": "ar"}
EXPECTED = ('expected an object with "segments" (Whisper, WhisperX, Podcasting 2.0) or "transcript" '
            '(speaker and text), or a list of {"start", "speaker", "text"} segments (Podlove)')


# --- recognising the layouts (by content; the suffix only decides for JSON of unknown shape) ---

def _is_json(text: str) -> bool:
    """Starts like a JSON object or list of objects and ends like one (cheap: looks at both ends only)."""
    return bool(_LOOKS_JSON.match(text)) and text[-256:].rstrip()[-1:] in ("}", "]")


def _is_list(text: str) -> bool:
    match = _LOOKS_JSON.match(text)
    return bool(match and match.group("list"))


def _sniff_podcast(text: str, suffix: str) -> bool:
    return _is_json(text) and bool(re.search(r'"body"\s*:', text)) and bool(
        re.search(r'"(?:startTime|segments)"\s*:', text))


def _sniff_podlove(text: str, suffix: str) -> bool:
    return (_is_json(text) and _is_list(text)
            and bool(re.search(r'"text"\s*:', text))
            and bool(re.search(r'"(?:start_ms|voice)"\s*:|"start"\s*:\s*"\d', text)))


def _sniff_speaker_text(text: str, suffix: str) -> bool:
    return _is_json(text) and bool(re.search(r'"transcript"\s*:\s*\[', text)) and bool(
        re.search(r'"speaker"\s*:', text))


def _sniff_whisper(text: str, suffix: str) -> bool:
    return _is_json(text) and bool(
        re.search(r'"(?:segments|transcription)"\s*:\s*\[', text)
        or re.match(r'\A\ufeff?\s*\{\s*"text"\s*:', text)
        or (_is_list(text) and re.search(r'"start"\s*:\s*-?\d', text)))


def _sniff_any_json(text: str, suffix: str) -> bool:
    """JSON of a shape none of the others knows (or broken JSON in a .json file): claimed so that it is
    refused with a clear message rather than read as prose."""
    return _is_json(text) or (suffix.lower() == ".json" and bool(re.match(r"\A\ufeff?\s*[\[{]", text)))


# --- reading ---

def segment(text: str, shown: str, first_line: int = 1) -> Segmented:
    """Parse the JSON, tell its shape from the parsed data, and read its segments."""
    import json

    keys = _scan(text, shown, first_line)
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise _error(f"this is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", shown,
                     exc.lineno + first_line - 1) from None
    except (RecursionError, ValueError, MemoryError) as exc:
        raise _error(f"this JSON cannot be read: {exc}", shown, first_line) from None
    reader = _Reader(keys, shown, first_line)
    result = reader.read(data)
    if not result.segments:
        raise _error("this JSON transcript has no segments with text", shown, first_line)
    return result


def _error(message: str, shown: str, line: int) -> PublishError:
    return PublishError(Problem("error", "json", message, shown, line))


def _scan(text: str, shown: str, first_line: int) -> list[tuple[str, str | None, int, int]]:
    """Every object key whose value is a string: (key, key of the list holding the object, depth, line
    of the value). Also refuses nesting deeper than MAX_DEPTH before the parser would recurse."""
    keys = []
    stack: list[str | None] = []  # the key each open container was the value of (None in a list)
    pending: str | None = None  # a key whose value has not been seen yet
    line, counted = 1, 0
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in "{[":
            stack.append(pending)
            pending = None
            if len(stack) > MAX_DEPTH:
                line += text.count("\n", counted, match.start())
                raise _error(f"this JSON is nested deeper than {MAX_DEPTH} levels", shown,
                             line + first_line - 1)
            continue
        if token in "}]":
            if stack:
                stack.pop()
            pending = None
            continue
        if match.group(1) is not None:  # a key
            pending = _json_string(token[:len(token) - len(match.group(1))])
            continue
        if pending is not None:  # a string value of the pending key
            line += text.count("\n", counted, match.start())
            counted = match.start()
            parent = stack[-2] if len(stack) >= 2 else None
            keys.append((pending, parent, len(stack), line + first_line - 1))
        pending = None
    return keys


def _json_string(token: str) -> str:
    """The value of a JSON string token."""
    import json

    if "\\" not in token:
        return token[1:-1]
    try:
        return json.loads(token)
    except ValueError:
        return token.strip('"')


class _Reader:
    """Reads one parsed JSON document into a Segmented, with the source lines of its text values."""

    def __init__(self, keys, shown: str, first_line: int):
        self.keys, self.shown, self.first_line = keys, shown, first_line
        self.problems: list[Problem] = []

    def read(self, data) -> Segmented:
        if isinstance(data, dict):
            for name in ("segments", "transcription", "transcript"):
                items = data.get(name)
                if isinstance(items, list) and any(isinstance(item, dict) for item in items):
                    return self._items(items, name, data, depth=3)
            if isinstance(data.get("text"), str) and data["text"].strip():  # {"text": ...} of a transcription API
                return self._plain(data)
        elif isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
            return self._items(data, None, {}, depth=2)
        raise _error(f"this JSON is not a transcript: {EXPECTED}", self.shown, self.first_line)

    def _items(self, items: list, holder: str | None, root: dict, depth: int) -> Segmented:
        if len(items) > MAX_SEGMENTS:
            raise _error(f"this JSON has {len(items):,} segments; at most {MAX_SEGMENTS:,} can be read",
                         self.shown, self.first_line)
        dicts = [item for item in items if isinstance(item, dict)]
        if any("body" in item for item in dicts):
            shape, text_key = "podcast-json", "body"
        elif holder == "transcript" or (holder is None and not any(_has_times(item) for item in dicts)):
            shape, text_key = "speaker-text-json", "text"
        elif holder is None and any(isinstance(item.get("start"), str) or "start_ms" in item or "voice" in item
                                    for item in dicts):
            shape, text_key = "podlove-json", "text"
        else:
            shape, text_key = "whisper-json", "text"
        if not any(isinstance(item.get(text_key), str) or isinstance(item.get("words"), list) for item in dicts):
            raise _error(f"this JSON is not a transcript: its segments have no \"{text_key}\"; {EXPECTED}",
                         self.shown, self.first_line)
        lines = self._lines(text_key, holder, depth, [item.get(text_key) for item in dicts])
        result = Segmented(format=shape, segments=[], problems=self.problems)
        read = {"podcast-json": self._podcast, "podlove-json": self._podlove,
                "speaker-text-json": self._speaker_text, "whisper-json": self._whisper}[shape]
        for item, line in zip(dicts, lines):
            result.segments.extend(read(item, line))
        self._about(root, result)
        people = {}
        for item in dicts:  # Podlove's "voice" is the display name of the "speaker" id
            label, voice = _label(item.get("speaker")), item.get("voice")
            if label and isinstance(voice, str) and voice.strip() and label not in people:
                people[label] = SourcePerson(" ".join(voice.split()), labels=(label,))
        result.people.extend(people.values())
        return result

    def _lines(self, key: str, holder: str | None, depth: int, values: list) -> list[int]:
        """The source line of each item's text value, found in document order among the scanned keys."""
        found = iter([line for name, parent, level, line in self.keys
                      if name == key and parent == holder and level == depth])
        lines, last = [], self.first_line
        for value in values:
            if isinstance(value, str):
                last = next(found, last)
            lines.append(last)
        return lines

    def _whisper(self, item: dict, line: int) -> list[Segment]:
        words = [w for w in item.get("words") or () if isinstance(w, dict)]
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            parts = [str(w.get("word", w.get("text", ""))) for w in words]
            text = "".join(parts) if any(p[:1].isspace() for p in parts) else " ".join(parts)
        label = _label(item.get("speaker"))
        if label is None:  # WhisperX labels the words even where it leaves a segment unlabelled
            spoken = [s for s in (_label(w.get("speaker")) for w in words) if s]
            label = max(set(spoken), key=spoken.count) if spoken else None
        if "offsets" in item and isinstance(item["offsets"], dict):  # whisper.cpp: milliseconds
            start = self._time(item["offsets"].get("from"), line, scale=0.001)
            end = self._time(item["offsets"].get("to"), line, scale=0.001)
        else:
            start, end = self._time(item.get("start"), line), self._time(item.get("end"), line)
        return self._one(text, line, label, start, end, flow=True)

    def _podcast(self, item: dict, line: int) -> list[Segment]:
        start, end = self._time(item.get("startTime"), line), self._time(item.get("endTime"), line)
        return self._one(item.get("body"), line, _label(item.get("speaker")), start, end, flow=True)

    def _podlove(self, item: dict, line: int) -> list[Segment]:
        if "start_ms" in item:
            start = self._time(item.get("start_ms"), line, scale=0.001)
        else:
            start = self._time(item.get("start"), line, scale=0.001)
        if "end_ms" in item:
            end = self._time(item.get("end_ms"), line, scale=0.001)
        else:
            end = self._time(item.get("end"), line, scale=0.001)
        label = _label(item.get("speaker"))
        found = self._one(item.get("text"), line, label, start, end, flow=True)
        if label is None and found and _is_marker_text(found[0].text):  # "Intro", a chapter name
            found = [Segment(line, found[0].text, kind="leftover", start=start, end=end)]
        return found

    def _speaker_text(self, item: dict, line: int) -> list[Segment]:
        text = item.get("text")
        if not isinstance(text, str):
            return []
        label = _label(item.get("speaker"))
        found = []
        for paragraph in re.split(r"\n\s*\n", text):
            found.extend(self._one(paragraph, line, label, None, None, flow=False))
        return found

    def _plain(self, data: dict) -> Segmented:
        lines = self._lines("text", None, 1, [data["text"]])
        result = Segmented(format="whisper-json", segments=[], problems=self.problems)
        for paragraph in re.split(r"\n\s*\n", data["text"]):
            result.segments.extend(self._one(paragraph, lines[0], None, None, None, flow=True))
        self._about(data, result)
        return result

    def _one(self, text, line: int, label, start, end, flow: bool) -> list[Segment]:
        if not isinstance(text, str):
            return []
        text = _clean(text)
        if not text:
            return []
        kind = "leftover" if _MARKER.match(text) else "speech"
        if start is not None and end is not None and end < start:
            self._warn(f"segment ends ({end:g} s) before it starts ({start:g} s): its end time is dropped", line)
            end = None
        return [Segment(line, text, kind=kind, label=label, start=start, end=end, flow=flow)]

    def _time(self, value, line: int, scale: float = 1.0) -> float | None:
        """Seconds from a number (times ``scale``) or a clock string; a warning for anything else."""
        if value is None or value == "":
            return None
        seconds = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = float(value) * scale
        elif isinstance(value, str):
            seconds = parse_clock(value)
            if seconds is None and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", value):
                seconds = float(value) * scale
        if seconds is None or not math.isfinite(seconds) or seconds < 0:
            self._warn(f"unreadable time {str(value)[:40]!r}: the segment's text is kept without it", line)
            return None
        return seconds

    def _warn(self, message: str, line: int) -> None:
        self.problems.append(Problem("warning", "timestamp", message, self.shown, line))

    def _about(self, root: dict, result: Segmented) -> None:
        """What the document says about itself: language, title, the podcast and episode, people."""
        language = root.get("language") or root.get("lang")
        if isinstance(language, str) and language.strip():
            folded = language.strip().lower()
            result.language = _LANGUAGES.get(folded, folded if re.fullmatch(r"[a-z]{2,3}(?:[-_][a-z0-9]+)?", folded)
                                             else None)
        episode = root.get("episode")
        for title in (root.get("title"), root.get("episode_title"), root.get("episodeTitle"),
                      episode.get("title") if isinstance(episode, dict) else None,
                      episode if isinstance(episode, str) and not episode.strip().isdigit() else None):
            if isinstance(title, str) and title.strip():
                result.title = " ".join(title.split())
                break
        podcast = root.get("podcast") or root.get("show")
        if isinstance(podcast, str) and podcast.strip():
            number = episode if isinstance(episode, (int, str)) and str(episode).strip().isdigit() else None
            result.subtitle = " ".join(podcast.split()) + (f", episode {str(number).strip()}" if number else "")
        for key in ("date", "published", "pubDate"):
            if isinstance(root.get(key), str) and root[key].strip():
                result.date = root[key].strip()
                break
        for key in ("source_url", "url", "link"):
            if isinstance(root.get(key), str) and root[key].startswith(("http://", "https://")):
                result.source_url = root[key]
                break
        result.people.extend(_people(root.get("speakers")))


def _people(speakers) -> list[SourcePerson]:
    """A declared speakers list: [{"id", "name"}], ["Name", ...] or {"id": "Name"}."""
    found = []
    if isinstance(speakers, dict):
        speakers = [{"id": key, "name": value} for key, value in speakers.items()]
    for entry in speakers if isinstance(speakers, list) else ():
        if isinstance(entry, str) and entry.strip():
            found.append(SourcePerson(entry.strip(), labels=(entry.strip(),)))
        elif isinstance(entry, dict):
            name = entry.get("name") if isinstance(entry.get("name"), str) else None
            ident = _label(entry.get("id", entry.get("speaker")))
            if name or ident:
                found.append(SourcePerson(name.strip() if name else None, labels=(ident,) if ident else ()))
    return found


def _has_times(item: dict) -> bool:
    return any(key in item for key in ("start", "end", "startTime", "start_ms", "offsets", "timestamps"))


def _label(value) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _clean(text: str) -> str:
    """Plain text: entities decoded, formatting tags dropped, whitespace (line breaks too) made single spaces."""
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "<" in text:
        text = _TAG.sub("", text)
    return " ".join(text.split())


def _is_marker_text(text: str) -> bool:
    """A speakerless chapter or jingle marker ("Intro", "Outro", "Chapter 2"): a few words, no sentence."""
    return len(text.split()) <= 4 and not re.search(r"[.?!…,;]", text)


FORMATS = (
    Format("podcast-json", _sniff_podcast, segment),
    Format("podlove-json", _sniff_podlove, segment),
    Format("speaker-text-json", _sniff_speaker_text, segment),
    Format("whisper-json", _sniff_whisper, segment),
    Format("json", _sniff_any_json, segment),
)
