"""`[[speaker_fixes]]`: the speaker of a paragraph, set by the line where it starts."""

from __future__ import annotations

from ..errors import Problem, PublishError
from .raw import RawTurn


def check_fixes(fixes: dict[int, str], starts: set[int], fixes_where: tuple[str | None, int | None], shown: str) -> None:
    """Every speaker fix must name a line where a paragraph (or cue) starts."""
    wrong = sorted(line for line in fixes if line not in starts)
    if wrong:
        path, line = fixes_where
        raise PublishError(Problem(
            "error", "speaker-fix",
            f"speaker_fixes: line {wrong[0]} of {shown} is not where a paragraph starts "
            f"(run `interview-publish dump` to see each turn's line)", path, line))


def apply_fixes(raw: list, fixes: dict[int, str]) -> None:
    """Give the paragraph at each fixed line (and what follows it in its turn) the named speaker."""
    for index in range(len(raw) - 1, -1, -1):
        block = raw[index]
        if not isinstance(block, RawTurn):
            continue
        for position in range(len(block.paragraphs) - 1, -1, -1):
            line = block.paragraphs[position].line
            if line not in fixes:
                continue
            spec = fixes.pop(line)
            role = {"interviewer": "interviewer", "question": "interviewer",
                    "interviewee": "interviewee", "answer": "interviewee"}.get(spec)
            fixed = RawTurn(None if role else spec, role, block.paragraphs[position:], "fix",
                            block.paragraphs[position].start)
            del block.paragraphs[position:]
            raw.insert(index + 1, fixed)
            if not block.paragraphs:
                fixed.start = block.start
                del raw[index]
