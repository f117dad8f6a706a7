"""EPUB for stores and screen readers: accessibility metadata, semantics, the print page list, the cover,
packaging, `interview-publish check` (EPUBCheck + Ace), and a second reading system (Calibre)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from helpers import FIXTURES, NS, SEED, make_collection, make_project, outputs, read_epub, run_cli, words
from lxml import etree
from PIL import Image
from pypdf import PdfReader

EPUB_NS = "{http://www.idpf.org/2007/ops}type"


def metas(opf, prop: str) -> list[str]:
    return [m.text for m in opf.iterfind(f".//opf:metadata/opf:meta[@property='{prop}']", NS)]


def document(path: Path, name: str):
    archive, _, base = read_epub(path)
    return etree.fromstring(archive.read(str(base / name)))


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    """Three interviews built to all formats (the PDF gives the page list)."""
    return make_collection(tmp_path_factory.mktemp("a11y-collection"), {
        "a.txt": SEED, "b.md": FIXTURES / "question_headings.md", "c.txt": FIXTURES / "russian_utf8.txt",
    }, 'title = "Conversations"\nlanguage = "en"\n')


def test_accessibility_metadata(sample):
    _, opf, _ = read_epub(sample["files"]["epub"])
    assert set(metas(opf, "schema:accessMode")) == {"textual", "visual"}
    assert metas(opf, "schema:accessModeSufficient") == ["textual"]
    features = metas(opf, "schema:accessibilityFeature")
    assert {"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText",
            "printPageNumbers"} <= set(features)
    assert len(features) == len(set(features))  # one meta per value
    assert metas(opf, "schema:accessibilityHazard") == ["none"]
    assert metas(opf, "dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    (summary,) = metas(opf, "schema:accessibilitySummary")
    assert "12 turns" in summary and "page list" in summary.lower()
    (source,) = metas(opf, "pageBreakSource")
    assert source.startswith("urn:uuid:") and source != opf.findtext(".//dc:identifier", namespaces=NS)


def test_epub_without_pdf_has_no_page_list_and_says_so(tmp_path):
    project = make_project(tmp_path)
    assert run_cli("build", str(project), "-f", "epub").returncode == 0
    epub = outputs(project)["epub"]
    _, opf, _ = read_epub(epub)
    (summary,) = metas(opf, "schema:accessibilitySummary")
    assert "no print page numbers" in summary
    assert "printPageNumbers" not in metas(opf, "schema:accessibilityFeature") and not metas(opf, "pageBreakSource")
    nav = document(epub, "nav.xhtml")
    assert [n.get(EPUB_NS) for n in nav.iterfind(".//x:nav", NS)] == ["toc", "landmarks"]
    assert not [n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_NS) == "page-list"]
    assert b"pagebreak" not in zipfile.ZipFile(epub).read("EPUB/text/interview-1.xhtml")


def test_semantic_inflection_and_landmarks(sample):
    epub = sample["files"]["epub"]
    chapter = document(epub, "text/interview-1.xhtml")
    section = chapter.find(".//x:section[@class='interview']", NS)
    assert (section.get(EPUB_NS), section.get("role")) == ("chapter", "doc-chapter")
    qna = section.find("x:div[@class='qna']", NS)
    assert (qna.get(EPUB_NS), qna.get("role")) == ("qna", "doc-qna")
    assert document(epub, "text/copyright.xhtml").find(".//x:section", NS).get(EPUB_NS) == "copyright-page"
    assert document(epub, "text/titlepage.xhtml").find(".//x:section", NS).get(EPUB_NS) == "titlepage"
    landmarks = next(n for n in document(epub, "nav.xhtml").iterfind(".//x:nav", NS)
                     if n.get(EPUB_NS) == "landmarks")
    kinds = {a.get(EPUB_NS) for a in landmarks.iterfind(".//x:a", NS)}
    assert {"toc", "bodymatter", "titlepage", "copyright-page", "cover"} <= kinds


def page_list(epub: Path) -> list[tuple[str, str]]:
    nav = document(epub, "nav.xhtml")
    (pages,) = [n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_NS) == "page-list"]
    return [(a.text, a.get("href")) for a in pages.iterfind(".//x:a", NS)]


def text_after(root, marker_id: str, count: int = 6) -> str:
    """The first words after a marker element, in document order."""
    marker = root.find(f".//*[@id='{marker_id}']")
    collected, started = [], False
    for node in root.iter():
        if node is marker:
            started = True
            if node.tail:
                collected.append(node.tail)
            continue
        if started:
            collected.append(node.text or "")
            collected.append(node.tail or "")
        if started and len(" ".join(collected).split()) >= count:
            break
    return " ".join(" ".join(collected).split()[:count])


@pytest.mark.parametrize("which", ["sample", "collection"])
def test_page_list_matches_the_pdf(which, sample, collection):
    files = sample["files"] if which == "sample" else collection
    entries = page_list(files["epub"])
    reader = PdfReader(str(files["pdf"]))
    archive, _, base = read_epub(files["epub"])
    quiet = 0
    for number, page in enumerate(reader.pages, start=1):
        lines = [l.strip() for l in page.extract_text().splitlines() if l.strip()]
        if not lines or number <= 2 or lines[0] in ("Contents",):
            quiet += 1
    assert len(entries) == len(reader.pages) - quiet  # all pages less title, colophon, contents, blank pages
    for label, href in entries:
        name, fragment = href.split("#")
        root = etree.fromstring(archive.read(str(base / name)))
        marker = root.find(f".//*[@id='{fragment}']")
        assert marker is not None and marker.get(EPUB_NS) == "pagebreak" and marker.get("title") == label
        after = words(text_after(root, fragment, 5))
        top = words(" ".join(l for l in reader.pages[int(label) - 1].extract_text().splitlines()[:3]))
        assert after[:25] in top, (label, text_after(root, fragment, 5), top[:80])


def test_html_edition_carries_the_same_page_breaks(collection):
    html = collection["html"].read_text(encoding="utf-8")
    labels = re.findall(r'role="doc-pagebreak" id="page-(\d+)" title="\1"', html)
    assert labels == [label for label, _ in page_list(collection["epub"])]
    assert "epub:type" not in html


def test_generated_cover(sample):
    archive, opf, base = read_epub(sample["files"]["epub"])
    item = opf.find(".//opf:manifest/opf:item[@properties='cover-image']", NS)
    image = Image.open(BytesIO(archive.read(str(base / item.get("href")))))
    assert image.size[0] >= 1600 and image.size[1] >= 2560
    img = document(sample["files"]["epub"], "text/cover.xhtml").find(".//x:img", NS)
    assert "Russia and US have mutual desire" in img.get("alt") and "Evgeny Buzhinskiy" in img.get("alt")


def test_project_cover_is_used_and_checked(tmp_path):
    project = make_project(tmp_path)
    Image.new("RGB", (1600, 2560), (10, 80, 120)).save(project / "content" / "cover.jpg", quality=80)
    assert run_cli("build", str(project), "-f", "epub").returncode == 0
    archive, opf, base = read_epub(outputs(project)["epub"])
    item = opf.find(".//opf:manifest/opf:item[@properties='cover-image']", NS)
    assert item.get("media-type") == "image/jpeg"
    assert archive.read(str(base / item.get("href"))) == (project / "content" / "cover.jpg").read_bytes()
    Image.new("RGB", (300, 400)).save(project / "content" / "cover.jpg")
    result = run_cli("build", str(project), "-f", "epub")
    assert result.returncode == 1 and "cover.jpg: error[cover]" in result.stderr and "1600×2560" in result.stderr
    (project / "content" / "cover.jpg").write_bytes(b"not an image")
    result = run_cli("build", str(project), "-f", "epub")
    assert result.returncode == 1 and "not a readable image" in result.stderr and "Traceback" not in result.stderr


def test_packaging_that_lasts(collection):
    archive, opf, base = read_epub(collection["epub"])
    infos = archive.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert len({info.date_time for info in infos}) == 1
    creators = opf.findall(".//dc:creator", NS)
    assert len(creators) >= 2 and len({c.get("id") for c in creators}) == len(creators)
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert opf.find(".//opf:manifest/opf:item[@media-type='application/x-dtbncx+xml']", NS) is not None
    css = re.sub(r"/\*.*?\*/", "", archive.read(str(base / "styles/book.css")).decode(), flags=re.S)
    for risky in ("var(", "@supports", "display: flex", "display: grid", "@page", "clamp("):
        assert risky not in css, risky


def ace_available() -> bool:
    from interview_publish.check import ace_command

    return ace_command() is not None


def test_check_runs_epubcheck_and_ace(sample):
    if not ace_available():
        assert not os.environ.get("CI"), "Ace must run in CI (scripts/setup --test installs it)"
        pytest.skip("Ace by DAISY is not installed here")
    result = run_cli("check", str(sample["project"]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "EPUBCheck: " in result.stdout and "0 errors, 0 warnings" in result.stdout
    assert re.search(r"Ace: \S+\.epub: 0 errors, 0 warnings", result.stdout), result.stdout


def test_check_reports_a_broken_epub(tmp_path):
    project = make_project(tmp_path)
    assert run_cli("build", str(project), "-f", "epub").returncode == 0
    epub = outputs(project)["epub"]
    data = zipfile.ZipFile(epub)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(broken, "w") as out:
        for info in data.infolist():
            content = data.read(info.filename)
            if info.filename.endswith("interview-1.xhtml"):
                content = content.replace(b"</body>", b"<p>unclosed</body>")
            out.writestr(info, content)
    shutil.copy(broken, epub)
    result = run_cli("check", str(project))
    assert result.returncode == 1
    assert "error[epubcheck RSC-005]" in result.stderr or "error[epubcheck" in result.stderr, result.stderr


def test_a_second_reading_system_keeps_the_text(sample, tmp_path):
    if shutil.which("ebook-convert") is None:
        assert not os.environ.get("CI"), "Calibre must run in CI (scripts/setup --test installs it)"
        pytest.skip("Calibre is not installed here")
    azw3 = tmp_path / "book.azw3"
    subprocess.run(["ebook-convert", str(sample["files"]["epub"]), str(azw3)], check=True, capture_output=True)
    text_file = tmp_path / "book.txt"
    subprocess.run(["ebook-convert", str(azw3), str(text_file)], check=True, capture_output=True)
    text = words(text_file.read_text(encoding="utf-8"))
    for paragraph in (SEED.read_text(encoding="utf-8").split("\n\n")[2:-1]):
        assert words(paragraph.replace("Medevedev", "Medvedev")) in text, paragraph[:60]
