"""The web edition: one self-contained HTML5 file with the screen CSS inlined."""

from __future__ import annotations

from markupsafe import Markup

from ..model import Publication
from ..theme import Theme
from .context import base_context
from .pagebreaks import PageStart


def render_html(publication: Publication, theme: Theme, starts: tuple[PageStart, ...] = ()) -> bytes:
    """Render the publication as a single HTML page, with the print edition's page breaks if known."""
    page = theme.render("html/page.html.j2", **base_context(publication, starts), css=Markup(theme.css_for("html")))
    return page.encode("utf-8")
