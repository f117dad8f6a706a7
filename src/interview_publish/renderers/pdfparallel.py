"""The print edition laid out by several processes: one WeasyPrint layout per chunk of interviews, merged.

Every interview opens on a recto, so the book splits into chunks that do not affect each other's layout:
the front (title page, colophon, contents), the body chunks (front matter, parts and interviews), the
back (back matter and the index). Body chunks are laid out at the same time; each waits, after its layout
and before its folios, for the number of its first page (pdfworker.py). The index is laid out once the
body's page starts are known, and the contents last, with every page number in it; so a book with an
index is laid out once, not twice. Each waits only for the layout of what it shows, not for its PDF: a
chunk reports its pages, page starts and anchors before it writes its PDF. Chunk boundaries depend only
on the content, never on the number of processes, so the PDF is the same on every machine. pdfmerge.py
joins the chunks into one PDF, each as soon as it comes in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from markupsafe import Markup

from ..config import PrintOptions
from ..errors import Problem
from ..model import Publication
from ..theme import Theme

# A book is laid out in chunks from this many words on (or whenever --jobs is given); a chunk holds
# about CHUNK_WORDS words of interviews. Both measured with bench/run.py.
PARALLEL_WORDS = 4000
CHUNK_WORDS = 9000
# From this many chunks on, the last SPLIT_AT_END are split in halves (not counting on the number of
# processes, so that the chunks are the same on every machine).
LONG_BOOK_CHUNKS = 6
SPLIT_AT_END = 2
# The variants whose merged PDF is checked against a single-process one (tests/test_parallel_pdf.py);
# PDF/A-3b and PDF/X-4 are laid out in one process.
PARALLEL_VARIANTS = ("pdf/ua-1", "pdf/a-2b", "none")
THEME_FILES = ("templates/pdf/book.html.j2", "styles/print.css", "styles/base.css", "styles/custom.css")


@dataclass(frozen=True)
class ChunkPlan:
    """The interviews of each body chunk, in book order."""

    bodies: tuple[tuple, ...]


def plan_chunks(publication: Publication, theme: Theme, options: PrintOptions, jobs: int | None) -> ChunkPlan | None:
    """The chunks to lay out, or None for a single-process layout: a short book (unless ``jobs`` asks
    for processes), ``jobs`` 1, a variant not merged, or a project theme that replaces the book template
    or the print styles (their page furniture is unknown)."""
    interviews = publication.interviews
    if len(interviews) < 2 or (jobs is not None and jobs < 2) or options.variant not in PARALLEL_VARIANTS:
        return None
    if len(theme.dirs) > 1 and any((theme.dirs[0] / name).is_file() for name in THEME_FILES):
        return None
    sizes = [max(1, len(" ".join(p.text for t in i.turns for p in t.paragraphs).split())) for i in interviews]
    total = sum(sizes)
    if jobs is None and total < PARALLEL_WORDS:
        return None
    count = min(len(interviews), max(2, jobs or 0, math.ceil(total / CHUNK_WORDS)))
    shares = [1.0] * count
    if count >= LONG_BOOK_CHUNKS and count + SPLIT_AT_END <= len(interviews):
        # The last chunks in halves: processes that finish their last chunk early wait less for the others.
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
    return ChunkPlan(tuple(bodies))


def render_pdf_parallel(publication: Publication, theme: Theme, options: PrintOptions, problems: list[Problem],
                        plan: ChunkPlan, jobs: int | None, cache_dir=None, on_starts=None, meanwhile=None):
    """Lay the chunks out in ``jobs`` processes (default: the machine's cores) and merge them; chunks laid
    out by an earlier build are reused from ``cache_dir`` (chunkcache.py) where nothing they show moved;
    ``meanwhile()`` is called once the first chunks are sent."""
    from .chunkcache import ChunkCache
    from .hyphenation import languages
    from .layoutpool import cores, layout_pool
    from .pdf import PrintEdition, book_context, render_pdf
    from .pdfmerge import Merger
    from .pdfworker import ChunkJob

    from .pagemap import block_ids, paragraph_texts
    from .indexing import paragraph_order

    blocks = frozenset(block_ids(publication))
    wanted = frozenset([m.id for m in publication.front] + [p.id for p in publication.parts]
                       + [i.id for i in publication.interviews] + [m.id for m in publication.back] + ["index"])
    targets = wanted | frozenset(paragraph_order(publication)[1]) | blocks
    has_back = bool(publication.back or publication.index_terms)
    title_css = 'body { string-set: book-title "%s"; }\n' % css_string(publication.meta.title)
    contents_css = '.contents a::after { content: leader(". ") attr(data-page); }\n'
    end_css = ".chunk-end { break-before: right; page: interview; }\n"

    def chunk(**parts):
        settings = {"front": False, "front_matter": False, "interviews": (), "back": False, "index": False,
                    "end": False}
        return {**settings, **parts}

    def html(context_chunk, index_starts=None, pages=None):
        page_of = (lambda anchor: Markup(' data-page="{}"').format(pages.get(anchor, "")))
        return theme.render("pdf/book.html.j2", **book_context(publication, index_starts, context_chunk, page_of))

    front_chunk = chunk(front=True, index=bool(publication.index_terms), end=True)
    placeholder = {anchor: "999" for anchor in wanted}
    jobs_list = [ChunkJob(0, html(front_chunk, (), placeholder), contents_css + end_css, 1, True, wanted, wanted,
                          {}, frozenset(), count_only=True)]
    for number, interviews in enumerate(plan.bodies, start=1):
        last = number == len(plan.bodies)
        body = chunk(front_matter=number == 1, interviews=interviews, end=not last or has_back)
        part = replace(publication, interviews=interviews)  # the page starts need only this chunk's text
        # Body chunks link nowhere else; their key (chunkcache.py) must not change with other chunks' turns.
        jobs_list.append(ChunkJob(number, html(body), title_css + end_css, None, not last or has_back, wanted,
                                  wanted, paragraph_texts(part), frozenset(block_ids(part)), early=True))
    back_index = len(plan.bodies) + 1
    front_index = back_index + 1  # the front laid out with the page numbers (0 is its estimate)
    bodies = range(1, back_index)
    merger = Merger()  # the body and the back are merged as they come in, the front last
    merged: set[int] = set()
    stage: list = []

    def follow(known):
        """The jobs that wait for the body: as soon as every body chunk is laid out (perhaps still writing
        its PDF), the back (the index shows the body's pages) and, once the back is laid out, the front (the
        contents show every page number). Once the page starts are known, the e-books are rendered here."""
        if not stage and all(n in known for n in bodies):
            stage.append("back")
            body = [known[n] for n in bodies]
            starts = tuple(s for r in body for s in r.starts)
            ebooks = (lambda: on_starts(starts)) if on_starts is not None else None
            if has_back:
                back = chunk(back=True, index=bool(publication.index_terms))
                return [ChunkJob(back_index, html(back, starts), title_css, body[-1].first + body[-1].pages, False,
                                 targets, wanted, {}, frozenset(), early=True)], ebooks
            return [front_job(body)], ebooks
        if stage == ["back"] and has_back and back_index in known:
            stage.append("front")
            return [front_job([known[n] for n in range(1, back_index + 1)])], None
        return None

    def front_job(laid):
        anchors = {name: str(page) for r in laid for name, page in r.anchors.items()}
        return ChunkJob(front_index, html(front_chunk, tuple(s for r in laid[:len(bodies)] for s in r.starts),
                                          anchors), contents_css + end_css, 1, True, wanted, wanted, {}, frozenset())

    def merge(result):
        if 1 <= result.index <= back_index and result.index not in merged:  # 0 is the front's estimate
            merged.add(result.index)
            merger.add(result.index, result.data, result.levels)

    cache = ChunkCache(cache_dir, theme, options, problems) if cache_dir is not None else None
    size = jobs or cores()
    with layout_pool(theme.dirs, options, size, wanted=True) as pool:
        if pool is None:
            return render_pdf(publication, theme, options, problems, jobs=1, meanwhile=meanwhile)
        pool.hyphenate(languages(publication))
        results = pool.run(jobs_list, cache, meanwhile=meanwhile, follow=follow, on_done=merge)
    body_results = [results[n] for n in range(1, back_index + has_back)]
    starts = tuple(s for r in body_results[:len(bodies)] for s in r.starts)
    front = results[front_index]
    for result in [front, *body_results]:
        for problem in result.problems:
            if problem not in problems:
                problems.append(problem)
    if cache is not None:
        cache.prune()
    if front.pages != results[0].pages:  # the contents came out longer than estimated: lay out in one go
        return render_pdf(publication, theme, options, problems, jobs=1)
    for result in body_results:  # those the cache had
        merge(result)
    merger.add(0, front.data, front.levels)
    data = merger.finish()
    return PrintEdition(data, starts, front.pages + sum(r.pages for r in body_results))


def likely_parallel(transcripts, options: PrintOptions, jobs: int | None) -> bool:
    """Whether the book will likely be laid out in chunks (plan_chunks decides, once the text is read):
    then the build starts its layout processes before reading, so their start-up costs no time."""
    sizes = [path.stat().st_size for path in transcripts if path.is_file()]
    return len(sizes) >= 2 and (jobs or 2) >= 2 and options.variant in PARALLEL_VARIANTS and (
        jobs is not None or sum(sizes) >= PARALLEL_WORDS * 6)


def css_string(text: str) -> str:
    """A CSS string's content: quotes and backslashes escaped, line breaks as \\A."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
