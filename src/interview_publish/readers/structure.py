"""The structure step: from the segments of any format to an Interview.

1. Leftovers go (page furniture, image lines, pull quotes that repeat an answer), each recorded.
2. The layout of the body is found from the segments themselves: speaker labels, questions
   written as headings, bold questions, machine segments, or plain paragraphs that alternate.
3. What stands above the first turn is the header: the title, the standfirst, bylines, and the
   people they name.
4. The body becomes raw turns; machine segments are joined and re-split at sentence ends.
5. People and roles are resolved from all the evidence (``speakers.py``), and the blocks built.

Nothing readable is refused: where the layout is ambiguous the best reading is made, the turn's
confidence says so, and a warning names the line (``[[speaker_fixes]]`` corrects it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, PublishError
from ..model import Interview, Participant, Removal, Turn
from ..web_leftovers import body_boilerplate_reason, boilerplate_reason, is_tail_marker
from .assemble import build_blocks
from .fixes import apply_fixes, check_fixes
from .header import introduces, is_byline, is_source_note, people_introduced, read_people
from .inline import markdown_plain
from .labels import label_key
from .layouts import SENTENCE_END, asks, body_blocks, excerpt, heading_title, is_note, paragraph, paragraphs_of
from .raw import Header, HeaderPerson, RawParagraph, RawTurn
from .segments import Segment, Segmented
from .speakers import PersonSetting, resolve_people
from .verbatim import clean_verbatim

PARAGRAPH_WORDS = 120  # machine segments of one speaker are re-split at the first sentence end past this
@dataclass(frozen=True)
class ReadingOptions:
    """How to read one transcript: its settings (people, fixes by source line, clean verbatim)."""

    people: tuple[PersonSetting, ...] = ()
    fixes: tuple[tuple[int, str], ...] = ()
    fixes_where: tuple[str | None, int | None] = (None, None)
    clean_verbatim: bool = False
    layout: str | None = None  # plain, labels or headings when the settings force it


@dataclass
class Reading:
    """The state of one structure pass: where problems and removals are collected."""

    shown: str
    removed: list[Removal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def warn(self, code: str, message: str, line: int | None) -> None:
        self.problems.append(Problem("warning", code, message, self.shown, line))


def build_interview(source: Segmented, path: Path, shown: str, interview_id: str,
                    options: ReadingOptions) -> tuple[Interview, list[Problem]]:
    """The Interview in ``source``'s segments, with warnings about what was guessed or removed."""
    reading = Reading(shown)
    reading.problems.extend(source.problems)
    segments = drop_leftovers(source.segments, reading)
    if not any(s.kind == "speech" or s.kind == "heading" for s in segments):
        raise PublishError(Problem("error", "no-turns", "nothing but page leftovers in this transcript", shown, 1))
    fixes = dict(options.fixes)
    check_fixes(fixes, {s.line for s in segments}, options.fixes_where, shown)
    layout = options.layout or find_layout(segments)
    start = body_start(segments, layout)
    header = read_header(source, segments[:start], layout)
    body, footer = split_footer(segments[start:], layout)
    if layout == "flow" and not any(s.change for s in body):  # one voice: name who the opening introduces
        header.people.extend(people_introduced([s.text for s in body[:12]]))
    header.people.extend(signed(reading.removed, header))
    raw = body_blocks(body, layout, reading.warn)
    if header.intro:
        raw.insert(0, RawTurn(None, "other", header.intro, "narration"))
    raw.extend(place_footer(footer, header))
    apply_fixes(raw, fixes)
    turns = [block for block in raw if isinstance(block, RawTurn)]
    if layout == "plain" and len(turns) < 2:  # one unlabelled paragraph under a title is no conversation
        turns = []
    if not turns:
        raise PublishError(Problem("error", "no-turns", "no questions or answers found in this transcript",
                                   shown, header.title_line or 1))
    settings = list(options.people) + [PersonSetting(p.name, p.role, p.description, p.labels, None, (shown, None),
                                                     True) for p in source.people]
    people = resolve_people(turns, header, settings, shown)
    for turn in turns:
        turn.paragraphs = paragraphs_of(turn.paragraphs)
    if options.clean_verbatim:
        dropped = clean_verbatim(turns)
        if dropped:
            reading.problems.append(Problem("note", "clean-verbatim", f"clean verbatim: {dropped} fillers and "
                                            "repetitions removed", shown, None))
    blocks, participants = build_blocks(raw, people, source.markdown, layout)
    warn_guesses(blocks, participants, layout, reading)
    interview = Interview(
        id=interview_id,
        title=header.title or title_from_file(path),
        standfirst="\n\n".join(header.standfirst) or None,
        header=tuple(header.lines),
        participants=participants,
        blocks=blocks,
        source=shown,
        removed=tuple(reading.removed),
        date=source.date,
        place=source.place,
        reader=source.format,
        layout=layout,
        language=source.language,
        source_url=source.source_url,
    )
    reading.problems.extend(Problem("warning", "boilerplate", f'removed "{excerpt(item.text)}" ({item.reason})',
                                    shown, item.line) for item in reading.removed)
    return interview, reading.problems


# --- 1. leftovers -----------------------------------------------------------------------------

def drop_leftovers(segments: list[Segment], reading: Reading) -> list[Segment]:
    """Page furniture at the edges and in the body, image lines, pull quotes: recorded and dropped."""
    kept: list[Segment] = []
    speech_text = [normal(s.text) for s in segments if s.kind == "speech"] if any(s.kind == "quote" for s in
                                                                                 segments) else []
    for seg in segments:
        if seg.kind == "leftover":
            reading.removed.append(Removal(seg.line, seg.text, "not part of the interview"))
        elif seg.kind == "caption":
            reading.removed.append(Removal(seg.line, seg.text, "image or caption"))
        elif seg.kind == "quote" and is_pull_quote(seg.text, speech_text):
            reading.removed.append(Removal(seg.line, seg.text, "pull quote"))
        elif seg.kind == "speech" and seg.label is None and (reason := body_boilerplate_reason(seg.text)):
            reading.removed.append(Removal(seg.line, seg.text, reason))
        else:
            kept.append(Segment(seg.line, seg.text, "speech", seg.label, seg.start, seg.end, seg.flow, seg.change,
                                seg.hint) if seg.kind == "quote" else seg)
    # web leftovers at the start and the end: the shared patterns, only on unlabelled segments
    start, end = 0, len(kept)
    while start < end and kept[start].label is None and kept[start].kind == "speech" \
            and (reason := boilerplate_reason(kept[start].text)):
        reading.removed.append(Removal(kept[start].line, kept[start].text, reason))
        start += 1
    while end > start and kept[end - 1].label is None and kept[end - 1].kind == "speech" \
            and (reason := boilerplate_reason(kept[end - 1].text)):
        reading.removed.append(Removal(kept[end - 1].line, kept[end - 1].text, reason))
        end -= 1
    window = max(8, (end - start) // 6)
    for index in range(max(start + 1, end - window), end):
        seg = kept[index]
        if seg.label is None and seg.kind in ("heading", "speech") and is_tail_marker(heading_title(seg.text)):
            for later in kept[index:end]:
                reading.removed.append(Removal(later.line, later.text, f'after "{heading_title(seg.text)}"'))
            end = index
            break
    reading.removed.sort(key=lambda r: r.line)
    return kept[start:end]


def normal(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def is_pull_quote(text: str, speech: list[str]) -> bool:
    """A blockquote that repeats words said elsewhere in the text."""
    quoted = normal(text)
    return len(quoted) >= 20 and any(quoted in other and other != quoted for other in speech)


# --- 2. layout --------------------------------------------------------------------------------

def find_layout(segments: list[Segment]) -> str:
    """labels, headings (questions as headings), bold (bold questions), flow (machine segments) or plain."""
    speech = [s for s in segments if s.kind == "speech"]
    labelled = sum(1 for s in speech if s.label)
    if labelled and labelled >= sum(1 for s in speech if s.hint == "question"):
        return "labels"
    if sum(1 for s in segments if s.kind == "heading" and asks(heading_title(s.text))) >= 2:
        return "headings"
    if sum(1 for s in speech if s.hint == "question") >= 2:
        return "bold"
    if speech and sum(1 for s in speech if s.flow) * 2 >= len(speech):
        return "flow"
    return "plain"


def body_start(segments: list[Segment], layout: str) -> int:
    """Index of the first segment of the body; what comes before is the header."""
    for index, seg in enumerate(segments):
        if layout == "labels" and seg.label and seg.kind == "speech" and not is_note(seg):
            return index
        if layout == "headings" and seg.kind == "heading" and asks(heading_title(seg.text)):
            return index
        if layout == "bold" and seg.hint == "question":
            return index
        if layout == "flow" and seg.kind == "speech":
            return index
        if layout == "plain" and seg.kind == "speech" and index > 0 and not header_like(seg):
            return index
    return len(segments)


_LONE_NAME = re.compile(r"^[*_]*(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.\-]+\s+){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+[*_]*$")


def split_footer(segments: list[Segment], layout: str) -> tuple[list[Segment], list[Segment]]:
    """Unlabelled lines after the last answer that belong with the header: a byline at the end ("Jane
    Doe" alone), a source note ("Interview with X on 8 January 2015")."""
    end = len(segments)
    while end > 1 and segments[end - 1].label is None and segments[end - 1].kind == "speech" \
            and not segments[end - 1].hint and (header_like(segments[end - 1]) or is_source_note(segments[end - 1].text)
                                                 or _LONE_NAME.match(segments[end - 1].text.strip())):
        end -= 1
    if layout == "plain" and end < len(segments) - 2:
        end = len(segments)  # in unlabelled text, only a line or two at the end can be told apart
    return segments[:end], segments[end:]


def place_footer(footer: list[Segment], header: Header) -> list[RawTurn]:
    """A byline at the end joins the header (and names the interviewer); a closing note is the
    narrator's, after the last turn."""
    closing = []
    for seg in footer:
        text = seg.text.strip().strip("*_ ")
        if _LONE_NAME.match(seg.text.strip()) or is_byline(text):
            header.lines.append(text)
            name = re.sub(r"^(?:by|par|von|por)\s+", "", text, flags=re.IGNORECASE)
            header.people.append(HeaderPerson(name, "interviewer", None, "byline at the end"))
        else:
            closing.append(RawTurn(None, "other", [paragraph(seg)], "narration", seg.start))
    return closing


def signed(removed: list[Removal], header: Header) -> list[HeaderPerson]:
    """A closing signature that lists the conversation's people ("// Anne Roy, Jean Dupont // June
    2012"): besides the interviewee the header names, the one other name there is the interviewer."""
    known = [p.name for p in header.people if p.role == "interviewee"]
    for item in removed:
        if item.reason != "signature" or not known:
            continue
        parts = [part.strip(" *_.") for part in re.split(r"//|,|;", item.text)]
        names = [part for part in parts if re.fullmatch(r"[^\W\d_][\w'’\-]+(?:\s+[^\W\d_][\w'’.\-]+){1,2}", part)
                 and part[0].isupper()]
        others = [name for name in names if not any(label_key(name) == label_key(k) for k in known)]
        if len(others) == 1 and len(names) == 2:
            return [HeaderPerson(others[0], "interviewer", None, "signed at the end")]
    return []


def header_like(seg: Segment) -> bool:
    """A paragraph that belongs above a plain transcript's first question: who is interviewed, a byline."""
    return introduces(seg.text) or is_byline(seg.text)


# --- 3. header --------------------------------------------------------------------------------

def read_header(source: Segmented, segments: list[Segment], layout: str) -> Header:
    """Title, standfirst paragraphs, bylines and other lines, and the people they name."""
    header = Header(title=source.title, title_line=source.title_line)
    rest = list(segments)
    if header.title is None:
        headings = [s for s in rest if s.kind == "heading"]
        top = min(headings, key=lambda s: s.level) if headings else None
        if top is not None and (top.level == 1 or top is rest[0]):
            header.title, header.title_line = heading_title(top.text), top.line
            rest.remove(top)
        elif rest and rest[0].kind == "speech" and len(rest[0].text) <= 150 and not is_byline(rest[0].text) \
                and not SENTENCE_END.search(rest[0].text.strip().rstrip("*_")):
            header.title, header.title_line = rest[0].text.strip().strip("*_#").strip(), rest[0].line
            rest.pop(0)
    lines: list[Segment] = []  # short lines in a row: a dateline, or a sentence set over several lines
    texts: list[str] = []
    for seg in rest:
        text = heading_title(seg.text) if seg.kind == "heading" else seg.text.strip()
        texts.extend(text.split("\n"))
        if seg.kind == "heading" or is_byline(text) or seg.kind == "note":
            flush(lines, header)
            header.lines.append(text.strip("*_ ").replace("\n", " ") if seg.kind != "note" else text)
        elif "\n" in text or (len(text) < 60 and not SENTENCE_END.search(text)):
            lines.append(seg)
        else:
            flush(lines, header)
            lines.append(seg)
            flush(lines, header)
    flush(lines, header)
    if source.description and not header.standfirst and layout != "flow":
        header.standfirst.append(source.description)
    read_people(header, texts + ([source.description] if source.description else []))
    if source.markdown:  # the header is shown as plain text: its Markdown goes, its words stay
        header.title = markdown_plain(header.title) if header.title else header.title
        header.standfirst = [markdown_plain(text) for text in header.standfirst]
        header.lines = [markdown_plain(text) for text in header.lines]
    return header


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|me|my|we|our|us)\b|(?i:\b(?:je|j'|nous|ich|wir|mein|meine|unser|yo|"
                           r"nosotros|я|мы|меня|мой|моя|нас|у нас)\b)")


def flush(lines: list[Segment], header: Header) -> None:
    """Header paragraphs read so far: short lines that all start with a capital or a digit are a dateline
    (`Office of the Press Secretary · March 8, 2006`); prose is the standfirst, or the intro after it."""
    if not lines:
        return
    parts = [part.strip().strip("*_ ") for seg in lines for part in seg.text.split("\n") if part.strip()]
    dateline = all(len(part) < 60 and (part[:1].isupper() or part[:1].isdigit()) and not SENTENCE_END.search(part)
                   for part in parts) and (len(parts) > 1 or header.standfirst or header.lines)
    if dateline:
        header.lines.append(" · ".join(parts))
    elif header.standfirst or header.intro or _FIRST_PERSON.search(" ".join(parts)):
        # an interviewer's own words ("Today my guest is ...") are the intro, read in the body; a deck
        # in the third person above them is the standfirst
        header.intro.append(RawParagraph(" ".join(parts), lines[0].line, lines[0].start))
    else:
        header.standfirst.append(" ".join(parts))
    lines.clear()


def warn_guesses(blocks: tuple, participants: tuple[Participant, ...], layout: str, reading: Reading) -> None:
    """One warning for a reading that rests on alternation alone, naming where it starts."""
    guessed = [b for b in blocks if isinstance(b, Turn) and b.confidence == "guess"]
    if guessed and layout == "plain":
        reading.warn("guessed-speakers", f"no speaker labels: {len(guessed)} turns were given to the interviewer "
                     "and the interviewee by alternation (check `interview-publish dump`; [[speaker_fixes]] "
                     "corrects a turn)", guessed[0].line)


def title_from_file(path: Path) -> str:
    """A readable title from a file name: `my_talk-2021.vtt` -> `My talk 2021`."""
    words = re.sub(r"[_\-.]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


__all__ = ["ReadingOptions", "build_interview", "title_from_file"]
