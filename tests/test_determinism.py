"""The same input gives byte-identical files, wherever the project lives."""

from __future__ import annotations

from helpers import make_project, outputs, run_cli


def test_two_builds_are_identical(sample, tmp_path):
    again = make_project(tmp_path / "elsewhere")
    assert run_cli("build", str(again)).returncode == 0
    first, second = sample["files"], outputs(again)
    for fmt in ("epub", "html", "pdf"):
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), f"{fmt} differs between builds"


def test_source_date_epoch_sets_the_dates(tmp_path):
    project = make_project(tmp_path)
    assert run_cli("build", str(project), "-f", "epub", env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0
    from helpers import NS, read_epub

    _, opf, _ = read_epub(outputs(project)["epub"])
    assert opf.findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS) == "2023-11-14T22:13:20Z"


def test_kepub_builds_are_identical(tmp_path):
    built = []
    for name in ("one", "two"):
        project = make_project(tmp_path / name)
        assert run_cli("build", str(project), "-f", "epub,kepub").returncode == 0
        built.append(outputs(project)["kepub"].read_bytes())
    assert built[0] == built[1]
