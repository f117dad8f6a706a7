"""Running heads with a definite width: WeasyPrint sizes an auto-width margin box by its min-content width,
which costs one Pango layout per word of the running head on every page (a quarter of the layout of a
book). The default theme's running heads fill the line instead, and the pages come out the same."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from helpers import REPO

# Lays out the sample in this process, counting WeasyPrint's min-content measures of margin boxes;
# "auto" puts the running heads back to an auto width.
PROBE = """
import json, sys
from pathlib import Path
from interview_publish.project import load_project, read_and_lint
from interview_publish.theme import Theme
from interview_publish.renderers.pdf import Press, book_context

project = load_project(Path(sys.argv[1]))
publication = read_and_lint(project, 1)[0]
theme = Theme.for_project(project.root)
extra = ("@page :left { @top-left { width: auto } @bottom-left { width: auto } } "
         "@page :right { @top-right { width: auto } @bottom-right { width: auto } }"
         if sys.argv[2] == "auto" else "")
press = Press(theme, project.config.print, extra)
import weasyprint.layout.page as page
measured = []
original = page.min_content_width
def counting(context, box, outer=True):
    measured.append(getattr(box, "at_keyword", type(box).__name__))
    return original(context, box, outer)
page.min_content_width = counting
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
    return json.loads(result.stdout), re.findall(r"<word [^>]*>[^<]*</word>", words)


def test_running_heads_are_not_measured_word_by_word_and_sit_where_auto_width_put_them(tmp_path):
    fixed, fixed_words = lay_out("theme", tmp_path)
    auto, auto_words = lay_out("auto", tmp_path)
    assert fixed["pages"] == auto["pages"] >= 4
    assert {"@top-left", "@top-right"} <= set(auto["measured"])  # the probe sees WeasyPrint's measures
    assert fixed["measured"] == []
    # the same words at the same places, running heads included
    assert fixed_words == auto_words
    heads = [w for w in fixed_words if 'yMin="' in w and float(re.search(r'yMax="([\d.]+)"', w).group(1)) < 60]
    assert heads, "the sample has running heads"
