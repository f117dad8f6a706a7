"""`interview-publish new DIR`: a ready project that builds at once; its publication.toml shows every setting."""

from __future__ import annotations

import re
import tomllib

from helpers import epubcheck, outputs, run_cli

from interview_publish import config


def test_new_then_build_gives_epubcheck_clean_output(tmp_path):
    folder = tmp_path / "my-book"
    created = run_cli("new", str(folder))
    assert created.returncode == 0, created.stderr
    assert "interview-publish serve" in created.stdout
    assert (folder / "content" / "interview.txt").is_file()
    assert sorted(p.name for p in (folder / "templates").iterdir()) == ["README.md"]
    assert sorted(p.name for p in (folder / "styles").iterdir()) == ["README.md"]
    ignored = (folder / ".gitignore").read_text().splitlines()
    assert "dist/" in ignored and ".interview-publish/" in ignored
    built = run_cli("build", cwd=folder)
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr and "error" not in built.stderr, built.stderr
    files = outputs(folder)
    assert set(files) == {"epub", "pdf", "html"}
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    html = files["html"].read_text(encoding="utf-8")
    assert "Keeping a small radio station on the air" in html and "Amos Okafor" in html
    dumped = run_cli("dump", cwd=folder)
    turns = __import__("json").loads(dumped.stdout)["interviews"][0]["turns"]
    assert [t["role"] for t in turns] == ["interviewer", "interviewee"] * 4
    listing = run_cli("theme", cwd=folder)
    origins = {line.split()[2] for line in listing.stdout.splitlines() if line.startswith("  ")}
    assert listing.returncode == 0 and origins == {"default"}  # nothing overridden yet
    assert "not used by any output" not in listing.stdout  # the notes in templates/ and styles/ are no theme files


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = run_cli("new", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"error\[new\]: the folder is not empty", result.stderr)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    (tmp_path / "file").write_text("x")
    assert run_cli("new", str(tmp_path / "file")).returncode == 1


def test_each_project_gets_its_own_identifier(tmp_path):
    ids = []
    for name in ("a", "b"):
        assert run_cli("new", str(tmp_path / name)).returncode == 0
        ids.append(tomllib.loads((tmp_path / name / "content" / "publication.toml").read_text())["identifier"])
    assert ids[0] != ids[1] and all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", i) for i in ids)


SCHEMAS = {"": config.TOP_KEYS, "print": config.PRINT_KEYS, "series": config.SERIES_KEYS, "lint": config.LINT_KEYS,
           "index": {"terms": list}, "participants": config.PARTICIPANT_KEYS, "speaker_fixes": config.FIX_KEYS,
           "corrections": config.CORRECTION_KEYS, "parts": {"title": str, "transcripts": list}}


def test_the_commented_settings_are_every_setting_config_accepts(tmp_path):
    assert run_cli("new", str(tmp_path / "p")).returncode == 0
    text = (tmp_path / "p" / "content" / "publication.toml").read_text(encoding="utf-8")
    # Uncomment every commented setting and table header; prose comments stay comments.
    setting = re.compile(r"^# ((?:\[\[?[a-z_]+\]\]?)|(?:[a-z_]+ = ))")
    uncommented = "\n".join(line[2:] if setting.match(line) else line for line in text.splitlines())
    data = tomllib.loads(uncommented)
    shown: dict[str, set] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            shown[key] = set(value)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            shown[key] = {k for entry in value for k in entry}
        else:
            shown.setdefault("", set()).add(key)
    assert shown[""] | {k for k in shown if k} == set(config.TOP_KEYS)  # every top-level key, no other
    for table, keys in shown.items():
        if table:
            assert keys == set(SCHEMAS[table]), table  # every key of each table is shown, and only real keys
    for key in shown[""]:
        assert isinstance(data[key], config.TOP_KEYS[key]), key
    # With the settings uncommented, the file passes validation except for the example files it names.
    content = tmp_path / "p" / "content"
    (content / "publication.toml").write_text(uncommented, encoding="utf-8")
    result = run_cli("build", str(tmp_path / "p"), "-f", "html")
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors and all(re.search(r'error\[config\]: (cover|front|back|print\.output_profile): "[^"]+" not found',
                                    line) for line in errors), result.stderr
