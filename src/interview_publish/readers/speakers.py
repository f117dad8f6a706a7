"""Who speaks: map labels to people (settings first, then the header, then the labels themselves), merge
label variants (`MR. SMITH`/`SMITH`, `Linux Voice`/`LV`), and give everybody a role with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem, PublishError
from .labels import ANSWER_LABELS, QUESTION_LABELS, label_key
from .shapes import Header, RawTurn

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "the", "secretary", "president",
    "vice", "senator", "ambassador", "general", "minister", "prime", "governor", "mayor", "judge", "justice",
    "admiral", "colonel", "captain", "rep", "representative", "chairman", "chairwoman", "chair", "director",
    "deputy", "under", "assistant", "press", "spokesman", "spokeswoman", "spokesperson", "commissioner",
    "господин", "госпожа",
}


@dataclass(frozen=True)
class PersonSetting:
    """A participant declared in publication.toml or in front matter."""

    name: str | None
    role: str | None
    description: str | None = None
    labels: tuple[str, ...] = ()
    key: str | None = None
    where: tuple[str | None, int | None] = (None, None)  # file and line of the declaration


@dataclass
class Person:
    """A participant while speakers are being resolved."""

    name: str | None
    role: str | None
    description: str | None = None
    labels: list[str] = field(default_factory=list)
    reason: str = ""
    key: str | None = None
    declared: bool = False
    setting: PersonSetting | None = None

    def matches(self, label: str) -> bool:
        key = label_key(label)
        if any(label_key(known) == key for known in self.labels):
            return True
        return bool(self.name) and name_matches(self.name, label)


def name_matches(name: str, label: str) -> bool:
    """`SECRETARY RICE` ~ Condoleezza Rice, `GKH` ~ Greg Kroah-Hartman, `Tom` ~ Tom Becker."""
    name_words = label_key(name).split()
    label_words = [w for w in label_key(label).split() if w not in HONORIFICS]
    if not name_words or not label_words:
        return False
    if label_words == name_words:
        return True
    if len(label_words) == 1:
        word = label_words[0]
        if word in (name_words[-1], name_words[0]) and len(word) > 1:
            return True
        initials = "".join(part[0] for w in name_words for part in w.split("-") if part)
        if len(word) >= 2 and word == initials:
            return True
    return label_words == name_words[-len(label_words):]


def name_for_label(run: str, label: str) -> str | None:
    """The person's name inside a run of capitalised words that a label points at by surname:
    "Secretary of Agriculture Ruth Jones" + `SECRETARY JONES` -> "Ruth Jones"."""
    label_words = [w for w in label_key(label).split() if w not in HONORIFICS]
    words = run.split()
    if not label_words:
        return None
    if name_matches(run, label) and len(words) <= 3 and not any(label_key(w) in HONORIFICS for w in words):
        return run
    last = [label_key(w) for w in words]
    if label_words[-1] not in last:
        return None
    end = len(last) - 1 - last[::-1].index(label_words[-1])
    start = end
    while start > 0 and (re.fullmatch(r"[A-Z]\.", words[start - 1]) or words[start - 1].islower()):
        start -= 1  # middle initials and particles: George W. Bush, Pieter van Dam
    if start > 0 and label_key(words[start - 1]) not in HONORIFICS:
        start -= 1
    name = " ".join(words[start:end + 1])
    return name if len(name.split()) >= 2 else None


def pretty_label(label: str) -> str:
    """`SECRETARY RICE` -> `Secretary Rice`; initials and short labels stay as written."""
    letters = [ch for ch in label if ch.isalpha()]
    words = label.split()
    if letters and all(ch.isupper() for ch in letters) and any(len(w.strip(".")) > 3 for w in words):
        return " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                        for w in words)
    return label


def is_name_like(label: str) -> bool:
    """A label that carries a name (not Q/A, not only titles like THE PRESIDENT)."""
    key = label_key(label)
    if key in QUESTION_LABELS or key in ANSWER_LABELS:
        return False
    return any(word not in HONORIFICS for word in key.split())


def resolve_people(turns: list[RawTurn], header: Header, settings: list[PersonSetting],
                   shown: str) -> list[Person]:
    """Give every raw turn a person (stored in ``turn.label`` resolution order) and every person a role."""
    people: list[Person] = [Person(s.name, s.role, s.description, list(s.labels), "settings", s.key, True, s)
                            for s in settings]
    for found in header.people:
        match = next((p for p in people if p.name and label_key(p.name) == label_key(found.name)), None)
        if match is None and found.role is None:
            continue  # a name in a dateline only helps when a label points at it
        if match is None:
            people.append(Person(found.name, found.role, found.description, [], found.why))
        else:
            match.description = match.description or found.description
            match.role = match.role or found.role
    header_names = [h for h in header.people if h.role is None]
    for turn in turns:
        if turn.label is not None:
            person = person_for_label(turn.label, people, header_names)
            if not any(label_key(turn.label) == label_key(known) for known in person.labels):
                person.labels.append(turn.label)
    check_declared_labels(people, {label_key(t.label) for t in turns if t.label}, shown)
    assign_roles(people, turns)
    return people


def person_for_label(label: str, people: list[Person], header_names) -> Person:
    """The person a label stands for, creating one when nobody matches."""
    key = label_key(label)
    for person in people:
        if any(label_key(known) == key for known in person.labels):
            return person
    if key in QUESTION_LABELS:
        return role_person(people, "interviewer", label, "label " + label)
    if key in ANSWER_LABELS:
        return role_person(people, "interviewee", label, "label " + label)
    for person in people:
        if person.matches(label):
            return person
    for found in header_names:
        if name := name_for_label(found.name, label):
            person = Person(name, None, found.description, [], found.why)
            people.append(person)
            return person
    person = Person(pretty_label(label) if is_name_like(label) else None, None, None, [], "")
    people.append(person)
    return person


def role_person(people: list[Person], role: str, label: str, reason: str) -> Person:
    """The single person with this role who has no Q/A label yet, or a new unnamed one."""
    candidates = [p for p in people if p.role == role]
    if len(candidates) == 1:
        return candidates[0]
    person = Person(None, role, None, [], reason)
    people.append(person)
    return person


def check_declared_labels(people: list[Person], seen: set[str], shown: str) -> None:
    """A label declared in the settings that the transcript never uses is a mistake worth stopping for."""
    problems = []
    for person in people:
        for label in person.setting.labels if person.setting else ():
            if label_key(label) not in seen:
                path, line = person.setting.where
                problems.append(Problem("error", "unknown-label",
                                        f'label "{label}" of {person.name or person.key} does not occur in {shown}',
                                        path, line))
    if problems:
        raise PublishError(problems)


def speaker_of(turn: RawTurn, people: list[Person]) -> Person:
    """The person who says this raw turn: by label, else by its role hint (creating a default person)."""
    if turn.label is not None:
        key = label_key(turn.label)
        for person in people:
            if any(label_key(known) == key for known in person.labels):
                return person
        for person in people:
            if person.matches(turn.label) or (person.key and label_key(person.key) == key):
                return person
    role = turn.role or "interviewee"
    candidates = [p for p in people if p.role == role]
    if candidates:
        return candidates[0]
    person = Person(None, role, None, [], "alternation" if turn.how in ("alternation", "fix") else turn.how)
    people.append(person)
    return person


def assign_roles(people: list[Person], turns: list[RawTurn]) -> None:
    """Roles from settings, labels and header stay; the rest: who asks most questions interviews."""
    speaking = [p for p in people if p.role is None]
    if not speaking:
        return
    if any(p.role == "interviewer" for p in people):
        for person in speaking:
            person.role, person.reason = "interviewee", "answers the interviewer"
        return
    ratios = {id(p): question_ratio(p, turns) for p in speaking}
    ranked = sorted(speaking, key=lambda p: -ratios[id(p)][0])
    best = ranked[0]
    share, asked, total = ratios[id(best)]
    runner_up = ratios[id(ranked[1])][0] if len(ranked) > 1 else 0.0
    if total and share >= 0.34 and share - runner_up >= 0.2:
        best.role, best.reason = "interviewer", f"asks questions ({asked} of {total} turns end with ?)"
    for person in speaking:
        if person.role is None:
            person.role = "interviewee" if best.role == "interviewer" else "other"
            person.reason = "answers the interviewer" if best.role == "interviewer" else "no questions found"


def question_ratio(person: Person, turns: list[RawTurn]) -> tuple[float, int, int]:
    """Share of this person's turns that end with a question mark."""
    own = [t for t in turns if t.label is not None and person.matches(t.label)]
    asked = sum(1 for t in own if t.paragraphs and re.search(r"\?[\"”»’)\]]*$", t.paragraphs[-1].text.strip()))
    return (asked / len(own) if own else 0.0), asked, len(own)
