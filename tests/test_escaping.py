"""Transcript text is untrusted: markup and template syntax come out as text in every format."""

from __future__ import annotations

import json

import html5lib
import pytest
from helpers import NS, epubcheck, make_project, outputs, pdf_body_text, run_cli, spine_documents

HOSTILE = """Tom & Jerry <b>talk</b>

Interview with Jane Doe, editor of "R&D <Weekly>".

What about <script>alert("owned")</script> & {{ 7*7 }} {% if true %}x{% endif %}?

Fine & dandy ]]> <!-- not a comment --> <img src=x onerror=alert(1)>
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile"), HOSTILE, config=None)
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    return outputs(project)


def test_epub_keeps_markup_as_text(hostile):
    report = epubcheck(hostile["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    docs = spine_documents(hostile["epub"])
    text = " ".join("".join(doc.itertext()) for doc in docs)
    assert '<script>alert(“owned”)</script> & {{ 7*7 }} {% if true %}x{% endif %}?' in text
    assert "]]> <!-- not a comment --> <img src=x onerror=alert(1)>" in text
    assert "Tom & Jerry <b>talk</b>" in text
    for doc in docs:
        assert doc.find(".//x:script", NS) is None
        # the only image is the cover, with its own src
        assert [img.get("src") for img in doc.iterfind(".//x:img", NS)] in ([], ["../images/cover.png"])
    labels = [b.text for doc in docs for b in doc.iterfind(".//x:b[@class='speaker']", NS)]
    assert labels == ["Interviewer:", "Doe:"]


def test_html_keeps_markup_as_text(hostile):
    doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(hostile["html"].read_bytes())
    assert [s.get("type") for s in doc.iter("script")] == ["application/ld+json"] and not list(doc.iter("img"))
    ld = doc.find("head/script").text
    assert "</" not in ld and json.loads(ld)["headline"] == "Tom & Jerry <b>talk</b>"  # cannot close the script
    text = "".join(doc.find("body").itertext())
    assert '<script>alert(“owned”)</script> & {{ 7*7 }}' in text  # quotes curled, markup kept as text
    assert "<!-- not a comment -->" in text
    assert doc.find("head/title").text == "Tom & Jerry <b>talk</b>"


def test_pdf_keeps_markup_as_text(hostile):
    text = " ".join(pdf_body_text(hostile["pdf"], heads=()).split())
    assert '<script>alert(“owned”)</script> & {{ 7*7 }}' in text
    assert "49" not in text
    assert "<img src=x onerror=alert(1)>" in text
