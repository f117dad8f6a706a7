"""Property-based tests: any bytes or text yields a model or the project's own user-facing error, and
no word of a transcript is lost. `HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py` runs longer."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_publish.errors import PublishError
from interview_publish.model import Cue, Emphasis, Strong, Text
from interview_publish.readers import read_transcript

SUFFIXES = (".txt", ".md", ".vtt", ".srt")
CALM = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def read_bytes_as(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"transcript{suffix}"
        path.write_bytes(data)
        return read_transcript(path, "interview-1")


def model_text(interview) -> str:
    """Every piece of text the model keeps, including what it removed and the speakers' labels."""
    parts = [interview.title, interview.standfirst or "", *interview.header]
    for person in interview.participants:
        parts += [person.name or "", person.label, *person.labels]
    for block in interview.blocks:
        if block.kind == "section":
            parts.append(block.title)
            continue
        if block.kind == "turn" and block.timestamp:
            parts.append(block.timestamp)
        for paragraph in block.paragraphs:
            parts.append(flatten(paragraph.children))
    parts += [removed.text for removed in interview.removed]
    return " ".join(parts)


def flatten(children) -> str:
    return "".join(n.text if isinstance(n, (Text, Cue)) else flatten(n.children) for n in children
                   if isinstance(n, (Text, Cue, Emphasis, Strong)))


@CALM
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_give_a_model_or_a_user_error(data, suffix):
    try:
        read_bytes_as(data, suffix)
    except PublishError as error:
        assert error.problems and all(p.severity == "error" for p in error.problems)


@CALM
@given(text=st.text(max_size=1500), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_text_gives_a_model_or_a_user_error(text, suffix):
    try:
        read_bytes_as(text.encode("utf-8", "surrogatepass"), suffix)
    except PublishError:
        pass
    except UnicodeEncodeError:
        pass


WORD = st.from_regex(r"[a-z]{2,9}", fullmatch=True)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(" ".join).flatmap(
    lambda words: st.sampled_from([".", "?", "!", ""]).map(lambda end: words.capitalize() + end))
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
LABEL = st.sampled_from(["", "Q: ", "A: ", "Ann Lee: ", "BOB: ", "**Cy:** ", "[00:01:02] Dee: ", "### "])


@st.composite
def transcripts(draw) -> str:
    """Transcript-like text: a title, maybe a standfirst, paragraphs with or without labels, maybe debris."""
    lines = [draw(SENTENCE).rstrip(".?!")]
    if draw(st.booleans()):
        lines.append(f"Interview with {draw(WORD).capitalize()} {draw(WORD).capitalize()}, {draw(PARAGRAPH)}")
    for _ in range(draw(st.integers(1, 10))):
        label = draw(LABEL)
        text = draw(PARAGRAPH)
        lines.append(label + text + (" ###" if label == "### " and draw(st.booleans()) else ""))
    if draw(st.booleans()):
        lines.append("Leave a comment")
    wrap = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n\u00a0\n"]))
    return wrap.join(lines) + "\n"


@CALM
@given(text=transcripts(), suffix=st.sampled_from((".txt", ".md")))
def test_no_word_is_lost(text, suffix):
    try:
        interview, _ = read_bytes_as(text.encode("utf-8"), suffix)
    except PublishError:
        return  # e.g. unbalanced plain alternation: refused, not silently mangled
    kept = set(re.findall(r"\w+", model_text(interview)))
    source_words = set(re.findall(r"\w+", text))
    assert source_words <= kept, source_words - kept


# Patterns written for the regex engine's speed, against the plain ones they must agree with.
PLAIN_FILLERS = re.compile(r"\b(?:um+|uh+|erm|er|hmm+|you know|i mean|sort of|kind of)\b", re.IGNORECASE)
PLAIN_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
FILLER_TEXT = st.lists(st.sampled_from(["um", "umm", "uh", "erm", "er", "hmm", "you know", "i mean", "sort of",
                                        "kind of", "UM", "Er", "İ", "ı", "ſ", "\u212a", "mean", "of", "s", "k", "e",
                                        "h", "m", " ", "  ", ",", ".", "'", "\n", "x", "é", "\u0307", "9", "_"]),
                       max_size=12).map("".join)
SPACE_TEXT = st.lists(st.sampled_from(["word", "mot", "“q”", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\u200b",
                                       "\n", "\n\n"]), max_size=16).map("".join)


def test_the_filler_pattern_starts_with_every_letter_it_may_start_with():
    from interview_publish.lint import FILLERS

    starts = set(re.findall(r"(?i)[uehyisk]", "".join(map(chr, range(0x110000)))))
    assert starts == set(FILLERS.pattern[1:FILLERS.pattern.index("]")])


@CALM
@given(text=st.one_of(FILLER_TEXT, st.text(max_size=30)))
def test_the_filler_pattern_finds_what_the_plain_one_finds(text):
    from interview_publish.lint import FILLERS

    assert [m.span() for m in FILLERS.finditer(text)] == [m.span() for m in PLAIN_FILLERS.finditer(text)]


@CALM
@given(text=st.one_of(SPACE_TEXT, st.text(max_size=40)))
def test_paragraph_lines_are_squeezed_as_the_plain_pattern_squeezes_them(text):
    from interview_publish.readers.text_input import split_paragraphs

    lines = [PLAIN_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    got = [line for paragraph in split_paragraphs(text) for line in paragraph.lines]
    assert got == [line for line in lines if line]
