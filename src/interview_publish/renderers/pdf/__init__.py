"""The print edition: WeasyPrint lays out the theme's print HTML into a paginated PDF.

The package, in the order a PDF is made: chunks.py cuts the book into chunks (one, for most books) and
defines a chunk job; this module writes the jobs; schedule.py runs them on the build's lanes
(workers.Workers), where worker.py lays each out with press.py's WeasyPrint (through hooks.py when a chunk
must learn its first page); pagemap.py finds where each page starts in the text; merge.py joins the chunks
into one PDF; cache.py keeps chunks for the next build. Nothing here imports WeasyPrint at module level.

A book in chunks is laid out in this order: the front once to estimate the length of its contents, the
body chunks at the same time (each waits, after its layout and before its folios, for the number of its
first page), the back once the body's page starts are known (the index shows them), the front last with
every page number in it. Each waits only for the layout of what it shows, not for its PDF: a chunk reports
its pages, page starts and anchors before it writes its PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from ...config import PrintOptions
from ...errors import Problem, error
from ...model import Publication
from ...theme import Theme
from ..context import base_context
from ..pagebreaks import PageStart
from .chunks import ChunkJob, css_string, plan_chunks
from .worker import ENTRY

__all__ = ["ENTRY", "PrintEdition", "book_context", "render_pdf"]


@dataclass(frozen=True)
class PrintEdition:
    """The PDF and where each of its pages starts in the content (for page lists in other formats)."""

    data: bytes
    starts: tuple[PageStart, ...]
    pages: int


def render_pdf(publication: Publication, theme: Theme, options: PrintOptions, problems: list[Problem],
               workers, cache_dir=None, on_starts=None, meanwhile=None) -> PrintEdition:
    """Render the print edition on ``workers``' lanes (workers.Workers, serving worker.ENTRY); WeasyPrint's
    warnings are added to ``problems``. Chunks laid out by an earlier build are reused from ``cache_dir``
    where nothing they show moved. ``on_starts(starts)``, when given, is called with the page starts as
    soon as they are known (the PDF is written meanwhile); ``meanwhile()`` once the layout is under way."""
    if options.variant.startswith("pdf/x") and options.output_profile is None:
        raise error("config", "PDF/X needs the printer's CMYK ICC profile: set print.output_profile in "
                              "publication.toml")
    for lane in workers.lanes:
        lane.send(("setup", theme.dirs, options))
    bodies = plan_chunks(publication, theme, options)
    if len(bodies) > 1:
        edition = in_chunks(publication, theme, options, problems, workers, bodies, cache_dir, on_starts, meanwhile)
        if edition is not None:
            return edition
    return whole_book(publication, theme, problems, workers, on_starts, meanwhile)


def book_context(publication: Publication, index_starts=None, chunk=None, page_of=None) -> dict:
    """The context of pdf/book.html.j2: the whole book (``chunk`` None) or one chunk of it."""
    return {**base_context(publication, index_starts=index_starts), "chunk": chunk,
            "page_of": page_of or (lambda anchor: "")}


def whole_book(publication: Publication, theme: Theme, problems: list[Problem], workers, on_starts=None,
               meanwhile=None) -> PrintEdition:
    """The book laid out in one piece; with an index, twice: the second pass shows the pages the first
    found (nothing before the index moves: the contents already listed it)."""
    from .pagemap import block_ids, paragraph_texts
    from .schedule import run_jobs

    texts, blocks = paragraph_texts(publication), frozenset(block_ids(publication))

    def lay_out(index_starts, write: bool, meanwhile=None):
        page = theme.render("pdf/book.html.j2", **book_context(publication, index_starts))
        job = ChunkJob(0, page, "", 1, False, frozenset(), frozenset(), texts, blocks, write=write,
                       early=write and on_starts is not None)
        result = run_jobs(workers, [job], on_laid=on_starts and (lambda laid: on_starts(laid.starts)),
                          meanwhile=meanwhile)[0]
        problems.extend(result.problems)
        return result

    result = lay_out(None, write=not publication.index_terms, meanwhile=meanwhile)
    if publication.index_terms:
        result = lay_out(result.starts, write=True)
    return PrintEdition(result.data, result.starts, result.pages)


def in_chunks(publication: Publication, theme: Theme, options: PrintOptions, problems: list[Problem], workers,
              bodies: tuple, cache_dir=None, on_starts=None, meanwhile=None) -> PrintEdition | None:
    """The book laid out in chunks and merged (see the module's text); None when the contents came out
    longer than estimated (then the book is laid out in one piece)."""
    from .cache import ChunkCache
    from .merge import Merger
    from .pagemap import block_ids, paragraph_texts
    from .schedule import run_jobs
    from ..indexing import paragraph_order

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
    jobs = [ChunkJob(0, html(front_chunk, (), placeholder), contents_css + end_css, 1, True, wanted, wanted,
                     {}, frozenset(), count_only=True)]
    for number, interviews in enumerate(bodies, start=1):
        last = number == len(bodies)
        body = chunk(front_matter=number == 1, interviews=interviews, end=not last or has_back)
        part = replace(publication, interviews=interviews)  # the page starts need only this chunk's text
        # Body chunks link nowhere else; their key (cache.py) must not change with other chunks' turns.
        jobs.append(ChunkJob(number, html(body), title_css + end_css, None, not last or has_back, wanted,
                             wanted, paragraph_texts(part), frozenset(block_ids(part)), early=True))
    back_index = len(bodies) + 1
    front_index = back_index + 1  # the front laid out with the page numbers (0 is its estimate)
    body_indices = range(1, back_index)
    merger = Merger()  # the body and the back are merged as they come in, the front last
    merged: set[int] = set()
    stage: list = []

    def follow(known):
        """The jobs that wait for the body: as soon as every body chunk is laid out (perhaps still writing
        its PDF), the back (the index shows the body's pages) and, once the back is laid out, the front (the
        contents show every page number). Once the page starts are known, the e-books are rendered here."""
        if not stage and all(n in known for n in body_indices):
            stage.append("back")
            laid = [known[n] for n in body_indices]
            starts = tuple(s for r in laid for s in r.starts)
            ebooks = (lambda: on_starts(starts)) if on_starts is not None else None
            if has_back:
                back = chunk(back=True, index=bool(publication.index_terms))
                return [ChunkJob(back_index, html(back, starts), title_css, laid[-1].first + laid[-1].pages, False,
                                 targets, wanted, {}, frozenset(), early=True)], ebooks
            return [front_job(laid)], ebooks
        if stage == ["back"] and has_back and back_index in known:
            stage.append("front")
            return [front_job([known[n] for n in range(1, back_index + 1)])], None
        return None

    def front_job(laid):
        anchors = {name: str(page) for r in laid for name, page in r.anchors.items()}
        return ChunkJob(front_index, html(front_chunk, tuple(s for r in laid[:len(body_indices)] for s in r.starts),
                                          anchors), contents_css + end_css, 1, True, wanted, wanted, {}, frozenset())

    def merge(result):
        if 1 <= result.index <= back_index and result.index not in merged:  # 0 is the front's estimate
            merged.add(result.index)
            merger.add(result.index, result.data, result.levels)

    cache = ChunkCache(cache_dir, theme, options, problems) if cache_dir is not None else None
    results = run_jobs(workers, jobs, cache, meanwhile=meanwhile, follow=follow, on_done=merge)
    body_results = [results[n] for n in range(1, back_index + has_back)]
    starts = tuple(s for r in body_results[:len(body_indices)] for s in r.starts)
    front = results[front_index]
    for result in [front, *body_results]:
        for problem in result.problems:
            if problem not in problems:
                problems.append(problem)
    if cache is not None:
        cache.prune()
    if front.pages != results[0].pages:  # the contents came out longer than estimated
        return None
    for result in body_results:  # those the cache had
        merge(result)
    merger.add(0, front.data, front.levels)
    return PrintEdition(merger.finish(), starts, front.pages + sum(r.pages for r in body_results))
