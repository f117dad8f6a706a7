"""YAML front matter at the top of a Markdown transcript: title, date, place, participants, reader."""

from __future__ import annotations

import re
from datetime import date as Date

from ..errors import Problem, PublishError, close_matches
from ..textsafety import strings_with_unsafe_characters

KEYS = ("title", "subtitle", "date", "place", "language", "reader", "participants", "description", "source")
PERSON_KEYS = ("name", "role", "description", "labels", "key")
_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")


def split_front_matter(text: str, shown: str) -> tuple[dict, str, int]:
    """(front matter, body, number of the body's first line); no front matter gives an empty dict."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    for end in range(1, len(lines)):
        if _FENCE.match(lines[end]):
            break
    else:
        raise PublishError(Problem("error", "front-matter", "front matter opened with --- is never closed", shown, 1))
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise PublishError(Problem("error", "front-matter", f"invalid YAML: {problem}", shown, line))
    if not isinstance(data, dict):
        raise PublishError(Problem("error", "front-matter", "front matter must be a mapping of keys", shown, 2))
    check_front_matter(data, lines[1:end], shown)
    return data, "\n".join(lines[end + 1:]), end + 2


def check_front_matter(data: dict, lines: list[str], shown: str) -> None:
    """Unknown keys (with a did-you-mean) and malformed participants, all reported at once."""
    problems = []

    def line_of(key: str) -> int:
        for number, line in enumerate(lines, start=2):
            if re.match(rf"^\s*-?\s*{re.escape(key)}\s*:", line):
                return number
        return 1

    for key, value in data.items():
        if key not in KEYS:
            guess = close_matches(str(key), KEYS)
            hint = f'; did you mean "{guess[0]}"?' if guess else ""
            problems.append(Problem("error", "front-matter", f"{key}: unknown key{hint}", shown, line_of(str(key))))
        elif key in ("title", "subtitle", "place", "language", "reader", "description", "source") \
                and not isinstance(value, str):
            problems.append(Problem("error", "front-matter", f"{key}: expected text", shown, line_of(key)))
        elif key == "source" and not re.match(r"^https?://\S+$", value):
            problems.append(Problem("error", "front-matter", f'source: expected a web address, found "{value}"',
                                    shown, line_of(key)))
        elif key == "date" and not isinstance(value, (str, Date)):
            problems.append(Problem("error", "front-matter", "date: expected a date such as 2021-05-04",
                                    shown, line_of(key)))
    for key in strings_with_unsafe_characters(data):
        problems.append(Problem("error", "front-matter", f"{key}: holds control characters or noncharacters "
                                "that cannot appear in a book", shown, line_of([piece for piece in re.split(r"[.\[\]]", key) if piece and not piece.isdigit()][-1])))
    people = data.get("participants", [])
    if not isinstance(people, list):
        problems.append(Problem("error", "front-matter", "participants: expected a list", shown, line_of("participants")))
    else:
        for index, person in enumerate(people):
            if not isinstance(person, dict):
                problems.append(Problem("error", "front-matter", f"participants[{index}]: expected name, role, ...",
                                        shown, line_of("participants")))
                continue
            for key in person:
                if key not in PERSON_KEYS:
                    guess = close_matches(str(key), PERSON_KEYS)
                    hint = f'; did you mean "{guess[0]}"?' if guess else ""
                    problems.append(Problem("error", "front-matter", f"participants[{index}].{key}: unknown key{hint}",
                                            shown, line_of(str(key))))
            if person.get("role") not in (None, "interviewer", "interviewee", "other"):
                problems.append(Problem("error", "front-matter",
                                        f"participants[{index}].role: expected interviewer, interviewee or other",
                                        shown, line_of("role")))
    if problems:
        raise PublishError(problems)
