"""The EPUB: validated by the real EPUBCheck, and its package, nav and content parsed."""

from __future__ import annotations

import re
import zipfile

from helpers import NS, epubcheck, read_epub, spine_documents, words
from lxml import etree


def test_epubcheck_reports_nothing(sample):
    report = epubcheck(sample["files"]["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]


def test_zip_layout(sample):
    archive = zipfile.ZipFile(sample["files"]["epub"])
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    # the cover last (it may still be being drawn while the rest is compressed), stored: a PNG is compressed
    last = archive.infolist()[-1]
    assert last.filename == "EPUB/images/cover.png" and last.compress_type == zipfile.ZIP_STORED
    assert archive.read(last.filename).startswith(b"\x89PNG\r\n\x1a\n")
    assert {i.compress_type for i in archive.infolist()[1:-1]} == {zipfile.ZIP_DEFLATED}


def test_repack_takes_the_last_files_content_last():
    import io

    from interview_publish.renderers.epub import repack

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as stored:
        for name in ("mimetype", "META-INF/container.xml", "EPUB/images/cover.png", "EPUB/content.opf",
                     "EPUB/text/a.xhtml"):
            stored.writestr(name, b"<package xmlns='http://www.idpf.org/2007/opf'/>" if name.endswith(".opf")
                            else b"")
    asked = []
    packed = zipfile.ZipFile(io.BytesIO(repack(raw.getvalue(), "en", (2011, 3, 22, 0, 0, 0),
                                                  {"EPUB/images/cover.png": lambda: asked.append(1) or b"PNG"})))
    assert packed.namelist() == ["mimetype", "META-INF/container.xml", "EPUB/content.opf", "EPUB/text/a.xhtml",
                                 "EPUB/images/cover.png"]
    assert packed.read("EPUB/images/cover.png") == b"PNG" and asked == [1]


def test_package_metadata(sample):
    _, opf, _ = read_epub(sample["files"]["epub"])
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    meta = opf.find("opf:metadata", NS)
    assert meta.findtext("dc:title", namespaces=NS) == "Russia and US have mutual desire to develop cooperation"
    assert meta.findtext("dc:language", namespaces=NS) == "en"
    identifier = meta.find("dc:identifier", NS)
    assert identifier.get("id") == opf.get("unique-identifier")
    assert identifier.text == "urn:uuid:1b0c8f7e-2d55-5a34-9a4e-6c2f0e8d7a31"  # from content/publication.toml
    assert meta.findtext("opf:meta[@property='dcterms:modified']", namespaces=NS) == "2011-03-22T00:00:00Z"
    creator = meta.find("dc:creator", NS)
    assert creator.text == "Evgeny Buzhinskiy"
    role = meta.find(f"opf:meta[@refines='#{creator.get('id')}'][@property='role']", NS)
    assert (role.text, role.get("scheme")) == ("ive", "marc:relators")
    assert meta.findtext("dc:publisher", namespaces=NS) == "interview-publish sample editions"


def test_nav_has_toc_and_landmarks_and_ncx_exists(sample):
    archive, opf, base = read_epub(sample["files"]["epub"])
    nav_href = opf.find(".//opf:manifest/opf:item[@properties='nav']", NS).get("href")
    nav = etree.fromstring(archive.read(str(base / nav_href)))
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    assert [a.text for a in toc.iterfind(".//x:a", NS)] == ["Russia and US have mutual desire to develop cooperation"]
    landmarks = nav.find(".//x:nav[@epub:type='landmarks']", NS)
    types = [a.get("{http://www.idpf.org/2007/ops}type") for a in landmarks.iterfind(".//x:a", NS)]
    assert {"toc", "bodymatter", "titlepage"} <= set(types)
    ncx_item = opf.find(".//opf:manifest/opf:item[@media-type='application/x-dtbncx+xml']", NS)
    ncx = etree.fromstring(archive.read(str(base / ncx_item.get("href"))))
    assert ncx.findtext(".//ncx:navLabel/ncx:text", namespaces=NS).startswith("Russia and US")


def test_turns_in_order_with_visible_speaker_labels(sample, sample_dump):
    docs = spine_documents(sample["files"]["epub"])
    assert all(doc.get("{http://www.w3.org/XML/1998/namespace}lang") == "en" for doc in docs)
    turns = [el for doc in docs for el in doc.iterfind(".//x:div", NS) if "turn" in el.get("class", "").split()]
    model_turns = sample_dump["model"]["interviews"][0]["turns"]
    assert [t.get("id") for t in turns] == [t["id"] for t in model_turns]
    for element, turn in zip(turns, model_turns):
        label = element.find(".//x:b[@class='speaker']", NS).text
        assert label == ("Interviewer:" if turn["role"] == "interviewer" else "Buzhinskiy:")
        assert words("".join(element.itertext())) == words(label + " ".join(turn["paragraphs"]))


def test_cover_then_title_page_naming_the_interviewee(sample):
    cover, title_page = spine_documents(sample["files"]["epub"])[:2]
    assert cover.find(".//x:section[@epub:type='cover']", NS) is not None
    assert title_page.find(".//x:section[@epub:type='titlepage']", NS) is not None
    assert "Evgeny Buzhinskiy" in "".join(title_page.itertext())


def test_no_print_css_in_epub(sample):
    archive, opf, base = read_epub(sample["files"]["epub"])
    css = [re.sub(r"/\*.*?\*/", "", archive.read(str(base / i.get("href"))).decode(), flags=re.S)
           for i in opf.iterfind(".//opf:item", NS) if i.get("media-type") == "text/css"]
    assert css and not any("@page" in c or "string-set" in c or "@top-" in c for c in css)
