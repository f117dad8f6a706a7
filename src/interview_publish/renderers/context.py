"""The template context every format shares, computed once from the model."""

from __future__ import annotations

from .. import __version__
from ..model import Publication
from ..strings import translator
from .pagebreaks import PageBreaks, PageStart

GENERATOR = f"interview-publish {__version__}"


def base_context(publication: Publication, starts: tuple[PageStart, ...] = (), epub: bool = False,
                 web: bool = False, index_starts: tuple[PageStart, ...] | None = None) -> dict:
    """Names every template may use: meta, creators, interviews, generator, modified, t (strings),
    epub (whether to add epub:type), the print page-break hooks, and the index (with the page numbers of
    ``index_starts``, else of ``starts``)."""
    from .indexing import index_entries

    return {
        **PageBreaks(starts, epub).template_globals(),
        "index_entries": index_entries(publication, starts if index_starts is None else index_starts),
        "href": lambda anchor: f"#{anchor}",
        "epub": epub,
        "web": web,
        "meta": publication.meta,
        "creators": publication.creators,
        "interviews": publication.interviews,
        "front": publication.front,
        "parts": publication.parts,
        "part_at": publication.part_starting_at,
        "back": publication.back,
        "corrections": publication.corrections,
        "generator": GENERATOR,
        "modified": publication.meta.modified.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "t": translator(publication.meta.language),
    }
