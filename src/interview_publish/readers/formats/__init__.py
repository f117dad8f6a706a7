"""Input formats: each module here is a *segmenter* for one family of transcript layouts.

A format module exposes ``FORMATS``: a tuple of ``Format`` entries. ``sniff(text, suffix)`` says
whether the decoded text (front matter already split off) is in this format, by its content first
and its file suffix second; ``segment(text, shown, first_line)`` turns it into a ``Segmented``
(``readers/segments.py``), raising ``PublishError`` (one Problem with file and line) only for
input that cannot be read at all. ``detect`` tries the formats in ``ORDER``: the most specific
layouts first, the plain text and Markdown reader (which reads anything) last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..segments import Segmented


@dataclass(frozen=True)
class Format:
    """One input layout: its name (shown by `dump` as the interview's reader), how to recognise it,
    how to segment it."""

    name: str
    sniff: Callable[[str, str], bool]
    segment: Callable[[str, str, int], Segmented]


def all_formats() -> tuple[Format, ...]:
    """Every format, most specific first; the text reader, which takes anything, last."""
    from . import captions, exports, html_page, json_asr, text, trs

    return (*json_asr.FORMATS, *trs.FORMATS, *captions.FORMATS, *html_page.FORMATS, *exports.FORMATS,
            *text.FORMATS)


def detect(text: str, suffix: str, forced: str | None = None) -> Format:
    """The format of a transcript: the one named by the settings (``forced``), else the first that
    recognises the text."""
    formats = all_formats()
    if forced:
        for fmt in formats:
            if fmt.name == forced:
                return fmt
    for fmt in formats:
        if fmt.sniff(text, suffix):
            return fmt
    return formats[-1]


def format_names() -> tuple[str, ...]:
    return tuple(fmt.name for fmt in all_formats())
