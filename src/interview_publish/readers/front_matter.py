"""YAML front matter at the top of a Markdown (or HTML) transcript, as static-site generators,
transcript archives and our own users write it.

Well-known keys are used (title, subtitle, date, author(s), host(s), guest(s), interviewer(s),
interviewee(s), speakers, participants, language/lang, description/summary/excerpt,
source/source_url/url/permalink, place, reader); the other tools' keys (layout, slug, tags, ...) are
ignored with one note naming them. Front matter that is not valid YAML is read line by line as
`key: value` pairs, with a warning: it is somebody else's file, not a setting of ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date

from ..errors import Problem
from ..textsafety import UNSAFE
from .segments import SourcePerson

_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
ROLE_KEYS = {"host": "interviewer", "hosts": "interviewer", "interviewer": "interviewer",
             "interviewers": "interviewer", "guest": "interviewee", "guests": "interviewee",
             "interviewee": "interviewee", "interviewees": "interviewee", "author": "interviewer", "authors": "interviewer",
             "speakers": None, "speaker": None}
TEXT_KEYS = {"title": "title", "subtitle": "subtitle", "place": "place", "language": "language", "lang": "language",
             "description": "description", "summary": "description", "excerpt": "description",
             "source": "source_url", "source_url": "source_url", "url": "source_url", "permalink": "source_url",
             "reader": "reader"}
OTHER_KEYS = ("date", "participants")
LANGUAGE_NAMES = {"english": "en", "russian": "ru", "french": "fr", "german": "de", "spanish": "es",
                  "italian": "it", "portuguese": "pt", "japanese": "ja", "chinese": "zh", "dutch": "nl",
                  "polish": "pl", "ukrainian": "uk", "русский": "ru", "français": "fr", "deutsch": "de",
                  "español": "es"}
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@dataclass
class Front:
    """What a transcript's front matter says, normalised."""

    title: str | None = None
    subtitle: str | None = None
    date: str | None = None
    place: str | None = None
    language: str | None = None
    description: str | None = None
    source_url: str | None = None
    reader: str | None = None
    people: list[SourcePerson] = field(default_factory=list)
    settings: list[dict] = field(default_factory=list)  # `participants:` entries (name, role, labels, ...)


def split_front_matter(text: str, shown: str) -> tuple[dict, str, int, list[Problem]]:
    """(raw front matter, body, number of the body's first line, problems); none gives an empty dict.
    A `---` that is never closed is not front matter (a rule under the first line of a text)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1, []
    end = next((n for n in range(1, len(lines)) if _FENCE.match(lines[n])), None)
    if end is None:
        return {}, text, 1, []
    block = lines[1:end]
    problems: list[Problem] = []
    import yaml

    try:
        data = yaml.safe_load("\n".join(block)) or {}
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem("warning", "front-matter", f"front matter is not valid YAML "
                                f"({getattr(exc, 'problem', None) or 'unreadable'}): read line by line",
                                shown, mark.line + 2 if mark else 2))
        data = loose_pairs(block)
    if not isinstance(data, dict):
        problems.append(Problem("warning", "front-matter", "front matter is not a mapping of keys: ignored", shown, 2))
        data = {}
    return data, "\n".join(lines[end + 1:]), end + 2, problems


def loose_pairs(block: list[str]) -> dict:
    """`key: value` lines of front matter that YAML refuses (unbalanced quotes and the like)."""
    data = {}
    for line in block:
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
        if match and match.group(2):
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            data[match.group(1)] = value
    return data


def line_of(lines: list[str], key: str) -> int:
    """The line of a top-level key in the front matter (the file's line 1 is the opening ---)."""
    for number, line in enumerate(lines, start=2):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return 1


def read_front(data: dict, shown: str, lines: list[str] = ()) -> tuple[Front, list[Problem]]:
    """The keys we know, normalised; one note naming the keys we ignore."""
    front = Front()
    problems: list[Problem] = []
    ignored = []
    for key, value in data.items():
        name = str(key).casefold()
        if name in TEXT_KEYS:
            text = clean(value)
            if text is None:
                continue
            target = TEXT_KEYS[name]
            if target == "language":
                text = language_code(text)
            elif target == "source_url" and not re.match(r"^https?://\S+$", text):
                problems.append(Problem("warning", "front-matter", f'{key}: expected a web address, found "{text}": '
                                        "ignored", shown, line_of(lines, str(key))))
                continue
            if text and getattr(front, target) is None:
                setattr(front, target, text)
        elif name == "date":
            front.date = date_text(value)
        elif name in ROLE_KEYS:
            for person in names_in(value):
                front.people.append(SourcePerson(person, ROLE_KEYS[name], (), None))
        elif name == "participants" and isinstance(value, list):
            front.settings.extend(p for p in value if isinstance(p, dict) and isinstance(p.get("name"), str))
        else:
            ignored.append(str(key))
    if ignored:
        problems.append(Problem("note", "front-matter", f"front matter keys not used: {', '.join(ignored)}", shown, 1))
    return front, problems


def clean(value) -> str | None:
    """Front-matter text, folded to one line, without characters a book cannot hold."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(UNSAFE.sub("", str(value)).split())
    return text or None


def date_text(value) -> str | None:
    """YYYY[-MM[-DD]] from a YAML date, datetime or text."""
    if isinstance(value, Date):
        return value.isoformat()[:10]
    match = re.match(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
    return "-".join(part for part in match.groups() if part) if match else None


def language_code(text: str) -> str | None:
    """"en", "fr-CA", or a language's name ("english") as its code."""
    text = text.strip()
    if _LANGUAGE_CODE.match(text.lower()):
        return text.lower() if "-" not in text else text
    return LANGUAGE_NAMES.get(text.casefold())


def names_in(value) -> list[str]:
    """People named by a front-matter value: a name, a list of names, slugs (`karen_sandler`), or
    mappings with a name."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        text = clean(item)
        if not text:
            continue
        if re.fullmatch(r"[a-z0-9]+(?:[_-][a-z0-9]+)+", text):  # a slug: karen_sandler -> Karen Sandler
            text = " ".join(part.capitalize() for part in re.split(r"[_-]", text))
        for name in re.split(r"\s*(?:,|;|&|\band\b)\s*", text):
            if name and len(name) <= 80:
                names.append(name)
    return names
