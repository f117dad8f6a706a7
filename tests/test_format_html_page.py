"""The HTML page segmenter (readers/formats/html_page.py): saved pages, <dl> interviews, HTML fragments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_publish.errors import PublishError
from interview_publish.readers.formats import html_page
from interview_publish.readers.formats.html_page import FORMATS, segment, sniff

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def body_of(path: Path) -> tuple[str, int]:
    """The file's text after its YAML front matter (the caller splits it off) and the line it starts on."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + len("\n---\n")
        return text[end:], text[:end].count("\n") + 1
    return text, 1


def read(name: str):
    text, first = body_of(FIXTURES / name)
    return segment(text, name, first)


def speech(result):
    return [s for s in result.segments if s.kind == "speech"]


def test_the_format_entry():
    (fmt,) = FORMATS
    assert fmt.name == "html" and fmt.sniff is sniff and fmt.segment is segment


@pytest.mark.parametrize("name", ["saved_page.html", "dl_interview.html", "fragment.html"])
def test_fixtures_are_recognised_by_content(name):
    text, _ = body_of(FIXTURES / name)
    assert sniff(text, ".html")
    assert sniff(text, ".txt")  # a misleading suffix
    assert sniff(text, "")


def test_other_formats_are_not_taken():
    others = [p for p in FIXTURES.iterdir() if p.is_file() and p.suffix not in (".html", ".toml")]
    assert others
    for path in others:
        raw = path.read_bytes()
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8", "replace")
        assert not sniff(text, path.suffix), path.name
    markdown = "# Talk\n\n**Q:** Why?\n\nBecause.\n\n<p align=\"center\"><img src=\"a.png\"></p>\n\nMore words here.\n"
    assert not sniff(markdown, ".md")
    assert not sniff("Q: Why?\n\nA: Because it is <b>fun</b>.\n", ".txt")
    assert not sniff("Just a plain transcript saved as a web page.\n", ".html")  # no tag at all
    assert sniff("<p>Q: Why?</p>\n<p>Because.</p>\n", ".txt")
    assert sniff("<!DOCTYPE html>\n<title>x</title>", ".txt")


def test_saved_page_keeps_the_article_only():
    result = read("saved_page.html")
    assert result.format == "html" and result.markdown
    assert (result.title, result.title_line) == ("The glassblower who listens to the furnace", 40)
    assert result.language == "en"
    assert result.source_url == "https://harbourgazette.example/culture/2023/05/glassblower-interview"
    assert result.description.startswith("Ingrid Solberg has blown glass on the quay")
    assert result.date == "2023-05-14"
    everything = " ".join(s.text for s in result.segments)
    for furniture in ("Skip to main content", "cookies", "Text size", "News", "Sport", "Share on", "Facebook",
                      "More from Culture", "potters", "Leave a comment", "Lovely piece", "All rights reserved",
                      "dataLayer", "Privacy", "Comments (2)"):
        assert furniture not in everything, furniture
    kinds = [(s.line, s.kind) for s in result.segments if s.kind != "speech"]
    assert kinds == [(39, "leftover"), (40, "heading"), (43, "leftover"), (52, "caption"), (61, "quote")]
    assert result.segments[1].level == 1
    assert [s.text for s in result.segments if s.kind in ("caption", "quote")] == [
        "Ingrid Solberg at the furnace in her workshop on the north quay. Photograph: Ruth Abara",
        "“Glass remembers every breath you give it.”"]


def test_saved_page_turns():
    turns = speech(read("saved_page.html"))
    assert [(s.line, s.label) for s in turns] == [
        (41, None), (42, None),  # the standfirst and the byline
        (55, "Tomasz Weller"), (56, "Ingrid Solberg"), (58, "Tomasz Weller"), (59, "Ingrid Solberg"),
        (63, None),  # her answer goes on after the pull quote
        (64, "Tomasz Weller"), (65, "Ingrid Solberg"), (67, "Tomasz Weller"), (68, "Ingrid Solberg"),
        (69, "Tomasz Weller"), (70, "Ingrid Solberg")]
    by_line = {s.line: s for s in turns}
    assert by_line[42].text == "By Tomasz Weller"
    assert by_line[55].text == "You open the workshop at five in the morning. What happens before anyone else arrives?"
    assert by_line[56].text.startswith("I listen. The furnace has been burning all night and it tells you how it "
                                       "feels – a low roar")  # a wrapped line joined, &ndash; decoded
    assert "glass *remembers every breath* you give it" in by_line[59].text
    assert by_line[65].text.endswith("steals my customers. I am very proud of her anyway.")
    assert "harbour & steals" in by_line[65].text
    assert not any(s.flow or s.change or s.start is not None for s in turns)


def test_definition_list_interview():
    result = read("dl_interview.html")
    assert not result.markdown
    assert (result.title, result.title_line) == ("Seeds are letters to the future", 11)  # an <img alt> in <h1>
    assert result.date == "2022-09-06" and result.language is None
    everything = " ".join(s.text for s in result.segments)
    for furniture in ("include", "php", "url_root", "Previous", "Next", "Tweet", "sidebar", "$page"):
        assert furniture not in everything, furniture
    assert [(s.line, s.kind, s.level) for s in result.segments[:6]] == [
        (11, "heading", 1), (15, "leftover", 0), (16, "heading", 3), (17, "heading", 4), (19, "speech", 0),
        (20, "heading", 3)]
    assert result.segments[3].text == "Head curator Hana Lindqvist"  # &nbsp;&nbsp; as one space
    turns = speech(result)
    assert turns[0].label is None and turns[0].text.startswith("The Ravenbrook Seed Library lends out")
    assert [(s.line, s.label) for s in turns[1:]] == [
        (23, "Marsh"), (25, "Lindqvist"), (30, "Marsh"), (32, "Lindqvist"), (33, "Lindqvist"), (36, "Marsh"),
        (38, "Lindqvist"), (42, "Marsh"), (44, "Lindqvist"), (48, "Marsh"), (50, "Lindqvist")]
    assert turns[5].text == "Some of our best notes come from people who lost everything to a late frost."
    assert turns[7].text.endswith("Forty families have grown it, and each of them returned a few seeds.")
    assert "Seeds & stories" in turns[9].text


def test_fragment_with_q_labels():
    result = read("fragment.html")
    assert result.title is None and not result.markdown
    turns = speech(result)
    assert [(s.line, s.label) for s in turns] == [
        (7, None), (9, "Q"), (13, None), (16, "Q"), (20, None), (23, "Q"), (28, None), (31, "Q"), (35, None),
        (37, "Q"), (41, None)]
    assert turns[0].text == ("Robotics researcher Lena Hartmann answered a few questions ahead of her talk at the "
                             "Maker Days 2024.")
    assert turns[4].text == "A calibration rig I built from plywood: https://lenah.example/rig/. And far too much coffee."
    assert turns[5].text.startswith('Right. You once said that most robots fail because of "boring" problems.')
    assert turns[6].text.startswith("Yes. Cables wear out")
    leftovers = [s.text for s in result.segments if s.kind == "leftover"]
    assert leftovers == ["Further reading:", "Lena's home page", "Her talk at Maker Days"]


def test_first_line_offsets_every_line():
    text, _ = body_of(FIXTURES / "fragment.html")
    assert [s.line for s in segment(text, "f.html", 100).segments][:2] == [101, 103]


def test_bold_questions_and_labels_inside_paragraphs():
    page = ("<p><strong>Why glass?</strong></p>\n<p>Because it moves.</p>\n"
            "<p><b>And why the harbour?</b></p>\n<p>The light, mostly.</p>\n"
            "<p><strong>Q: What next?</strong></p>\n<p>Another <i>furnace</i>.</p>\n"
            "<p><b>Q:</b> One more?<br><b>A:</b> Fine.</p>\n")
    result = segment(page, "bold.html", 1)
    assert result.markdown
    got = [(s.line, s.label, s.hint, s.text) for s in result.segments]
    assert got == [
        (1, None, "question", "**Why glass?**"), (2, None, None, "Because it moves."),
        (3, None, "question", "**And why the harbour?**"), (4, None, None, "The light, mostly."),
        (5, "Q", "question", "What next?"), (6, None, None, "Another *furnace*."),
        (7, "Q", None, "One more?"), (7, "A", None, "Fine.")]


def test_one_bold_line_is_no_question():
    result = segment("<p><b>Listen to the episode below.</b></p><p>Hello there.</p><p>Hi.</p>", "one.html", 1)
    assert [s.hint for s in result.segments] == [None, None, None]


def test_markdown_characters_in_the_text_are_escaped():
    result = segment("<p><b>Ada:</b> snake_case and 2*3 are fine</p><p><b>Bo:</b> yes</p><p><b>Ada:</b> ok</p>",
                     "esc.html", 1)
    assert result.markdown
    assert result.segments[0].label == "Ada"
    assert result.segments[0].text == r"snake\_case and 2\*3 are fine"


def test_headline_title_strips_the_site_name():
    page = ("<html><head><title>Talking to Ada Park – The Weekly Bulletin</title></head><body>"
            "<p>Ada Park builds boats and this is our long conversation about it.</p>"
            "<p>Q: Why boats?</p><p>Because of the sea.</p></body></html>")
    assert segment(page, "t.html", 1).title == "Talking to Ada Park"
    with_site = page.replace("</title>", "</title><meta property='og:site_name' content='The Weekly Bulletin'>")
    assert segment(with_site, "t.html", 1).title == "Talking to Ada Park"
    assert html_page._strip_site("News | An interview with the mayor about bridges", "News") == \
        "An interview with the mayor about bridges"
    assert html_page._strip_site("A long title - with a dash inside it", None) == "A long title - with a dash inside it"


def test_definition_list_with_two_speakers_for_one_answer():
    page = "<dl><dt>Reporter</dt><dd>So it was all for nothing?</dd><dt>Reporter</dt><dt>Photographer</dt>" \
           "<dd>Not quite!</dd><dt>Which year did the library open, and who paid for the building?</dt>" \
           "<dd>In 1931, paid for by the town.</dd></dl>"
    got = [(s.label, s.text) for s in segment(page, "dl.html", 1).segments]
    assert got == [("Reporter", "So it was all for nothing?"), ("Reporter, Photographer", "Not quite!"),
                   (None, "Which year did the library open, and who paid for the building?"),
                   (None, "In 1931, paid for by the town.")]


def test_templates_become_leftovers_only_when_they_carry_words():
    page = ("{% include figure.html src='kiln.jpg' caption='The old kiln behind the shed' %}\n"
            "<p>Q: Where is the {{ site.name }} workshop?</p>\n<?php echo $x->y; ?>\n<p>Behind the church.</p>\n")
    got = [(s.line, s.kind, s.label, s.text) for s in segment(page, "tpl.html", 1).segments]
    assert got == [(1, "leftover", None, "The old kiln behind the shed"), (2, "speech", "Q", "Where is the workshop?"),
                   (4, "speech", None, "Behind the church.")]


def test_xhtml_declaration_and_control_characters():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            'xml:lang="de" lang="de"><body><p>Frage: Wie\x00 geht es?</p><p>Gut.\x07</p></body></html>')
    assert sniff(page, ".xhtml")
    result = segment(page, "x.xhtml", 1)
    assert result.language == "de"
    assert [(s.label, s.text) for s in result.segments] == [("Frage", "Wie geht es?"), (None, "Gut.")]


@pytest.mark.parametrize("page", ["", "   \n", "<html><body><script>var a = 1;</script></body></html>",
                                  "<nav><ul><li><a href='/'>Home</a></li></ul></nav>"])
def test_a_page_without_text_is_refused_clearly(page):
    with pytest.raises(PublishError) as caught:
        segment(page, "content/empty.html", 3)
    (problem,) = caught.value.problems
    assert problem.severity == "error" and problem.code in ("html-empty", "html-unreadable")
    assert problem.path == "content/empty.html" and problem.line == 3
    assert "Traceback" not in str(caught.value)


def test_deeply_nested_and_huge_pages_do_not_crash():
    nested = "<div>" * 50_000 + "<p>Deep words.</p>" + "</div>" * 50_000
    with pytest.raises(PublishError) as caught:
        segment(nested, "deep.html", 1)
    (problem,) = caught.value.problems
    assert (problem.code, problem.path, problem.line) == ("html-unreadable", "deep.html", 1)
    assert "nested more than 256" in problem.message
    huge = "<p>Q: Why?</p><p>Because.</p>\n" * 20_000
    assert len(segment(huge, "huge.html", 1).segments) == 40_000


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_corpus_pages():
    key = json.loads((CORPUS / "key.json").read_text(encoding="utf-8"))["files"]
    for name, labels in (("fosdem_2007_andrew-morton_html-q-labels.html", {"Q": 11}),
                         ("kandc_2015_linkers-maeda-interview_ja.html", {"入江": 4, "前田": 4})):
        text, first = body_of(CORPUS / name)
        assert sniff(text, ".html") and sniff(text, ".txt")
        result = segment(text, name, first)
        turns = speech(result)
        found = {label: sum(1 for s in turns if s.label == label) for label in labels}
        assert found == labels
        starts = [p["start"] for p in key[name]["paragraphs"]]
        assert all(any(s.text.startswith(start) for s in turns) for start in starts), name
        for item in key[name]["boilerplate"]:
            text_of = item if isinstance(item, str) else item["text"]
            assert not any(text_of in s.text for s in turns), text_of
    for path in CORPUS.iterdir():
        if path.suffix != ".html" and path.name not in ("key.json", "SOURCES.md"):
            raw = path.read_bytes()
            assert not sniff(raw.decode("utf-8", "replace"), path.suffix), path.name


def test_without_article_element_the_richest_block_is_read():
    page = """<html><head><title>An interview with Bo Lind - My Blog</title></head><body>
<div id="page"><div class="site-branding"><h1 class="site-title"><a href="/">My Blog</a></h1><p>Thoughts on boats</p></div>
<div id="content"><div class="post"><header class="entry-header"><h1 class="entry-title">An interview with Bo Lind</h1></header>
<div class="entry-content">
<p><strong>How did you start building boats?</strong></p><p>My father had a shed by the lake and a lot of patience.</p>
<p><strong>What was the first boat?</strong></p><p>A tiny rowing boat that leaked, of course, but it floated all afternoon.</p>
</div></div></div>
<div id="secondary" class="widget-area"><section class="widget"><h2>About me</h2><p>I write about boats.</p></section></div>
<div class="site-info">Proudly powered by a blog engine</div></div></body></html>"""
    result = segment(page, "blog.html", 1)
    assert (result.title, result.title_line) == ("An interview with Bo Lind", 3)
    assert [(s.kind, s.hint) for s in result.segments] == [
        ("heading", None), ("speech", "question"), ("speech", None), ("speech", "question"), ("speech", None)]
    assert not any("My Blog" in s.text or "About me" in s.text or "Proudly" in s.text for s in result.segments)
