"""The model's blocks and participants from raw turns and resolved people: consecutive turns of one
person merged, ids given, keys and labels chosen, each turn's confidence."""

from __future__ import annotations

import re

from ..model import Note, Paragraph, Participant, Section, Turn
from .inline import markdown_inlines, text_inlines
from .labels import ANSWER_LABELS, QUESTION_LABELS, label_key
from .layouts import asks
from .raw import RawNote, RawParagraph, RawSection, RawTurn
from .segments import clock
from .speakers import Person, is_voice, pretty_label, speaker_of


def build_blocks(raw: list, people: list[Person], markdown: bool, layout: str):
    """Turns (consecutive raw turns of one person merged), sections and notes, with ids; participants."""
    inlines = markdown_inlines if markdown else text_inlines

    def para(p: RawParagraph) -> Paragraph:
        return Paragraph(inlines(p.text), p.line, p.start, p.end)

    blocks: list = []
    speakers: list[Person] = []
    turn_sources: list[tuple[Person, RawTurn]] = []
    for block in raw:
        if isinstance(block, RawSection):
            blocks.append(Section(f"s{sum(isinstance(b, Section) for b in blocks) + 1}", block.title, block.line))
        elif isinstance(block, RawNote):
            blocks.append(Note(f"n{sum(isinstance(b, Note) for b in blocks) + 1}",
                               tuple(para(p) for p in block.paragraphs), block.paragraphs[0].line))
        else:
            person = speaker_of(block, people)
            if person not in speakers:
                speakers.append(person)
            paragraphs = tuple(para(p) for p in block.paragraphs)
            previous = blocks[-1] if blocks else None
            if isinstance(previous, Turn) and turn_sources[-1][0] is person:
                blocks[-1] = Turn(previous.id, previous.speaker, previous.paragraphs + paragraphs, previous.line,
                                  previous.how, previous.confidence, previous.timestamp)
                continue
            turn_sources.append((person, block))
            blocks.append(Turn("", "", paragraphs, block.line, block.how, "", clock(block.start)))
    ordered = speakers + [p for p in people if (p.declared or p.role in ("interviewer", "interviewee"))
                          and p not in speakers and p.reason != "narration"]
    participants, keys = make_participants(ordered, layout)
    marked = layout == "plain" and all(asks(t.paragraphs[-1].text) == (speaker_of(t, people).role == "interviewer")
                                       for t in turn_sources_turns(raw))
    ids = iter(range(1, len(blocks) + 1))
    sources = iter(turn_sources)
    final = []
    for block in blocks:
        if isinstance(block, Turn):
            person, raw_turn = next(sources)
            sure = confidence(person, raw_turn, layout)
            if marked and sure == "guess" and raw_turn.how == "alternation":
                sure = "likely"  # every question ends with "?" and no answer does
            final.append(Turn(f"t{next(ids)}", keys[id(person)], block.paragraphs, block.line, block.how,
                              sure, block.timestamp))
        else:
            final.append(block)
    return tuple(final), participants


def turn_sources_turns(raw: list) -> list[RawTurn]:
    return [b for b in raw if isinstance(b, RawTurn) and b.paragraphs]


def make_participants(people: list[Person], layout: str) -> tuple[tuple[Participant, ...], dict[int, str]]:
    """Participants with unique keys and the short label shown before their turns."""
    used: set[str] = set()
    keys: dict[int, str] = {}
    participants = []
    for person in people:
        base = person.key or slugify(person.name or "") or slugify(person.labels[0] if person.labels else "") \
            or (person.role or "speaker")
        key, n = base, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        keys[id(person)] = key
        spoken = [label for label in person.labels if (person.setting is None or label not in person.setting.labels)
                  and not is_voice(label)]
        if spoken and not person.name:
            label = pretty_label(spoken[0])
        elif person.name:
            label = person.name.split()[-1] if person.role == "interviewee" and len(person.name.split()) > 1 \
                and layout != "flow" else person.name
        else:
            label = ""  # the theme shows the role, in the publication's language
        participants.append(Participant(key, person.name, person.role or "other", person.description, label,
                                        tuple(person.labels), person.reason or layout))
    return tuple(participants), keys


def confidence(person: Person, turn: RawTurn, layout: str) -> str:
    """certain (declared, Q/A label, heading, fix), likely (named label or header), guess (alternation)."""
    if person.declared or turn.how in ("heading", "after-heading", "fix"):
        return "certain"
    if turn.label and label_key(turn.label) in QUESTION_LABELS | ANSWER_LABELS:
        return "certain"
    if turn.how in ("alternation", "change", "unlabelled", "narration"):
        return "guess"
    if person.reason.startswith("asks questions") or person.reason == "no questions found":
        return "guess"
    return "likely"


def slugify(text: str) -> str:
    """A lower-case key of words joined by hyphens (keeps non-Latin letters)."""
    return "-".join(re.findall(r"\w+", text.lower()))
