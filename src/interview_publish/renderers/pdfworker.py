"""One layout process of the parallel PDF: lays out chunks of the book with WeasyPrint, one after another.

A chunk's page count is not known before its layout, and its folios depend on where it starts in the book.
WeasyPrint lays out all the pages of a document first and adds the margin boxes (running heads, folios)
afterwards; the process stops at that point, reports the page count, and waits for the number of its
first page before drawing the margin boxes, so chunks are laid out at the same time and numbered in
order. This reaches into WeasyPrint 70's layout (the version is pinned); the equivalence test in
tests/test_parallel_pdf.py compares the result with a single-process layout page by page.
"""

from __future__ import annotations

import contextlib
import copy
from dataclasses import dataclass, field

from ..errors import Problem, PublishError


@dataclass(frozen=True)
class ChunkJob:
    """What one chunk is: its HTML, and what the layout process must report or wait for."""

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
    early: bool = False  # report pages, page starts and anchors before writing the PDF (the parent goes on)


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


class _Stop(Exception):
    """Raised inside the layout of a count-only chunk once its pages are known."""


class _Shutdown(Exception):
    """The parent ends the pool while this process waits for a page number."""


def serve(reading: int, writing: int) -> None:
    """The layout process's entry point (layoutpool.launch): talk to the parent over these pipes. On Linux
    the process ends with its parent, even one killed outright, instead of laying out for nobody."""
    import sys

    if sys.platform == "linux":
        import ctypes
        import signal

        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    from ..channel import Channel

    worker_main(Channel(reading, writing))


def worker_main(connection) -> None:
    """Serve the parent until it sends None: a ("setup", theme folders, print options) message, perhaps
    ("hyphenation", parsed patterns), then chunk jobs. WeasyPrint is imported first, while the parent is still reading the text."""
    from ..theme import Theme
    from .pdf import Press, refusals

    from .weasyimport import import_weasyprint

    try:
        import_weasyprint()  # the slow part of starting
    except Exception:  # Pango missing: Press says so, with the first job
        pass
    press = setting = None
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:
            return
        if isinstance(message, tuple) and message[0] == "hyphenation":
            from .hyphenation import install

            install(message[1])
            continue
        if isinstance(message, tuple) and message[0] == "setup":
            setting, press = message[1:], None
            try:
                with refusals():
                    press = Press(Theme(tuple(setting[0])), setting[1])
            except Exception:  # reported with the first job
                pass
            continue
        job = message
        try:
            with refusals():  # a refused URL stops the layout: reported as the user error it is
                if press is None:
                    press = Press(Theme(tuple(setting[0])), setting[1])
                connection.send(("done", lay_out_chunk(press, job, connection)))
        except _Shutdown:
            return
        except PublishError as exc:
            connection.send(("error", job.index, exc.problems))
        except Exception as exc:  # reported by the parent as an internal error with this text
            import traceback

            connection.send(("failed", job.index, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))


def lay_out_chunk(press, job: ChunkJob, connection) -> ChunkResult:
    import weasyprint.layout as layout
    import weasyprint.pdf as pdf

    from .pagemap import locate_page_starts
    from .pdf import weasyprint_warnings

    problems: list[Problem] = []
    state: dict = {"pages": None, "offset": None if job.first_page is None else job.first_page - 1}
    make_all_pages, make_margin_boxes, resolve_links = layout.make_all_pages, layout.make_margin_boxes, \
        pdf.resolve_links

    def capture_pages(context, root_box, html, pages):
        state["pages"] = list(make_all_pages(context, root_box, html, pages))
        return iter(state["pages"])

    def numbered_margin_boxes(context, page, page_state):
        if state["offset"] is None or job.count_only:
            count = len(state["pages"]) - job.drop_last
            connection.send(("counted", job.index, count))
            if job.count_only:
                raise _Stop(count)
            first = connection.recv()
            if first is None:  # the build stopped: no number will come
                raise _Shutdown
            state["offset"] = first - 1
        if state["offset"]:
            page_state = copy.deepcopy(page_state)
            page_state[1]["page"] = [value + state["offset"] for value in page_state[1]["page"]]
        return make_margin_boxes(context, page, page_state)

    layout.make_all_pages, layout.make_margin_boxes = capture_pages, numbered_margin_boxes
    pdf.resolve_links = _links_resolver(job.elsewhere)
    try:
        with weasyprint_warnings(problems):
            try:
                extra = [press.css(_css_class(), string=job.extra_css)] if job.extra_css else []
                document = press.layout(job.html, extra)
            except _Stop as stop:
                return ChunkResult(job.index, stop.args[0], problems=problems)
            pages = document.pages[:-1] if job.drop_last else document.pages
            first = state["offset"] + 1
            starts = locate_page_starts(pages, first_number=first, texts=job.texts, blocks=set(job.blocks))
            anchors = {}
            for number, page in enumerate(pages, start=first):
                for name in page.anchors:
                    if name in job.wanted:
                        anchors.setdefault(name, number)
            levels = tuple(level for page in pages for level, *_ in page.bookmarks)
            if job.early:
                connection.send(("laid", ChunkResult(job.index, len(pages), b"", starts, anchors, levels)))
            document = document.copy(pages) if job.drop_last else document
            data = document.write_pdf(pdf_identifier=True, pdf_variant=press.variant) if job.write else b""
    finally:
        layout.make_all_pages, layout.make_margin_boxes = make_all_pages, make_margin_boxes
        pdf.resolve_links = resolve_links
    return ChunkResult(job.index, len(pages), data, starts, anchors, levels, problems)


def _css_class():
    from weasyprint import CSS

    return CSS


def _links_resolver(elsewhere: frozenset[str]):
    """WeasyPrint's resolve_links, except that links to anchors in other chunks are kept (they point to
    named destinations, which the merge brings together)."""
    from weasyprint.logger import LOGGER

    def resolve_links(pages):
        anchors = set()
        paged_anchors = []
        for page in pages:
            paged_anchors.append([])
            for name, (x, y, _, _) in page.anchors.items():
                if name not in anchors:
                    paged_anchors[-1].append((name, x, y))
                    anchors.add(name)
        for page, page_anchors in zip(pages, paged_anchors):
            links = []
            for link in page.links:
                if link[0] == "internal" and link[1] not in anchors and link[1] not in elsewhere:
                    LOGGER.error("No anchor #%s for internal URI reference", link[1])
                else:
                    links.append(link)
            yield links, page_anchors

    return resolve_links
