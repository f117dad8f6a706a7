"""Print page breaks carried into the EPUB and the HTML: where each PDF page starts, as markers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup


NONE = Markup("")  # no marker


@dataclass(frozen=True)
class PageStart:
    """PDF page ``label`` starts at ``offset`` characters into the text of element ``anchor`` (a
    paragraph id), or just before element ``anchor`` when ``offset`` is None (an opening, a heading)."""

    label: str
    anchor: str
    offset: int | None = None


@dataclass(frozen=True)
class PageBreaks:
    """The page starts of a print edition, looked up by the templates."""

    starts: tuple[PageStart, ...] = ()
    epub: bool = False

    def marker(self, label: str) -> Markup:
        epub_type = ' epub:type="pagebreak"' if self.epub else ""
        return Markup('<span{} role="doc-pagebreak" id="page-{}" title="{}"></span>').format(
            Markup(epub_type), label, label)

    @cached_property
    def by_anchor(self) -> dict[str, list[PageStart]]:
        """The starts of each anchor, in order: each paragraph looks up its own, not every page's."""
        found: dict[str, list[PageStart]] = {}
        for start in self.starts:
            found.setdefault(start.anchor, []).append(start)
        return found

    def before(self, anchor: str) -> Markup:
        """Markers that go just before an element."""
        starts = self.by_anchor.get(anchor)
        if not starts:  # most elements: called for each one, in every chapter
            return NONE
        return Markup("").join(self.marker(s.label) for s in starts if s.offset is None)

    def at_start(self, anchor: str) -> Markup:
        """Markers at the very start of a paragraph: before its speaker label."""
        starts = self.by_anchor.get(anchor)
        if not starts:
            return NONE
        return Markup("").join(self.marker(s.label) for s in starts if s.offset == 0)

    def within(self, anchor: str) -> tuple[tuple[int, Markup], ...]:
        """(offset, marker) pairs inside a paragraph's text."""
        starts = self.by_anchor.get(anchor)
        if not starts:
            return ()
        return tuple((s.offset, self.marker(s.label)) for s in starts if s.offset)

    def template_globals(self) -> dict:
        return {"breaks_before": self.before, "breaks_at_start": self.at_start, "breaks_in": self.within,
                "page_starts": self.starts}
