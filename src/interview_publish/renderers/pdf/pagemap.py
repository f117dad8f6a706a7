"""Read back from WeasyPrint's layout where each printed page starts in the content model."""

from __future__ import annotations

import re

from ...model import Publication, Turn
from ..pagebreaks import PageStart

SKIP_CLASSES = {"speaker", "timestamp"}  # label text is not part of the paragraph's model text


def paragraph_texts(publication: Publication) -> dict[str, str]:
    """Model text of every paragraph, by the id the templates give it (turn id + position)."""
    texts = {}
    for interview in publication.interviews:
        for block in interview.blocks:
            for index, paragraph in enumerate(getattr(block, "paragraphs", ()), start=1):
                texts[f"{block.id}-{index}"] = paragraph.text
    return texts


def block_ids(publication: Publication) -> set[str]:
    """Elements a page can start at without a paragraph: interview openings and section headings."""
    ids = set()
    for interview in publication.interviews:
        ids.add(interview.id)
        ids.update(b.id for b in interview.blocks if not isinstance(b, Turn))
    return ids


def locate_page_starts(pages, publication: Publication | None = None, first_number: int = 1,
                       texts: dict[str, str] | None = None, blocks: set[str] | None = None) -> tuple[PageStart, ...]:
    """For each page, the first place in an interview it shows: a paragraph and the offset of its first
    whole word, or an opening or heading. Pages of front matter and blank pages have none. ``pages`` are
    WeasyPrint's laid-out pages, numbered from ``first_number`` (a chunk of the book starts further on);
    ``texts`` and ``blocks`` stand for the publication where it is not at hand (a layout process)."""
    texts = paragraph_texts(publication) if texts is None else texts
    blocks = block_ids(publication) if blocks is None else blocks
    consumed: dict[str, int] = {}
    starts = []
    for number, page in enumerate(pages, start=first_number):
        found = first_anchor(page._page_box.children[0], texts, blocks)
        if found is None:
            continue
        anchor, line = found
        if anchor in texts:
            offset = offset_of(texts[anchor], line, consumed.get(anchor, 0))
            consumed[anchor] = offset
            starts.append(PageStart(str(number), anchor, offset))
        else:
            starts.append(PageStart(str(number), anchor, None))
    return tuple(starts)


def first_anchor(root, texts: dict[str, str], blocks: set[str]) -> tuple[str, str] | None:
    """(anchor id, text of the page's first line inside it), or None for a page without interview text."""
    for line, ids in line_boxes(root, ()):
        owner = next((i for i in reversed(ids) if i in texts or i in blocks), None)
        pieces = list(line_text(line, False))
        if owner is not None and pieces:
            return owner, "".join(text for text, skipped in pieces if not skipped)
    return None


def line_boxes(box, ids: tuple[str, ...]):
    """Every line box in layout order, with the ids of the elements around it."""
    element = getattr(box, "element", None)
    if element is not None and element.get("id"):
        ids = ids + (element.get("id"),)
    if type(box).__name__ == "LineBox":
        yield box, ids
        return
    for child in getattr(box, "children", ()):
        yield from line_boxes(child, ids)


def line_text(box, skipped: bool):
    """(text, is_label) for the text boxes of a line; speaker labels and timestamps are flagged."""
    element = getattr(box, "element", None)
    if type(box).__name__ == "TextBox":
        yield box.text, skipped
        return
    if element is not None and set((element.get("class") or "").split()) & SKIP_CLASSES:
        skipped = True
    for child in getattr(box, "children", ()):
        yield from line_text(child, skipped)


def offset_of(text: str, line: str, start: int) -> int:
    """Where the page's first line begins in the paragraph text, moved to the next whole word when
    the page starts inside a hyphenated word."""
    line = line.replace("\u2010", "").replace("\u00ad", "").strip()
    words = line.split()
    for count in (6, 4, 2, 1):
        probe = " ".join(words[:count])
        if not probe:
            break
        position = text.find(probe, start)
        if position >= 0:
            break
    else:
        return start
    if 0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum():
        match = re.compile(r"\s+").search(text, position)
        position = match.end() if match else len(text)
    return position
