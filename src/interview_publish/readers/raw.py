"""Turns, sections and notes as the structure step first finds them, before people are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawParagraph:
    """A paragraph of a turn: its text, the source line where it starts, its times in the recording."""

    text: str
    line: int
    start: float | None = None
    end: float | None = None
    flow: bool = False  # a machine segment that may end mid-sentence (joined with the next one)


@dataclass
class RawTurn:
    """Paragraphs attributed to one label (or to a role, for unlabelled layouts)."""

    label: str | None
    role: str | None
    paragraphs: list[RawParagraph]
    how: str
    start: float | None = None

    @property
    def line(self) -> int:
        return self.paragraphs[0].line


@dataclass
class RawSection:
    title: str
    line: int


@dataclass
class RawNote:
    paragraphs: list[RawParagraph]


RawBlock = RawTurn | RawSection | RawNote


@dataclass
class HeaderPerson:
    """Somebody the header names: "Interview with NAME, DESCRIPTION", "By NAME", "Secretary NAME"."""

    name: str
    role: str | None
    description: str | None = None
    why: str = ""


@dataclass
class Header:
    """What stands above the first turn: the title, the standfirst (its paragraphs), other lines, people."""

    title: str | None = None
    title_line: int | None = None
    standfirst: list[str] = field(default_factory=list)
    intro: list[RawParagraph] = field(default_factory=list)  # prose after the standfirst: the narrator's
    lines: list[str] = field(default_factory=list)
    people: list[HeaderPerson] = field(default_factory=list)
