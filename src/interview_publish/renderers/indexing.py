"""The index of names: where each term occurs, and on which printed page (from the PDF's page starts)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Publication, Turn
from .pagebreaks import PageStart


@dataclass(frozen=True)
class IndexRef:
    """One place a term occurs: the turn to link to, and the printed page when known."""

    anchor: str
    page: str | None


@dataclass(frozen=True)
class IndexEntry:
    term: str
    refs: tuple[IndexRef, ...]


def paragraph_order(publication: Publication) -> tuple[dict[str, int], dict[str, int], list[tuple[str, str, str]]]:
    """Document order of paragraph ids, the order of block/interview anchors, and (paragraph id, turn id,
    text) for every spoken paragraph."""
    order: dict[str, int] = {}
    anchors: dict[str, int] = {}
    spoken = []
    for interview in publication.interviews:
        anchors[interview.id] = len(order)
        for block in interview.blocks:
            anchors[block.id] = len(order)
            for index, paragraph in enumerate(getattr(block, "paragraphs", ()), start=1):
                pid = f"{block.id}-{index}"
                order[pid] = len(order)
                if isinstance(block, Turn):
                    spoken.append((pid, block.id, paragraph.text))
    return order, anchors, spoken


def index_entries(publication: Publication, starts: tuple[PageStart, ...]) -> tuple[IndexEntry, ...]:
    """Each configured term with its places, sorted alphabetically; places on one page are merged."""
    if not publication.index_terms:
        return ()
    order, anchors, spoken = paragraph_order(publication)
    keys, labels = [], []
    for start in starts:
        if start.offset is None:
            keys.append((anchors.get(start.anchor, 0), -1))
        else:
            keys.append((order.get(start.anchor, 0), start.offset))
        labels.append(start.label)
    entries = []
    for term in sorted(publication.index_terms, key=str.casefold):
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
        refs: list[IndexRef] = []
        for pid, turn_id, text in spoken:
            for match in pattern.finditer(text):
                page = None
                if keys:
                    position = bisect.bisect_right(keys, (order[pid], match.start())) - 1
                    page = labels[position] if position >= 0 else None
                ref = IndexRef(turn_id, page)
                if page is not None and any(r.page == page for r in refs):
                    continue
                if page is None and any(r.anchor == turn_id for r in refs):
                    continue
                refs.append(ref)
        entries.append(IndexEntry(term, tuple(refs)))
    return tuple(entries)
