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
