"""Editorial corrections from publication.toml, applied to the model (the transcript stays verbatim)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import Problem, PublishError
from .model import AppliedCorrection as Applied
from .model import Emphasis, Interview, Strong, Text, Turn


@dataclass(frozen=True)
class Correction:
    """Find ``find`` and put ``replace``, in one turn (``where``) or everywhere; ``count`` matches expected."""

    find: str
    replace: str
    why: str
    where: str | None = None
    count: int | None = None
    transcript: str | None = None
    line: int | None = None  # of the [[corrections]] table in publication.toml


def apply_corrections(interview: Interview, corrections: list[Correction], config_path: str | None
                      ) -> tuple[Interview, list[Applied]]:
    """Apply each correction; one that matches nothing, or more or fewer times than expected, is an error."""
    problems, applied = [], []
    for correction in corrections:
        found = 0
        blocks = []
        for block in interview.blocks:
            if isinstance(block, Turn) and correction.where in (None, block.id):
                paragraphs = []
                for paragraph in block.paragraphs:
                    children, hits = replace_in(paragraph.children, correction.find, correction.replace)
                    found += hits
                    paragraphs.append(replace(paragraph, children=children) if hits else paragraph)
                block = replace(block, paragraphs=tuple(paragraphs))
            blocks.append(block)
        title, standfirst = interview.title, interview.standfirst
        if correction.where in (None, "title"):
            found += title.count(correction.find)
            title = title.replace(correction.find, correction.replace)
        if correction.where in (None, "standfirst") and standfirst:
            found += standfirst.count(correction.find)
            standfirst = standfirst.replace(correction.find, correction.replace)
        expected = correction.count
        scope = f" in {correction.where}" if correction.where else ""
        if found == 0:
            problems.append(Problem("error", "correction", f'"{correction.find}" matches nothing{scope} in '
                                    f"{interview.source}; the correction is out of date or mistyped",
                                    config_path, correction.line))
        elif expected is not None and found != expected:
            problems.append(Problem("error", "correction", f'"{correction.find}" matches {found} times{scope}, '
                                    f"expected {expected}: narrow it with where = \"t5\" or set count = {found}",
                                    config_path, correction.line))
        else:
            interview = replace(interview, blocks=tuple(blocks), title=title, standfirst=standfirst)
            applied.append(Applied(correction.find, correction.replace, correction.why, found))
    if problems:
        raise PublishError(problems)
    return interview, applied


def replace_in(children, find: str, new: str):
    """Replace inside Text nodes (emphasis included); returns the new nodes and the number of matches."""
    out, hits = [], 0
    for node in children:
        if isinstance(node, Text):
            hits += node.text.count(find)
            out.append(Text(node.text.replace(find, new)))
        elif isinstance(node, (Emphasis, Strong)):
            inner, more = replace_in(node.children, find, new)
            hits += more
            out.append(type(node)(inner))
        else:
            out.append(node)
    return tuple(out), hits


