"""The HTML page, parsed with a spec-conforming HTML5 parser."""

from __future__ import annotations

import html5lib
from helpers import words

XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(path):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)  # strict: parse errors raise
    return parser.parse(path.read_bytes())


def test_valid_parse_lang_and_self_contained(sample):
    doc = parse(sample["files"]["html"])
    assert doc.get("lang") == "en"
    head = doc.find(f"{XHTML}head")
    assert head.find(f"{XHTML}style").text.strip()  # CSS inlined
    assert not [link for link in doc.iter(f"{XHTML}link")]  # no external stylesheet
    assert [s.get("type") for s in doc.iter(f"{XHTML}script")] == ["application/ld+json"]  # data, not code
    assert head.find(f"{XHTML}meta[@name='viewport']") is not None
    assert [h.text for h in doc.iter(f"{XHTML}h1")] == ["Russia and US have mutual desire to develop cooperation"]


def test_every_turn_in_order(sample, sample_dump):
    doc = parse(sample["files"]["html"])
    turns = [div for div in doc.iter(f"{XHTML}div") if "turn" in div.get("class", "").split()]
    model = sample_dump["model"]["interviews"][0]["turns"]
    assert [div.get("id") for div in turns] == [t["id"] for t in model]
    for div, turn in zip(turns, model):
        spoken = [p for p in div.iter(f"{XHTML}p") if p.get("class") != "cite"]
        assert words("".join(t for p in spoken for t in p.itertext())).endswith(words(" ".join(turn["paragraphs"])))
        kind = "question" if turn["role"] == "interviewer" else "answer"
        assert kind in div.get("class").split()


def test_screen_css_only(sample):
    css = parse(sample["files"]["html"]).find(f"{XHTML}head/{XHTML}style").text
    assert "max-width" in css and "@page" not in css and "string-set" not in css
