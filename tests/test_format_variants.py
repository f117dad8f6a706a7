"""Layouts met in the wild beside the fixtures' own: each read into the right people, roles, times and
source lines (the content model, through the public reader)."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_publish.readers import ReaderOptions, read_text

TURNS = [("Anna Berg", "Welcome to the show, Kofi. How did you start?", 5),
         ("Kofi Mensah", "I started by fixing radios in my uncle's shop, for years.", 9),
         ("Anna Berg", "And why radios?", 15),
         ("Kofi Mensah", "Because they were broken and nobody else would touch them.", 18)]


def clock(seconds: int) -> str:
    return f"00:00:{seconds:02d}"


VARIANTS = {
    # a name alone over a time alone, the words below (documents exported by meeting and podcast tools)
    "name-over-time": ("speaker-timestamp", "\n\n".join(f"{n}\n{clock(t)}\n{w}" for n, w, t in TURNS), 3, 4),
    # "Name (00:00:05)" alone on a line, without Rev's colon
    "name-time-parenthesised": ("rev", "\n\n".join(f"{n} ({clock(t)})\n{w}" for n, w, t in TURNS), 2, 3),
    # a diarizer's label before its time span
    "label-then-span": ("diarized-lines", "\n".join(f"{n} [{clock(t)}.000 --> {clock(t + 3)}.500]: {w}"
                                                     for n, w, t in TURNS), 1, 1),
    # a bracketed label with its colon, no times
    "bracketed-labels": ("text", "\n\n".join(f"[{n}]: {w}" for n, w, _ in TURNS), 1, 2),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_is_read(name):
    fmt, text, first_line, step = VARIANTS[name]
    interview, _ = read_text(text + "\n", Path("talk.txt"), "talk.txt", "i1", ReaderOptions())
    assert interview.reader == fmt
    people = {p.key: p for p in interview.participants}
    assert [(people[t.speaker].name, people[t.speaker].role) for t in interview.turns] == [
        ("Anna Berg", "interviewer"), ("Kofi Mensah", "interviewee")] * 2
    assert [t.paragraphs[0].text for t in interview.turns] == [w for _, w, _ in TURNS]
    assert [t.line for t in interview.turns] == [first_line + step * i for i in range(4)]
    if fmt != "text":
        assert [t.timestamp for t in interview.turns] == [clock(t) for _, _, t in TURNS]


def test_markdown_keeps_the_words_beside_an_image_and_in_indented_paragraphs():
    text = ("# T\n\nQ: Where?\n\nA: Here is the chart ![chart](c.png) that shows the rise over ten years.\n\n"
            "![A workshop](w.jpg) The workshop in 1998.\n\n    Q: And the indented one?\n\n    A: It is kept as words.\n")
    interview, _ = read_text(text, Path("talk.md"), "talk.md", "i1", ReaderOptions())
    assert [p.text for t in interview.turns for p in t.paragraphs] == [
        "Where?", "Here is the chart that shows the rise over ten years.", "And the indented one?",
        "It is kept as words."]
    assert [(r.line, r.reason) for r in interview.removed] == [(7, "image or caption")]
