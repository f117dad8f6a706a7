"""WeasyPrint set up for the print edition: the theme's stylesheets, the page geometry from the [print]
settings, the contained URL fetcher, and WeasyPrint's warnings and refusals as our problems."""

from __future__ import annotations

import contextlib
import logging
import re
from types import MappingProxyType

from ...config import PrintOptions
from ...errors import Problem, error
from ...theme import Theme

_MM_PER = MappingProxyType({"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72})


class Press:
    """WeasyPrint set up for one theme and [print] settings: stylesheets parsed once, reused per layout."""

    def __init__(self, theme: Theme, options: PrintOptions, extra_css: str = ""):
        try:  # heavy (half a second): imported only where a PDF is laid out
            from weasyprint import CSS, HTML
            from weasyprint.text.fonts import FontConfiguration
        except OSError as exc:  # WeasyPrint raises OSError when Pango is missing
            raise error("pdf", f"WeasyPrint cannot start ({exc}); install Pango (Debian: libpango-1.0-0)")
        from ..fetcher import contained_fetcher

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
    (WeasyPrint is not imported here: Press imports it.)"""
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
