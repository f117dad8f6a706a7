"""Collections (first part of issue 8): series metadata and each interview's own metadata in every format."""

from __future__ import annotations

import shutil

from helpers import (FIXTURES, NS, REPO, epubcheck, make_collection, outputs, pdf_body_text, read_epub, run_cli,
                     spine_documents)

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


def test_front_matter_source_that_is_no_web_address_is_ignored_with_a_warning(tmp_path):
    # Front matter is the transcript's (often another tool's), not a setting of ours: no refusal.
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "t.md").write_text("---\nsource: not a url\n---\n# T\n\nQ: One?\n\nA: Yes.\n", encoding="utf-8")
    result = run_cli("build", str(folder))
    assert result.returncode == 0 and "t.md:2: warning[front-matter]: source" in result.stderr, result.stderr
    assert "not a url" not in outputs(folder)["html"].read_text(encoding="utf-8")


def build_collection(root):
    """Three interviews of different shapes, a foreword, acknowledgements and About the interviewees."""
    (root / "sources").mkdir(parents=True)
    foreword, thanks = root / "sources" / "foreword.md", root / "sources" / "acknowledgements.md"
    foreword.write_text("# Foreword\n\nThree \"conversations\" -- one book.\n", encoding="utf-8")
    thanks.write_text("# Acknowledgements\n\nThanks to all.\n", encoding="utf-8")
    return make_collection(root, {
        "a.txt": REPO / "content" / "000_fb07e9f3176c4b84.txt", "b.md": FIXTURES / "front_matter.md",
        "c.vtt": FIXTURES / "captions.vtt", "foreword.md": foreword, "acknowledgements.md": thanks,
    }, 'title = "Three conversations"\nlanguage = "en"\nfront = ["foreword.md"]\nback = ["acknowledgements.md"]\n'
       "about_interviewees = true\n")


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
    for title, number in listed.items():  # and the page's own text opens with that title
        opening = title.split()[:2]
        assert reader.pages[number - 1].extract_text().split()[:len(opening)] == opening, (title, number)
    about = reader.pages[marks["About the interviewees"] - 1].extract_text()
    assert "Evgeny Buzhinskiy" in about and "Ana Silva, architect" in about and "Omar Haddad" in about
    html = files["html"].read_text(encoding="utf-8")
    assert html.index('id="front-1"') < html.index('id="interview-1"') < html.index('id="back-1"')


def test_index_of_names_with_real_page_numbers(tmp_path):
    import re

    from pypdf import PdfReader

    project = tmp_path / "p"
    build_collection(project)
    config = project / "content" / "publication.toml"
    config.write_text(config.read_text() + '\n[index]\nterms = ["NATO", "Afghanistan", "Russia", "Medvedev", "cork"]\n')
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    files = outputs(project)
    reader = PdfReader(str(files["pdf"]))
    last = [l.strip() for l in reader.pages[-1].extract_text().splitlines() if l.strip()]
    assert last[0] == "Index"
    entries = {}
    for line in last[1:]:
        match = re.match(r"^\W*([^\d]+?) ([\d, ]+)$", line)
        if match:
            entries[match.group(1)] = [int(n) for n in match.group(2).split(", ")]
    assert set(entries) == {"Afghanistan", "cork", "Medvedev", "NATO", "Russia"}, last
    for term, pages in entries.items():
        for number in pages:
            text = reader.pages[number - 1].extract_text().replace("\u2010\n", "")
            assert term in text, (term, number)
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    index_doc = next(d for d in spine_documents(files["epub"]) if d.find(".//x:section[@id='index']", NS) is not None)
    links = [a.get("href") for a in index_doc.iterfind(".//x:a", NS)]
    assert links and all(re.match(r"^interview-\d\.xhtml#interview-\d-t\d+$", href) for href in links)
    html = files["html"].read_text(encoding="utf-8")
    for href in re.findall(r'<a href="#(interview-\d-t\d+)">\d+</a>', html):
        assert f'id="{href}"' in html
    check = run_cli("check", str(project), "--no-validators")
    assert "note[index-candidates]" in check.stderr and "United States" in check.stderr


def test_a_hundred_interviews_build(tmp_path):
    from pypdf import PdfReader

    project = tmp_path / "hundred"
    content = project / "content"
    content.mkdir(parents=True)
    seed = (REPO / "content" / "000_fb07e9f3176c4b84.txt").read_text(encoding="utf-8")
    for number in range(1, 101):
        (content / f"{number:03}.txt").write_text(seed.replace("Russia and US", f"Part {number}: Russia and US", 1),
                                                 encoding="utf-8")
    (content / "publication.toml").write_text('title = "A hundred conversations"\nlanguage = "en"\n')
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    files = outputs(project)
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    reader = PdfReader(str(files["pdf"]))
    assert len(reader.outline) == 100 and len(reader.pages) > 300
    assert files["html"].read_text(encoding="utf-8").count('class="interview"') == 100


def test_parts_nest_the_contents_in_every_format(tmp_path):
    from pypdf import PdfReader

    project = tmp_path / "p"
    build_collection(project)
    config = project / "content" / "publication.toml"
    config.write_text(config.read_text() + '\n[[parts]]\ntitle = "Part one"\ntranscripts = ["a.txt", "c.vtt"]\n'
                      '\n[[parts]]\ntitle = "Part two"\ntranscripts = ["b.md"]\n')
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    files = outputs(project)
    reader = PdfReader(str(files["pdf"]))
    top = [m.title for m in reader.outline if not isinstance(m, list)]
    assert top == ["Foreword", "Part one", "Part two", "Acknowledgements", "About the interviewees"]
    nested = [[m.title for m in group] for group in reader.outline if isinstance(group, list)]
    assert nested == [["Russia and US have mutual desire to develop cooperation", "C"], ["Building with cork"]]
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    archive, _, base = read_epub(files["epub"])
    from lxml import etree

    nav = etree.fromstring(archive.read(str(base / "nav.xhtml")))
    toc = nav.find(".//x:nav[@id='toc']/x:ol", NS)
    assert [li.find("x:a", NS).text for li in toc] == ["Foreword", "Part one", "Part two", "Acknowledgements",
                                                       "About the interviewees"]
    assert [a.text for a in toc[1].iterfind("x:ol/x:li/x:a", NS)] == [
        "Russia and US have mutual desire to develop cooperation", "C"]  # a caption file titled by its name
    html = files["html"].read_text(encoding="utf-8")
    assert html.index('id="part-1"') < html.index('id="interview-1"') < html.index('id="part-2"') \
        < html.index('id="interview-3"')
