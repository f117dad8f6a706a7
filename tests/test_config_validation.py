"""publication.toml validation: every mistake at once, with its line, key path, expected and found values."""

from __future__ import annotations

from helpers import SEED, make_project, run_cli

THREE_MISTAKES = """\
titel = "A test"
language = "en"

[[participants]]
name = "Evgeny Buzhinskiy"
role = "interviewee"

[[participants]]
name = "Someone Else"
role = "guest"

[print]
trim = "B7"
"""


def test_three_mistakes_reported_together_with_key_paths_and_a_did_you_mean(tmp_path):
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=THREE_MISTAKES)
    result = run_cli("build", str(project))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error[config]" in line]
    assert len(errors) == 3, result.stderr
    first, second, third = errors
    assert first.endswith('publication.toml:1: error[config]: titel: unknown setting; did you mean "title"?')
    assert 'publication.toml:10: error[config]: participants[1].role: expected interviewer, interviewee or other, ' \
           'found "guest"' in second
    assert "publication.toml:13: error[config]: print.trim: expected A5" in third and 'found "B7"' in third
    assert not (project / "dist").exists()  # nothing is built


def test_keys_at_the_wrong_level_wrong_types_and_missing_files(tmp_path):
    config = ('title = "A test"\ntrim = "A5"\ntranscripts = ["interview.txt", "part2.txt"]\n'
              '[[participants]]\nname = "X"\nlabls = ["X"]\n[print]\nmarks = "yes"\nvariant = "pdf/ua1"\n')
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=config)
    result = run_cli("build", str(project))
    assert result.returncode == 1
    lines = [line.split("publication.toml:", 1)[1] for line in result.stderr.splitlines() if "error[config]" in line]
    assert len(lines) == 5, result.stderr
    assert lines[1].startswith('3: error[config]: transcripts: "part2.txt" not found in ')
    assert lines[1].endswith("content")
    assert lines[:1] + lines[2:] == [
        '2: error[config]: trim: unknown setting; did you mean "print.trim" (under [print])?',
        '6: error[config]: participants[0].labls: unknown setting; did you mean "participants[0].labels"?',
        '8: error[config]: print.marks: expected true or false, found "yes" (a string)',
        '9: error[config]: print.variant: expected one of pdf/ua-1, pdf/a-2b, pdf/a-3b, pdf/x-4, none, '
        'found "pdf/ua1"; did you mean "pdf/ua-1"?',
    ], result.stderr
    assert not (project / "dist").exists()


def test_a_whole_number_setting_refuses_true(tmp_path):
    config = 'title = "A test"\n[series]\nname = "Talks"\nposition = true\n'
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=config)
    result = run_cli("build", str(project), "-f", "html")
    assert result.returncode == 1
    assert "publication.toml:4: error[config]: series.position: expected a whole number, found true" in result.stderr


def test_did_you_mean_at_every_level(tmp_path):
    config = ('title = "A test"\n[[participant]]\nname = "X"\n[lint]\nignore = ["filler-word"]\nstrikt = true\n'
              '[print]\ntrim = "A5"\npublisher = "Moved here by mistake"\n')
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=config)
    result = run_cli("build", str(project), "-f", "html")
    assert result.returncode == 1
    lines = [line.split("publication.toml:", 1)[1] for line in result.stderr.splitlines() if "error[config]" in line]
    assert lines == [
        '2: error[config]: participant: unknown setting; did you mean "participants"?',
        '5: error[config]: lint.ignore: unknown lint code "filler-word"; did you mean "filler-words"?',
        '6: error[config]: lint.strikt: unknown setting; did you mean "lint.strict"?',
        '9: error[config]: print.publisher: unknown setting; did you mean "publisher"? It is a top-level setting: '
        'put it above the first [table]',
    ], result.stderr
