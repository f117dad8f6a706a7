"""A short book from the command line is laid out by a layout process started before reading
(renderers/layoutpool.py): the files are byte for byte those of a layout in the build's own process
(--jobs 1), its second pass for the index included, and so are the messages."""

from __future__ import annotations

import shutil

import pytest

from helpers import SEED, make_project, run_cli

CONFIG = ('title = "One conversation"\nlanguage = "en"\ndate = 2011-03-22\n'
          '[index]\nterms = ["NATO", "Afghanistan", "Medvedev"]\n')
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


def snapshot(dist):
    return {path.name: path.read_bytes() for path in sorted(dist.iterdir())}


@pytest.mark.parametrize("args", [(), ("-f", "pdf", "--pdf-variant", "pdf/a-3b")], ids=["all-formats", "pdf-a-3b"])
def test_a_layout_process_gives_the_same_files_and_messages_as_one_process(tmp_path, args):
    there = make_project(tmp_path / "there", SEED.read_text(encoding="utf-8"), config=CONFIG)
    here = tmp_path / "here"
    shutil.copytree(there, here)
    in_process = run_cli("build", str(here), "--jobs", "1", *args, env=ENV)
    assert in_process.returncode == 0, in_process.stderr
    separate = run_cli("build", str(there), *args, env=ENV)
    assert separate.returncode == 0, separate.stderr
    assert separate.stderr.replace(str(there), "P") == in_process.stderr.replace(str(here), "P")
    assert "boilerplate" in separate.stderr  # the messages compared are real ones
    made, reference = snapshot(there / "dist"), snapshot(here / "dist")
    assert set(made) == set(reference) and any(name.endswith(".pdf") for name in made)
    assert [name for name in made if made[name] != reference[name]] == []
