"""Roles from how people talk, for speakers whose role no label, setting or header gave.

Each speaker's turns are measured: how many ask something (a question mark near the end, or the
question endings of Japanese and Chinese), how long they run, and whether the speaker welcomes
someone to a show (a host) or thanks them for having them (a guest). The interviewer asks and is
brief; the interviewee answers at length. With three or more voices, others who ask are
interviewers too (a co-host, a member of the audience), the long talkers interviewees, and a voice
that neither asks nor says much is `other` (an announcer). Nobody asking anything, or nobody asking
twice, means this is not an interview: everybody is `other`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUESTION_END = re.compile(r"[?？][\"”»’)\]*_]*\s*$|(?:ですか|ますか|でしょうか|ですね|吗|呢)[。]?\s*$")
_HOST = re.compile(
    r"\bwelcome (?:back )?to\b|\bwelcome(?: back)?,? (?:everyone|everybody|to the show)|\bmy guests? (?:today )?(?:is|are)\b"
    r"|\bI'm your host\b|\blet's welcome\b|\bjoining (?:me|us) (?:today |now )?(?:is|are)\b"
    r"|\bthanks? (?:you )?(?:so much )?for (?:joining|coming on|being (?:here|on|with us))"
    r"|\bbienvenue (?:à|dans|sur)\b|\bwillkommen (?:zu|bei|in|im)\b|\bbienvenid[oa]s? a\b|\bдобро пожаловать\b"
    r"|\bу меня в гостях\b|\bherzlich willkommen\b", re.IGNORECASE)
_GUEST = re.compile(
    r"\bthanks? (?:you )?(?:so much )?for having me\b|\b(?:glad|good|great|happy|nice|a pleasure) to be (?:here|on|back)\b"
    r"|\bthank you for the invitation\b|\b(?:answer|répondre à|beantworten) (?:your|vos|ihre) questions\b"
    r"|\bmerci de m'avoir\b|\bdanke für die einladung\b|\bspasibo za priglashenie\b|\bспасибо за приглашение\b",
    re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?…。！？])\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class Voice:
    """What one speaker's turns show."""

    turns: int = 0
    asking: int = 0
    words: int = 0
    host: bool = False
    guest: bool = False
    questions: int = 0  # sentences that ask

    @property
    def ask_share(self) -> float:
        return self.asking / self.turns if self.turns else 0.0

    @property
    def average(self) -> float:
        return self.words / self.turns if self.turns else 0.0


def measure(turn_texts: list[list[str]]) -> Voice:
    """A speaker's voice from the paragraphs of each of their turns (consecutive turns merged)."""
    voice = Voice()
    for number, paragraphs in enumerate(turn_texts):
        text = " ".join(paragraphs).strip()
        voice.turns += 1
        voice.words += words(text)
        if asks(text):
            voice.asking += 1
        voice.questions += sum(1 for s in _SENTENCES.split(text) if _QUESTION_END.search(s))
        if number < 3:
            voice.host = voice.host or bool(_HOST.search(text))
            voice.guest = voice.guest or bool(_GUEST.search(text[:400]))
    return voice


def asks(text: str) -> bool:
    """A turn asks when it ends with a question, or when a quarter of its sentences are questions (machine
    transcripts run a question and what follows it into one turn)."""
    if _QUESTION_END.search(text):
        return True
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    questions = sum(1 for s in sentences if _QUESTION_END.search(s))
    return questions >= 1 and questions * 4 >= len(sentences)


def words(text: str) -> int:
    """Words, with two Han or kana characters counted as one word."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def score(voice: Voice, longest: float) -> float:
    """How much this voice sounds like the interviewer's."""
    brevity = 1 - voice.average / longest if longest else 0.0
    return voice.ask_share + 0.5 * brevity + (0.6 if voice.host else 0.0) - (0.6 if voice.guest else 0.0)


def infer_roles(voices: dict[int, Voice], known: set[str]) -> dict[int, tuple[str, str]]:
    """(role, reason) for each unresolved speaker (by id), given the roles already known."""
    if not voices:
        return {}
    longest = max(v.average for v in voices.values())
    total = sum(v.words for v in voices.values()) or 1
    scores = {key: score(v, longest) for key, v in voices.items()}
    ranked = sorted(voices, key=lambda k: -scores[k])

    def reason_for(v: Voice, role: str) -> str:
        facts = f"{v.asking} of {v.turns} turns ask, {v.average:.0f} words a turn"
        extra = ", welcomes the guest" if v.host and role == "interviewer" else (
            ", thanks the host" if v.guest and role == "interviewee" else "")
        return {"interviewer": "asks", "interviewee": "answers", "other": "neither asks nor answers"}[role] \
            + f" ({facts}{extra})"

    out: dict[int, tuple[str, str]] = {}
    if "interviewer" in known and "interviewee" not in known:
        for key, v in voices.items():
            role = "interviewer" if v.ask_share >= 0.25 and v.average < 0.5 * longest and len(voices) > 1 \
                else "interviewee"
            out[key] = (role, reason_for(v, role))
        return out
    nobody_asks = not any(v.asking or v.host for v in voices.values())
    if nobody_asks or (len(voices) == 1 and "interviewee" not in known):
        return {key: ("other", "no questions found") for key in voices}
    top = ranked[0]
    if voices[top].questions < 2 and not any(v.host or v.guest for v in voices.values()) and not known:
        return {key: ("other", "too few questions to tell who interviews") for key in voices}
    if "interviewer" in known:  # both sides known already: the rest are more of the same kind
        top = None
    for key in ranked:
        v = voices[key]
        if key == top or (v.host and v.asking and not v.guest):
            role = "interviewer"
        elif v.guest and not v.host:
            role = "interviewee"
        elif top is not None and (v.ask_share >= 0.5 or v.ask_share >= 0.15 and v.average < 0.6 * longest):
            role = "interviewer"  # a co-host, a member of the audience
        elif len(voices) <= 2 or v.average >= 0.35 * longest or v.words >= 0.15 * total:
            role = "interviewee"
        elif v.asking:
            role = "interviewer"
        else:
            role = "other"
        out[key] = (role, reason_for(v, role))
    return out
