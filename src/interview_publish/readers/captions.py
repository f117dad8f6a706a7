"""WebVTT and SRT captions: cues merged into turns, voice tags or `NAME:` prefixes as speakers,
wrapped cue lines joined, the first cue's start kept as the turn's timestamp."""

from __future__ import annotations

import io

from ..errors import Problem, PublishError
from .labels import split_label
from .shapes import RawTurn
from .text_input import SourceParagraph, unescape_entities

PARAGRAPH_WORDS = 120  # a long run of one speaker's cues is split into paragraphs at sentence ends


def caption_turns(text: str, fmt: str, shown: str) -> list[RawTurn]:
    """Read cues with webvtt-py and merge consecutive cues of one speaker into one turn."""
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    try:
        captions = list(webvtt.from_buffer(io.StringIO(text), format=fmt))
    except (MalformedFileError, MalformedCaptionError) as exc:
        raise PublishError(Problem("error", "captions", f"not valid {fmt.upper()}: {exc}", shown, 1))
    timing_lines = [number for number, line in enumerate(text.split("\n"), start=1) if "-->" in line]
    if len(timing_lines) != len(captions):
        timing_lines = [None] * len(captions)
    turns: list[RawTurn] = []
    for caption, line in zip(captions, timing_lines):
        cue_text = unescape_entities(" ".join(part.strip() for part in caption.text.split("\n") if part.strip()))
        label = caption.voice.strip() if caption.voice else None
        if label is None and (found := split_label(cue_text)):
            label, cue_text = found.label, found.text
        cue_text = cue_text.removeprefix(">>").strip()
        if not cue_text:
            continue
        if label is None and turns:
            label = turns[-1].label
        paragraph = SourceParagraph(cue_text, line or 1, (cue_text,))
        if turns and turns[-1].label == label:
            extend_turn(turns[-1], paragraph)
        else:
            turns.append(RawTurn(label, None, [paragraph], "voice" if caption.voice else "label",
                                 caption.start.split(".")[0]))
    if not turns:
        raise PublishError(Problem("error", "no-turns", f"no cues with text in this {fmt.upper()} file", shown, 1))
    return turns


def extend_turn(turn: RawTurn, paragraph: SourceParagraph) -> None:
    """Append a cue to the turn's last paragraph, starting a new paragraph after long runs."""
    last = turn.paragraphs[-1]
    if len(last.text.split()) >= PARAGRAPH_WORDS and last.text.rstrip().endswith((".", "!", "?", "…")):
        turn.paragraphs.append(paragraph)
    else:
        turn.paragraphs[-1] = SourceParagraph(f"{last.text} {paragraph.text}", last.line, last.lines)
