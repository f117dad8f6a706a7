"""Clean verbatim (the `clean_verbatim` setting, off by default): fillers (um, uh, erm, and their
kin in the languages we read) and immediate repetitions ("I, I think") are dropped from speech."""

from __future__ import annotations

import re

from .raw import RawTurn

FILLERS = ("um", "umm", "uh", "uhh", "uh-huh", "erm", "er", "hmm", "mm", "äh", "ähm", "öhm", "euh", "heu",
           "eh", "ehm", "este", "э", "ээ", "эм", "ну-у", "えー", "あの", "嗯", "呃")
_FILLER = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(FILLERS, key=len, reverse=True))
                     + r")(?![\w-])[,.…]*\s*", re.IGNORECASE)
_REPEAT = re.compile(r"\b(\w+(?:'\w+)?)(?:,?\s+\1\b)+", re.IGNORECASE)


def clean_verbatim(turns: list[RawTurn]) -> int:
    """Drop fillers and immediate repetitions from every paragraph; the number of removals."""
    count = 0
    for turn in turns:
        for paragraph in turn.paragraphs:
            text, fillers = _FILLER.subn("", paragraph.text)
            text, repeats = _REPEAT.subn(r"\1", text)
            count += fillers + repeats
            text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
            paragraph.text = text[:1].upper() + text[1:] if fillers and text else text
    return count
