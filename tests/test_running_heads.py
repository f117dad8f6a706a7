"""The page furniture laid out without WeasyPrint's wasted work, with the same pages: running heads and
folios have a definite width (print.css), since WeasyPrint sizes an auto-width margin box by its min-content
width, one Pango layout per word of the running head on every page (a quarter of the layout of a book)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from helpers import REPO

# Lays out the sample in this process, recording which margin boxes WeasyPrint measures (min-content);
# "weasyprint" gives the running heads and folios WeasyPrint's auto width.
PROBE = """
import json, sys
from pathlib import Path
from interview_publish.project import load_project, read_and_lint
from interview_publish.theme import Theme
from interview_publish.renderers.pdf import book_context
from interview_publish.renderers.pdf.press import Press

project = load_project(Path(sys.argv[1]))
publication = read_and_lint(project)[0]
theme = Theme.for_project(project.root)
plain = sys.argv[2] == "weasyprint"
extra = ("@page :left { @top-left { width: auto } @bottom-left { width: auto } } "
         "@page :right { @top-right { width: auto } @bottom-right { width: auto } }" if plain else "")
press = Press(theme, project.config.print, extra)
import weasyprint.layout.page as page
measured = []
min_content_width = page.min_content_width
def measuring(context, box, outer=True):
    measured.append(box.at_keyword)
    return min_content_width(context, box, outer)
page.min_content_width = measuring
document = press.layout(theme.render("pdf/book.html.j2", **book_context(publication)))
Path(sys.argv[3]).write_bytes(document.write_pdf())
print(json.dumps({"measured": measured, "pages": len(document.pages)}))
"""


def lay_out(mode: str, tmp_path):
    pdf = tmp_path / f"{mode}.pdf"
    result = subprocess.run([sys.executable, "-c", PROBE, str(REPO), mode, str(pdf)], capture_output=True,
                            text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    return json.loads(result.stdout), re.findall(r"<word [^>]*>[^<]*</word>", words), pdf.read_bytes()


def test_page_furniture_skips_weasyprints_wasted_work_and_the_pages_are_the_same(tmp_path):
    ours, our_words, our_pdf = lay_out("theme", tmp_path)
    plain, plain_words, plain_pdf = lay_out("weasyprint", tmp_path)
    assert ours["pages"] == plain["pages"] >= 4
    # WeasyPrint measures the auto-width running heads word by word; ours are not measured
    assert {"@top-left", "@top-right"} <= set(plain["measured"])
    assert ours["measured"] == []
    # the same words at the same places, running heads and folios included; indeed the same file
    heads = [w for w in our_words if float(re.search(r'yMax="([\d.]+)"', w).group(1)) < 60]
    assert heads and our_words == plain_words
    assert our_pdf == plain_pdf
