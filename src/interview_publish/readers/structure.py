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
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import Problem, PublishError
from ..model import Interview, Note, Paragraph, Participant, Removal, Section, Turn
from .boilerplate import body_boilerplate_reason, boilerplate_reason, is_tail_marker
from .header import introduces, is_byline, is_source_note, read_people
from .inline import markdown_inlines, text_inlines
from .labels import ANSWER_LABELS, NOTE_LABELS, QUESTION_LABELS, label_key
from .raw import Header, HeaderPerson, RawNote, RawParagraph, RawSection, RawTurn
from .segments import Segment, Segmented, clock
from .speakers import Person, PersonSetting, is_voice, resolve_people, speaker_of
from .verbatim import clean_verbatim

PARAGRAPH_WORDS = 120  # machine segments of one speaker are re-split at the first sentence end past this
_ASKS = re.compile(r"\?[\"”»’)\]*_]*$")
_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}\s*$")  # `### Question? {#slug .class}` (Pandoc/kramdown)
_BRACKETED_NOTE = re.compile(r"^\[[^\[\]]{12,}\]$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”»’)\]]*$")


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
    check_fixes(fixes, {s.line for s in segments}, options, shown)
    layout = options.layout or find_layout(segments)
    start = body_start(segments, layout)
    header = read_header(source, segments[:start], layout)
    body, footer = split_footer(segments[start:], layout)
    raw = body_blocks(body, layout, reading)
    if header.intro:
        raw.insert(0, RawTurn(None, "other", header.intro, "narration"))
    for seg in footer:  # a byline at the end joins the header; a closing note is the narrator's
        text = seg.text.strip().strip("*_ ")
        if _LONE_NAME.match(seg.text.strip()) or is_byline(text):
            header.lines.append(text)
            name = re.sub(r"^(?:by|par|von|por)\s+", "", text, flags=re.IGNORECASE)
            header.people.append(HeaderPerson(name, "interviewer", None, "byline at the end"))
        else:
            raw.append(RawTurn(None, "other", [paragraph(seg)], "narration", seg.start))
    apply_fixes(raw, fixes)
    turns = [block for block in raw if isinstance(block, RawTurn)]
    if not turns:
        if not header.standfirst:
            raise PublishError(Problem("error", "no-turns", "no speech found in this transcript", shown,
                                       header.title_line or 1))
        raw = turns = [narration(header)]  # only prose: the narrator's turn rather than a refusal
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
    speech_text = [normal(s.text) for s in segments if s.kind == "speech"]
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


def header_like(seg: Segment) -> bool:
    """A paragraph that belongs above a plain transcript's first question: who is interviewed, a byline."""
    return introduces(seg.text) or is_byline(seg.text)


def asks(text: str) -> bool:
    return bool(_ASKS.search(text.strip()))


def heading_title(text: str) -> str:
    return _ATTRIBUTES.sub("", text).strip().strip("*_").strip()


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
                and not _SENTENCE_END.search(rest[0].text.strip().rstrip("*_")):
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
        elif "\n" in text or (len(text) < 60 and not _SENTENCE_END.search(text)):
            lines.append(seg)
        else:
            flush(lines, header)
            lines.append(seg)
            flush(lines, header)
    flush(lines, header)
    if source.description and not header.standfirst and layout != "flow":
        header.standfirst.append(source.description)
    read_people(header, texts + ([source.description] if source.description else []))
    return header


def flush(lines: list[Segment], header: Header) -> None:
    """Header paragraphs read so far: short lines that all start with a capital or a digit are a dateline
    (`Office of the Press Secretary · March 8, 2006`); prose is the standfirst, or the intro after it."""
    if not lines:
        return
    parts = [part.strip().strip("*_ ") for seg in lines for part in seg.text.split("\n") if part.strip()]
    dateline = all(len(part) < 60 and (part[:1].isupper() or part[:1].isdigit()) and not _SENTENCE_END.search(part)
                   for part in parts) and (len(parts) > 1 or header.standfirst or header.lines)
    if dateline:
        header.lines.append(" · ".join(parts))
    elif header.standfirst:
        header.intro.append(RawParagraph(" ".join(parts), lines[0].line, lines[0].start))
    else:
        header.standfirst.append(" ".join(parts))
    lines.clear()


def narration(header: Header) -> RawTurn:
    """A text of prose only (no speech found): the narrator's."""
    text = header.standfirst.pop()
    return RawTurn(None, "other", [RawParagraph(text, header.title_line or 1)], "narration")


# --- 4. body ----------------------------------------------------------------------------------

def body_blocks(segments: list[Segment], layout: str, reading: Reading) -> list:
    """The body's raw blocks for its layout."""
    if layout == "labels":
        return labelled_blocks(segments)
    if layout in ("headings", "bold"):
        return question_blocks(segments, layout)
    if layout == "flow":
        return flow_blocks(segments)
    return plain_blocks(segments, reading)


def paragraph(seg: Segment) -> RawParagraph:
    return RawParagraph(seg.text.replace("\n", " "), seg.line, seg.start, seg.end, seg.flow)


def other_block(seg: Segment):
    """A heading or a note inside the body."""
    if seg.kind == "heading":
        return RawSection(heading_title(seg.text), seg.line)
    return RawNote([paragraph(seg)])


def is_note(seg: Segment) -> bool:
    return seg.kind == "note" or (_BRACKETED_NOTE.match(seg.text) is not None and len(seg.text.split()) >= 3)


def labelled_blocks(segments: list[Segment]) -> list:
    """Labels start turns; unlabelled paragraphs continue them, except where only one side is labelled
    (`Q:` before each question, the answers unlabelled): there an unlabelled paragraph after the
    labelled side's turn is the other side's."""
    keys = {label_key(s.label) for s in segments if s.label}
    one_sided = len(keys) == 1 and any(s.label is None and s.kind == "speech" for s in segments)
    side_role = "interviewee" if keys <= ANSWER_LABELS else "interviewer"
    other_role = "interviewer" if side_role == "interviewee" else "interviewee"
    blocks: list = []
    current: RawTurn | None = None
    last: RawTurn | None = None  # the turn before a subheading
    for seg in segments:
        if seg.kind != "speech" or is_note(seg) or is_subhead(seg):
            section = seg.kind == "heading" or is_subhead(seg)
            blocks.append(other_block(replace(seg, kind="heading")) if section else RawNote([paragraph(seg)]))
            if section and current is not None:
                last, current = current, None
            continue
        if seg.label:
            if current is None or current.label != seg.label or current.how != "label" or not seg.flow:
                current = RawTurn(seg.label, None, [], "label", seg.start)
                blocks.append(current)
            if seg.text:
                current.paragraphs.append(paragraph(seg))
            continue
        if current is None and last is not None and not seg.change:  # after a subheading: the same speaker
            current = RawTurn(last.label, last.role, [paragraph(seg)], "continuation", seg.start)
            blocks.append(current)
        elif seg.change and current is not None and (back := previous_label(blocks, current.label)):
            current = RawTurn(back, None, [paragraph(seg)], "change", seg.start)  # `>>`: back to the other voice
            blocks.append(current)
        elif seg.change or current is None:
            label = current.label if current is not None and not seg.change else None
            current = RawTurn(label, None if label else "other", [paragraph(seg)],
                              "continuation" if label else "unlabelled", seg.start)
            blocks.append(current)
        elif one_sided and current.how == "label":
            current = RawTurn(None, other_role, [paragraph(seg)], "after-label", seg.start)
            blocks.append(current)
        else:
            current.paragraphs.append(paragraph(seg))
    return [b for b in blocks if not isinstance(b, RawTurn) or b.paragraphs]


def is_subhead(seg: Segment) -> bool:
    """A short unlabelled line in bold between turns of a labelled transcript: a subheading."""
    text = seg.text.strip()
    return seg.label is None and len(text) <= 100 and bool(re.fullmatch(r"(\*\*|__)[^*_]+\1", text)) \
        and not _SENTENCE_END.search(text[2:-2])


def previous_label(blocks: list, label: str | None) -> str | None:
    """The label of the last turn before this one whose label differs from ``label``."""
    for block in reversed(blocks):
        if isinstance(block, RawTurn) and block.label and block.label != label:
            return block.label
    return None


def question_blocks(segments: list[Segment], layout: str) -> list:
    """Questions as headings or bold paragraphs; the unlabelled paragraphs after each one answer it."""
    blocks: list = []
    answer: RawTurn | None = None
    question: RawTurn | None = None
    for seg in segments:
        if layout == "headings" and seg.kind == "heading":
            title = heading_title(seg.text)
            answer = question = None
            if asks(title) or title.endswith("!"):
                question = RawTurn(None, "interviewer", [RawParagraph(title, seg.line)], "heading")
                blocks.append(question)
            else:
                blocks.append(RawSection(title, seg.line))
        elif seg.kind == "heading":
            blocks.append(RawSection(heading_title(seg.text), seg.line))
            answer = question = None
        elif is_note(seg):
            blocks.append(RawNote([paragraph(seg)]))
        elif layout == "bold" and seg.hint == "question":
            text = seg.text.strip()
            text = text[2:-2].strip() if text.startswith(("**", "__")) and text.endswith(("**", "__")) else text
            if question is not None and answer is None:
                question.paragraphs.append(RawParagraph(text, seg.line))
            else:
                question = RawTurn(None, "interviewer", [RawParagraph(text, seg.line)], "bold")
                blocks.append(question)
                answer = None
        elif answer is None:
            answer = RawTurn(None, "interviewee", [paragraph(seg)], "after-heading" if layout == "headings"
                             else "after-question", seg.start)
            blocks.append(answer)
        else:
            answer.paragraphs.append(paragraph(seg))
    return blocks


def flow_blocks(segments: list[Segment]) -> list:
    """Machine segments without labels: `>>` marks change the speaker between two voices; with no
    marks at all it is one voice."""
    blocks: list = []
    current: RawTurn | None = None
    voice = 0
    marked = any(s.change for s in segments)
    for seg in segments:
        if seg.kind == "heading":
            blocks.append(RawSection(heading_title(seg.text), seg.line))
            continue
        if current is None or seg.change:
            if current is not None or seg.change:
                voice = voice + 1 if current is not None else 1
            label = f"(voice {2 - voice % 2})" if marked else None  # speakers.is_voice
            current = RawTurn(label, None if label else "other", [], "change" if marked else "unlabelled",
                              seg.start)
            blocks.append(current)
        current.paragraphs.append(paragraph(seg))
    return blocks


def plain_blocks(segments: list[Segment], reading: Reading) -> list:
    """Unlabelled paragraphs alternate question and answer. Where the questions end with "?", a
    paragraph that does not ask continues the answer before it, so answers may run over paragraphs."""
    blocks: list = []
    current: RawTurn | None = None
    lengths: dict[str, list[int]] = {"interviewer": [], "interviewee": []}
    marked = True  # every question so far ended with "?"
    for seg in segments:
        if seg.kind == "heading" or is_note(seg):
            blocks.append(other_block(seg) if seg.kind == "heading" else RawNote([paragraph(seg)]))
            continue
        role = "interviewer"
        if current is not None and current.role == "interviewer":
            role = "interviewee"
        elif current is not None and current.role == "interviewee":
            asking = asks(seg.text) or not marked or len(lengths["interviewer"]) < 2
            role = "interviewer" if asking or sounds_like_question(seg.text, lengths) else "interviewee"
        if current is not None and role == current.role == "interviewee":
            current.paragraphs.append(paragraph(seg))
            continue
        lengths[role].append(len(seg.text.split()))
        if role == "interviewer":
            marked = marked and asks(seg.text)
        current = RawTurn(None, role, [paragraph(seg)], "alternation", seg.start)
        blocks.append(current)
    if current is not None and current.role == "interviewer" and len(lengths["interviewer"]) > 1:
        reading.warn("unbalanced-turns",
                     f'the last question, "{excerpt(current.paragraphs[0].text)}", has no answer: if an answer runs '
                     'over two paragraphs, add to publication.toml: [[speaker_fixes]] line = N, speaker = '
                     '"interviewee" (N: the line where that answer\'s second paragraph starts)', current.line)
    return blocks


def sounds_like_question(text: str, lengths: dict[str, list[int]]) -> bool:
    """A paragraph that does not ask but is as short as the questions so far, not as long as the answers
    ("Some residents complain that trees block their view."): a question put as a statement."""
    import math

    if not lengths["interviewer"] or not lengths["interviewee"]:
        return False
    size = math.log(max(len(text.split()), 1))
    question = math.log(max(sum(lengths["interviewer"]) / len(lengths["interviewer"]), 1))
    answer = math.log(max(sum(lengths["interviewee"]) / len(lengths["interviewee"]), 1))
    return abs(size - question) < abs(size - answer)


def paragraphs_of(parts: list[RawParagraph]) -> list[RawParagraph]:
    """Flowing machine segments joined into paragraphs that end at a sentence end past PARAGRAPH_WORDS;
    written paragraphs stay as they are."""
    out: list[RawParagraph] = []
    words = 0
    for part in parts:
        joinable = part.flow and out and out[-1].flow and not (
            words >= PARAGRAPH_WORDS and _SENTENCE_END.search(out[-1].text))
        if joinable:
            last = out[-1]
            out[-1] = RawParagraph(f"{last.text} {part.text}".strip(), last.line, last.start,
                                   part.end if part.end is not None else last.end, True)
            words += len(part.text.split())
        else:
            out.append(part)
            words = len(part.text.split())
    return [p for p in out if p.text.strip()]


# --- speaker fixes ----------------------------------------------------------------------------

def check_fixes(fixes: dict[int, str], starts: set[int], options: ReadingOptions, shown: str) -> None:
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
            fixed = RawTurn(None if role else spec, role, block.paragraphs[position:], "fix",
                            block.paragraphs[position].start)
            del block.paragraphs[position:]
            raw.insert(index + 1, fixed)
            if not block.paragraphs:
                fixed.start = block.start
                del raw[index]


# --- 5. blocks and participants ---------------------------------------------------------------

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
    ordered = speakers + [p for p in people if p.declared and p not in speakers]
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
    from .speakers import pretty_label

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


def slugify(text: str) -> str:
    """A lower-case key of words joined by hyphens (keeps non-Latin letters)."""
    return "-".join(re.findall(r"\w+", text.lower()))


def excerpt(text: str, width: int = 60) -> str:
    """The start of a text, cut at a word."""
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"


__all__ = ["NOTE_LABELS", "ReadingOptions", "build_interview"]
