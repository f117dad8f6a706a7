"""Front and back matter: short Markdown files (a foreword, acknowledgements) read into Matter."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, PublishError, display_path
from ..limits import read_limited
from ..model import MATTER_KINDS, Matter, Paragraph
from .front_matter import split_front_matter
from .inline import markdown_inlines
from .labels import heading_text
from .text_input import decode_transcript, split_paragraphs

ALIASES = {"acknowledgements": "acknowledgments", "thanks": "acknowledgments", "intro": "introduction",
           "about": "appendix", "notes": "appendix"}


def read_matter(path: Path, matter_id: str, default_kind: str) -> tuple[Matter, list[Problem]]:
    """A Markdown file: its `# Title` (or front matter title) and paragraphs; its kind from the file name."""
    shown = display_path(path) or str(path)
    try:
        data = read_limited(path, shown, what="front or back matter file")
    except OSError as exc:
        raise PublishError(Problem("error", "read", f"cannot read: {exc.strerror}", shown))
    text, problems = decode_transcript(data, shown)
    front, body, first_line, more = split_front_matter(text, shown) if path.suffix.lower() in (".md", ".markdown") \
        else ({}, text, 1, [])
    problems += more
    paragraphs = split_paragraphs(body, first_line)
    title = front.get("title") if isinstance(front.get("title"), str) else None
    if paragraphs and (heading := heading_text(paragraphs[0].text)):
        title = title or heading
        paragraphs = paragraphs[1:]
    stem = path.stem.lower().split("-", 1)[-1] if "-" in path.stem and path.stem.split("-")[0].isdigit() \
        else path.stem.lower()
    kind = ALIASES.get(stem, stem if stem in MATTER_KINDS else default_kind)
    if not title:
        title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
    if not paragraphs:
        raise PublishError(Problem("error", "empty", "this front or back matter file has no text", shown, 1))
    return Matter(matter_id, kind, title,
                  tuple(Paragraph(markdown_inlines(p.text), p.line) for p in paragraphs
                        if not heading_text(p.text)), shown), problems
