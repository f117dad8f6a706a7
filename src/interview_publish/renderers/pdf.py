"""The print edition: WeasyPrint lays out the theme's print HTML into a paginated PDF."""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass

from ..config import PrintOptions
from ..errors import Problem, error
from ..model import Publication
from ..theme import Theme
from .context import base_context
from .pagebreaks import PageStart
from .pagemap import locate_page_starts

_MM_PER = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}


@dataclass(frozen=True)
class PrintEdition:
    """The PDF and where each of its pages starts in the content (for page lists in other formats)."""

    data: bytes
    starts: tuple[PageStart, ...]
    pages: int


def render_pdf(publication: Publication, theme: Theme, options: PrintOptions, problems: list[Problem],
               jobs: int | None = None, cache_dir=None, on_starts=None, meanwhile=None) -> PrintEdition:
    """Render the print edition; WeasyPrint's own warnings are added to ``problems``. A book of many
    interviews (or any collection when ``jobs`` is given) is laid out in chunks by ``jobs`` processes
    (renderers/pdfparallel.py), reusing the chunks kept in ``cache_dir`` that did not change; otherwise in
    this process. ``on_starts(starts)``, when given, may be called with the page starts before the PDF is
    written (a layout process writes it meanwhile); ``meanwhile()``, when given, is called once the layout
    is under way."""
    if options.variant.startswith("pdf/x") and options.output_profile is None:
        raise error("config", "PDF/X needs the printer's CMYK ICC profile: set print.output_profile in "
                              "publication.toml")
    from .pdfparallel import plan_chunks, render_pdf_parallel

    plan = plan_chunks(publication, theme, options, jobs)
    if plan is not None:
        return render_pdf_parallel(publication, theme, options, problems, plan, jobs, cache_dir, on_starts,
                                   meanwhile)
    from .layoutpool import active_pool

    pool = active_pool(theme.dirs, options)
    if pool is not None:  # a layout process, started before reading, has WeasyPrint ready
        return lay_out_in(pool, publication, theme, problems, on_starts, meanwhile)
    page = theme.render("pdf/book.html.j2", **book_context(publication))
    with weasyprint_warnings(problems), refusals():
        press = Press(theme, options)
        if meanwhile is not None:  # once WeasyPrint is imported: the cover's thread imports Pillow
            meanwhile()
        document = press.layout(page)
        starts = locate_page_starts(document.pages, publication)
        if publication.index_terms:
            # Second pass: the index, at the very end, now shows the pages found by the first pass;
            # nothing before it moves (the contents already listed the index).
            document = press.layout(theme.render("pdf/book.html.j2", **book_context(publication, starts)))
            starts = locate_page_starts(document.pages, publication)
        data = document.write_pdf(pdf_identifier=True, pdf_variant=press.variant)
    return PrintEdition(data, starts, len(document.pages))


def lay_out_in(pool, publication: Publication, theme: Theme, problems: list[Problem],
               on_starts=None, meanwhile=None) -> PrintEdition:
    """The layout above, done by a layout process (layoutpool.py): the same HTML, the same passes; the
    last pass sends its page starts to ``on_starts`` before writing the PDF; ``meanwhile()`` is called
    once the first pass is sent."""
    from .hyphenation import languages
    from .pagemap import block_ids, paragraph_texts
    from .pdfworker import ChunkJob

    texts, blocks = paragraph_texts(publication), frozenset(block_ids(publication))
    pool.hyphenate(languages(publication))

    def lay_out(index_starts, write: bool, meanwhile=None):
        page = theme.render("pdf/book.html.j2", **book_context(publication, index_starts))
        job = ChunkJob(0, page, "", 1, False, frozenset(), frozenset(), texts, blocks, write=write,
                       early=write and on_starts is not None)
        result = pool.run([job], on_laid=on_starts and (lambda laid: on_starts(laid.starts)),
                          meanwhile=meanwhile)[0]
        problems.extend(result.problems)
        return result

    result = lay_out(None, write=not publication.index_terms, meanwhile=meanwhile)
    if publication.index_terms:  # the second pass, as above
        result = lay_out(result.starts, write=True)
    return PrintEdition(result.data, result.starts, result.pages)


def book_context(publication: Publication, index_starts=None, chunk=None, page_of=None) -> dict:
    """The context of pdf/book.html.j2: the whole book (``chunk`` None) or one chunk of it."""
    return {**base_context(publication, index_starts=index_starts), "chunk": chunk,
            "page_of": page_of or (lambda anchor: "")}


class Press:
    """WeasyPrint set up for one theme and [print] settings: stylesheets parsed once, reused per layout."""

    def __init__(self, theme: Theme, options: PrintOptions, extra_css: str = ""):
        from .weasyimport import import_weasyprint

        try:
            import_weasyprint()  # heavy (half a second): imported only when a PDF is wanted
            from weasyprint import CSS, HTML
            from weasyprint.text.fonts import FontConfiguration
        except OSError as exc:  # WeasyPrint raises OSError when Pango is missing
            raise error("pdf", f"WeasyPrint cannot start ({exc}); install Pango (Debian: libpango-1.0-0)")
        from . import leaders, marginboxes
        from .fetcher import contained_fetcher

        leaders.install()
        marginboxes.install()

        roots = theme.roots + ((options.output_profile,) if options.output_profile else ())
        self.fetcher = contained_fetcher(roots)
        self.fonts = FontConfiguration()
        self.profiles: dict = {}  # @color-profile rules of our stylesheets (the CMYK output profile for PDF/X)
        self.base_url = theme.dirs[-1].as_uri() + "/"
        self.variant = None if options.variant == "none" else options.variant
        self._html = HTML
        self.sheets = [self.css(CSS, filename=str(path)) for path in theme.stylesheet_paths("pdf")]
        self.sheets.append(self.css(CSS, string=geometry_css(options) + extra_css))

    def css(self, factory, **source):
        return factory(**source, font_config=self.fonts, color_profiles=self.profiles, url_fetcher=self.fetcher)

    def layout(self, html: str, sheets: list | None = None):
        return self._html(string=html, base_url=self.base_url, url_fetcher=self.fetcher).render(
            stylesheets=self.sheets + (sheets or []), font_config=self.fonts, color_profiles=self.profiles)


def geometry_css(options: PrintOptions) -> str:
    """Page size, margins (inner and outer for binding), bleed and crop marks from the settings; margins
    and the text size not set are derived from the trim width."""
    width = length_mm(options.trim.width)
    large = width > 160  # A4, Letter: a bigger type size and wider outer margins keep the measure
    inner = options.inner or f"{width * 0.125:.1f}mm"
    outer = options.outer or f"{width * (0.19 if large else 0.10):.1f}mm"
    top = options.top or f"{width * 0.11:.1f}mm"
    bottom = options.bottom or f"{width * 0.13:.1f}mm"
    bleed = f"bleed: {options.bleed};" if options.bleed else ""
    marks = "marks: crop cross;" if options.marks else ""
    profile = (f"@color-profile device-cmyk {{ src: url({options.output_profile.as_uri()}); "
               f"components: cyan, magenta, yellow, black; }}\n"
               if options.output_profile and options.variant.startswith("pdf/x") else "")
    return (f"{profile}@page {{ size: {options.trim.width} {options.trim.height}; margin: {top} {outer} {bottom} {inner};"
            f" {bleed} {marks} }}\n"
            f"@page :left {{ margin-left: {outer}; margin-right: {inner}; }}\n"
            f"@page :right {{ margin-left: {inner}; margin-right: {outer}; }}\n"
            f"html {{ font-size: {11 if large else 10}pt; }}\n")


def length_mm(value: str) -> float:
    """A CSS length with unit mm, cm, in or pt, in millimetres."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(mm|cm|in|pt)", value.strip())
    return float(match.group(1)) * _MM_PER[match.group(2)] if match else 0.0


@contextlib.contextmanager
def refusals():
    """A URL the contained fetcher refused (in a project's template, say) stops the build with its reason.
    (WeasyPrint is not imported here: Press imports it, the quick way, weasyimport.py.)"""
    import sys

    try:
        yield
    except BaseException as exc:  # WeasyPrint's FatalURLFetchingError is a BaseException
        urls = sys.modules.get("weasyprint.urls")
        if urls is not None and isinstance(exc, urls.FatalURLFetchingError):
            raise error("refused", f"the print layout asked for {exc}") from None
        raise


@contextlib.contextmanager
def weasyprint_warnings(problems: list[Problem]):
    """Route WeasyPrint's log warnings into Problems instead of stray stderr lines."""
    logger = logging.getLogger("weasyprint")
    handler = _ProblemHandler(problems)
    saved = logger.propagate, logger.handlers
    logger.handlers, logger.propagate = [handler], False
    try:
        yield
    finally:
        logger.propagate, logger.handlers = saved


class _ProblemHandler(logging.Handler):
    def __init__(self, problems: list[Problem]):
        super().__init__(logging.WARNING)
        self.problems = problems

    def emit(self, record: logging.LogRecord) -> None:
        self.problems.append(Problem("warning", "weasyprint", record.getMessage()))
