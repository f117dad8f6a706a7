"""Turn transcript bytes into clean text and numbered paragraphs, with clear errors for bad input."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass

from ..errors import Problem, PublishError
from ..textsafety import UNSAFE, has_unsafe_characters

NBSP = "\u00a0"
BOM = "\ufeff"
# Characters XML 1.0 forbids or HTML calls parse errors (C0 and C1 controls, DEL, noncharacters).
_XML_ILLEGAL = UNSAFE
# Tie-break between equally plausible guesses: the code pages transcripts are most often saved in.
PREFERRED_ENCODINGS = ("utf_16", "cp1252", "cp1251", "latin_1", "cp1250", "koi8_r", "iso8859_15", "mac_roman")
WRAP_WIDTH = 100  # lines no longer than this, followed by another line, were wrapped by hand
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_OTHER_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")  # _SPACES changes a line only with these or "  "


@dataclass(frozen=True)
class SourceParagraph:
    """A paragraph of source text (hard-wrapped lines joined) and the line it starts on."""

    text: str
    line: int
    lines: tuple[str, ...] = ()  # the source lines, before joining


def decode_transcript(data: bytes, shown: str, encoding: str | None = None) -> tuple[str, list[Problem]]:
    """Decode transcript bytes: BOMs, UTF-8, else a detected legacy encoding (reported); refuse binaries."""
    if not data.strip(b" \t\r\n\x0c\xef\xbb\xbf\xff\xfe\x00"):
        raise PublishError(Problem("error", "empty", "the transcript is empty", shown, 1))
    problems: list[Problem] = []
    if encoding:
        text = decode_as(data, encoding, shown)
    elif data.startswith(codecs.BOM_UTF8):
        text = decode_as(data, "utf-8-sig", shown)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = decode_as(data, "utf-16", shown)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = detect_and_decode(data, shown, exc, problems)
    if looks_binary(text):
        line = text[: max(text.find("\x00"), 0)].count("\n") + 1
        raise PublishError(Problem("error", "binary", "this looks like a binary file, not a text transcript",
                                   shown, line))
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    if has_unsafe_characters(text):
        for number, line_text in enumerate(text.split("\n"), start=1):
            if _XML_ILLEGAL.search(line_text):
                problems.append(Problem("warning", "control-character",
                                        "removed control characters or noncharacters that cannot appear in a book",
                                        shown, number))
        text = _XML_ILLEGAL.sub("", text)
    return unicodedata.normalize("NFC", text), problems


def decode_as(data: bytes, encoding: str, shown: str) -> str:
    """Decode with a known encoding; a byte that does not fit is an error with its line."""
    try:
        return data.decode(encoding)
    except LookupError:
        raise PublishError(Problem("error", "encoding", f'unknown encoding "{encoding}"', shown))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PublishError(Problem("error", "encoding", f"not valid {encoding} (byte 0x{data[exc.start]:02X})",
                                   shown, line))


def detect_and_decode(data: bytes, shown: str, utf8_error: UnicodeDecodeError, problems: list[Problem]) -> str:
    """Not UTF-8: let charset-normalizer guess (UTF-16, windows-1251, latin-1, ...) and say so."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:  # short texts tie between code pages: prefer the most common ones
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = min(tied, key=lambda m: PREFERRED_ENCODINGS.index(m.encoding)
                   if m.encoding in PREFERRED_ENCODINGS else len(PREFERRED_ENCODINGS))
    line = data[: utf8_error.start].count(b"\n") + 1
    if best is None:
        if b"\x00" in data:
            raise PublishError(Problem("error", "binary", "this looks like a binary file, not a text transcript",
                                       shown, data[: data.index(b"\x00")].count(b"\n") + 1))
        raise PublishError(Problem(
            "error", "encoding",
            f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02X}) and no other encoding fits; "
            "save the transcript as UTF-8", shown, line))
    name = best.encoding
    problems.append(Problem("note", "encoding", f"not UTF-8: decoded as {name} (detected); "
                                                f'set encoding = "..." in publication.toml if this is wrong',
                            shown, line))
    return str(best)


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def looks_binary(text: str) -> bool:
    """NULs, or many control characters, mean this is not a transcript."""
    if "\x00" in text:
        return True
    sample = text[:4096]
    controls = len(_CONTROLS.findall(sample))  # category Cc, less tab, line feed, carriage return, form feed
    return controls > max(8, len(sample) // 50)


def split_paragraphs(text: str, first_line: int = 1) -> list[SourceParagraph]:
    """Split text at blank lines (lines of only spaces or NBSPs count as blank); join wrapped lines."""
    paragraphs: list[SourceParagraph] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=first_line):
        line = (_SPACES.sub(" ", raw) if "  " in raw or _OTHER_SPACES.search(raw) else raw).strip()
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            paragraphs.extend(make_paragraphs(current, start))
            current = []
    if current:
        paragraphs.extend(make_paragraphs(current, start))
    return paragraphs


def make_paragraphs(lines: list[str], start: int) -> list[SourceParagraph]:
    """Hard-wrapped lines (all but the last short) form one paragraph; long lines are one paragraph each."""
    if len(lines) == 1 or all(len(line) <= WRAP_WIDTH for line in lines[:-1]):
        return [SourceParagraph(" ".join(lines), start, tuple(lines))]
    return [SourceParagraph(line, start + offset, (line,)) for offset, line in enumerate(lines)]


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """Decode HTML entities left by copying from web pages (&#39;, &quot;, &amp;)."""
    return _XML_ILLEGAL.sub("", html.unescape(text)) if _ENTITY.search(text) else text  # &#12; is a control
