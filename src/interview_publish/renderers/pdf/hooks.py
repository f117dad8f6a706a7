"""The three private WeasyPrint functions a chunk of the book is laid out through, and the one version of
WeasyPrint they are known to work with.

A chunk's page count is not known before its layout, and its folios depend on where it starts in the book.
WeasyPrint lays out all the pages of a document first (``layout.make_all_pages``) and adds the margin boxes,
running heads and folios, afterwards (``layout.make_margin_boxes``): a chunk stops in between, reports its
page count and waits for the number of its first page before the margin boxes are drawn, so that chunks are
laid out at the same time and numbered in order. ``pdf.resolve_links`` would drop the links to anchors in
other chunks; they are kept, for the merge to join.

These are WeasyPrint's internals, so they are used only with exactly ``SUPPORTED``: with any other WeasyPrint
the book is laid out in one piece, by WeasyPrint's public API alone (chunks.plan_chunks), and
tests/test_parallel_pdf.py checks the chunked book against that stock layout page by page.
"""

from __future__ import annotations

import contextlib
import copy

SUPPORTED = "70.0"


def supported() -> bool:
    """Whether the installed WeasyPrint is the one these hooks are made for (read without importing it)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("weasyprint") == SUPPORTED
    except PackageNotFoundError:
        return False


@contextlib.contextmanager
def chunk_hooks(number_pages, elsewhere: frozenset[str]):
    """Inside: WeasyPrint calls ``number_pages(page_count)`` once a document's pages are made and before
    their margin boxes, and uses the page-number offset it returns for the folios; links to anchors in
    ``elsewhere`` are kept. Then WeasyPrint's own functions are put back."""
    import weasyprint
    import weasyprint.layout as layout
    import weasyprint.pdf as pdf

    if weasyprint.__version__ != SUPPORTED:  # chunks.plan_chunks plans no chunk for another WeasyPrint
        raise RuntimeError(f"PDF chunks need WeasyPrint {SUPPORTED}, found {weasyprint.__version__}")
    make_all_pages, make_margin_boxes, resolve_links = layout.make_all_pages, layout.make_margin_boxes, \
        pdf.resolve_links
    made: dict = {}

    def capture_pages(context, root_box, html, pages):
        made["pages"] = list(make_all_pages(context, root_box, html, pages))
        return iter(made["pages"])

    def numbered_margin_boxes(context, page, page_state):
        if "offset" not in made:
            made["offset"] = number_pages(len(made["pages"]))
        if made["offset"]:
            page_state = copy.deepcopy(page_state)
            page_state[1]["page"] = [value + made["offset"] for value in page_state[1]["page"]]
        return make_margin_boxes(context, page, page_state)

    layout.make_all_pages, layout.make_margin_boxes = capture_pages, numbered_margin_boxes
    pdf.resolve_links = links_resolver(elsewhere)
    try:
        yield
    finally:
        layout.make_all_pages, layout.make_margin_boxes = make_all_pages, make_margin_boxes
        pdf.resolve_links = resolve_links


def links_resolver(elsewhere: frozenset[str]):
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
