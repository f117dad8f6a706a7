"""The books made from real transcripts: every file of ../shared/corpus/ (real transcripts by others, listed
in its key.json) builds all three formats, its EPUB passes EPUBCheck, and no two lines of text overlap on
any page of its PDF.

Each corpus file is copied on its own into a temporary project's content/ (never into the repository: the
files are others' work under their own licences) and built through the real command line, as a new user
would. The builds and EPUBChecks run in the background, as many at a time as the machine has cores,
because --dist loadfile sends every case of this module to one xdist worker: each case waits only for its
own file.
"""

from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import REPO, epubcheck, outputs, run_cli

CORPUS = REPO.parent / "shared" / "corpus"

if not (CORPUS / "key.json").is_file():
    pytest.skip(f"no corpus at {CORPUS} (../shared/corpus relative to the repository, with its key.json): "
                "the books of the real transcripts cannot be checked here", allow_module_level=True)

ENTRIES: dict[str, dict] = json.loads((CORPUS / "key.json").read_text(encoding="utf-8"))["files"]


# --- Lines that overlap on a PDF page -------------------------------------------------------------------

def page_lines(page, baseline_tolerance: float = 0.5) -> list[dict]:
    """The page's lines of text: its words (pdfplumber's word boxes) grouped by baseline, each line with
    the box around its words and its text. Words share a line when their baselines agree, not their tops
    and bottoms: a speaker's small capitals, a timestamp at 0.8 em and the text after them are one line of
    three sizes."""
    lines: list[dict] = []
    for word in sorted(page.extract_words(return_chars=True, use_text_flow=False, keep_blank_chars=False),
                       key=lambda w: (w["chars"][0]["matrix"][5], w["x0"])):
        baseline = word["chars"][0]["matrix"][5]
        line = lines[-1] if lines else None
        if line is not None and abs(line["baseline"] - baseline) <= baseline_tolerance:
            line["x0"], line["x1"] = min(line["x0"], word["x0"]), max(line["x1"], word["x1"])
            line["top"], line["bottom"] = min(line["top"], word["top"]), max(line["bottom"], word["bottom"])
            line["words"].append(word["text"])
        else:
            lines.append({"baseline": baseline, "x0": word["x0"], "x1": word["x1"], "top": word["top"],
                          "bottom": word["bottom"], "words": [word["text"]]})
    for line in lines:
        line["text"] = " ".join(line.pop("words"))
    return lines


def overlapping_lines(pdf_path: Path, tolerance: float = 1.0) -> list[str]:
    """Every pair of lines of text on the same page whose boxes intersect vertically and overlap
    horizontally, each by more than ``tolerance`` points, described with the page number and both lines'
    text. Lines set apart by their leading never meet (a box is the font size high; the line-height is
    more); lines printed over one another do."""
    import pdfplumber

    found = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for page in pdf.pages:
            lines = page_lines(page)
            for i, a in enumerate(lines):
                for b in lines[i + 1:]:
                    vertical = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    horizontal = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                    if vertical > tolerance and horizontal > tolerance:
                        found.append(f'page {page.page_number}: "{a["text"][:60]}" overlaps "{b["text"][:60]}" '
                                     f"({vertical:.1f} pt high, {horizontal:.1f} pt wide)")
    return found


def weasyprint_pdf(html: str, path: Path, css: str = "", theme: bool = False) -> Path:
    """A PDF of an HTML string from WeasyPrint, with the theme's print stylesheets when ``theme``."""
    from weasyprint import CSS, HTML

    sheets = [CSS(filename=str(REPO / "styles" / name)) for name in ("base.css", "print.css")] if theme else []
    HTML(string=html, base_url=str(REPO / "styles") + "/").write_pdf(str(path), stylesheets=[*sheets, CSS(string=css)])
    return path


def test_the_overlap_check_finds_text_printed_over_text(tmp_path):
    """Absolutely positioned text laid over a paragraph is found; the same paragraph alone is not."""
    paragraph = "<p style='width: 12cm; line-height: 1.4'>" + "Words of an ordinary paragraph, set in lines. " * 12 + "</p>"
    clean = weasyprint_pdf(f"<body>{paragraph}</body>", tmp_path / "clean.pdf")
    assert overlapping_lines(clean) == []
    over = weasyprint_pdf(f"<body>{paragraph}<p style='position: absolute; top: 0.6cm; left: 2cm; margin: 0'>"
                          "A caption printed over the text</p></body>", tmp_path / "over.pdf")
    found = overlapping_lines(over)
    assert found and all("A caption printed over the text" in line for line in found), found


OPENING = """<!DOCTYPE html><html lang="en"><body><section class="interview"><header class="opening">
<h1 class="interview-title">Keeping the lights on in a small river town</h1>
<p class="standfirst">Interview with Harriet Olsen, director of the Millbrook Community Energy Cooperative,
about the turbine on the weir and the four hundred members who paid for it.</p>
<p class="participants">Daniel Reyes (interviewer) · Sofia Marchetti (other)</p>
<p class="dateline">Millbrook, 4 May 2021</p>
</header><div class="qna"><div class="turn question"><p><b class="speaker">Q:</b> How did it start?</p></div></div>
</section></body></html>"""


def test_the_overlap_check_finds_the_participants_line_over_the_standfirst(tmp_path):
    """The theme's opening (a standfirst, the other people, a dateline) has no lines over one another; put
    back the negative top margins that the participants and dateline lines once had, and the check finds
    them printed over the standfirst."""
    assert overlapping_lines(weasyprint_pdf(OPENING, tmp_path / "theme.pdf", theme=True)) == []
    defect = ".participants, .dateline { margin-top: -1.2em; }"
    found = overlapping_lines(weasyprint_pdf(OPENING, tmp_path / "defect.pdf", css=defect, theme=True))
    assert any("Daniel Reyes" in line for line in found), found


# --- Every corpus file's book ---------------------------------------------------------------------------

def build_book(name: str, root: Path) -> dict:
    """Copy one corpus file alone into a new project's content/, build all three formats through the
    command line, and check the EPUB with EPUBCheck: the build's result, outputs and EPUBCheck's report."""
    content = root / "content"
    content.mkdir(parents=True)
    source = CORPUS / ENTRIES[name]["path"]
    shutil.copy(source, content / source.name)
    result = run_cli("build", str(root))
    books = outputs(root) if (root / "dist").is_dir() else {}
    report = epubcheck(books["epub"]) if result.returncode == 0 and "epub" in books else None
    return {"result": result, "books": books, "epubcheck": report}


@pytest.fixture(scope="module")
def corpus_books(request, tmp_path_factory):
    """Background builds of the corpus files this session runs (all, or those picked with -k)."""
    names = [item.callspec.params["name"] for item in request.session.items
             if item.module is request.module and hasattr(item, "callspec") and "name" in item.callspec.params]
    root = tmp_path_factory.mktemp("corpus-books")
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
    futures: dict[str, Future] = {name: pool.submit(build_book, name, root / f"book-{i}")
                                  for i, name in enumerate(dict.fromkeys(names))}
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_corpus_file_makes_three_good_books(name, corpus_books):
    built = corpus_books[name].result()
    result = built["result"]
    problems = [line for line in result.stderr.splitlines() if "error" in line.lower()] or result.stderr.splitlines()[-3:]
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, f"{ENTRIES[name]['path']}: build exited {result.returncode}: " + "\n".join(problems)
    assert {"epub", "pdf", "html"} <= set(built["books"]), f"written: {sorted(built['books'])}"
    report = built["epubcheck"]
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), "\n".join(report["messages"])
    assert overlapping_lines(built["books"]["pdf"]) == []
