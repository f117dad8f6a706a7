"""Find the structure of a text transcript: its header (title, standfirst, people named there) and its
blocks (raw turns, sections, notes), for the three text shapes: plain, labels, headings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .labels import ANSWER_LABELS, NOTE_LABELS, QUESTION_LABELS, heading_text, label_key, split_label
from .text_input import SourceParagraph

SHAPES = ("plain", "labels", "headings")


@dataclass
class RawTurn:
    """Paragraphs attributed to one label (or to a role, for unlabelled shapes), before people are resolved."""

    label: str | None
    role: str | None
    paragraphs: list[SourceParagraph]
    how: str
    timestamp: str | None = None

    @property
    def line(self) -> int:
        return self.paragraphs[0].line


@dataclass
class RawSection:
    title: str
    line: int


@dataclass
class RawNote:
    paragraphs: list[SourceParagraph]


@dataclass
class HeaderPerson:
    """Somebody the header names: "Interview with NAME, DESCRIPTION", "By NAME", "Secretary NAME"."""

    name: str
    role: str | None
    description: str | None = None
    why: str = ""


@dataclass
class Header:
    title: str | None = None
    title_line: int | None = None
    standfirst: str | None = None
    lines: list[str] = field(default_factory=list)  # header paragraphs other than the standfirst
    people: list[HeaderPerson] = field(default_factory=list)


RawBlock = RawTurn | RawSection | RawNote

_NAME = r"[^\W\d_][\w.'’\-]*(?:\s+(?:[^\W\d_][\w.'’\-]*))*?"
_INTERVIEW_WITH = re.compile(
    r"^(?:an?\s+|our\s+)?(?:exclusive\s+)?interview\s+with\s+(?P<name>[^,.;:()]+?)\s*"
    r"(?:[,(]\s*(?P<desc>.+?)\)?)?\s*[.!]?$", re.IGNORECASE)
_TALKS_WITH = re.compile(
    rf"^(?P<asker>{_NAME})\s+(?:talks|talked|speaks|spoke|sits down|sat down|chats|chatted)\s+(?:with|to)\s+"
    rf"(?P<others>.+?)(?:[,:;(–—-]\s*(?P<desc>.*))?$")
_BYLINE = re.compile(rf"^(?:interviewed\s+by|interview\s+by|by)\s+(?P<name>{_NAME})\.?$", re.IGNORECASE)
_HONORIFIC_LINE = re.compile(
    r"^(?:Secretary(?: of State)?|President|Vice President|Senator|Ambassador|General|Minister|Prime Minister|"
    r"Governor|Mayor|Dr\.|Professor|Prof\.)\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})$")
_TITLE_WITH_OF = re.compile(r"^interview\s+with\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3})\s+"
                            r"of\s+(?P<outlet>.+)$", re.IGNORECASE)
_BRACKETED_NOTE = re.compile(r"^\[[^\[\]]{12,}\]$")
_INTERVIEW_WITH_RU = re.compile(r"^интервью\s+с\s+(?P<name>[^,.;:()]+?)\s*(?:,\s*(?P<desc>.+?))?\s*\.?$",
                                re.IGNORECASE)


def detect_shape(paragraphs: list[SourceParagraph], known_labels: set[str]) -> str:
    """labels when at least two paragraphs open with speaker labels, headings when questions are headings."""
    valid = valid_labels(paragraphs, known_labels)
    labelled = sum(1 for p in paragraphs if (s := split_label(p.text)) and label_key(s.label) in valid)
    if labelled >= 2:
        return "labels"
    if sum(1 for p in paragraphs if (h := heading_text(p.text)) and h.endswith("?")) >= 2:
        return "headings"
    return "plain"


def valid_labels(paragraphs: list[SourceParagraph], known_labels: set[str]) -> set[str]:
    """Labels that really name speakers: Q/A words, ALL-CAPS, known names, or any label used twice."""
    counts = Counter(label_key(s.label) for p in paragraphs for line in p.lines or (p.text,)
                     if (s := split_label(line)))
    valid = set()
    for key, count in counts.items():
        if key in NOTE_LABELS:
            continue
        if key in QUESTION_LABELS or key in ANSWER_LABELS or key in known_labels or count >= 2:
            valid.add(key)
    if len(valid) >= 1:  # once the shape is labelled, a one-off ALL-CAPS label is a speaker too
        for p in paragraphs:
            for line in p.lines or (p.text,):
                s = split_label(line)
                letters = [ch for ch in s.label if ch.isalpha()] if s else []
                if s and len(letters) >= 2 and all(ch.isupper() for ch in letters):
                    valid.add(label_key(s.label))
    return valid - NOTE_LABELS


def take_title(paragraphs: list[SourceParagraph], title: str | None) -> tuple[Header, list[SourceParagraph]]:
    """The first paragraph is the title (a `# Heading` or a plain line) unless settings give one."""
    header = Header(title=title)
    if not paragraphs:
        return header, paragraphs
    first = paragraphs[0]
    heading = heading_text(first.text)
    if heading and not heading.endswith("?") and first.text.startswith("# "):
        header.title = header.title or heading
        header.title_line = first.line
        return header, paragraphs[1:]
    if title is None and not split_label(first.text) and not heading:
        header.title, header.title_line = first.text, first.line
        return header, paragraphs[1:]
    return header, paragraphs


def read_header(header: Header, paragraphs: list[SourceParagraph]) -> None:
    """Standfirst and the people named in the title and the header paragraphs."""
    dateline_people = False
    for paragraph in paragraphs:
        text = paragraph.text.strip().strip("*_").strip()
        lines = paragraph.lines or (text,)
        dateline = len(lines) > 1 and all(len(line) < 60 and not line.endswith(".") for line in lines)
        shown = " · ".join(line.strip().strip("*_").strip() for line in lines) if dateline else text
        if match := (_INTERVIEW_WITH.match(text) or _INTERVIEW_WITH_RU.match(text)):
            header.people.append(HeaderPerson(match.group("name").strip(), "interviewee",
                                              (match.group("desc") or "").strip().rstrip(".") or None,
                                              "named in the standfirst"))
        elif match := _TALKS_WITH.match(text):
            header.people.append(HeaderPerson(match.group("asker").strip(), "interviewer", None,
                                              "asks, per the standfirst"))
            for name in re.split(r",\s*|\s+and\s+|\s+&\s+", match.group("others")):
                if name.strip():
                    header.people.append(HeaderPerson(name.strip(), "interviewee", None, "named in the standfirst"))
        elif match := _BYLINE.match(text):
            header.people.append(HeaderPerson(match.group("name").strip(), "interviewer", None, "byline"))
        for line in lines:
            if match := _HONORIFIC_LINE.match(line.strip()):
                header.people.append(HeaderPerson(match.group("name"), None, None, "named in the header"))
                dateline_people = True
        introduces = bool(_INTERVIEW_WITH.match(text) or _INTERVIEW_WITH_RU.match(text) or _TALKS_WITH.match(text))
        sentence = len(text) >= 60 and text.rstrip("*_”\"»’)").endswith((".", "!", "?", "…"))
        if header.standfirst is None and not dateline and (introduces or sentence):
            header.standfirst = text
        else:
            header.lines.append(shown)
    title = header.title or ""
    if dateline_people and (match := _TITLE_WITH_OF.match(title)):
        # "Interview With Dana Whitfield of Midwest Public Radio" above "Secretary Condoleezza Rice":
        # the title names the journalist (the style of US government transcripts).
        header.people.append(HeaderPerson(match.group("name"), "interviewer", match.group("outlet"), "named in the title"))
    for name in candidate_names(" ".join([title] + [p.text for p in paragraphs])):
        if not any(person.name == name for person in header.people):
            header.people.append(HeaderPerson(name, None, None, "named in the header"))


def candidate_names(text: str) -> list[str]:
    """Runs of capitalised words ("Press Briefing by Alan Smith and Ruth Jones" gives "Press Briefing",
    "Alan Smith", "Ruth Jones"): only used when a speaker label points at one of them by surname."""
    runs = re.findall(r"[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+|van|von|de|der|da|di|del|la|le|bin))+", text)
    return [run for run in runs if len(run.split()) >= 2]


def labelled_blocks(paragraphs: list[SourceParagraph], valid: set[str]) -> tuple[list[SourceParagraph], list[RawBlock]]:
    """Header paragraphs (before the first label) and the blocks: labels start turns, others continue them."""
    header: list[SourceParagraph] = []
    blocks: list[RawBlock] = []
    current: RawTurn | None = None
    for paragraph in split_at_labels(paragraphs, valid):
        if is_note(paragraph, valid):
            blocks.append(RawNote([paragraph]))
            continue
        heading = heading_text(paragraph.text)
        if heading and current is not None:
            blocks.append(RawSection(heading, paragraph.line))
            current = None
            continue
        found = split_label(paragraph.text)
        if found and label_key(found.label) in valid:
            body = SourceParagraph(found.text, paragraph.line, paragraph.lines)
            current = RawTurn(found.label, None, [body], "label", found.timestamp)  # may be empty: lint says so
            blocks.append(current)
        elif current is not None:
            if len(current.paragraphs) == 1 and not current.paragraphs[0].text:
                current.paragraphs.clear()  # "Q:" alone on its line, the words in the next paragraph
            current.paragraphs.append(paragraph)
        elif blocks:  # after a section or note, an unlabelled paragraph continues the last speaker
            last = next((b for b in reversed(blocks) if isinstance(b, RawTurn)), None)
            if last is None:
                header.append(paragraph)
            else:
                current = RawTurn(last.label, last.role, [paragraph], "continuation")
                blocks.append(current)
        else:
            header.append(paragraph)
    return header, [b for b in blocks if not isinstance(b, RawTurn) or b.paragraphs]


def split_at_labels(paragraphs: list[SourceParagraph], valid: set[str]) -> list[SourceParagraph]:
    """A block of lines where later lines open with speaker labels holds several paragraphs."""
    out: list[SourceParagraph] = []
    for paragraph in paragraphs:
        lines = paragraph.lines or (paragraph.text,)
        starts = [i for i, line in enumerate(lines)
                  if i == 0 or ((s := split_label(line)) and label_key(s.label) in valid)]
        if len(starts) == 1:
            out.append(paragraph)
            continue
        for begin, end in zip(starts, starts[1:] + [len(lines)]):
            chunk = lines[begin:end]
            out.append(SourceParagraph(" ".join(chunk), paragraph.line + begin, tuple(chunk)))
    return out


def is_note(paragraph: SourceParagraph, valid: set[str]) -> bool:
    """An editor's note: "[Editor's note: ...]" or a paragraph labelled Note/Update/Correction."""
    if _BRACKETED_NOTE.match(paragraph.text) and len(paragraph.text.split()) >= 3:
        return True
    found = split_label(paragraph.text.lstrip("["))
    return bool(found and label_key(found.label) in NOTE_LABELS and label_key(found.label) not in valid)


def heading_blocks(paragraphs: list[SourceParagraph]) -> tuple[list[SourceParagraph], list[RawBlock]]:
    """Questions written as headings; the unlabelled paragraphs after each one are its answer."""
    header: list[SourceParagraph] = []
    blocks: list[RawBlock] = []
    answer: RawTurn | None = None
    started = False
    for paragraph in paragraphs:
        heading = heading_text(paragraph.text)
        if heading is not None:
            started = True
            answer = None
            if heading.endswith("?"):
                blocks.append(RawTurn(None, "interviewer",
                                      [SourceParagraph(heading, paragraph.line, (heading,))], "heading"))
            else:
                blocks.append(RawSection(heading, paragraph.line))
        elif not started:
            header.append(paragraph)
        elif is_note(paragraph, set()):
            blocks.append(RawNote([paragraph]))
        elif answer is None:
            answer = RawTurn(None, "interviewee", [paragraph], "after-heading")
            blocks.append(answer)
        else:
            answer.paragraphs.append(paragraph)
    return header, blocks


def plain_blocks(paragraphs: list[SourceParagraph], fixes: dict[int, str]) -> tuple[list[SourceParagraph], list[RawBlock]]:
    """Unlabelled paragraphs alternate question and answer; a fix at a line sets that paragraph's speaker
    and the alternation resumes from it."""
    header: list[SourceParagraph] = []
    rest = list(paragraphs)
    while rest and (rest[0].line not in fixes) and is_header_paragraph(rest[0]):
        header.append(rest.pop(0))
    blocks: list[RawBlock] = []
    role = "interviewer"
    for paragraph in rest:
        if is_note(paragraph, set()):
            blocks.append(RawNote([paragraph]))
            continue
        how = "alternation"
        label = None
        if paragraph.line in fixes:
            spec = fixes[paragraph.line]
            how = "fix"
            if spec in ("interviewer", "question"):
                role = "interviewer"
            elif spec in ("interviewee", "answer"):
                role = "interviewee"
            else:
                label, role = spec, "interviewee"
        blocks.append(RawTurn(label, role, [paragraph], how))
        role = "interviewee" if role == "interviewer" else "interviewer"
    return header, blocks


def is_header_paragraph(paragraph: SourceParagraph) -> bool:
    """Standfirst, byline or dateline before the first question of a plain transcript."""
    text = paragraph.text
    return bool(_INTERVIEW_WITH.match(text) or _INTERVIEW_WITH_RU.match(text) or _TALKS_WITH.match(text)
                or _BYLINE.match(text) or _HONORIFIC_LINE.match(text))
