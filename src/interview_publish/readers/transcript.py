"""Assemble an Interview from transcript text: shape, header, speakers, blocks, inline nodes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Problem, PublishError
from ..model import Interview, Note, Paragraph, Participant, Removal, Section, Turn
from .boilerplate import strip_edges
from .captions import caption_turns
from .front_matter import split_front_matter
from .inline import markdown_inlines, text_inlines
from .labels import ANSWER_LABELS, QUESTION_LABELS, label_key
from .shapes import (SHAPES, Header, RawNote, RawSection, RawTurn, detect_shape, heading_blocks,
                     labelled_blocks, plain_blocks, read_header, take_title, valid_labels)
from .speakers import Person, PersonSetting, resolve_people, speaker_of
from .text_input import SourceParagraph, split_paragraphs, unescape_entities

CAPTION_FORMATS = {".vtt": "vtt", ".srt": "srt"}
READERS = ("auto", *SHAPES, "webvtt", "srt")


@dataclass(frozen=True)
class ReaderOptions:
    """How to read one transcript: the shape (or auto), declared people, speaker fixes by source line."""

    shape: str = "auto"
    people: tuple[PersonSetting, ...] = ()
    fixes: tuple[tuple[int, str], ...] = ()
    fixes_where: tuple[str | None, int | None] = (None, None)


def read_interview(text: str, path: Path, shown: str, interview_id: str,
                   options: ReaderOptions) -> tuple[Interview, list[Problem]]:
    """Read transcript text of any supported shape into an Interview, with warnings."""
    removed: list[Removal] = []
    suffix = path.suffix.lower()
    markdown = suffix in (".md", ".markdown")
    front: dict = {}
    fixes = dict(options.fixes)
    settings = list(options.people)
    if suffix in CAPTION_FORMATS and options.shape in ("auto", "webvtt", "srt"):
        shape = "webvtt" if suffix == ".vtt" else "srt"
        raw: list = caption_turns(text, CAPTION_FORMATS[suffix], shown)
        header = Header()
        check_fixes(fixes, {p.line for t in raw for p in t.paragraphs}, options, shown)
    else:
        first_line = 1
        if markdown:
            front, text, first_line = split_front_matter(text, shown)
            settings += front_people(front, shown)
        paragraphs = [SourceParagraph(unescape_entities(p.text), p.line, tuple(map(unescape_entities, p.lines)))
                      for p in split_paragraphs(text, first_line)]
        paragraphs = strip_edges(paragraphs, removed)
        if not paragraphs:
            raise PublishError(Problem("error", "no-turns", "nothing but web leftovers in this transcript", shown, 1))
        check_fixes(fixes, {p.line for p in paragraphs}, options, shown)
        header, rest = take_title(paragraphs, front.get("title"))
        known = {label_key(label) for person in settings for label in person.labels}
        known |= {label_key(person.name) for person in settings if person.name}
        shape = front.get("reader") or options.shape
        if shape == "auto":
            shape = detect_shape(rest, known)
        if shape == "labels":
            header_paragraphs, raw = labelled_blocks(rest, valid_labels(rest, known))
        elif shape == "headings":
            header_paragraphs, raw = heading_blocks(rest)
        else:
            header_paragraphs, raw = plain_blocks(rest, fixes)
            fixes = {}
        read_header(header, header_paragraphs)
    apply_fixes(raw, fixes)
    turns = [block for block in raw if isinstance(block, RawTurn)]
    if not turns:
        raise PublishError(Problem("error", "no-turns", "no questions or answers found in this transcript",
                                   shown, header.title_line or 1))
    people = resolve_people(turns, header, settings, shown)
    blocks, participants = build_blocks(raw, people, markdown, shape)
    if shape == "plain":
        check_balanced(blocks, participants, shown)
        blocks = firm_up_alternation(blocks, participants)
    interview = Interview(
        id=interview_id,
        title=header.title or title_from_file(path),
        standfirst=header.standfirst,
        header=tuple(header.lines),
        participants=participants,
        blocks=blocks,
        source=shown,
        removed=tuple(removed),
        date=str(front["date"]) if front.get("date") else None,
        place=front.get("place"),
        reader=shape,
        language=front.get("language"),
        source_url=front.get("source"),
    )
    warnings = [Problem("warning", "boilerplate", f'removed "{item.text}" ({item.reason})', shown, item.line)
                for item in removed]
    return interview, warnings


def check_fixes(fixes: dict[int, str], starts: set[int], options: ReaderOptions, shown: str) -> None:
    """Every speaker fix must name a line where a paragraph (or cue) starts."""
    wrong = sorted(line for line in fixes if line not in starts)
    if wrong:
        path, line = options.fixes_where
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
            fixed = RawTurn(None if role else spec, role, block.paragraphs[position:], "fix")
            del block.paragraphs[position:]
            raw.insert(index + 1, fixed)
            if not block.paragraphs:
                fixed.timestamp = block.timestamp
                del raw[index]


def front_people(front: dict, shown: str) -> list[PersonSetting]:
    """Participants declared in front matter."""
    return [PersonSetting(p.get("name"), p.get("role"), p.get("description"),
                          tuple(str(label) for label in p.get("labels", []) or []), p.get("key"), (shown, None))
            for p in front.get("participants", []) or []]


def build_blocks(raw: list, people: list[Person], markdown: bool, shape: str):
    """Turns (consecutive raw turns of one person merged), sections and notes, with ids; participants."""
    inlines = markdown_inlines if markdown else text_inlines
    blocks: list = []
    speakers: list[Person] = []
    turn_sources: list[tuple[Person, RawTurn]] = []
    for block in raw:
        if isinstance(block, RawSection):
            blocks.append(Section(f"s{sum(isinstance(b, Section) for b in blocks) + 1}", block.title, block.line))
        elif isinstance(block, RawNote):
            blocks.append(Note(f"n{sum(isinstance(b, Note) for b in blocks) + 1}",
                               tuple(Paragraph(inlines(p.text), p.line) for p in block.paragraphs),
                               block.paragraphs[0].line))
        else:
            person = speaker_of(block, people)
            if person not in speakers:
                speakers.append(person)
            paragraphs = tuple(Paragraph(inlines(p.text), p.line) for p in block.paragraphs)
            previous = blocks[-1] if blocks else None
            if isinstance(previous, Turn) and turn_sources[-1][0] is person:
                blocks[-1] = Turn(previous.id, previous.speaker, previous.paragraphs + paragraphs, previous.line,
                                  previous.how, previous.confidence, previous.timestamp)
                continue
            turn_sources.append((person, block))
            blocks.append(Turn("", "", paragraphs, block.line, block.how, "", block.timestamp))
    ordered = speakers + [p for p in people if p.declared and p not in speakers]
    participants, keys = make_participants(ordered, shape)
    ids = iter(range(1, len(blocks) + 1))
    sources = iter(turn_sources)
    final = []
    for block in blocks:
        if isinstance(block, Turn):
            person, raw_turn = next(sources)
            final.append(Turn(f"t{next(ids)}", keys[id(person)], block.paragraphs, block.line, block.how,
                              confidence(person, raw_turn, shape), block.timestamp))
        else:
            final.append(block)
    return tuple(final), participants


def make_participants(people: list[Person], shape: str) -> tuple[tuple[Participant, ...], dict[int, str]]:
    """Participants with unique keys and the short label shown before their turns."""
    from .speakers import pretty_label

    used: set[str] = set()
    keys: dict[int, str] = {}
    participants = []
    for person in people:
        base = person.key or slugify(person.name or "") or (person.role or "speaker")
        key, n = base, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        keys[id(person)] = key
        spoken = [label for label in person.labels if person.setting is None or label not in person.setting.labels]
        if spoken:
            label = pretty_label(spoken[0])
        elif person.name:
            label = person.name.split()[-1] if person.role == "interviewee" and shape != "srt" else person.name
        else:
            label = ""  # the theme shows the role, in the publication's language
        participants.append(Participant(key, person.name, person.role or "other", person.description, label,
                                        tuple(person.labels), person.reason or shape))
    return tuple(participants), keys


def confidence(person: Person, turn: RawTurn, shape: str) -> str:
    """certain (declared, Q/A label, heading, fix), likely (named label or header), guess (alternation)."""
    if person.declared or turn.how in ("heading", "after-heading", "fix"):
        return "certain"
    if turn.label and label_key(turn.label) in QUESTION_LABELS | ANSWER_LABELS:
        return "certain"
    if turn.how in ("alternation", "continuation") and shape == "plain":
        return "guess"
    if person.reason.startswith("asks questions") or person.reason == "no questions found":
        return "guess"
    return "likely"


def firm_up_alternation(blocks: tuple, participants: tuple[Participant, ...]) -> tuple:
    """Alternation is "likely" rather than a guess when every question ends with ? and no answer does."""
    roles = {p.key: p.role for p in participants}
    turns = [b for b in blocks if isinstance(b, Turn) and b.how == "alternation"]

    def asks(turn: Turn) -> bool:
        return bool(re.search(r"\?[\"”»’)\]]*$", turn.paragraphs[-1].text.strip()))

    if not turns or not all(asks(t) == (roles[t.speaker] == "interviewer") for t in turns):
        return blocks
    return tuple(replace(b, confidence="likely") if b in turns else b for b in blocks)


def check_balanced(blocks: tuple, participants: tuple[Participant, ...], shown: str) -> None:
    """In an unlabelled transcript, a last question without an answer means the alternation slipped."""
    turns = [b for b in blocks if isinstance(b, Turn)]
    roles = {p.key: p.role for p in participants}
    if turns and roles[turns[-1].speaker] == "interviewer" and turns[-1].how == "alternation":
        last = turns[-1]
        raise PublishError(Problem(
            "error", "unbalanced-turns",
            f"{sum(len(t.paragraphs) for t in turns)} paragraphs cannot alternate question and answer: "
            f'the question starting "{excerpt(last.paragraphs[0].text)}" has no answer; if an answer runs over '
            f"two paragraphs, add to publication.toml: [[speaker_fixes]] line = N, speaker = \"interviewee\" "
            f"(N: the line where that answer's second paragraph starts)",
            shown, last.line))


def title_from_file(path: Path) -> str:
    """A readable title from a file name: `my_talk-2021.vtt` -> `My talk 2021`."""
    words = re.sub(r"[_\-.]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def slugify(text: str) -> str:
    """A lower-case key of words joined by hyphens (keeps non-Latin letters)."""
    return "-".join(re.findall(r"\w+", text.lower()))


def excerpt(text: str, width: int = 60) -> str:
    """The start of a text, cut at a word."""
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"
