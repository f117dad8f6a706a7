"""The web edition: one self-contained HTML5 file with the screen CSS inlined."""

from __future__ import annotations

from markupsafe import Markup

from ..model import Publication
from ..theme import Theme
from .context import base_context
from .pagebreaks import PageStart
from .webmeta import json_ld, opengraph


def render_html(publication: Publication, theme: Theme, starts: tuple[PageStart, ...] = (),
                url: str | None = None, cover_name: str | None = None) -> bytes:
    """Render the publication as a single HTML page, with the print edition's page breaks if known.
    ``url`` is where the page will live (for canonical and OpenGraph links), ``cover_name`` the cover's
    file name beside it in dist/."""
    canonical = url
    image = None
    if url and cover_name:
        image = url.rsplit("/", 1)[0] + "/" + cover_name
    page = theme.render("html/page.html.j2", **base_context(publication, starts, web=True),
                        css=Markup(theme.css_for("html")), json_ld=json_ld(publication, canonical, image),
                        opengraph=opengraph(publication, canonical, image), canonical=canonical)
    return page.encode("utf-8")
