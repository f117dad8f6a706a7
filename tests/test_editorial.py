"""The editor's layer: typography by language, lint with stable codes, corrections in publication.toml."""

from __future__ import annotations

import json

import pytest
from helpers import NS, SEED, make_project, pdf_body_text, run_cli, spine_documents

from interview_publish.model import Emphasis, Paragraph, Text
from interview_publish.typography import NBSP, NNBSP, Typesetter

TYPOGRAPHY = [
    ("en", 'He said "yes".', "He said \u201cyes\u201d."),
    ("en", "It's the '90s, rock 'n' roll, O'Brien's dog.", "It\u2019s the \u201990s, rock \u2019n\u2019 roll, O\u2019Brien\u2019s dog."),
    ("en", "\"She said 'no' twice,\" he said.", "\u201cShe said \u2018no\u2019 twice,\u201d he said."),
    ("en", "Wait... what -- really - yes", "Wait\u2026 what \u2014 really \u2013 yes"),
    ("en", "word--word", "word\u2014word"),
    ("en", "Mr. Smith ran 10 km in 42 min", f"Mr.{NBSP}Smith ran 10{NBSP}km in 42{NBSP}min"),
    ("en", 'See https://example.org/a--b"c" now', 'See https://example.org/a--b"c" now'),
    ("ru", 'Он сказал: "Это "Газпром" - не шутка".', f"Он сказал: \u00abЭто \u201eГазпром\u201c{NBSP}\u2014 не шутка\u00bb."),
    ("de", "Er sagte: \"Das ist 'gut'\" - sehr.", "Er sagte: \u201eDas ist \u201agut\u2018\u201c \u2013 sehr."),
    ("fr", 'Il a dit : "Bonjour!"', f"Il a dit{NNBSP}: \u00ab{NNBSP}Bonjour{NNBSP}!{NNBSP}\u00bb"),
]


@pytest.mark.parametrize("language, source, expected", TYPOGRAPHY)
def test_typography(language, source, expected):
    setter = Typesetter(language)
    assert setter.text(source) == expected
    assert setter.text(expected) == expected  # idempotent


def test_quotes_crossing_an_emphasis_boundary():
    paragraph = Paragraph((Text('He said "this is '), Emphasis((Text('very'),)), Text(' important" twice.')))
    result = Typesetter("en").paragraph(paragraph)
    assert result.children == (Text("He said \u201cthis is "), Emphasis((Text("very"),)),
                                Text(" important\u201d twice."))


def check_json(project) -> list[dict]:
    result = run_cli("check", str(project), "--format", "json", "--no-validators")
    return json.loads(result.stdout)["findings"]


def test_sample_check_reports_the_misspelt_president(tmp_path):
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config='title = "T"\nlanguage = "en"\n')
    result = run_cli("check", str(project), "--no-validators")
    assert "interview.txt:13: warning[name-variant]" in result.stderr
    assert '"Medevedev" (line 13) and "Medvedev" (line 15)' in result.stderr
    assert "hint:" in result.stderr


def test_correction_reaches_every_format_and_leaves_the_transcript(sample):
    transcript = sample["project"] / "content" / SEED.name
    assert transcript.read_bytes() == SEED.read_bytes() and b"Medevedev" in SEED.read_bytes()
    files = sample["files"]
    chapter = "".join("".join(d.itertext()) for d in spine_documents(files["epub"])
                      if d.find(".//x:section[@class='interview']", NS) is not None)
    html_main = files["html"].read_text().split("<main", 1)[1].split("</main>", 1)[0]
    pdf_body = pdf_body_text(files["pdf"], heads=())
    for text in (chapter, html_main, pdf_body.split("Set in Charis SIL", 1)[1]):
        assert "Medvedev" in text and "Medevedev" not in text
    assert "\u201cMedevedev\u201d \u2192 \u201cMedvedev\u201d" in files["html"].read_text()  # the colophon lists it


@pytest.mark.parametrize("entry, message", [
    ('find = "Gorbachev"\nreplace = "Yeltsin"\nwhy = "test"', '"Gorbachev" matches nothing'),
    ('find = "the"\nreplace = "THE"\nwhy = "test"\ncount = 2', '"the" matches'),
    ('find = "Medevedev"\nreplace = "Medvedev"', "why"),
])
def test_bad_corrections_are_errors(tmp_path, entry, message):
    config = f'title = "T"\n\n[[corrections]]\n{entry}\n'
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=config)
    result = run_cli("build", str(project))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "publication.toml:3: error[" in result.stderr and message in result.stderr, result.stderr


LINT_CASES = {
    # code: (transcript that triggers it, one that does not)
    "name-variant": ("T\n\nQ: Did Gorbachev call?\n\nA: Gorbatchev called.\n",
                     "T\n\nQ: Did Gorbachev call?\n\nA: Gorbachev called.\n"),
    "label-variant": ("T\n\nQ: One?\n\nJANE DOE: Yes.\n\nQ: Two?\n\nDOE: No.\n",
                      "T\n\nQ: One?\n\nJANE DOE: Yes.\n\nQ: Two?\n\nJANE DOE: No.\n"),
    "web-leftover": ("T\n\nQ: One?\n\nA: Yes.\n\nShare this\n\nQ: Two?\n\nA: No.\n",
                     "T\n\nQ: One?\n\nA: Yes, share this.\n\nQ: Two?\n\nA: No.\n"),
    "unanswered-question": ("T\n\nQ: One?\n\nA: Yes.\n\nQ: Two?\n", "T\n\nQ: One?\n\nA: Yes.\n\nQ: Two?\n\nA: No.\n"),
    "empty-turn": ("T\n\nQ: One?\n\nA:\n\nQ: Two?\n\nA: No.\n", "T\n\nQ: One?\n\nA: Yes.\n"),
    "unbalanced-quotes": ('T\n\nQ: One?\n\nA: He said "yes and left.\n', 'T\n\nQ: One?\n\nA: He said "yes" and left.\n'),
    "unbalanced-brackets": ("T\n\nQ: One?\n\nA: Yes (mostly.\n", "T\n\nQ: One?\n\nA: Yes (mostly).\n"),
    "filler-words": ("T\n\nQ: One?\n\nA: Um, you know, yes.\n", "T\n\nQ: One?\n\nA: Yes.\n"),
    "cues": ("T\n\nQ: One?\n\nA: Yes [inaudible] no.\n", "T\n\nQ: One?\n\nA: Yes, no.\n"),
}


@pytest.mark.parametrize("code", sorted(LINT_CASES))
def test_each_lint_code(tmp_path, code):
    triggers, clean = LINT_CASES[code]
    config = 'title = "T"\nlanguage = "en"\n'
    found = check_json(make_project(tmp_path / "yes", triggers, config=config))
    hits = [f for f in found if f["code"] == code]
    assert hits and all(f["path"].endswith("interview.txt") and f["line"] and f["hint"] for f in hits), found
    assert not [f for f in check_json(make_project(tmp_path / "no", clean, config=config)) if f["code"] == code]


def test_strict_and_silencing(tmp_path):
    text = "T\n\nQ: One?\n\nA: Yes (mostly.\n"
    project = make_project(tmp_path / "strict", text, config='title = "T"\nlanguage = "en"\n')
    assert run_cli("build", str(project)).returncode == 0
    before = {p: p.read_bytes() for p in (project / "dist").iterdir()}
    result = run_cli("build", str(project), "--strict")
    assert result.returncode == 1 and "error[unbalanced-brackets]" in result.stderr
    assert {p: p.read_bytes() for p in (project / "dist").iterdir()} == before
    assert run_cli("check", str(project), "--strict", "--no-validators").returncode == 1
    quiet = make_project(tmp_path / "quiet", text,
                         config='title = "T"\nlanguage = "en"\n[lint]\nignore = ["unbalanced-brackets"]\n')
    assert run_cli("build", str(quiet), "--strict").returncode == 0
    typo = make_project(tmp_path / "typo", text, config='title = "T"\n[lint]\nignore = ["unbalanced-bracket"]\n')
    result = run_cli("build", str(typo))
    assert result.returncode == 1 and 'did you mean "unbalanced-brackets"' in result.stderr
