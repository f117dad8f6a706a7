"""Every reader fixture against expectations written by reading it (tests/fixtures/readers/*.expected.toml),
then built to EPUB (EPUBCheck clean), PDF and HTML."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from helpers import epubcheck, outputs, run_cli

from interview_publish.model import Cue, Emphasis, Strong
from interview_publish.project import load_project, read_publication

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
CASES = sorted(p.name.removesuffix(".expected.toml") for p in FIXTURES.glob("*.expected.toml"))


def project_for(name: str, tmp_path: Path) -> Path:
    """A project folder holding the fixture: its own folder, or a copy of the single file."""
    source = FIXTURES / name
    if source.is_dir():
        shutil.copytree(source, tmp_path / name)
        return tmp_path / name
    (file,) = [p for p in FIXTURES.glob(name + ".*") if not p.name.endswith(".expected.toml")]
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(file, folder / file.name)
    return folder


def straight(text: str) -> str:
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))


def cues_of(children) -> list[str]:
    found = []
    for node in children:
        if isinstance(node, Cue):
            found.append(node.text)
        elif isinstance(node, (Emphasis, Strong)):
            found.extend(cues_of(node.children))
    return found


@pytest.mark.parametrize("name", CASES)
def test_reader_fixture(name, tmp_path):
    expected = tomllib.loads((FIXTURES / f"{name}.expected.toml").read_text(encoding="utf-8"))
    publication, _ = read_publication(load_project(project_for(name, tmp_path)))
    (interview,) = publication.interviews
    assert straight(interview.title) == expected["title"]  # typography curls the quotes of the source
    turns = interview.turns
    speaking = [p for p in interview.participants if any(t.speaker == p.key for t in turns)]
    assert len(speaking) == len(expected["participants"]), [(p.name, p.role) for p in speaking]
    for want in expected["participants"]:
        if "name" in want:
            matches = [p for p in speaking if p.name == want["name"]]
        else:
            matches = [p for p in speaking if p.name is None and p.role == want["role"]]
        assert len(matches) == 1, (want, [(p.name, p.role) for p in speaking])
        person = matches[0]
        assert person.role == want["role"], person
        assert sum(1 for t in turns if t.speaker == person.key) == want["turns"], person
    if "first_role" in expected:
        assert interview.participant(turns[0].speaker).role == expected["first_role"]
    if "cues" in expected:
        found = {cue for t in turns for p in t.paragraphs for cue in cues_of(p.children)}
        assert set(expected["cues"]) <= found, found
    if "timestamps" in expected:
        assert sum(1 for t in turns if t.timestamp) == expected["timestamps"]
    if "sections" in expected:
        assert [b.title for b in interview.blocks if b.kind == "section"] == expected["sections"]
    assert publication.meta.language == expected.get("language", "en")


def test_same_model_from_utf8_and_windows_1251(tmp_path):
    models = []
    for name in ("russian_utf8", "russian_cp1251"):
        publication, problems = read_publication(load_project(project_for(name, tmp_path)))
        (interview,) = publication.interviews
        models.append((publication.meta.language, interview.title, interview.standfirst, interview.participants,
                       [(t.speaker, [p.children for p in t.paragraphs]) for t in interview.turns]))
        if name.endswith("cp1251"):
            assert any(p.code == "encoding" and "1251" in p.message for p in problems), problems
    assert models[0] == models[1]
    assert (FIXTURES / "russian_cp1251.txt").read_bytes() != (FIXTURES / "russian_utf8.txt").read_bytes()


@pytest.mark.parametrize("name", CASES)
def test_fixture_builds_to_every_format(name, tmp_path):
    project = project_for(name, tmp_path)
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    files = outputs(project)
    assert set(files) == {"epub", "pdf", "html"}
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
