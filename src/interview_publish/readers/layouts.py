"""The body of a transcript in each layout, as raw turns, sections and notes: labels that start turns,
questions written as headings or in bold, machine segments told apart by `>>` marks, or plain
paragraphs that alternate question and answer. Machine segments are joined into paragraphs here."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Callable

from .labels import ANSWER_LABELS, label_key
from .raw import RawNote, RawParagraph, RawSection, RawTurn
from .segments import Segment

Warn = Callable[[str, str, int], None]  # (code, message, line)
PARAGRAPH_WORDS = 120  # machine segments of one speaker are re-split at the first sentence end past this
_ASKS = re.compile(r"\?[\"”»’)\]*_]*$")
_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}\s*$")  # `### Question? {#slug .class}` (Pandoc/kramdown)
_BRACKETED_NOTE = re.compile(r"^\[[^\[\]]{12,}\]$")
SENTENCE_END = re.compile(r"[.!?…。！？][\"”»’)\]]*$")


def asks(text: str) -> bool:
    return bool(_ASKS.search(text.strip()))


def heading_title(text: str) -> str:
    return _ATTRIBUTES.sub("", text).strip().strip("*_").strip()


def body_blocks(segments: list[Segment], layout: str, warn: Warn) -> list:
    """The body's raw blocks for its layout."""
    if layout == "labels":
        return labelled_blocks(segments)
    if layout in ("headings", "bold"):
        return question_blocks(segments, layout)
    if layout == "flow":
        return flow_blocks(segments)
    return plain_blocks(segments, warn)


def paragraph(seg: Segment) -> RawParagraph:
    return RawParagraph(seg.text.replace("\n", " "), seg.line, seg.start, seg.end, seg.flow)


def other_block(seg: Segment):
    """A heading or a note inside the body."""
    if seg.kind == "heading":
        return RawSection(heading_title(seg.text), seg.line)
    return RawNote([paragraph(seg)])


def is_note(seg: Segment) -> bool:
    return seg.kind == "note" or (_BRACKETED_NOTE.match(seg.text) is not None and len(seg.text.split()) >= 3)


def labelled_blocks(segments: list[Segment]) -> list:
    """Labels start turns; unlabelled paragraphs continue them, except where only one side is labelled
    (`Q:` before each question, the answers unlabelled): there an unlabelled paragraph after the
    labelled side's turn is the other side's."""
    keys = {label_key(s.label) for s in segments if s.label}
    one_sided = len(keys) == 1 and any(s.label is None and s.kind == "speech" for s in segments)
    side_role = "interviewee" if keys <= ANSWER_LABELS else "interviewer"
    other_role = "interviewer" if side_role == "interviewee" else "interviewee"
    blocks: list = []
    current: RawTurn | None = None
    last: RawTurn | None = None  # the turn before a subheading
    for seg in segments:
        if seg.kind != "speech" or is_note(seg) or is_subhead(seg):
            section = seg.kind == "heading" or is_subhead(seg)
            blocks.append(other_block(replace(seg, kind="heading")) if section else RawNote([paragraph(seg)]))
            if section and current is not None:
                last, current = current, None
            continue
        if seg.label:
            if current is None or current.label != seg.label or current.how != "label" or not seg.flow:
                current = RawTurn(seg.label, None, [], "label", seg.start)
                blocks.append(current)
            if seg.text or not current.paragraphs:  # `A:` alone: the next paragraph holds the words, or lint
                current.paragraphs.append(paragraph(seg))  # reports an empty turn
            continue
        if current is None and last is not None and not seg.change:  # after a subheading: the same speaker
            current = RawTurn(last.label, last.role, [paragraph(seg)], "continuation", seg.start)
            blocks.append(current)
        elif seg.change and current is not None and (back := previous_label(blocks, current.label)):
            current = RawTurn(back, None, [paragraph(seg)], "change", seg.start)  # `>>`: back to the other voice
            blocks.append(current)
        elif seg.change or current is None:
            label = current.label if current is not None and not seg.change else None
            current = RawTurn(label, None if label else "other", [paragraph(seg)],
                              "continuation" if label else "unlabelled", seg.start)
            blocks.append(current)
        elif current.how == "label" and len(current.paragraphs) == 1 and not current.paragraphs[0].text:
            current.paragraphs[0] = paragraph(seg)  # `Q:` alone on its line, the words below
        elif one_sided and current.how == "label":
            current = RawTurn(None, other_role, [paragraph(seg)], "after-label", seg.start)
            blocks.append(current)
        else:
            current.paragraphs.append(paragraph(seg))
    return [b for b in blocks if not isinstance(b, RawTurn) or b.paragraphs]


def is_subhead(seg: Segment) -> bool:
    """A short unlabelled line in bold between turns of a labelled transcript: a subheading."""
    text = seg.text.strip()
    return seg.label is None and len(text) <= 100 and bool(re.fullmatch(r"(\*\*|__)[^*_]+\1", text)) \
        and not SENTENCE_END.search(text[2:-2])


def previous_label(blocks: list, label: str | None) -> str | None:
    """The label of the last turn before this one whose label differs from ``label``."""
    for block in reversed(blocks):
        if isinstance(block, RawTurn) and block.label and block.label != label:
            return block.label
    return None


def question_blocks(segments: list[Segment], layout: str) -> list:
    """Questions as headings or bold paragraphs; the unlabelled paragraphs after each one answer it."""
    blocks: list = []
    answer: RawTurn | None = None
    question: RawTurn | None = None
    for seg in segments:
        if layout == "headings" and seg.kind == "heading":
            title = heading_title(seg.text)
            answer = question = None
            if asks(title) or title.endswith("!"):
                question = RawTurn(None, "interviewer", [RawParagraph(title, seg.line)], "heading")
                blocks.append(question)
            else:
                blocks.append(RawSection(title, seg.line))
        elif seg.kind == "heading":
            blocks.append(RawSection(heading_title(seg.text), seg.line))
            answer = question = None
        elif is_note(seg):
            blocks.append(RawNote([paragraph(seg)]))
        elif layout == "bold" and seg.hint == "question":
            text = seg.text.strip()
            text = text[2:-2].strip() if text.startswith(("**", "__")) and text.endswith(("**", "__")) else text
            if question is not None and answer is None:
                question.paragraphs.append(RawParagraph(text, seg.line))
            else:
                question = RawTurn(None, "interviewer", [RawParagraph(text, seg.line)], "bold")
                blocks.append(question)
                answer = None
        elif answer is None:
            answer = RawTurn(None, "interviewee", [paragraph(seg)], "after-heading" if layout == "headings"
                             else "after-question", seg.start)
            blocks.append(answer)
        else:
            answer.paragraphs.append(paragraph(seg))
    return blocks


def flow_blocks(segments: list[Segment]) -> list:
    """Machine segments without labels: `>>` marks change the speaker between two voices; with no
    marks at all it is one voice."""
    blocks: list = []
    current: RawTurn | None = None
    voice = 0
    marked = any(s.change for s in segments)
    for seg in segments:
        if seg.kind == "heading":
            blocks.append(RawSection(heading_title(seg.text), seg.line))
            continue
        if current is None or seg.change:
            if current is not None or seg.change:
                voice = voice + 1 if current is not None else 1
            label = f"(voice {2 - voice % 2})" if marked else None  # speakers.is_voice
            current = RawTurn(label, None if label else "other", [], "change" if marked else "unlabelled",
                              seg.start)
            blocks.append(current)
        current.paragraphs.append(paragraph(seg))
    return blocks


def plain_blocks(segments: list[Segment], warn: Warn) -> list:
    """Unlabelled paragraphs alternate question and answer. Where the questions end with "?", a
    paragraph that does not ask continues the answer before it, so answers may run over paragraphs."""
    blocks: list = []
    current: RawTurn | None = None
    lengths: dict[str, list[int]] = {"interviewer": [], "interviewee": []}
    marked = True  # every question so far ended with "?"
    for seg in segments:
        if seg.kind == "heading" or is_note(seg):
            blocks.append(other_block(seg) if seg.kind == "heading" else RawNote([paragraph(seg)]))
            continue
        role = "interviewer"
        if current is not None and current.role == "interviewer":
            role = "interviewee"
        elif current is not None and current.role == "interviewee":
            asking = asks(seg.text) or not marked or len(lengths["interviewer"]) < 2
            role = "interviewer" if asking or sounds_like_question(seg.text, lengths) else "interviewee"
        if current is not None and role == current.role == "interviewee":
            current.paragraphs.append(paragraph(seg))
            continue
        lengths[role].append(len(seg.text.split()))
        if role == "interviewer":
            marked = marked and asks(seg.text)
        current = RawTurn(None, role, [paragraph(seg)], "alternation", seg.start)
        blocks.append(current)
    if current is not None and current.role == "interviewer" and len(lengths["interviewer"]) > 1:
        warn("unbalanced-turns",
                     f'the last question, "{excerpt(current.paragraphs[0].text)}", has no answer: if an answer runs '
                     'over two paragraphs, add to publication.toml: [[speaker_fixes]] line = N, speaker = '
                     '"interviewee" (N: the line where that answer\'s second paragraph starts)', current.line)
    return blocks


def sounds_like_question(text: str, lengths: dict[str, list[int]]) -> bool:
    """A paragraph that does not ask but is as short as the questions so far, not as long as the answers
    ("Some residents complain that trees block their view."): a question put as a statement."""
    if not lengths["interviewer"] or not lengths["interviewee"]:
        return False
    size = math.log(max(len(text.split()), 1))
    question = math.log(max(sum(lengths["interviewer"]) / len(lengths["interviewer"]), 1))
    answer = math.log(max(sum(lengths["interviewee"]) / len(lengths["interviewee"]), 1))
    return abs(size - question) < abs(size - answer)


def paragraphs_of(parts: list[RawParagraph]) -> list[RawParagraph]:
    """Flowing machine segments joined into paragraphs that end at a sentence end past PARAGRAPH_WORDS;
    written paragraphs stay as they are."""
    out: list[RawParagraph] = []
    words = 0
    for part in parts:
        joinable = part.flow and out and out[-1].flow and not (
            words >= PARAGRAPH_WORDS and SENTENCE_END.search(out[-1].text))
        if joinable:
            last = out[-1]
            out[-1] = RawParagraph(f"{last.text} {part.text}".strip(), last.line, last.start,
                                   part.end if part.end is not None else last.end, True)
            words += len(part.text.split())
        else:
            out.append(part)
            words = len(part.text.split())
    kept = [p for p in out if p.text.strip()]
    return kept or out[:1]  # an empty turn stays, for lint to report


def excerpt(text: str, width: int = 60) -> str:
    """The start of a text, cut at a word."""
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"
