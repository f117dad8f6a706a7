"""KEPUB: the EPUB with Kobo's sentence spans, checked by EPUBCheck, by its structure and by Calibre."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import pytest
from helpers import FIXTURES, NS, REPO, epubcheck, make_collection, read_epub, run_cli, seed_paragraphs, words
from lxml import etree

KOBO_ID = re.compile(r"kobo\.(\d+)\.(\d+)")


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """A collection with front matter, an index and a part, built to every format and KEPUB."""
    root = tmp_path_factory.mktemp("kepub")
    (root / "sources").mkdir()
    foreword = root / "sources" / "foreword.md"
    foreword.write_text("# Foreword\n\nTwo conversations. One book! Is it? Yes… it is.\n", encoding="utf-8")
    return make_collection(root, {
        "a.txt": REPO / "content" / "000_fb07e9f3176c4b84.txt", "b.md": FIXTURES / "question_headings.md",
        "foreword.md": foreword,
    }, 'title = "Two conversations"\nlanguage = "en"\nfront = ["foreword.md"]\n'
       '[index]\nterms = ["NATO", "Russia"]\n', "--format", "epub,pdf,html,kepub")


def content_names(path) -> list[str]:
    """Spine documents other than the nav, as zip names."""
    _, opf, base = read_epub(path)
    items = {i.get("id"): i for i in opf.iterfind(".//opf:manifest/opf:item", NS)}
    names = []
    for ref in opf.iterfind(".//opf:spine/opf:itemref", NS):
        item = items[ref.get("idref")]
        if "nav" not in (item.get("properties") or ""):
            names.append(str(base / item.get("href")))
    return names


def body_text(data: bytes) -> str:
    body = etree.fromstring(data).find("x:body", NS)
    return "".join(body.itertext())


def test_kepub_passes_epubcheck(books):
    assert books["kepub"].name.endswith(".kepub.epub")
    report = epubcheck(books["kepub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]


def test_kepub_keeps_every_character_and_only_adds_spans(books):
    epub, kepub = zipfile.ZipFile(books["epub"]), zipfile.ZipFile(books["kepub"])
    assert epub.namelist() == kepub.namelist()  # same entries, same order: mimetype first
    assert kepub.infolist()[0].filename == "mimetype" and kepub.infolist()[0].compress_type == zipfile.ZIP_STORED
    documents = content_names(books["epub"])
    assert len(documents) >= 6  # cover, title page, colophon, foreword, two interviews, index...
    for name in kepub.namelist():
        if name in documents:
            assert body_text(kepub.read(name)) == body_text(epub.read(name)), name
        else:  # the package document, the nav, the NCX, styles and images are the EPUB's own
            assert kepub.read(name) == epub.read(name), name


def test_every_text_is_in_a_numbered_kobo_span(books):
    archive = zipfile.ZipFile(books["kepub"])
    for name in content_names(books["kepub"]):
        root = etree.fromstring(archive.read(name))
        body = root.find("x:body", NS)
        assert [child.get("id") for child in body] == ["book-columns"], name
        assert [child.get("id") for child in body[0]] == ["book-inner"], name
        assert "div#book-inner" in root.find("x:head/x:style[@class='kobostylehacks']", NS).text
        spans = body.iterfind(".//x:span[@class='koboSpan']", NS)
        numbers = [tuple(map(int, KOBO_ID.fullmatch(span.get("id")).groups())) for span in spans]
        assert numbers, name
        assert len(set(numbers)) == len(numbers), name
        assert numbers[0] == (1, 1) and numbers == sorted(numbers), name
        for (p1, s1), (p2, s2) in zip(numbers, numbers[1:]):  # a new block restarts S at 1
            assert (p2, s2) in ((p1, s1 + 1), (p1 + 1, 1)), (name, (p1, s1), (p2, s2))
        for element in body.iter():
            for holder, text in ((element, element.text), (element.getparent(), element.tail)):
                if text and text.strip() and element is not body:
                    inside = [holder, *holder.iterancestors()]
                    assert any(a.get("class") == "koboSpan" for a in inside), (name, text)
        images = body.iterfind(".//x:img", NS)
        for image in images:
            assert image.getparent().get("class") == "koboSpan", name


def test_sentences_are_split(books):
    archive = zipfile.ZipFile(books["kepub"])
    foreword = next(archive.read(n) for n in content_names(books["kepub"]) if b"Two conversations." in archive.read(n))
    spans = [s.text for s in etree.fromstring(foreword).iterfind(".//x:p//x:span[@class='koboSpan']", NS)]
    assert spans[-4:] == ["Two conversations.", "One book!", "Is it?", "Yes… it is."]


def test_kepub_is_in_the_kit(books):
    dist = books["kepub"].parent
    assert books["kepub"].name in (dist / "SHA256SUMS").read_text()
    landing = (dist / "index.html").read_text(encoding="utf-8")
    assert f'href="{books["kepub"].name}"' in landing and "KEPUB" in landing


def test_format_list_names_kepub(tmp_path):
    result = run_cli("build", str(tmp_path), "--format", "mobi")
    assert result.returncode == 2 and "epub, pdf, html, kepub" in result.stderr


def test_calibre_reads_the_kepub(books, tmp_path):
    """A second, independent reading system opens the KEPUB and keeps the text of every paragraph."""
    if shutil.which("ebook-convert") is None:
        assert not os.environ.get("CI"), "Calibre must run in CI (scripts/setup --test installs it)"
        pytest.skip("Calibre is not installed here")
    text_file = tmp_path / "book.txt"
    subprocess.run(["ebook-convert", str(books["kepub"]), str(text_file)], check=True, capture_output=True,
                   timeout=300)
    text = words(text_file.read_text(encoding="utf-8"))
    paragraphs = seed_paragraphs()[2:-1]
    assert len(paragraphs) == 12
    for paragraph in paragraphs:
        assert words(paragraph) in text, paragraph[:60]  # no corrections in this collection
