"""The PDF, parsed with pypdf: pages, text, metadata, fonts, bookmarks, running heads."""

from __future__ import annotations

from helpers import pdf_body_text, words
from pypdf import PdfReader

TITLE = "Russia and US have mutual desire to develop cooperation"
A5_POINTS = (148 / 25.4 * 72, 210 / 25.4 * 72)


def test_paginated_on_a5(sample):
    reader = PdfReader(str(sample["files"]["pdf"]))
    assert len(reader.pages) > 1
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) - A5_POINTS[0]) < 0.5 and abs(float(box.height) - A5_POINTS[1]) < 0.5


def test_every_turn_extractable_in_order(sample, sample_dump):
    text = words(pdf_body_text(sample["files"]["pdf"], heads=(TITLE,)))
    position = 0
    for turn in sample_dump["model"]["interviews"][0]["turns"]:
        for paragraph in turn["paragraphs"]:
            found = text.find(words(paragraph), position)
            assert found >= 0, f"turn {turn['id']} not found in order: {paragraph[:60]}"
            position = found


def test_metadata(sample):
    reader = PdfReader(str(sample["files"]["pdf"]))
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Evgeny Buzhinskiy"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata["/CreationDate"].startswith("D:20110322")


def test_fonts_embedded(sample):
    reader = PdfReader(str(sample["files"]["pdf"]))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
            descriptor = descriptor["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts


def test_bookmark_points_at_the_interview_opening(sample):
    reader = PdfReader(str(sample["files"]["pdf"]))
    (mark,) = reader.outline
    assert mark.title == TITLE
    opening = reader.get_destination_page_number(mark)
    assert TITLE.split()[0] in reader.pages[opening].extract_text()
    assert opening > 0  # the title page comes first


def test_title_page_colophon_and_opening_are_quiet(sample):
    pages = [[line.strip() for line in p.extract_text().splitlines() if line.strip()]
             for p in PdfReader(str(sample["files"]["pdf"])).pages]
    title_page, colophon, opening = pages[0], pages[1], pages[2]
    assert "Evgeny Buzhinskiy" in " ".join(title_page)
    assert "urn:uuid:1b0c8f7e-2d55-5a34-9a4e-6c2f0e8d7a31" in colophon
    for page in (title_page, colophon, opening):
        assert not any(line.isdigit() for line in page)  # no folio
    assert opening[0].startswith("Russia and US") and TITLE not in opening  # its own title, no running head
    assert TITLE in pages[3] and "4" in pages[3]  # then heads and folios


def test_turn_ids_are_pdf_destinations_on_the_right_pages(sample, sample_dump):
    reader = PdfReader(str(sample["files"]["pdf"]))
    destinations = reader.named_destinations
    for turn in sample_dump["model"]["interviews"][0]["turns"]:
        assert turn["id"] in destinations, turn["id"]  # so NAME.pdf#t5 opens at turn t5, as in EPUB and HTML
        page = reader.get_destination_page_number(destinations[turn["id"]])
        first_words = words(" ".join(turn["paragraphs"][0].split()[:3]))
        assert first_words in words(reader.pages[page].extract_text()), turn["id"]
