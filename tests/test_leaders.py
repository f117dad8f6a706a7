"""Leader dots as one run of text per line (renderers/leaders.py): the same dots in the same places as
WeasyPrint's own copies, with a fraction of the text runs."""

from __future__ import annotations

import re
import subprocess
import sys

PROBE = """
import sys
from interview_publish.renderers.weasyimport import import_weasyprint
weasyprint = import_weasyprint()
if sys.argv[1] == "one-run":
    from interview_publish.renderers import leaders
    leaders.install()
entries = "".join(f'<li><a href="#e{n}">Conversation number {n}{" about the long road home" * (n % 3)}</a></li>'
                  for n in range(40))
html = f'''<style>@page {{ size: A5 }} li {{ list-style: none }} a {{ text-decoration: none }}
a::after {{ content: leader(". ") "12" }}</style>
<ol>{entries}</ol><ol class="rtl" dir="rtl"><li><a href="#x">שיחה ראשונה</a></li></ol>'''
sys.stdout.buffer.write(weasyprint.HTML(string=html).write_pdf())
"""


def render(mode: str, tmp_path) -> bytes:
    result = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, timeout=120,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def lines(pdf: bytes, tmp_path) -> dict:
    """Each text line (by its top, in points): its text without spaces, and where its last dot ends."""
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    found: dict = {}
    for top, right, word in re.findall(r'yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html):
        text, last_dot = found.get(round(float(top)), ("", 0.0))
        found[round(float(top))] = (text + word, max(last_dot, float(right)) if word == "." else last_dot)
    return found


def text_runs(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return sum(len(re.findall(rb"T[Jj]\b", page.Contents.read_bytes())) for page in document.pages)


def test_leader_dots_are_drawn_in_one_run_where_weasyprint_drew_each(tmp_path):
    copies, one_run = render("copies", tmp_path), render("one-run", tmp_path)
    before, after = lines(copies, tmp_path), lines(one_run, tmp_path)
    assert sorted(before) == sorted(after) and len(before) > 40
    assert sum(text.count(".") for text, _ in before.values()) > 500
    for top, (text, last_dot) in before.items():
        assert after[top][0] == text  # the same words and dots, line by line
        assert abs(after[top][1] - last_dot) < 0.2  # the leader ends where it did (in points)
    assert text_runs(one_run) * 3 < text_runs(copies)  # one per leader, not one per dot
