"""Plain text and Markdown, the way interviews are pasted from web pages, blogs and press rooms.

Paragraphs are split at blank lines (Markdown: by markdown-it's block parser, so setext and ATX
headings, blockquotes, lists, rules and images are known for what they are). A paragraph that opens
with a speaker label (``Q:``, ``**Jane Doe:**``, ``MR. SMITH:``, ``**_(H)_**``) gets that label;
a paragraph that is bold from end to end is a question of a blog Q&A (``hint="question"``). The
structure step decides what the unlabelled paragraphs are.

``label_segments`` does the label splitting for any segmenter whose paragraphs are prose (the
HTML reader uses it too).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..labels import NOTE_LABELS, QUESTION_LABELS, ANSWER_LABELS, label_key, split_label
from ..segments import Segment, Segmented, parse_clock
from ..text_input import split_paragraphs, unescape_entities
from . import Format

MARKDOWN_SUFFIXES = (".md", ".markdown")
_IMAGE = re.compile(r"\s*!\[[^\]]*\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_TEMPLATE = re.compile(r"^\s*(?:\{%.*?%\}|\{\{.*?\}\})\s*$", re.DOTALL)
_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
# An emphasised lead that names the speaker without a colon: **_heute.de (H)_** or **(A)** or *Q.*
_EMPHASISED_LABEL = re.compile(r"^(?P<open>\*\*_|\*\*|__|_|\*)(?P<label>[^*_\n]{1,40}?)(?P<close>_\*\*|\*\*|__|_|\*)"
                               r"(?P<rest>.*)$", re.DOTALL)
_WHOLE_BOLD = re.compile(r"^(?:\*\*|__)(?!\s)(?P<inner>.+?)(?<!\s)(?:\*\*|__)[.:]?$", re.DOTALL)
# A one-off label that is somebody's full name ("Sofia Marchetti:") in a labelled text: a speaker too.
_FULL_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+(?: (?:[A-Z]\.|van|von|de|da|di|del|la|le))*(?: [A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+){1,2}$")
_FILLER_SPACE = re.compile(r"(?:&nbsp;|\u00a0|\s)+")


def segment_markdown(text: str, shown: str, first_line: int) -> Segmented:
    """Markdown blocks as segments, labels split off."""
    return Segmented("markdown", label_segments(markdown_blocks(text, first_line), True), markdown=True)


def segment_unlabelled(text: str, shown: str, first_line: int, markdown: bool) -> Segmented:
    """The paragraphs as they stand, no label split off (`reader = "plain"` forces alternation)."""
    segments = markdown_blocks(text, first_line) if markdown else text_blocks(text, first_line)
    return Segmented("markdown" if markdown else "text", segments, markdown=markdown)


def segment_text(text: str, shown: str, first_line: int) -> Segmented:
    """Plain-text paragraphs as segments, labels split off."""
    return Segmented("text", label_segments(text_blocks(text, first_line), False))


def text_blocks(text: str, first_line: int) -> list[Segment]:
    """Plain text: blank-line paragraphs (hard-wrapped lines joined); `# Heading` lines are headings."""
    out = []
    for paragraph in split_paragraphs(text, first_line):
        body = unescape_entities(paragraph.text)
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", body, re.DOTALL)
        if heading and heading.group(2):
            out.append(Segment(paragraph.line, heading.group(2), "heading", level=len(heading.group(1))))
        elif _RULE.match(body):
            continue
        else:
            for offset, piece in split_at_labels(paragraph.lines or (body,)):
                out.append(Segment(paragraph.line + offset, unescape_entities(piece)))
    return out


def markdown_blocks(text: str, first_line: int) -> list[Segment]:
    """Markdown: markdown-it's block tokens with their source lines."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    out: list[Segment] = []
    quote_depth = 0
    heading_level = 0
    for token in tokens:
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "inline" and token.map:
            line = first_line + token.map[0]
            if heading_level:
                title = " ".join(token.content.split())
                if title:
                    out.append(Segment(line, unescape_entities(title), "heading", level=heading_level))
                continue
            kind = "quote" if quote_depth else "speech"
            for offset, piece in split_at_labels(tuple(s.strip() for s in token.content.split("\n"))):
                out.extend(inline_segment(unescape_entities(piece), line + offset, kind))
        elif token.type == "code_block" and token.map:  # indented prose (4 spaces) is text here, not code
            for paragraph in split_paragraphs(token.content, first_line + token.map[0]):
                out.extend(inline_segment(unescape_entities(paragraph.text), paragraph.line, "speech"))
        elif token.type in ("html_block", "fence") and token.map:
            content = token.content.strip()
            if content:
                out.append(Segment(first_line + token.map[0], content, "leftover"))
    return out


def inline_segment(text: str, line: int, kind: str) -> list[Segment]:
    """One paragraph's segment: image lines are captions, template tags and bare HTML leftovers."""
    text = text.strip()
    if not text:
        return []
    if _TEMPLATE.match(text):
        return [Segment(line, text, "leftover")]
    if _IMAGE.search(text):
        rest = _IMAGE.sub("", text).strip()
        if _IMAGE.match(text) and len(rest.split()) <= 50:  # an image line and its caption
            return [Segment(line, text, "caption")]
        text = " ".join(_IMAGE.sub(" ", text).split())  # an image inside speech: the words stay
    if not _HTML_TAG.sub("", text).strip():
        return [Segment(line, text, "leftover")]
    return [Segment(line, text, kind)]


def split_at_labels(lines: tuple[str, ...]) -> list[tuple[int, str]]:
    """A paragraph whose later lines open with `NAME:` labels holds one paragraph per label; a label
    line is only a split point when the paragraph's first line is labelled too (a transcript pasted
    without blank lines), so a wrapped sentence with a colon stays whole."""
    if len(lines) > 1 and split_label(lines[0]):
        starts = [i for i, line in enumerate(lines) if i == 0 or split_label(line)]
    else:
        starts = [0]
    return [(begin, join_lines([part for part in lines[begin:end] if part]))
            for begin, end in zip(starts, starts[1:] + [len(lines)])]


def join_lines(lines: list[str]) -> str:
    """Wrapped lines joined with spaces; a block of short lines (an address, a dateline) keeps its line
    breaks, for the structure step to read line by line."""
    if len(lines) > 1 and all(len(line) < 60 for line in lines):
        return "\n".join(lines)
    return " ".join(lines)


def label_segments(segments: list[Segment], markdown: bool) -> list[Segment]:
    """Split speaker labels off speech segments, keeping only labels that really name speakers."""
    found: list[tuple[str, str] | None] = [split_any_label(s.text) if s.kind == "speech" and s.label is None else None
                                           for s in segments]
    valid = valid_labels([f[0] for f in found if f], {label_key(f[0]) for f in found if f and f[2]})
    out = []
    bold = [bool(s.kind == "speech" and _WHOLE_BOLD.match(s.text.strip())) for s in segments]
    use_bold = markdown and sum(bold) >= 2 and sum(1 for s, b in zip(segments, bold) if s.kind == "speech" and not b) >= 2
    for seg, split, is_bold in zip(segments, found, bold):
        if split and label_key(split[0]) in NOTE_LABELS:
            out.append(replace(seg, kind="note"))
        elif split and label_key(split[0]) in valid:
            label, rest, _, stamp = split
            start = parse_clock(stamp) if stamp else seg.start
            out.append(replace(seg, label=label, text=rest, start=start if start is not None else seg.start))
        elif use_bold and is_bold and not valid:
            out.append(replace(seg, hint="question"))
        else:
            out.append(seg)
    return out


def split_any_label(text: str) -> tuple[str, str, bool, str | None] | None:
    """(label, rest, emphasised, timestamp) for `Label: text` (plain or emphasised, with an optional
    `[00:01:23]`) or an emphasised lead `**_(H)_** text`."""
    cleaned = _FILLER_SPACE.sub(" ", text).strip()
    found = split_label(cleaned)
    if found:
        return found.label, strip_dangling_emphasis(found.text), cleaned.startswith(("**", "__")), found.timestamp
    match = _EMPHASISED_LABEL.match(cleaned)
    if match and opener_matches(match.group("open"), match.group("close")):
        label = match.group("label").strip().rstrip(":：").strip()
        if label and len(label.split()) <= 4 and (re.search(r"\([^()]{1,6}\)$", label) or label.endswith(".")):
            rest = match.group("rest").strip()
            if match.group("open") == "**_" and match.group("close") == "_":  # **_(H)_ a bold question…**
                rest = rest.strip("*_ ")  # the bold runs over the whole question: the theme sets questions
            return label, strip_dangling_emphasis(rest.strip()), True, None
    return None


_CLOSERS = {"**_": ("_**", "_"), "**": ("**",), "__": ("__",), "_": ("_",), "*": ("*",)}


def opener_matches(opener: str, closer: str) -> bool:
    """`**_` may close with `_**` or `_` (the bold runs on over the question); the others with themselves."""
    return closer in _CLOSERS[opener]


def strip_dangling_emphasis(text: str) -> str:
    """`**` or `***` left at the edges of the text once the label is gone, and an unbalanced closer."""
    text = text.strip()
    if text.startswith("**") and text.count("**") % 2 == 1:
        text = text[2:]
    if text.endswith("***"):
        text = text[:-3] if text.count("*") % 2 == 1 else text
    if text.count("**") % 2 == 1 and text.endswith("**"):
        text = text[:-2]
    return text.strip()


def valid_labels(labels: list[str], emphasised: set[str]) -> set[str]:
    """Labels that name speakers: Q/A words, `Name (X)` forms, or any label used twice; once a text is
    labelled, one-off ALL-CAPS and bold (`**Name:**`) labels too."""
    counts = Counter(label_key(label) for label in labels)
    valid = set()
    for key, count in counts.items():
        if key in NOTE_LABELS:
            continue
        if key in QUESTION_LABELS or key in ANSWER_LABELS or count >= 2 or re.search(r"\([^()]{1,6}\)$", key):
            valid.add(key)
    if valid:
        for label in labels:
            letters = [ch for ch in label if ch.isalpha()]
            if len(letters) >= 2 and all(ch.isupper() for ch in letters) or label_key(label) in emphasised \
                    or _FULL_NAME.match(label):
                valid.add(label_key(label))
    return valid - NOTE_LABELS


FORMATS = (Format("markdown", lambda text, suffix: suffix in MARKDOWN_SUFFIXES, segment_markdown),
           Format("text", lambda text, suffix: True, segment_text))  # the reader of last resort
