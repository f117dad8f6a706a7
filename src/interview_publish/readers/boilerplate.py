"""Recognise web leftovers (comment prompts, share links, menus) at the edges of a pasted transcript."""

from __future__ import annotations

import re

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
    (r"subscribe(?: to .{1,40})?|sign up for .{1,60}|advertisement|skip to (?:main )?content|menu|home",
     "page furniture"),
    (r"(?:posted|filed) (?:in|under) .{1,80}|tags?: .{1,200}|categories: .{1,200}", "page furniture"),
)
_COMPILED = tuple((re.compile(rf"^\W*(?:{p})\W*$", re.IGNORECASE), reason) for p, reason in _PATTERNS)


def boilerplate_reason(paragraph: SourceParagraph) -> str | None:
    """Why this paragraph is a web leftover, or None if it is real text."""
    if len(paragraph.text) > 240:
        return None
    for pattern, reason in _COMPILED:
        if pattern.match(paragraph.text):
            return reason
    return None
