"""Paragraph text to inline nodes: non-verbal cues and timestamps become Cue nodes; Markdown emphasis
becomes Emphasis/Strong (Markdown sources only)."""

from __future__ import annotations

import functools
import re

from ..model import Cue, Emphasis, Inline, Strong, Text

# Words that mark a bracketed or parenthesised aside as a transcript cue rather than speech.
CUE_WORDS = (
    "laughter", "laughs", "laughing", "laugh", "chuckles", "chuckling", "applause", "inaudible",
    "unintelligible", "indiscernible", "crosstalk", "cross-talk", "cross talk", "pause", "pauses", "silence",
    "sighs", "sigh", "coughs", "music", "cheers", "cheering", "booing", "noise", "break", "audio",
    "interruption", "interrupts", "overlapping", "off mic", "off-mic", "phonetic", "sp", "ph", "?",
)
_CUE_WORD = "|".join(re.escape(w) for w in sorted(CUE_WORDS, key=len, reverse=True))
_TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
CUE = re.compile(
    rf"\\?\[\s*(?:{_TIMESTAMP}|(?:{_CUE_WORD})\b[^\[\]]{{0,40}}?)\s*\\?\]"  # [inaudible], [00:01:23], \[07:54\]
    rf"|\(\s*(?:{_CUE_WORD})\b[^()]{{0,40}}?\)",  # (Laughter.), (laughs)
    re.IGNORECASE,
)


def text_inlines(text: str) -> tuple[Inline, ...]:
    """Plain text with cues picked out."""
    if "[" not in text and "(" not in text:  # every cue has one: no need to look for them
        return (Text(text),)
    nodes: list[Inline] = []
    position = 0
    for match in CUE.finditer(text):
        if match.start() > position:
            nodes.append(Text(text[position:match.start()]))
        nodes.append(Cue(match.group(0).replace("\\[", "[").replace("\\]", "]")))
        position = match.end()
    if position < len(text):
        nodes.append(Text(text[position:]))
    return tuple(nodes) or (Text(""),)


_REFERENCE_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\[[^\[\]]*\]")  # [text][ref], [text][]
_REFERENCE_IMAGE = re.compile(r"!\[[^\[\]]*\]\[[^\[\]]*\]")


def markdown_inlines(text: str) -> tuple[Inline, ...]:
    """Markdown inline text (emphasis, strong, code, escapes; raw HTML stays text) to inline nodes; a
    link keeps its words (the book is not the web page it came from), an image goes."""
    if "][" in text:
        text = _REFERENCE_LINK.sub(r"\1", _REFERENCE_IMAGE.sub("", text))
    tokens = _markdown().parseInline(text)[0].children or []
    stack: list[list[Inline]] = [[]]
    for token in tokens:
        if token.type in ("link_open", "link_close", "image"):
            continue
        if token.type in ("em_open", "strong_open"):
            stack.append([])
        elif token.type in ("em_close", "strong_close") and len(stack) > 1:
            children = tuple(stack.pop())
            stack[-1].append(Emphasis(children) if token.type == "em_close" else Strong(children))
        elif token.type in ("softbreak", "hardbreak"):
            stack[-1].extend(text_inlines(" "))
        else:
            stack[-1].extend(text_inlines(token.content))
    while len(stack) > 1:  # unclosed emphasis: keep the words
        children = stack.pop()
        stack[-1].extend(children)
    return merge_text(tuple(stack[0]))


def merge_text(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Join neighbouring Text nodes."""
    out: list[Inline] = []
    for node in nodes:
        if out and isinstance(node, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out) or (Text(""),)


@functools.lru_cache(maxsize=1)
def _markdown():
    """Inline Markdown only; entities are already decoded and raw HTML is not enabled."""
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "backticks", "escape", "link", "image"])


def markdown_plain(text: str) -> str:
    """Markdown inline text as plain text (for titles and standfirsts)."""
    from ..model import plain_text

    return plain_text(markdown_inlines(text)).strip()
