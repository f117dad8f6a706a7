"""Recognise web leftovers (comment prompts, share links, menus, credits) in a paragraph's text: the readers
drop them from a pasted transcript (readers/structure.py), lint points at those that remain (lint.py)."""

from __future__ import annotations

import re

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
    (r"//\s*.{1,80}", "signature"),
    (r"show notes:?|(?:full )?transcript(?: below)?:?|listen (?:to|on) .{1,60}|download(?: the)? (?:episode|mp3).{0,40}",
     "podcast furniture"),
)
# Paragraphs that are never speech wherever they stand: credits, transcription notes, "read also"
# links, paywall and ad lines, end marks. Matched case-insensitively against the whole paragraph.
_BODY_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:transcribed|transcription|transcript|captions?)(?: (?:was |were )?(?:made |done |provided )?by| by) .{1,80}",
     "transcription credit"),
    (r"(?:translated|translation|übersetzung|traduction|traducción|перевод)(?: (?:by|from|von|par|por|с|:))? .{1,80}",
     "credit line"),
    (r"via:? .{1,120}|source: .{1,120}|quelle: .{1,120}|(?:photo|image|foto|фото)s?(?: credit)?: .{1,80}",
     "credit line"),
    (r"(?:lire|voir) aussi.{0,200}|read also.{0,200}|see also:? .{0,200}|article réservé à nos abonnés|"
     r"(?:ad|advertisement|sponsor) break|\[?(?:ad|advertisement)\]?|[■□▪●◼&#9632;]+|the end|конец",
     "page furniture"),
)
_BODY_COMPILED = tuple((re.compile(rf"^\W*(?:{p})\W*$", re.IGNORECASE), reason) for p, reason in _BODY_PATTERNS)
# Headings that open a trailing block of page furniture: they and everything after them go.
_TAIL_MARKERS = re.compile(
    r"^\W*(?:show notes|episode notes|links from (?:this|the) episode|related(?: articles| stories| posts| news)?|"
    r"more from .{1,40}|you may also like|read (?:more|next)|comments(?: \(\d+\))?|leave a (?:comment|reply)|"
    r"references|bibliography|further reading|sources|links|additional links|"
    r"ссылки(?: .{1,40})?|литература|weiterführende links|quellen|literatur|références|liens|referencias|enlaces)\W*$",
    re.IGNORECASE)
_COMPILED = tuple((re.compile(rf"^\W*(?:{p})\W*$", re.IGNORECASE), reason) for p, reason in _PATTERNS)


def boilerplate_reason(text: str) -> str | None:
    """Why this paragraph is a web leftover at the edge of a text, or None if it is real text."""
    if len(text) > 240:
        return None
    for pattern, reason in _COMPILED:
        if pattern.match(text):
            return reason
    return body_boilerplate_reason(text)


_LINK = r"!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])(?:\{[^{}]*\})?"
_LINKS_ONLY = re.compile(rf"^(?:[-*+•]\s+)?(?:{_LINK}[\s,;|·•]*)+$")


def is_tail_marker(text: str) -> bool:
    """A heading that opens the page's closing furniture: references, related links, comments."""
    return bool(_TAIL_MARKERS.match(text))


def body_boilerplate_reason(text: str) -> str | None:
    """Why this paragraph, wherever it stands, is not speech (a credit, a "read also" link), or None."""
    if len(text) > 240:
        return None
    if _LINKS_ONLY.match(text.strip()):
        return "link"
    for pattern, reason in _BODY_COMPILED:
        if pattern.match(text):
            return reason
    return None

