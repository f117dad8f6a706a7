"""Bad input: one clear line naming file and line, exit code 1, no traceback, dist/ untouched."""

from __future__ import annotations

import pytest
from helpers import SEED, make_project, outputs, run_cli

GOOD_CONFIG = 'title = "A test"\nlanguage = "en"\n'


@pytest.fixture
def built(tmp_path):
    """A project whose transcript is called interview.txt, built once successfully."""
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=GOOD_CONFIG)
    assert run_cli("build", str(project)).returncode == 0
    return project, {path: path.read_bytes() for path in outputs(project).values()}


def assert_failed_cleanly(project, before, result, where, code):
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert where in result.stderr and f"error[{code}]" in result.stderr, result.stderr
    assert {path: path.read_bytes() for path in outputs(project).values()} == before  # previous dist/ intact
    assert not [p for p in (project / "dist").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("data, where, code", [
    (b"", "interview.txt:1:", "empty"),
    (b"  \n\n \r\n", "interview.txt:1:", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "interview.txt:3:", "binary"),
    (b"Title\n\nInterview with A B, c.\n\nLeave a comment\n", "interview.txt:", "no-turns"),
])
def test_bad_transcript(built, data, where, code):
    project, before = built
    (project / "content" / "interview.txt").write_bytes(data)
    assert_failed_cleanly(project, before, run_cli("build", str(project)), where, code)


def test_wrong_encoding_when_the_encoding_is_set(built):
    project, before = built
    (project / "content" / "publication.toml").write_text(GOOD_CONFIG + 'encoding = "utf-8"\n')
    (project / "content" / "interview.txt").write_bytes(
        "Title\n\nInterview with A B, c.\n\nQuestion?\n\nCaf\xe9 answer\n".encode("latin-1"))
    assert_failed_cleanly(project, before, run_cli("build", str(project)), "interview.txt:7:", "encoding")


def test_undeclared_legacy_encoding_is_detected_and_reported(tmp_path):
    text = "Title\n\nInterview with José Muñoz, chef.\n\nWhere is the café?\n\nIn Córdoba, señor.\n"
    project = make_project(tmp_path, text.encode("latin-1"), config=GOOD_CONFIG)
    result = run_cli("dump", str(project))
    assert result.returncode == 0, result.stderr
    assert "interview.txt:3: note[encoding]: not UTF-8: decoded as" in result.stderr
    assert "José Muñoz" in result.stdout and "In Córdoba, señor." in result.stdout


def test_broken_toml(built):
    project, before = built
    (project / "content" / "publication.toml").write_text('title = "A test"\nlanguage = en\n')
    assert_failed_cleanly(project, before, run_cli("build", str(project)), "publication.toml:2:", "config")


def test_every_config_mistake_reported_at_once(built):
    project, before = built
    (project / "content" / "publication.toml").write_text(
        'titel = "A test"\nlanguage = "english please"\n[print]\ntrim = "B7"\n')
    result = run_cli("build", str(project))
    assert_failed_cleanly(project, before, result, "publication.toml:1:", "config")
    assert 'did you mean "title"' in result.stderr
    assert "publication.toml:2: error[config]: language" in result.stderr
    assert "publication.toml:4: error[config]: print.trim" in result.stderr


def test_no_transcript(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run_cli("build", str(tmp_path))
    assert result.returncode == 1 and "no transcript" in result.stderr and "Traceback" not in result.stderr


def test_missing_path(tmp_path):
    result = run_cli("build", str(tmp_path / "nope"))
    assert result.returncode == 1 and "no such file or folder" in result.stderr


def test_unwritable_dist(tmp_path):
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=GOOD_CONFIG)
    (project / "dist").write_text("a file where the dist folder should be")
    result = run_cli("build", str(project), "-f", "html")
    assert result.returncode == 1 and "error[write]" in result.stderr and "Traceback" not in result.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    result = run_cli("build", str(tmp_path), "--format", "docx")
    assert result.returncode == 2 and "unknown format" in result.stderr


@pytest.mark.parametrize("setting, key", [
    ('transcripts = ["missing.txt"]', "transcripts"),
    ('front = ["foreword.md"]', "front"),
    ('cover = "cover.jpg"', "cover"),
])
def test_missing_files_named_in_the_config_point_at_their_line(built, setting, key):
    project, before = built
    (project / "content" / "publication.toml").write_text(GOOD_CONFIG + setting + "\n")
    result = run_cli("build", str(project))
    assert_failed_cleanly(project, before, result, "publication.toml:3:", "config")
    assert f"error[config]: {key}:" in result.stderr


def test_paths_are_shown_from_the_working_directory_of_the_moment(tmp_path, monkeypatch):
    """display_path resolves the working directory once while it stays the same, and anew when it changes
    (serve and library callers may change it between builds)."""
    from interview_publish.errors import display_path

    first, second = tmp_path / "first", tmp_path / "second"
    (first / "content").mkdir(parents=True)
    second.mkdir()
    (second / "link").symlink_to(first)
    monkeypatch.chdir(first)
    assert display_path(first / "content" / "a.txt") == "content/a.txt"
    assert display_path(second / "link" / "content" / "a.txt") == "content/a.txt"  # links resolved
    monkeypatch.chdir(first / "content")
    assert display_path(first / "content" / "a.txt") == "a.txt"
    monkeypatch.chdir(second)
    assert display_path(first / "content" / "a.txt") == str(first / "content" / "a.txt")  # not below: as given
    assert display_path(second / "b.txt") == "b.txt"
