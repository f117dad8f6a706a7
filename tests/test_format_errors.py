"""Bad input in the new formats, as a user meets it: `build` over a project that built before. What cannot
be read at all is one `file:line: error[code]` line, exit 1, no traceback, and the previous dist/ files
untouched; what is only damaged (a broken timestamp) is a warning with its line, and the book is built."""

from __future__ import annotations

import json
import re

import pytest
from helpers import make_project, outputs, run_cli

GOOD = "Title\n\nQ: Does it build?\n\nA: It does.\n"
DEEP = "[" * 5000 + "]" * 5000
HUGE = json.dumps({"segments": [{"start": i, "end": i + 1, "text": "word"} for i in range(200_001)]})

CANNOT_BE_READ = {
    "not_a_transcript.json": ('{"name": "my app", "version": "1.0.0", "dependencies": {}}\n', "json", 1),
    "broken.json": ('{"segments": [\n  {"start": 0, "text": "Hello"\n  ]\n}\n', "json", 3),
    "deep.json": (DEEP, "json", 1),
    "huge.json": (HUGE, "too-large", None),  # over the input limit before it is parsed
    "no_cues.vtt": ("WEBVTT\n\nNOTE nothing was said\n", "captions", 1),
    "broken.trs": ('<?xml version="1.0"?>\n<Trans><Episode><Section>\n<Turn>oops</Section>\n', "xml", 3),
}


def built(tmp_path):
    project = make_project(tmp_path, GOOD, config='title = "T"\nlanguage = "en"\n')
    assert run_cli("build", str(project)).returncode == 0
    return project, {kind: path.read_bytes() for kind, path in outputs(project).items()}


@pytest.mark.parametrize("name", sorted(CANNOT_BE_READ))
def test_unreadable_input_is_one_clear_error_and_dist_is_kept(name, tmp_path):
    text, code, line = CANNOT_BE_READ[name]
    project, before = built(tmp_path)
    content = project / "content"
    (content / "interview.txt").unlink()
    (content / name).write_text(text, encoding="utf-8")
    result = run_cli("build", str(project))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error[" in line]
    assert len(errors) == 1, result.stderr
    where = f":{line}" if line else ""
    assert re.search(rf"{re.escape(name)}{where}: error\[{code}\]: ", errors[0]), errors[0]
    assert {kind: path.read_bytes() for kind, path in outputs(project).items()} == before


def test_broken_timestamps_are_warnings_and_the_words_are_kept(tmp_path):
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Lee>Welcome to the show, what brings you here?\n\n"
           "00:00:0X.000 --> 00:00:09.000\n<v Bo Park>A broken clock brought me here.\n\n"
           "00:00:10.000 --> 00:00:12.000\n<v Ann Lee>And what now?\n\n"
           "00:00:13.000 --> 00:00:15.000\n<v Bo Park>Now I mend them.\n")
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    (project / "content" / "talk.vtt").write_text(vtt, encoding="utf-8")
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    assert re.search(r"talk\.vtt:6: warning\[\w+\]", result.stderr), result.stderr
    model = json.loads(run_cli("dump", str(project)).stdout)
    words = " ".join(p for t in model["interviews"][0]["turns"] for p in t["paragraphs"])
    assert "A broken clock brought me here." in words
    assert [t["role"] for t in model["interviews"][0]["turns"]] == ["interviewer", "interviewee"] * 2
