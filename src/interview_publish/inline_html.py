"""Inline model nodes to escaped (X)HTML: the themes' ``inlines`` filter (theme.py), below the renderers that
render the templates using it."""

from __future__ import annotations

from markupsafe import Markup, escape

from .model import Cue, Emphasis, Inline, Paragraph, Strong, Text, plain_text


def render_inlines(value: Paragraph | tuple[Inline, ...], breaks: tuple[tuple[int, Markup], ...] = ()) -> Markup:
    """Escaped markup for a paragraph's inline nodes; valid as both HTML5 and XHTML. ``breaks`` are
    (character offset in the paragraph's text, marker markup) pairs, e.g. print page breaks."""
    children = value.children if isinstance(value, Paragraph) else value
    if breaks:
        children = split_at(children, sorted(breaks, key=lambda b: b[0]))
    elif len(children) == 1 and type(children[0]) is Text:  # most paragraphs: one run of plain text
        return escape(children[0].text)
    return Markup("").join(render_inline(node) for node in children)


class Marker:
    """Ready markup placed between inline nodes (a page break)."""

    def __init__(self, markup: Markup):
        self.markup = markup


def split_at(children: tuple, breaks: list[tuple[int, Markup]]) -> tuple:
    """Cut Text nodes at the break offsets and put the markers there (cues and emphasis stay whole)."""
    out: list = []
    position = 0
    pending = list(breaks)
    for node in children:
        length = len(node.text) if isinstance(node, (Text, Cue)) else len(plain_text(node.children))
        while pending and pending[0][0] <= position:
            out.append(Marker(pending.pop(0)[1]))
        if isinstance(node, Text):
            text, start = node.text, position
            while pending and pending[0][0] < position + length:
                cut = pending[0][0] - start
                out.append(Text(text[:cut]))
                out.append(Marker(pending.pop(0)[1]))
                text, start = text[cut:], start + cut
            out.append(Text(text))
        else:
            out.append(node)
        position += length
    out.extend(Marker(markup) for _, markup in pending)
    return tuple(out)


def render_inline(node) -> Markup:
    if isinstance(node, Marker):
        return node.markup
    if isinstance(node, Text):
        return escape(node.text)
    if isinstance(node, Cue):
        return Markup('<span class="cue">{}</span>').format(node.text)
    if isinstance(node, Emphasis):
        return Markup("<em>{}</em>").format(render_inlines(node.children))
    if isinstance(node, Strong):
        return Markup("<strong>{}</strong>").format(render_inlines(node.children))
    raise TypeError(f"unknown inline node {node!r}")
