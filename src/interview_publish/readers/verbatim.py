"""Clean verbatim (the `clean_verbatim` setting, off by default): fillers (um, uh, erm, and their
kin in the languages we read) and immediate repetitions ("I, I think") are dropped from speech."""

from __future__ import annotations

import re

from .raw import RawTurn

FILLERS = ("um", "umm", "uh", "uhh", "erm", "er", "hmm", "mm", "äh", "ähm", "öhm", "euh", "heu", "ehm", "э",
           "ээ", "эм", "えー", "嗯", "呃")
_WORD = "(?:" + "|".join(re.escape(f) for f in sorted(FILLERS, key=len, reverse=True)) + ")"
_BETWEEN_COMMAS = re.compile(rf",\s*{_WORD}\s*,\s*", re.IGNORECASE)  # "it, uh, starts" -> "it starts"
_FILLER = re.compile(rf"(?<![\w-]){_WORD}(?![\w-])[,.…]*\s*", re.IGNORECASE)
_REPEAT = re.compile(r"\b(\w+(?:'\w+)?)(?:,?\s+\1\b)+", re.IGNORECASE)


def clean_verbatim(turns: list[RawTurn]) -> int:
    """Drop fillers and immediate repetitions from every paragraph; the number of removals."""
    count = 0
    for turn in turns:
        for paragraph in turn.paragraphs:
            text, between = _BETWEEN_COMMAS.subn(" ", paragraph.text)
            text, fillers = _FILLER.subn("", text)
            text, repeats = _REPEAT.subn(r"\1", text)
            count += between + fillers + repeats
            if text != paragraph.text:
                text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
                if fillers:  # "Erm, a broken one." -> "A broken one."
                    text = re.sub(r"(^|[.!?]\s+)([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), text)
                paragraph.text = text
    return count
