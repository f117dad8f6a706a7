"""The template context every format shares, computed once from the model."""

from __future__ import annotations

from .. import __version__
from ..model import Publication
from ..strings import translator

GENERATOR = f"interview-publish {__version__}"


def base_context(publication: Publication) -> dict:
    """Names every template may use: meta, creators, interviews, generator, modified."""
    return {
        "meta": publication.meta,
        "creators": publication.creators,
        "interviews": publication.interviews,
        "generator": GENERATOR,
        "modified": publication.meta.modified.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "t": translator(publication.meta.language),
    }
