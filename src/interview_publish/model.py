"""The content model: frozen, typed, no I/O. Readers build it; renderers only read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Literal, Union

Role = Literal["interviewer", "interviewee", "other"]
ROLES: tuple[str, ...] = ("interviewer", "interviewee", "other")


@dataclass(frozen=True)
class Text:
    """Plain running text."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Emphasised (italic) inline content."""

    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Strong:
    """Strongly emphasised (bold) inline content."""

    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Cue:
    """A non-verbal or editorial cue inside speech, such as "[inaudible]" or "(Laughter.)"."""

    text: str


Inline = Union[Text, Emphasis, Strong, Cue]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a turn; ``line`` is where it starts in the source."""

    children: tuple[Inline, ...]
    line: int | None = None
    start: float | None = None  # seconds into the recording, where the transcript gives it
    end: float | None = None

    @property
    def text(self) -> str:
        """The paragraph as plain text."""
        return plain_text(self.children)


def plain_text(children: tuple[Inline, ...]) -> str:
    """Flatten inline nodes to their text."""
    out: list[str] = []
    for node in children:
        if isinstance(node, (Text, Cue)):
            out.append(node.text)
        else:
            out.append(plain_text(node.children))
    return "".join(out)


@dataclass(frozen=True)
class Participant:
    """A person in the interview. ``label`` is the short name shown before their turns."""

    key: str
    name: str | None
    role: Role
    description: str | None = None
    label: str = ""
    labels: tuple[str, ...] = ()  # every label the transcript uses for this person
    reason: str = ""  # why this role: "label Q", "settings", "asks most questions", ...


@dataclass(frozen=True)
class Turn:
    """What one speaker says before the next speaker; ``id`` is the anchor shared by every output."""

    kind: ClassVar[str] = "turn"
    id: str
    speaker: str  # a Participant key
    paragraphs: tuple[Paragraph, ...]
    line: int | None = None
    how: str = ""  # how the speaker was recognised: label, alternation, heading, voice, continuation, fix
    confidence: str = "certain"  # certain | likely | guess
    timestamp: str | None = None  # e.g. "00:01:23", from the transcript


@dataclass(frozen=True)
class Section:
    """A heading inside an interview."""

    kind: ClassVar[str] = "section"
    id: str
    title: str
    line: int | None = None


@dataclass(frozen=True)
class Note:
    """An editorial note inside an interview, not spoken by anyone."""

    kind: ClassVar[str] = "note"
    id: str
    paragraphs: tuple[Paragraph, ...]
    line: int | None = None


Block = Union[Turn, Section, Note]


@dataclass(frozen=True)
class Removal:
    """Source text the reader dropped (web leftovers), kept so nothing disappears silently."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Interview:
    """One interview: title, standfirst, who took part, and the ordered turns."""

    id: str
    title: str
    standfirst: str | None
    participants: tuple[Participant, ...]
    blocks: tuple[Block, ...]
    header: tuple[str, ...] = ()  # other lines above the first turn: datelines, bylines, places
    source: str = ""
    removed: tuple[Removal, ...] = ()
    date: str | None = None
    place: str | None = None
    reader: str = ""  # the transcript's format: text, markdown, otter, rev, webvtt, whisper-json, ...
    layout: str = ""  # how its turns were found: labels, headings, bold, flow or plain
    language: str | None = None  # when it differs from the publication's (front matter or guessed)
    source_url: str | None = None  # where the interview was first published (front matter `source`)

    @property
    def turns(self) -> tuple[Turn, ...]:
        """The spoken turns, in order, without headings and notes."""
        return tuple(block for block in self.blocks if isinstance(block, Turn))

    def participant(self, key: str) -> Participant:
        """The participant with this key."""
        for person in self.participants:
            if person.key == key:
                return person
        raise KeyError(key)

    def with_role(self, role: str) -> tuple[Participant, ...]:
        """Participants who have this role, in order."""
        return tuple(p for p in self.participants if p.role == role)


@dataclass(frozen=True)
class Metadata:
    """Publication-level metadata, from publication.toml or inferred from the transcript."""

    title: str
    language: str
    identifier: str
    modified: datetime  # UTC; from SOURCE_DATE_EPOCH or the metadata, never the clock
    date: str | None = None  # YYYY[-MM[-DD]]
    publisher: str | None = None
    rights: str | None = None
    description: str | None = None
    subtitle: str | None = None
    edition: str | None = None
    series: str | None = None
    series_position: int | None = None


MATTER_KINDS = ("foreword", "preface", "introduction", "prologue", "epilogue", "afterword", "acknowledgments",
                "appendix", "conclusion")


@dataclass(frozen=True)
class Matter:
    """Front or back matter written in Markdown (a foreword, acknowledgements) or generated (about the
    interviewees). ``kind`` is its EPUB structural semantic and DPUB-ARIA role (doc-<kind>)."""

    id: str
    kind: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    source: str = ""


@dataclass(frozen=True)
class Part:
    """A group of interviews with a title of its own ("Part one: The early years")."""

    id: str
    title: str
    interviews: tuple[str, ...]  # interview ids, in order


@dataclass(frozen=True)
class AppliedCorrection:
    """An editorial correction made to the text (listed on the colophon)."""

    find: str
    replace: str
    why: str
    count: int


@dataclass(frozen=True)
class Publication:
    """What gets published: metadata and one or more interviews."""

    meta: Metadata
    interviews: tuple[Interview, ...] = field(default_factory=tuple)
    corrections: tuple[AppliedCorrection, ...] = ()
    front: tuple[Matter, ...] = ()
    back: tuple[Matter, ...] = ()
    index_terms: tuple[str, ...] = ()  # names and places for the index, from publication.toml
    parts: tuple[Part, ...] = ()

    def part_starting_at(self, interview_id: str) -> Part | None:
        """The part whose first interview this is."""
        return next((p for p in self.parts if p.interviews and p.interviews[0] == interview_id), None)

    @property
    def creators(self) -> tuple[Participant, ...]:
        """Named interviewees then named interviewers, each once, in order of appearance."""
        seen: dict[tuple[str | None, str], Participant] = {}
        for role in ("interviewee", "interviewer"):
            for interview in self.interviews:
                for person in interview.with_role(role):
                    if person.name and (person.name, role) not in seen:
                        seen[(person.name, role)] = person
        return tuple(seen.values())
