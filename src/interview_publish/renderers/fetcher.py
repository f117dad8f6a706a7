"""A WeasyPrint URL fetcher that reads only inside the given folders and never the network."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..containment import inside


class RefusedURL(Exception):
    """A URL the fetcher would not load; render_pdf turns it into error[refused]."""


def contained_fetcher(roots: tuple[Path, ...]):
    """Allow data: URLs and file: URLs inside ``roots``; refuse everything else with a clear reason.
    A refusal stops the layout (WeasyPrint would otherwise log it and carry on without the resource).
    Every URL asked for raises the audit event "interview_publish.fetch" (PEP 578)."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    allowed = tuple(root.resolve() for root in roots)

    class Refusal(FatalURLFetchingError):
        def __init__(self, url: str, reason: str):
            super().__init__(f"refused {url if len(url) <= 80 else url[:77] + '...'}: {reason}")
            self.reason = reason

    class ContainedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            sys.audit("interview_publish.fetch", url)  # for audit hooks (PEP 578), in any process
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file" or parts.netloc not in ("", "localhost"):
                raise Refusal(url, "a build never reaches the network")
            path = Path(unquote(parts.path))
            if not inside(path, allowed):
                raise Refusal(url, "outside the project and the theme")
            return super().fetch(url, headers)

    fetcher = ContainedFetcher(allowed_protocols=("file", "data"))
    fetcher.Refusal = Refusal
    return fetcher
