"""A WeasyPrint URL fetcher that reads only inside the given folders and never the network."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


def contained_fetcher(roots: tuple[Path, ...]):
    """Allow data: URLs and file: URLs inside ``roots``; refuse everything else with a clear reason."""
    from weasyprint.urls import URLFetcher

    allowed = tuple(root.resolve() for root in roots)

    class ContainedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise ValueError(f"refused {url}: a build never reaches the network")
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in allowed):
                raise ValueError(f"refused {url}: outside the project and the theme")
            return super().fetch(url, headers)

    return ContainedFetcher(allowed_protocols=("file", "data"))
