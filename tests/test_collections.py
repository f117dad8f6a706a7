"""Collections (first part of issue 8): series metadata and each interview's own metadata in every format."""

from __future__ import annotations

import shutil

from helpers import NS, REPO, epubcheck, outputs, pdf_body_text, read_epub, run_cli, spine_documents

FIXTURES = REPO / "tests" / "fixtures" / "readers"
SOURCE = "https://example.org/2021/05/cork"


def test_series_and_per_interview_metadata(tmp_path):
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    talk = (FIXTURES / "front_matter.md").read_text(encoding="utf-8").replace(
        'place: "Lisbon"', f'place: "Lisbon"\nsource: "{SOURCE}"', 1)
    (project / "content" / "a.md").write_text(talk, encoding="utf-8")
    shutil.copy(FIXTURES / "qa_colon.txt", project / "content" / "b.txt")
    (project / "content" / "publication.toml").write_text(
        'title = "Two"\nlanguage = "en"\n[series]\nname = "Makers"\nposition = 3\n', encoding="utf-8")
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    files = outputs(project)
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    _, opf, _ = read_epub(files["epub"])
    series = opf.find(".//opf:meta[@property='belongs-to-collection']", NS)
    assert series.text == "Makers"
    refines = {m.get("property"): m.text for m in opf.iterfind(f".//opf:meta[@refines='#{series.get('id')}']", NS)}
    assert refines == {"collection-type": "series", "group-position": "3"}
    chapter = "".join("".join(d.itertext()) for d in spine_documents(files["epub"]))
    html = files["html"].read_text(encoding="utf-8")
    pdf = " ".join(pdf_body_text(files["pdf"], heads=()).split())
    for text in (chapter, html, pdf):
        assert "Lisbon, 2021-05-04" in text and SOURCE in text and "Makers, 3" in text


def test_front_matter_source_must_be_a_web_address(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "t.md").write_text("---\nsource: not a url\n---\n# T\n\nQ: One?\n\nA: Yes.\n", encoding="utf-8")
    result = run_cli("build", str(folder))
    assert result.returncode == 1 and "t.md:2: error[front-matter]: source" in result.stderr


def build_collection(root):
    """Three interviews of different shapes, a foreword, acknowledgements and About the interviewees."""
    content = root / "content"
    content.mkdir(parents=True)
    shutil.copy(REPO / "content" / "000_fb07e9f3176c4b84.txt", content / "a.txt")
    shutil.copy(FIXTURES / "front_matter.md", content / "b.md")
    shutil.copy(FIXTURES / "captions.vtt", content / "c.vtt")
    (content / "foreword.md").write_text("# Foreword\n\nThree \"conversations\" -- one book.\n", encoding="utf-8")
    (content / "acknowledgements.md").write_text("# Acknowledgements\n\nThanks to all.\n", encoding="utf-8")
    (content / "publication.toml").write_text(
        'title = "Three conversations"\nlanguage = "en"\nfront = ["foreword.md"]\nback = ["acknowledgements.md"]\n'
        "about_interviewees = true\n", encoding="utf-8")
    result = run_cli("build", str(root))
    assert result.returncode == 0, result.stderr
    return outputs(root)


def test_front_and_back_matter_in_every_format(tmp_path):
    from pypdf import PdfReader

    files = build_collection(tmp_path / "p")
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    docs = spine_documents(files["epub"])
    kinds = [s.get("{http://www.idpf.org/2007/ops}type") for d in docs for s in d.iterfind(".//x:body/x:section", NS)]
    assert kinds == ["cover", "titlepage", "copyright-page", "foreword", "chapter", "chapter", "chapter",
                     "acknowledgments", "appendix"]
    assert "Three “conversations” — one book." in "".join("".join(d.itertext()) for d in docs)
    reader = PdfReader(str(files["pdf"]))
    marks = {m.title: reader.get_destination_page_number(m) + 1 for m in reader.outline if not isinstance(m, list)}
    contents = [l.strip() for l in reader.pages[2].extract_text().splitlines() if l.strip()]
    listed = {line.rpartition(" ")[0].rstrip(". ").strip(): int(line.rpartition(" ")[2]) for line in contents[1:]}
    assert listed == marks and list(listed)[0] == "Foreword" and list(listed)[-1] == "About the interviewees"
    about = reader.pages[marks["About the interviewees"] - 1].extract_text()
    assert "Evgeny Buzhinskiy" in about and "Ana Silva, architect" in about and "Omar Haddad" in about
    html = files["html"].read_text(encoding="utf-8")
    assert html.index('id="front-1"') < html.index('id="interview-1"') < html.index('id="back-1"')
