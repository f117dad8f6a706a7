"""Reader for plain transcripts: a title line, "Interview with NAME, ROLE.", then alternating Q and A."""

from __future__ import annotations

import re

from ..errors import Problem, PublishError
from ..model import Interview, Paragraph, Participant, Removal, Text, Turn
from .boilerplate import boilerplate_reason
from .text_input import SourceParagraph, split_paragraphs

_STANDFIRST = re.compile(
    r"^(?:an?\s+)?(?:exclusive\s+)?interview\s+with\s+(?P<name>[^,.;:()]+?)\s*(?:[,(]\s*(?P<desc>.+?)\)?)?\s*[.!]?$",
    re.IGNORECASE,
)
INTERVIEWER_KEY = "interviewer"


def read_plain(text: str, shown: str, interview_id: str) -> tuple[Interview, list[Problem]]:
    """Build an Interview from unlabelled paragraphs; questions are the interviewer's turns."""
    problems: list[Problem] = []
    paragraphs = split_paragraphs(text)
    removed: list[Removal] = []
    paragraphs = strip_edges(paragraphs, removed)
    for item in removed:
        problems.append(Problem("warning", "boilerplate", f'removed "{item.text}" ({item.reason})', shown, item.line))
    if not paragraphs:
        raise PublishError(Problem("error", "no-turns", "nothing but web leftovers in this transcript", shown, 1))

    title, rest = take_title(paragraphs)
    standfirst, interviewee = None, None
    if rest and (match := _STANDFIRST.match(rest[0].text)):
        standfirst = rest[0].text
        interviewee = Participant(
            key=slugify(match.group("name")) or "interviewee",
            name=match.group("name").strip(),
            role="interviewee",
            description=(match.group("desc") or "").strip().rstrip(".") or None,
            label=match.group("name").split()[-1],
        )
        rest = rest[1:]
    if interviewee is None:
        interviewee = Participant("interviewee", None, "interviewee", None, "Interviewee")
    interviewer = Participant(INTERVIEWER_KEY, None, "interviewer", None, "Interviewer")

    if not rest:
        raise PublishError(Problem("error", "no-turns", "no questions or answers found after the title",
                                   shown, paragraphs[-1].line))
    if len(rest) % 2:
        last = rest[-1]
        raise PublishError(Problem(
            "error", "unbalanced-turns",
            f"{len(rest)} paragraphs cannot alternate question and answer: the question starting "
            f'"{excerpt(last.text)}" has no answer (or an answer runs over two paragraphs)',
            shown, last.line,
        ))
    turns = tuple(
        Turn(
            id=f"t{index + 1}",
            speaker=(interviewer if index % 2 == 0 else interviewee).key,
            paragraphs=(Paragraph((Text(p.text),), p.line),),
            line=p.line,
            how="alternation",
        )
        for index, p in enumerate(rest)
    )
    interview = Interview(
        id=interview_id,
        title=title,
        standfirst=standfirst,
        participants=(interviewer, interviewee),
        turns=turns,
        source=shown,
        removed=tuple(removed),
    )
    return interview, problems


def strip_edges(paragraphs: list[SourceParagraph], removed: list[Removal]) -> list[SourceParagraph]:
    """Drop web leftovers from the start and the end, recording each one."""
    start, end = 0, len(paragraphs)
    while start < end and (reason := boilerplate_reason(paragraphs[start])):
        removed.append(Removal(paragraphs[start].line, paragraphs[start].text, reason))
        start += 1
    tail: list[Removal] = []
    while end > start and (reason := boilerplate_reason(paragraphs[end - 1])):
        tail.append(Removal(paragraphs[end - 1].line, paragraphs[end - 1].text, reason))
        end -= 1
    removed.extend(reversed(tail))
    return paragraphs[start:end]


def take_title(paragraphs: list[SourceParagraph]) -> tuple[str, list[SourceParagraph]]:
    """The first line is the title; the rest of its paragraph, if any, stays as text."""
    first = paragraphs[0]
    return first.text, paragraphs[1:]


def slugify(text: str) -> str:
    """A lower-case ASCII-ish key made of words joined by hyphens (keeps non-Latin letters)."""
    words = re.findall(r"\w+", text.lower())
    return "-".join(words)


def excerpt(text: str, width: int = 60) -> str:
    """The start of a text, cut at a word."""
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + "…"
