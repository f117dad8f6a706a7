"""A long book laid out in chunks (renderers/pdf/, through the hooks into WeasyPrint 70) is the book that
WeasyPrint's public API lays out in one piece (as it would with any other WeasyPrint), and the same file
with any number of processes."""

from __future__ import annotations

import shutil

import pytest

from helpers import FIXTURES, REPO, outputs, run_cli

CONFIG = ('title = "Three conversations"\nlanguage = "en"\nfront = ["foreword.md"]\nback = ["acknowledgements.md"]\n'
          'about_interviewees = true\n[[parts]]\ntitle = "Part one"\ntranscripts = ["a.txt", "c.vtt"]\n'
          '[[parts]]\ntitle = "Part two"\ntranscripts = ["b.md", "d.txt", "e.txt", "f.txt", "g.txt"]\n'
          '[index]\nterms = ["NATO", "Afghanistan", "Russia", "Medvedev", "cork"]\n')


def collection(root):
    content = root / "content"
    content.mkdir(parents=True)
    shutil.copy(REPO / "content" / "000_fb07e9f3176c4b84.txt", content / "a.txt")
    shutil.copy(FIXTURES / "front_matter.md", content / "b.md")
    shutil.copy(FIXTURES / "captions.vtt", content / "c.vtt")
    for name in "defg":  # long enough to be laid out in chunks (chunks.CHUNKED_WORDS)
        shutil.copy(REPO / "content" / "000_fb07e9f3176c4b84.txt", content / f"{name}.txt")
    (content / "foreword.md").write_text("# Foreword\n\nThree \"conversations\" -- one book.\n", encoding="utf-8")
    (content / "acknowledgements.md").write_text("# Acknowledgements\n\nThanks to all.\n", encoding="utf-8")
    (content / "publication.toml").write_text(CONFIG, encoding="utf-8")
    return root


def outline(reader, items):
    found = []
    for item in items:
        if isinstance(item, list):
            found.append(outline(reader, item))
        else:
            found.append((item.title, reader.get_destination_page_number(item)))
    return found


def links(reader):
    """Per page: the destination page of each internal link annotation."""
    named = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
    pages = []
    for page in reader.pages:
        targets = []
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                targets.append(named[str(annotation["/Dest"])])
        pages.append(targets)
    return pages


def structure_keys(reader):
    """Every page's StructParents and every link's StructParent, and the parent tree's keys."""
    keys = []
    for page in reader.pages:
        keys.append(int(page["/StructParents"]))
        keys.extend(int(a.get_object()["/StructParent"]) for a in page.get("/Annots", []) or [])
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    return keys, [int(nums[i]) for i in range(0, len(nums), 2)], int(tree["/ParentTreeNextKey"])


def marked_pages(reader):
    """The pages (by index) that structure elements point to; every element points into this PDF."""
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    marked, stack = set(), [reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()]
    while stack:
        element = stack.pop()
        if "/Pg" in element:
            marked.add(pages[element.raw_get("/Pg").idnum])
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and kid.get("/Type") not in ("/MCR", "/OBJR"):
                stack.append(kid)
    return sorted(marked)


# A build as with any WeasyPrint but the one hooks.py is made for: the book in one piece, stock WeasyPrint.
STOCK = """
import sys
from interview_publish.renderers.pdf import hooks
hooks.SUPPORTED = "not this one"
from interview_publish.build import build
formats = tuple(sys.argv[2].split(","))
build(sys.argv[1], formats, {"variant": sys.argv[3]} if len(sys.argv) > 3 else None)
"""


def stock_build(project, formats="epub,pdf,html", *variant):
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", STOCK, str(project), formats, *variant], capture_output=True,
                            text=True, timeout=300, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    assert not (project / ".interview-publish" / "cache" / "pdf").exists()  # no chunk was laid out
    return result


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("parallel")
    single, parallel = collection(root / "single"), collection(root / "parallel")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    stock_build(single)
    result = run_cli("build", str(parallel), "--jobs", "2", env=env)
    assert result.returncode == 0, result.stderr
    return outputs(single), outputs(parallel), result.stderr


def test_parallel_pdf_has_the_same_pages_text_and_numbers(two_builds):
    from pypdf import PdfReader

    single, parallel, stderr = two_builds
    one, many = PdfReader(str(single["pdf"])), PdfReader(str(parallel["pdf"]))
    assert len(many.pages) == len(one.pages) > 15
    for number, (a, b) in enumerate(zip(one.pages, many.pages), start=1):
        assert b.extract_text() == a.extract_text(), f"page {number} differs"
        assert b.mediabox == a.mediabox and b.trimbox == a.trimbox
    # contents (page 3) and index (last page) print the same numbers, since the text is the same; and
    # they are right: each bookmark's page opens with its title.
    tree = outline(many, many.outline)
    assert tree == outline(one, one.outline)
    assert [t for t in tree if not isinstance(t, list)][-1] == ("Index", len(many.pages) - 1)
    contents = many.pages[2].extract_text()
    for title, index in [t for t in tree if not isinstance(t, list)]:
        assert f"{title}" in contents and str(index + 1) in contents
        assert title.split()[0] in many.pages[index].extract_text().split()[:3]
    assert links(many) == links(one) and sum(map(len, links(many))) > 20
    assert "No anchor" not in stderr


def test_parallel_pdf_keeps_one_valid_structure_tree_and_metadata(two_builds):
    from pypdf import PdfReader

    single, parallel, _ = two_builds
    one, many = PdfReader(str(single["pdf"])), PdfReader(str(parallel["pdf"]))
    keys, tree_keys, next_key = structure_keys(many)
    assert len(set(keys)) == len(keys) and sorted(keys) == sorted(tree_keys) and next_key == max(keys) + 1
    document = many.trailer["/Root"]["/StructTreeRoot"]["/K"]
    assert len(document) == 1 and document[0].get_object()["/S"] == "/Document"
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        assert key in many.trailer["/Root"]
    assert many.metadata == one.metadata
    xmp = many.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert xmp == one.trailer["/Root"]["/Metadata"].get_object().get_data() and b"pdfuaid" in xmp
    assert marked_pages(many) == marked_pages(one)  # each page's content is in the tree, as in one process
    assert many.page_labels == one.page_labels


def test_parallel_pdf_is_about_as_compact_as_a_single_layout(two_builds):
    # Objects go into compressed object streams, as in WeasyPrint's own PDF (without, the book was 2.5 times
    # larger); what remains is a font subset per chunk.
    single, parallel, _ = two_builds
    size, reference = parallel["pdf"].stat().st_size, single["pdf"].stat().st_size
    assert size < 2 * reference, (size, reference)  # 1.5 times here; 3 times without object streams
    assert b"/ObjStm" in parallel["pdf"].read_bytes()


def test_each_chunks_font_subsets_have_a_tag_of_their_own(two_builds):
    # PDF requires different subsets of a font to have different names (a RIP may cache fonts by name);
    # WeasyPrint tags the subsets of every chunk alike, so the merge retags them.
    import pikepdf

    _, parallel, _ = two_builds
    files: dict[str, set] = {}
    with pikepdf.open(parallel["pdf"]) as pdf:
        for page in pdf.pages:
            for font in page.obj.Resources.Font.values():
                descriptor = (font.get("/DescendantFonts") or [font])[0].FontDescriptor
                name = str(font.BaseFont)
                assert name[7] == "+" and name[1:7].isalpha() and name[1:7].isupper()
                assert str(descriptor.FontName).split("+")[0] == name.split("+")[0]  # the same tag on both
                files.setdefault(name, set()).add(descriptor.FontFile2.objgen)
    assert all(len(subsets) == 1 for subsets in files.values()), files
    assert len(files) > 6  # a subset per chunk and face


def test_the_merge_does_not_depend_on_the_order_chunks_come_in(two_builds):
    # The layout processes send their chunks in any order, and each is merged as it comes: the PDF is the
    # one merged in book order, which is the build's own PDF (from the chunks its cache kept).
    import json

    from interview_publish.renderers.pdf.merge import Merger, merge_chunks

    _, parallel, _ = two_builds
    cache = parallel["pdf"].parent.parent / ".interview-publish" / "cache" / "pdf"
    entries = [json.loads(path.read_bytes().rpartition(b"\n")[0]) for path in cache.glob("*.json")]
    chunks = sorted((e["first"], (cache / f"{e['pdf']}.pdf").read_bytes(), tuple(e["levels"]))
                    for e in entries if e["pdf"])
    assert len(chunks) >= 3
    in_order = merge_chunks([data for _, data, _ in chunks], [levels for _, _, levels in chunks])
    assert in_order == parallel["pdf"].read_bytes()
    merger = Merger()
    for position in [2, 0, *range(len(chunks) - 1, 2, -1), 1]:
        merger.add(position, chunks[position][1], chunks[position][2])
    assert merger.finish() == in_order


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_chunked_pdf_is_the_same_file_with_any_number_of_processes(two_builds, tmp_path, jobs):
    _, parallel, _ = two_builds
    again = collection(tmp_path / "again")
    result = run_cli("build", str(again), "--jobs", jobs, "-f", "pdf", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    assert (again / ".interview-publish" / "cache" / "pdf").is_dir()  # laid out in chunks
    assert outputs(again)["pdf"].read_bytes() == parallel["pdf"].read_bytes()


def test_page_list_of_the_ebook_follows_the_parallel_pdf(two_builds):
    single, parallel, _ = two_builds
    assert parallel["html"].read_bytes() == single["html"].read_bytes()
    assert parallel["epub"].read_bytes() == single["epub"].read_bytes()


def test_jobs_must_be_a_positive_number(tmp_path):
    result = run_cli("build", str(tmp_path), "--jobs", "0")
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_after_one_transcript_changes_only_its_chunk_is_laid_out_again(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    project = collection(tmp_path / "p")
    assert run_cli("build", str(project), "--jobs", "2", "-f", "pdf", env=env).returncode == 0
    chunks = project / ".interview-publish" / "cache" / "pdf"
    before = {p.name: p.stat().st_mtime_ns for p in chunks.iterdir()}
    transcript = project / "content" / "b.md"  # the second body chunk: a.txt and its part open the book
    transcript.write_text(transcript.read_text(encoding="utf-8").replace("absorbs sound", "absorbs noise", 1), encoding="utf-8")
    result = run_cli("build", str(project), "--jobs", "2", "-f", "pdf", env=env)
    assert result.returncode == 0, result.stderr
    after = {p.name: p.stat().st_mtime_ns for p in chunks.iterdir()}
    kept = {name for name in before if after.get(name) == before[name]}
    new = set(after) - set(before)
    assert len([n for n in kept if n.endswith(".json")]) == 4  # contents (estimate, final), first chunk, back
    assert len([n for n in new if n.endswith(".json")]) == 1  # the changed chunk only
    fresh = collection(tmp_path / "fresh")
    (fresh / "content" / "b.md").write_text(transcript.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("build", str(fresh), "--jobs", "2", "-f", "pdf", "--no-cache", env=env).returncode == 0
    assert outputs(project)["pdf"].read_bytes() == outputs(fresh)["pdf"].read_bytes()


def test_a_damaged_pdf_chunk_in_the_cache_is_laid_out_again(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    project = collection(tmp_path / "p")
    assert run_cli("build", str(project), "--jobs", "2", "-f", "pdf", env=env).returncode == 0
    good = outputs(project)["pdf"].read_bytes()
    chunks = project / ".interview-publish" / "cache" / "pdf"
    for path in chunks.glob("*.pdf"):
        path.write_bytes(path.read_bytes()[:100])  # truncated
    (project / ".interview-publish" / "cache" / "build.json").unlink()  # so the build looks at the chunks
    result = run_cli("build", str(project), "--jobs", "2", "-f", "pdf", env=env)
    assert result.returncode == 0, result.stderr
    assert "note[cache]: the build cache is damaged (a PDF chunk does not match its hash)" in result.stderr
    assert outputs(project)["pdf"].read_bytes() == good


@pytest.mark.parametrize("variant", ["pdf/a-2b", "none"])
def test_other_variants_merge_the_same_way(tmp_path, variant):
    from pypdf import PdfReader

    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    single, parallel = collection(tmp_path / "single"), collection(tmp_path / "parallel")
    stock_build(single, "pdf", variant)
    result = run_cli("build", str(parallel), "-f", "pdf", "--pdf-variant", variant, "--jobs", "2", env=env)
    assert result.returncode == 0, result.stderr
    one, many = PdfReader(str(outputs(single)["pdf"])), PdfReader(str(outputs(parallel)["pdf"]))
    assert [p.extract_text() for p in many.pages] == [p.extract_text() for p in one.pages]
    assert outline(many, many.outline) == outline(one, one.outline) and links(many) == links(one)
    root_one, root_many = one.trailer["/Root"], many.trailer["/Root"]
    assert ("/StructTreeRoot" in root_many) == ("/StructTreeRoot" in root_one)
    assert ("/OutputIntents" in root_many) == ("/OutputIntents" in root_one) == (variant == "pdf/a-2b")
    if variant == "pdf/a-2b":
        xmp = root_many["/Metadata"].get_object().get_data()
        assert b"pdfaid" in xmp and xmp == root_one["/Metadata"].get_object().get_data()


def test_a_long_book_ends_in_half_chunks_the_same_on_every_machine(tmp_path):
    from interview_publish.project import load_project, read_and_lint
    from interview_publish.renderers.pdf.chunks import plan_chunks
    from interview_publish.theme import Theme

    content = tmp_path / "content"
    content.mkdir()
    for number in range(60):  # 60 times the seed's 870 words: 6 chunks of 10 interviews
        shutil.copy(REPO / "content" / "000_fb07e9f3176c4b84.txt", content / f"{number:02}.txt")
    (content / "publication.toml").write_text('title = "Sixty"\nlanguage = "en"\n', encoding="utf-8")
    project = load_project(tmp_path)
    publication = read_and_lint(project)[0]
    bodies = plan_chunks(publication, Theme.for_project(project.root), project.config.print)
    assert [len(body) for body in bodies] == [10, 10, 10, 10, 5, 5, 5, 5]  # the last two chunks' worth in halves
    assert [i for body in bodies for i in body] == list(publication.interviews)
