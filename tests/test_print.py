"""The print edition as a printer and a designer see it: page geometry, bleed and crop marks, fonts,
PDF standards, running heads and folios, contents, links, and pages that render outside WeasyPrint."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from helpers import FIXTURES, REPO, SEED, make_collection, make_project, outputs, run_cli
from PIL import Image
from pypdf import PdfReader

MM = 72 / 25.4
COLLECTION_CONFIG = """title = "Three conversations"
language = "en"
date = 2024-02-01

[print]
bleed = "3mm"
marks = true
"""


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    """Three interviews (English, Russian, English) with bleed and crop marks, built once."""
    return make_collection(tmp_path_factory.mktemp("collection"), {
        "a-sample.txt": SEED, "b-russian.txt": FIXTURES / "russian_utf8.txt", "c-state.txt": FIXTURES / "state_dept.txt",
    }, COLLECTION_CONFIG, "-f", "pdf")


def page_lines(reader: PdfReader, number: int) -> list[str]:
    return [line.strip() for line in reader.pages[number - 1].extract_text().splitlines() if line.strip()]


@pytest.mark.parametrize("trim, size_pt", [
    ("A5", (148 * MM, 210 * MM)),
    ("A4", (210 * MM, 297 * MM)),
    ("Letter", (612, 792)),
    ("US-Trade", (432, 648)),
    ("5.5in x 8.5in", (396, 612)),
    ("120mm 190mm", (120 * MM, 190 * MM)),
])
def test_trim_sizes(tmp_path, trim, size_pt):
    project = make_project(tmp_path)
    result = run_cli("build", str(project), "-f", "pdf", "--trim", trim)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(outputs(project)["pdf"]))
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - size_pt[0]) < 0.5
        assert abs(float(page.mediabox.height) - size_pt[1]) < 0.5
    assert "warning[weasyprint]" not in result.stderr


def test_bleed_enlarges_the_media_box_and_crop_marks_appear(collection, tmp_path):
    reader = PdfReader(str(collection["pdf"]))
    page = reader.pages[0]
    trim, media = page.trimbox, page.mediabox
    assert abs(float(trim.width) - 148 * MM) < 0.5
    assert abs((float(media.width) - float(trim.width)) - 6 * MM) < 0.5  # 3 mm on each side
    assert abs((float(media.height) - float(trim.height)) - 6 * MM) < 0.5
    # Crop marks are drawn in the bleed area: the corners of a rendered page are not empty.
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", str(collection["pdf"]),
                    str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    bleed_px = round(3 / 25.4 * 100)
    corner = image.crop((0, 0, bleed_px, bleed_px))
    assert corner.getextrema()[0] < 128, "no crop mark in the top-left bleed corner"


def test_no_bleed_no_marks_by_default(tmp_path):
    project = make_project(tmp_path)
    assert run_cli("build", str(project), "-f", "pdf").returncode == 0
    page = PdfReader(str(outputs(project)["pdf"])).pages[0]
    assert [float(v) for v in page.mediabox] == [float(v) for v in page.trimbox]


def embedded_fonts(path) -> dict[str, bool]:
    fonts = {}
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def test_every_font_is_the_themes_face_and_embedded(sample, collection):
    for path in (sample["files"]["pdf"], collection["pdf"]):  # the collection includes a Russian interview
        fonts = embedded_fonts(path)
        assert fonts and all(fonts.values()), fonts
        assert all(name.split("+", 1)[1].startswith("Charis-SIL") for name in fonts), fonts


def test_russian_text_has_no_missing_glyphs(collection):
    text = " ".join(PdfReader(str(collection["pdf"])).pages[i].extract_text() for i in range(4, 12))
    assert "Интервью с Нино Гелашвили" in text
    assert "\ufffd" not in text and "□" not in text


def test_pdf_ua_by_default(sample):
    reader = PdfReader(str(sample["files"]["pdf"]))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf object)
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    assert root["/Lang"] == "en" and reader.metadata.title and reader.metadata.author
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712


@pytest.mark.parametrize("variant, marker", [
    ("pdf/a-2b", 'pdfaid:part="2"'),
    ("pdf/x-4", "GTS_PDFX"),
    ("none", None),
])
def test_other_pdf_variants(tmp_path, variant, marker):
    project = make_project(tmp_path)
    shutil.copy(REPO / "tests" / "fixtures" / "icc" / "fogra39-test.icc", project / "content" / "printer.icc")
    config = project / "content" / "publication.toml"
    config.write_text(config.read_text() + 'output_profile = "printer.icc"\n')
    result = run_cli("build", str(project), "-f", "pdf", "--pdf-variant", variant)
    assert result.returncode == 0 and "warning[weasyprint]" not in result.stderr, result.stderr
    reader = PdfReader(str(outputs(project)["pdf"]))
    root = reader.trailer["/Root"]
    if variant == "pdf/a-2b":
        assert marker in root["/Metadata"].get_object().get_data().decode()
        assert 'pdfaid:conformance="B"' in root["/Metadata"].get_object().get_data().decode()
        assert "/OutputIntents" in root
    elif variant == "pdf/x-4":
        intent = root["/OutputIntents"][0].get_object()
        assert intent["/S"] == "/GTS_PDFX" and "/DestOutputProfile" in intent
        assert "/TrimBox" in reader.pages[0]
    else:
        assert "/StructTreeRoot" not in root


def test_running_heads_folios_and_quiet_pages(collection):
    reader = PdfReader(str(collection["pdf"]))
    pages = len(reader.pages)
    openings = sorted(reader.get_destination_page_number(mark) + 1 for mark in reader.outline
                      if not isinstance(mark, list))
    assert len(openings) == 3 and all(n % 2 == 1 for n in openings), openings  # every opening on a recto
    titles = {n: reader.outline[i].title for i, n in enumerate(openings)}
    for number in range(1, pages + 1):
        lines = page_lines(reader, number)
        if number <= 4 or number in openings or not lines:
            # title page, colophon, contents and its blank verso, openings, blank pages: no folio ...
            assert str(number) not in lines, (number, lines)
            if number in openings:  # ... and no running head, only the opening's own title
                assert titles[number].startswith(lines[0]) and "Three conversations" not in lines
                assert lines[-1] != titles[number], (number, lines)
            continue
        assert str(number) in lines, f"page {number} lacks its folio"
        current = titles[max(n for n in openings if n <= number)]
        if number % 2 == 0:
            assert "Three conversations" in lines and current not in lines, (number, lines)  # verso
        else:
            assert current in lines and "Three conversations" not in lines, (number, lines)  # recto


def test_colophon_page(collection):
    reader = PdfReader(str(collection["pdf"]))
    colophon = " ".join(page_lines(reader, 2))
    assert "urn:uuid:" in colophon and "2024-02-01" in colophon and "interview-publish" in colophon
    assert "Charis SIL" in colophon


def test_contents_page_numbers_and_links(collection):
    reader = PdfReader(str(collection["pdf"]))
    contents = page_lines(reader, 3)
    assert contents[0] == "Contents"
    openings = {mark.title: reader.get_destination_page_number(mark) + 1 for mark in reader.outline
                if not isinstance(mark, list)}
    listed = {}
    for line in contents[1:]:
        title, _, number = line.rpartition(" ")
        listed[title.rstrip(". ").strip()] = int(number)
    assert listed == openings
    links = [a.get_object() for a in reader.pages[2].get("/Annots", [])]
    targets = {reader.get_destination_page_number(reader.named_destinations[a["/Dest"]]) + 1
               if isinstance(a["/Dest"], str) else reader.get_page_number(a["/Dest"][0].get_object()) + 1
               for a in links if "/Dest" in a}
    assert targets == set(openings.values())


def test_bookmarks_for_interviews_and_sections(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    shutil.copy(FIXTURES / "question_headings.md", folder / "talk.md")
    assert run_cli("build", str(folder), "-f", "pdf").returncode == 0
    outline = PdfReader(str(outputs(folder)["pdf"])).outline
    assert outline[0].title == "Sixty years behind the reference desk"
    assert [m.title for m in outline[1]] == ["The computer years", "Looking back"]


def test_inner_and_outer_margins_for_binding(tmp_path):
    config = 'title = "T"\nlanguage = "en"\n[print]\ninner = "30mm"\nouter = "12mm"\n'
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=config)
    assert run_cli("build", str(project), "-f", "pdf").returncode == 0
    reader = PdfReader(str(outputs(project)["pdf"]))

    def left_edge(number: int) -> float:
        xs = []
        reader.pages[number - 1].extract_text(
            visitor_text=lambda text, cm, tm, *_: xs.append(cm[4] + tm[4] * cm[0]) if text.strip() else None)
        return min(xs) / MM

    assert abs(left_edge(5) - 30) < 1  # recto: the inner margin is on the left
    assert abs(left_edge(4) - 12) < 1  # verso: the outer margin is on the left


def test_pages_render_to_png_outside_weasyprint(sample, tmp_path):
    pages = len(PdfReader(str(sample["files"]["pdf"])).pages)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(sample["files"]["pdf"]), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p*.png"))
    assert len(images) == pages
    inked = [Image.open(p).convert("L").getextrema()[0] < 100 for p in images]
    assert inked[0] and inked[2]  # the title page and the opening carry text


def test_no_weasyprint_warnings(sample, collection):
    assert "warning[weasyprint]" not in sample["stderr"]
    assert "warning[weasyprint]" not in collection["stderr"]


@pytest.mark.parametrize("line, key", [
    ('variant = "pdf/z-9"', "print.variant"),
    ('bleed = "lots"', "print.bleed"),
    ('inner = "2 fingers"', "print.inner"),
    ('marks = "yes"', "print.marks"),
    ('trim = "B7"', "print.trim"),
])
def test_wrong_print_settings_name_the_key(tmp_path, line, key):
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=f'title = "T"\n[print]\n{line}\n')
    result = run_cli("build", str(project))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"publication.toml:3: error[config]: {key}" in result.stderr, result.stderr
