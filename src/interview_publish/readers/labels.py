"""Speaker labels at the start of a paragraph: `Q:`, `A.`, `MR. SMITH:`, `**Jane Doe:**`, `JD:`,
with an optional timestamp before or after the label."""

from __future__ import annotations

import re
from dataclasses import dataclass

TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"


def _ts(name: str) -> str:
    return rf"\\?[\[(]\s*(?P<{name}>{TIMESTAMP})\s*\\?[\])]"


_WORD = r"[^\W\d_][\w'’\-]*\.?"
_LABEL = re.compile(
    rf"""^(?:{_ts('ts1')}\s*)?
    (?P<open>\*\*|__)?
    (?P<label>{_WORD}(?:[ ]{_WORD}){{0,4}}|[Q|A])
    \s*(?P<close1>\*\*|__)?
    \s*(?P<sep>[:：])(?![:/\\\d])
    \s*(?P<close2>\*\*|__)?
    \s*(?:{_ts('ts2')})?
    \s*(?P<rest>.*)$""",
    re.VERBOSE | re.DOTALL,
)
# White House style: "Q Mr. President, ..." (Q, a space, then a capital or a quote), no colon.
_Q_SPACE = re.compile(r"^(?P<label>Q)\s+(?P<rest>[A-Z\"“'‘(\[].*)$", re.DOTALL)
_QA_DOT = re.compile(rf"^(?:{_ts('ts1')}\s*)?(?P<open>\*\*)?(?P<label>[QA])\.(?P<close1>\*\*)?\s+(?P<rest>.+)$",
                     re.DOTALL)

QUESTION_LABELS = {"q", "question", "interviewer", "int", "вопрос", "интервьюер", "корреспондент",
                   "frage", "pregunta", "entrevistador", "journaliste", "记者", "問", "问", "主持人", "采访者", "記者",
                   "質問", "聞き手", "インタビュアー"}
ANSWER_LABELS = {"a", "answer", "ответ", "antwort", "respuesta", "réponse", "答", "回答", "答え", "interviewee",
                 "respondent", "befragter", "befragte", "entrevistado", "entrevistada", "интервьюируемый"}
NOTE_LABELS = {"editor's note", "editor’s note", "editors' note", "editorial note", "ed. note", "note",
               "update", "correction", "clarification", "warning", "disclaimer", "предупреждение", "примечание",
               "hinweis", "anmerkung", "avertissement", "nota", "aviso", "n.d.r", "ndlr"}
# Words after which a colon is prose, not a speaker ("Here is the thing: ...").
_NOT_NAMES = {
    "and", "but", "so", "then", "here", "there", "this", "that", "these", "those", "what", "why", "how",
    "when", "where", "who", "it", "i", "we", "you", "he", "she", "they", "my", "our", "the", "a", "an",
    "in", "on", "for", "to", "of", "with", "as", "at", "by", "from", "example", "warning", "source",
    "photo", "image", "caption", "credit", "credits", "tags", "category", "categories", "posted",
    "filed", "published", "updated", "read", "share", "see", "also", "yes", "no", "well", "okay", "ok",
    "first", "second", "third", "finally", "now", "today", "yesterday", "tomorrow", "remember", "look",
}
_PARTICLES = {"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le", "al", "el",
              "bin", "ibn", "y", "of", "the"}


_CASELESS = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+$")


@dataclass(frozen=True)
class Labelled:
    """A paragraph split into its speaker label, an optional timestamp and the spoken text."""

    label: str
    text: str
    timestamp: str | None


# "[SPEAKER_00]: words", "[Maria Lopez]: words": a bracketed label, always with its colon.
_BRACKETED = re.compile(r"^\[(?P<label>[^\[\]\n:]{1,40})\]\s*[:：]\s*(?P<rest>.*)$", re.DOTALL)


def split_label(text: str) -> Labelled | None:
    """The label at the start of a paragraph, if it looks like a speaker rather than prose."""
    match = _QA_DOT.match(text) or _LABEL.match(text) or _Q_SPACE.match(text) or _BRACKETED.match(text)
    if not match:
        return None
    groups = match.groupdict()
    if groups.get("open") and not (groups.get("close1") or groups.get("close2")):
        return None
    label = groups["label"].strip()
    if not is_speaker_label(label):
        return None
    rest = groups["rest"].strip()
    if not rest and label.casefold() not in QUESTION_LABELS | ANSWER_LABELS:
        rest = ""
    return Labelled(label, rest, groups.get("ts1") or groups.get("ts2"))


def is_speaker_label(label: str) -> bool:
    """Name-like: Q/A words, ALL-CAPS words, Capitalised words (particles allowed), or initials."""
    folded = label.casefold().rstrip(".")
    if folded in QUESTION_LABELS | ANSWER_LABELS or folded in NOTE_LABELS:
        return True
    words = label.replace("’", "'").split()
    if len(label) > 40 or not words:
        return False
    letters = [ch for ch in label if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return True  # ALL-CAPS labels: "THE PRESIDENT", "MR. SMITH", "GKH"
    if words[0].casefold().rstrip(".") in _NOT_NAMES:
        return False
    for word in words:
        core = word.strip(".'-")
        if not core:
            return False
        if core.casefold() in _PARTICLES:
            continue
        if not core[0].isupper() and not (_CASELESS.match(core) and len(core) <= 8):  # 前田, 入江: no capitals
            return False
    return True


def label_key(label: str) -> str:
    """Compare labels without case, dots or extra spaces: "Mr. Smith" == "MR SMITH"."""
    return " ".join(re.sub(r"[.’'`*_]", " ", label).casefold().split())


def heading_text(text: str) -> str | None:
    """The text of a Markdown/ATX heading paragraph (`### What ...? ###`), else None."""
    match = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", text, re.DOTALL)
    return match.group(1).strip() if match and match.group(1).strip() else None
