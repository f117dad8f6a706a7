"""`clean_verbatim = true`: fillers and immediate repetitions leave the speech, counted in a note; off by
default, the words are kept as the transcript has them."""

from __future__ import annotations

import json

from helpers import make_project, run_cli

TEXT = ("Title\n\nQ: Um, so how did it, uh, start?\n\nA: I, I think it was the clock. Erm, a broken one.\n\n"
        "Q: And then?\n\nA: Then the the shop.\n")


def paragraphs(project) -> list[str]:
    result = run_cli("dump", str(project))
    assert result.returncode == 0, result.stderr
    return [p for t in json.loads(result.stdout)["interviews"][0]["turns"] for p in t["paragraphs"]], result.stderr


def test_clean_verbatim_drops_fillers_and_repetitions(tmp_path):
    project = make_project(tmp_path, TEXT, config='title = "T"\nlanguage = "en"\nclean_verbatim = true\n')
    texts, stderr = paragraphs(project)
    assert texts == ["So how did it start?", "I think it was the clock. A broken one.", "And then?", "Then the shop."]
    assert "clean verbatim: 5 fillers and repetitions removed" in stderr


def test_verbatim_is_kept_by_default(tmp_path):
    project = make_project(tmp_path, TEXT, config='title = "T"\nlanguage = "en"\n')
    texts, stderr = paragraphs(project)
    assert texts[0] == "Um, so how did it, uh, start?" and texts[3] == "Then the the shop."
    assert "clean verbatim" not in stderr
