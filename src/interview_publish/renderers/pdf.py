"""The print edition: WeasyPrint lays out the theme's print HTML into a paginated PDF."""

from __future__ import annotations

import contextlib
import logging

from markupsafe import Markup

from ..config import TrimSize
from ..errors import Problem, error
from ..model import Publication
from ..theme import Theme
from .context import base_context


def render_pdf(publication: Publication, theme: Theme, trim: TrimSize, problems: list[Problem]) -> bytes:
    """Render the print edition; WeasyPrint's own warnings are added to ``problems``."""
    css = theme.css_for("pdf") + f"\n@page {{ size: {trim.width} {trim.height}; }}\n"
    page = theme.render("pdf/book.html.j2", **base_context(publication), css=Markup(css))
    try:
        from weasyprint import HTML  # heavy (about a second): imported only when a PDF is wanted
    except OSError as exc:  # WeasyPrint raises OSError when Pango is missing
        raise error("pdf", f"WeasyPrint cannot start ({exc}); install Pango (Debian: libpango-1.0-0)")

    from .fetcher import contained_fetcher

    with weasyprint_warnings(problems):
        document = HTML(string=page, base_url=theme.dirs[-1].as_uri() + "/",
                        url_fetcher=contained_fetcher(theme.dirs)).render()
        return document.write_pdf(pdf_identifier=True)


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
