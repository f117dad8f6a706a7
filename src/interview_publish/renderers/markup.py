"""Inline model nodes to escaped (X)HTML, shared by every renderer."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model import Cue, Emphasis, Inline, Paragraph, Strong, Text


def render_inlines(value: Paragraph | tuple[Inline, ...]) -> Markup:
    """Escaped markup for a paragraph's inline nodes; valid as both HTML5 and XHTML."""
    children = value.children if isinstance(value, Paragraph) else value
    return Markup("").join(render_inline(node) for node in children)


def render_inline(node: Inline) -> Markup:
    if isinstance(node, Text):
        return escape(node.text)
    if isinstance(node, Cue):
        return Markup('<span class="cue">{}</span>').format(node.text)
    if isinstance(node, Emphasis):
        return Markup("<em>{}</em>").format(render_inlines(node.children))
    if isinstance(node, Strong):
        return Markup("<strong>{}</strong>").format(render_inlines(node.children))
    raise TypeError(f"unknown inline node {node!r}")
