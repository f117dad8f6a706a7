"""Turn transcript bytes into clean text and numbered paragraphs, with clear errors for bad input."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import Problem, PublishError

NBSP = "\u00a0"
BOM = "\ufeff"
# Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; DEL and C1 are discouraged but legal).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class SourceParagraph:
    """A paragraph of source text (hard-wrapped lines joined) and the line it starts on."""

    text: str
    line: int


def decode_transcript(data: bytes, shown: str) -> tuple[str, list[Problem]]:
    """Decode UTF-8 (with or without BOM) transcript bytes; refuse empty and binary files."""
    if not data.strip(b" \t\r\n\x0c\xef\xbb\xbf"):
        raise PublishError(Problem("error", "empty", "the transcript is empty", shown, 1))
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise PublishError(Problem("error", "binary", "this looks like a binary file, not a text transcript", shown, line))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise PublishError(Problem(
            "error", "encoding",
            f"not valid UTF-8 (byte 0x{byte:02X}); save the transcript as UTF-8",
            shown, line,
        ))
    problems: list[Problem] = []
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    for number, line_text in enumerate(text.split("\n"), start=1):
        if _XML_ILLEGAL.search(line_text):
            problems.append(Problem("warning", "control-character",
                                    "removed control characters that cannot appear in a book", shown, number))
    text = _XML_ILLEGAL.sub("", text)
    return unicodedata.normalize("NFC", text), problems


def split_paragraphs(text: str) -> list[SourceParagraph]:
    """Split text at blank lines (lines of only spaces or NBSPs count as blank); join wrapped lines."""
    paragraphs: list[SourceParagraph] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _SPACES.sub(" ", raw).strip()
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            paragraphs.append(SourceParagraph(" ".join(current), start))
            current = []
    if current:
        paragraphs.append(SourceParagraph(" ".join(current), start))
    return paragraphs
