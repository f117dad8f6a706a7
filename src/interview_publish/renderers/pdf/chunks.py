"""How the print edition is cut into chunks that are laid out apart, and what a chunk job is.

Every interview opens on a recto, so a long book splits into chunks that do not affect each other's layout:
the front (title page, colophon, contents), the body chunks (front matter, parts and interviews), the
back (back matter and the index). Chunk boundaries depend only on the content, never on the number of
processes, so the PDF is the same on every machine and with any --jobs. A short book, a PDF variant that
is not merged, a project theme that replaces the book's template or print styles (its page furniture is
unknown), or a WeasyPrint other than the one hooks.py is made for: one chunk, the whole book, laid out
by WeasyPrint's public API alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ...config import PrintOptions
from ...errors import Problem
from ...model import Publication
from ...theme import Theme

# A book is laid out in chunks from this many words of interviews on; a chunk holds about CHUNK_WORDS words.
# Both measured with bench/run.py.
CHUNKED_WORDS = 4000
CHUNK_WORDS = 9000
# From this many chunks on, the last SPLIT_AT_END are split in halves: processes that finish their last
# chunk early wait less for the others.
LONG_BOOK_CHUNKS = 6
SPLIT_AT_END = 2
# The variants whose merged PDF is checked against a single layout (tests/test_parallel_pdf.py); PDF/A-3b
# and PDF/X-4 are laid out in one piece.
CHUNKED_VARIANTS = ("pdf/ua-1", "pdf/a-2b", "none")
THEME_FILES = ("templates/pdf/book.html.j2", "styles/print.css", "styles/base.css", "styles/custom.css")
BYTES_PER_WORD = 6  # of a transcript file, for the estimate made before the text is read


@dataclass(frozen=True)
class ChunkJob:
    """What one chunk is: its HTML, and what the lane must report or wait for."""

    index: int
    html: str
    extra_css: str
    first_page: int | None  # None: wait for it after the layout (a body chunk)
    drop_last: bool  # the trailing page that only carries the recto break for the next chunk
    elsewhere: frozenset[str]  # anchors in other chunks: links to them are kept
    wanted: frozenset[str]  # anchors whose page the contents lists
    texts: dict[str, str]  # paragraph texts and block ids, for the page starts
    blocks: frozenset[str]
    count_only: bool = False  # report the page count, then stop (an estimate of the contents' length)
    write: bool = True  # write the PDF (not for a pass that only finds the page starts)
    early: bool = False  # report pages, page starts and anchors before writing the PDF (the build goes on)


@dataclass
class ChunkResult:
    index: int
    pages: int
    data: bytes = b""
    starts: tuple = ()
    anchors: dict[str, int] = field(default_factory=dict)  # anchor -> page number in the book
    levels: tuple[int, ...] = ()  # bookmark levels in document order
    problems: list[Problem] = field(default_factory=list)
    first: int = 1  # the number of its first page in the book


def plan_chunks(publication: Publication, theme: Theme, options: PrintOptions) -> tuple[tuple, ...]:
    """The interviews of each body chunk, in book order; one chunk (the whole book, all its interviews)
    when the book is laid out in one piece."""
    from .hooks import supported

    interviews = publication.interviews
    whole = (interviews,)
    if len(interviews) < 2 or options.variant not in CHUNKED_VARIANTS or not supported():
        return whole
    if len(theme.dirs) > 1 and any((theme.dirs[0] / name).is_file() for name in THEME_FILES):
        return whole
    sizes = [max(1, len(" ".join(p.text for t in i.turns for p in t.paragraphs).split())) for i in interviews]
    total = sum(sizes)
    if total < CHUNKED_WORDS:
        return whole
    count = min(len(interviews), max(2, math.ceil(total / CHUNK_WORDS)))
    shares = [1.0] * count
    if count >= LONG_BOOK_CHUNKS and count + SPLIT_AT_END <= len(interviews):
        shares = [1.0] * (count - SPLIT_AT_END) + [0.5] * (2 * SPLIT_AT_END)
    ends = [total * sum(shares[:number + 1]) / count for number in range(len(shares))]
    bodies, current, done = [], [], 0
    for interview, size in zip(interviews, sizes):
        current.append(interview)
        done += size
        if done >= ends[len(bodies)] and len(bodies) < len(shares) - 1:
            bodies.append(tuple(current))
            current = []
    if current:
        bodies.append(tuple(current))
    return tuple(bodies)


def expected_chunks(transcript_bytes: int, transcripts: int) -> int:
    """About how many body chunks plan_chunks will make of transcripts of this size, before they are
    read: how many layout processes a build can keep busy."""
    if transcripts < 2:
        return 1
    words = transcript_bytes / BYTES_PER_WORD
    return 1 if words < CHUNKED_WORDS else min(transcripts, max(2, math.ceil(words / CHUNK_WORDS)))


def css_string(text: str) -> str:
    """A CSS string's content: quotes and backslashes escaped, line breaks as \\A."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
