"""Who speaks: map labels to people (settings first, then the header, then the labels themselves), merge
label variants (`MR. SMITH`/`SMITH`, `Linux Voice`/`LV`), and give everybody a role with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem, PublishError
from .labels import ANSWER_LABELS, QUESTION_LABELS, label_key
from .roles import infer_roles, measure
from .raw import Header, RawTurn

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
    from_source: bool = False  # named by the transcript's own format (a speakers list), not by the user


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
    if re.search(r"[\d_]", label):  # SPEAKER_00, SPK1: a machine's label stays as the machine wrote it
        return label
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
    name_machine_labels(people, turns)
    assign_roles(people, turns)
    fill_unnamed_sides(people, turns, header)
    for person in people:
        if person.role is None:
            person.role, person.reason = "other", person.reason or "does not speak"
    return people


_MACHINE_LABEL = re.compile(r"^\(voice \d+\)$|^(?:speaker|spk|spkr|sprecher|locuteur|intervenant|unknown speaker|guest|host)?"
                            r"[\s_-]*\d{1,3}$|^speaker[\s_-]*[a-z]$", re.IGNORECASE)


def machine_voice(person: Person) -> bool:
    """A speaker labelled only by diarization ("Speaker 2", "SPEAKER_01"), named or not by the text."""
    return bool(person.labels) and all(is_machine_label(label) for label in person.labels)


def is_voice(label: str) -> bool:
    """"(voice 1)": a voice the structure step told apart (by `>>` marks) where the source names nobody."""
    return label.startswith("(voice ")


def is_machine_label(label: str) -> bool:
    """"Speaker 1", "SPEAKER_00", "spk2": a diarization label, not a name."""
    return bool(_MACHINE_LABEL.match(label.strip()))


_SLUG = re.compile(r"^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$")


def squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def name_machine_labels(people: list[Person], turns: list[RawTurn]) -> None:
    """Diarization labels get the name the text gives them: "I'm Maria Lopez" in their own first turns,
    or "my guest is Maria Lopez" in the turn just before their first."""
    from .header import guest_named, self_introduction

    seen: dict[int, int] = {}
    previous: tuple[Person, str] | None = None
    for turn in turns:
        person = speaker_of(turn, people) if turn.label else None
        text = " ".join(p.text for p in turn.paragraphs)
        machine = person is not None and person.labels and all(is_machine_label(label) for label in person.labels)
        slug = person is not None and len(person.labels) == 1 and bool(_SLUG.match(person.labels[0]))
        if (machine or slug) and (not person.declared or person.setting and person.setting.from_source):
            count = seen.get(id(person), 0)
            name = self_introduction(text) if count < 3 else None
            if not name and count == 0 and previous and previous[0] is not person:
                name = guest_named(previous[1])
            if slug and (not name or squash(name) != squash(person.labels[0])):
                name = spelt_by(person.labels[0], turns)  # a slug only takes the name it spells
            if name and not any(p.name == name for p in people):
                person.name, person.reason = name, "introduced in the text"
                person.labels = [label for label in person.labels]
            seen[id(person)] = count + 1
        if person is not None:
            previous = (person, text)


def spelt_by(slug: str, turns: list[RawTurn]) -> str | None:
    """The name in the text that a slug label spells: `marenholt` -> "Maren Holt"."""
    from .header import candidate_names

    want = squash(slug)
    for turn in turns:
        for paragraph in turn.paragraphs:
            for run in candidate_names(paragraph.text):
                words = run.split()
                for i in range(len(words)):
                    for j in range(i + 2, min(len(words), i + 4) + 1):
                        if squash(" ".join(words[i:j])) == want:
                            return " ".join(words[i:j])
    return None


_ROLE_WORDS = {"narrator", "interviewee", "interviewer", "respondent", "guest", "host", "speaker", "subject",
               "erzähler", "erzählerin", "narrateur", "narradora", "narrador", "рассказчик"}


def fill_unnamed_sides(people: list[Person], turns: list[RawTurn], header: Header) -> None:
    """Unlabelled answers (or questions) have no name of their own: the people the front matter or the
    header name without a role fill that side, and else the person the header names most often. A side
    spoken under a bare role word (`NARRATOR:`, `Speaker 2:`) takes the one name the header gives it."""
    for role in ("interviewer", "interviewee"):
        speaking = [p for p in people if p.role == role and p.labels]
        silent = [p for p in people if p.role == role and not p.labels and p.name and not p.declared]
        if len(speaking) == 1 and len(silent) == 1 and (
                speaking[0].name is None or label_key(speaking[0].name) in _ROLE_WORDS
                or all(is_machine_label(label) for label in speaking[0].labels)):
            named = silent[0]
            speaking[0].name, speaking[0].reason = named.name, named.reason
            speaking[0].description = speaking[0].description or named.description
            people.remove(named)
    for role in ("interviewer", "interviewee"):
        if not any(t.label is None and t.role == role for t in turns):
            continue
        if any(p.role == role and p.name for p in people):
            continue
        pool = [p for p in people if p.role is None and p.name and p.setting and p.setting.from_source
                and not p.labels]  # the transcript's own front matter, not a collection's settings
        if role == "interviewee" and not pool and (name := most_named(header, people)):
            pool = [Person(name, None, None, [], "named in the header")]
            people.append(pool[0])
        for person in pool:
            person.role, person.reason = role, f"named in the {'front matter' if person.declared else 'header'}"


def most_named(header: Header, people: list[Person]) -> str | None:
    """The person the standfirst and intro name most often (first on a tie), if anyone."""
    from .header import candidate_names

    taken = {label_key(p.name) for p in people if p.name}
    text = " ".join(header.standfirst + [p.text for p in header.intro])
    counts: dict[str, int] = {}
    for name in candidate_names(text):
        if label_key(name) not in taken and len(name.split()) <= 3:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


_SHORT_FORM = re.compile(r"^(.*?\S)\s*\(([^()]{1,6})\)$")


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
    if short := _SHORT_FORM.match(label):  # "heute.de (H)": the name, and "(H)" stands for it later
        person = Person(pretty_label(short.group(1)), None, None, [label, f"({short.group(2)})"], "")
        people.append(person)
        return person
    person = Person(pretty_label(label) if is_name_like(label) and not is_voice(label) else None, None, None, [],
                    "")
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
    if turn.label is None and turn.how != "narration":  # two or more named on one side answer together
        joint = [p for p in people if p.role == role and p.reason != "narration"]
        if len(joint) > 1 and all(p.declared and not p.labels for p in joint):
            unnamed = [p for p in joint if p.name is None]
            if unnamed:
                return unnamed[0]
            person = Person(None, role, None, [], "answers together" if role == "interviewee" else "asks")
            people.append(person)
            return person
    if turn.how == "narration":  # prose between or after the turns: a narrator of its own, never a speaker's
        candidates = [p for p in people if p.reason == "narration"]
        if not candidates:
            people.append(Person(None, "other", None, [], "narration", "narrator"))
        return candidates[0] if candidates else people[-1]
    candidates = [p for p in people if p.role == role and p.reason != "narration"]
    if candidates:
        return candidates[0]
    person = Person(None, role, None, [], "alternation" if turn.how in ("alternation", "fix") else turn.how)
    people.append(person)
    return person


def assign_roles(people: list[Person], turns: list[RawTurn]) -> None:
    """Roles from settings, labels and header stay; the rest come from how each one talks (roles.py)."""
    speaking = [p for p in people if p.role is None]
    if not speaking:
        return
    spoken: dict[int, list[list[str]]] = {}
    previous = None
    for turn in turns:
        person = speaker_of(turn, people) if turn.label is not None else None
        if person is None or person.role is not None and person not in speaking:
            previous = person
            continue
        texts = [p.text for p in turn.paragraphs]
        if person is previous:
            spoken[id(person)][-1].extend(texts)
        else:
            spoken.setdefault(id(person), []).append(texts)
        previous = person
    known = {p.role for p in people if p.role and (p.labels or p.declared)}
    known |= {t.role for t in turns if t.role}
    voices = {key: measure(texts) for key, texts in spoken.items()}
    decided = infer_roles(voices, known)
    named_answer = any(role == "interviewee" and not machine_voice(p) for p in speaking
                       for role in [decided.get(id(p), ("", ""))[0]])
    for person in speaking:
        if id(person) in decided:
            person.role, person.reason = decided[id(person)]
            if person.role == "interviewee" and named_answer and machine_voice(person) and len(voices) > 2:
                # "Speaker 3" beside named speakers who answer: a voice from the audience, or an announcer
                asking = voices[id(person)].asking
                person.role = "interviewer" if asking else "other"
                person.reason = "an unnamed voice beside the named ones, " + ("asks" if asking else "does not ask")
