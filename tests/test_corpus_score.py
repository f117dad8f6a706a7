"""The readers on real transcripts written by others (../shared/corpus, never copied into the project),
scored against the answer key by the shared scorer. A ratchet: the floors sit one point under what main
measured when the readers were last improved, so a change that makes them read real files worse fails.

Measured on 2026-12-02: 24/24 ok, 0 crash, roles 99.6 % (933/937), lowest file 97.0 %, titles 9/9,
names 49/53 (92.5 %), boilerplate 0, words 0.96-1.04 of the key's in every file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "corpus-score"
CORPUS = SHARED / "corpus"

pytestmark = pytest.mark.skipif(not (SCORER.exists() and (CORPUS / "key.json").exists()),
                                reason="../shared/corpus and its scorer are not beside this checkout")

ROLES_FLOOR = 98.6  # percent of all expected paragraphs
FILE_ROLES_FLOOR = 96.0  # percent, in every file whose roles are known
NAMES_FLOOR = 91.5  # percent of the interviewee and interviewer names
BOILERPLATE_CEILING = 1  # intrusions in the whole corpus
WORDS = (0.95, 1.05)  # dumped words over the key's, in every file


@pytest.fixture(scope="module")
def score(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("score") / "score.json"
    dump = f"{sys.executable} -m interview_publish dump"
    result = subprocess.run([sys.executable, str(SCORER), "--dump-cmd", dump, "--corpus", str(CORPUS),
                             "--json", str(out)], capture_output=True, text=True, timeout=1200, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_real_file_is_read(score):
    summary = score["summary"]
    failed = {name: f.get("message") for name, f in score["files"].items() if f["status"] != "ok"}
    assert summary["ok"] == summary["files"] and not failed, failed


def test_roles_on_real_files(score):
    summary = score["summary"]
    assert 100 * summary["roles_correct"] / summary["roles_expected"] >= ROLES_FLOOR
    for name, entry in score["files"].items():
        roles = entry.get("roles")
        if roles and roles["expected"]:
            assert 100 * roles["correct"] / roles["expected"] >= FILE_ROLES_FLOOR, (name, roles["wrong_items"][:5])


def test_titles_names_and_boilerplate_on_real_files(score):
    summary = score["summary"]
    assert summary["titles_hit"] >= summary["titles_scored"] - 1
    assert 100 * summary["names_found"] / summary["names_expected"] >= NAMES_FLOOR
    assert summary["boilerplate"] <= BOILERPLATE_CEILING, {
        name: f["boilerplate"] for name, f in score["files"].items() if f.get("boilerplate")}


def test_nothing_lost_and_nothing_repeated(score):
    for name, entry in score["files"].items():
        size = entry.get("size") or {}
        if size.get("expected"):
            ratio = size["dumped"] / size["expected"]
            assert WORDS[0] <= ratio <= WORDS[1], (name, size)
