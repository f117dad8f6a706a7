"""Recognise web leftovers (comment prompts, share links, menus) at the edges of a pasted transcript."""

from __future__ import annotations

import re

from ..model import Removal
from .text_input import SourceParagraph

# Whole paragraphs that are page furniture, not speech. Matched case-insensitively.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"leave a (?:comment|reply)|add (?:a|your) comment|post a comment|\d* ?comments?|comments? \(\d+\)",
     "comment prompt"),
    (r"share(?: this(?: article| story| page| post)?)?(?: on \w+)?:?|tweet|email|print(?: this(?: article| page)?)?",
     "share link"),
    (r"(?:facebook|twitter|linkedin|whatsapp|telegram|vk|reddit)(?:[ ,|/·•]+(?:facebook|twitter|linkedin|whatsapp|telegram|vk|reddit|email))*",
     "share link"),
    (r"related(?: articles| stories| posts| news)?:?|read more|more from .{1,40}|you may also like:?|recommended:?",
     "related links"),
    (r"subscribe(?: to .{1,80})?|sign up for .{1,60}|advertisement|skip to (?:main )?content|menu|home",
     "page furniture"),
    (r"(?:posted|filed) (?:in|under) .{1,80}|tags?: .{1,200}|categories: .{1,200}", "page furniture"),
    (r"(?:translated|translation) (?:by|from) .{1,80}|translation: .{1,80}|(?:photo|image)s?(?: credit)?: .{1,80}",
     "credit line"),
    (r"end(?: \d{1,2}:\d{2} ?[ap]\.? ?m\.?(?: [a-z]{2,4})?)?|\d{4}/t?\d+-\d+|released on .{1,40}|###",
     "transcript footer"),
    (r"show notes:?|(?:full )?transcript(?: below)?:?|listen (?:to|on) .{1,60}|download(?: the)? (?:episode|mp3).{0,40}",
     "podcast furniture"),
)
# Headings that open a trailing block of page furniture: they and everything after them go.
_TAIL_MARKERS = re.compile(
    r"^\W*(?:show notes|episode notes|links from (?:this|the) episode|related(?: articles| stories| posts| news)?|"
    r"more from .{1,40}|you may also like|read (?:more|next)|comments(?: \(\d+\))?|leave a (?:comment|reply))\W*$",
    re.IGNORECASE)
TAIL_WINDOW = 8  # how close to the end such a heading must be
_COMPILED = tuple((re.compile(rf"^\W*(?:{p})\W*$", re.IGNORECASE), reason) for p, reason in _PATTERNS)


def boilerplate_reason(paragraph: SourceParagraph) -> str | None:
    """Why this paragraph is a web leftover, or None if it is real text."""
    if len(paragraph.text) > 240:
        return None
    for pattern, reason in _COMPILED:
        if pattern.match(paragraph.text):
            return reason
    return None


def strip_edges(paragraphs: list[SourceParagraph], removed: list[Removal]) -> list[SourceParagraph]:
    """Drop web leftovers from the start and the end, recording each one."""
    start, end = 0, len(paragraphs)
    while start < end and (reason := boilerplate_reason(paragraphs[start])):
        removed.append(Removal(paragraphs[start].line, paragraphs[start].text, reason))
        start += 1
    tail: list[Removal] = []
    for index in range(max(start + 1, end - TAIL_WINDOW), end):
        if _TAIL_MARKERS.match(paragraphs[index].text):
            marker = paragraphs[index].text.strip()
            for paragraph in reversed(paragraphs[index:end]):
                reason = (boilerplate_reason(paragraph) or "trailing page section" if paragraph is paragraphs[index]
                          else f'after "{marker}"')
                tail.append(Removal(paragraph.line, paragraph.text, reason))
            end = index
            break
    while end > start and (reason := boilerplate_reason(paragraphs[end - 1])):
        tail.append(Removal(paragraphs[end - 1].line, paragraphs[end - 1].text, reason))
        end -= 1
    removed.extend(reversed(tail))
    return paragraphs[start:end]
