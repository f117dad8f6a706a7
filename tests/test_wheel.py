"""A wheel built from the repository, installed in a fresh virtual environment, builds from any folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from helpers import REPO, SEED, epubcheck


def test_wheel_ships_the_theme_and_builds_elsewhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("interview_publish-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "interview_publish/theme/templates/partials/turn.html.j2" in names
    assert "interview_publish/theme/styles/print.css" in names
    for starter in ("content/interview.txt", "content/publication.toml", "templates/README.md", "gitignore"):
        assert f"interview_publish/starter/{starter}" in names  # `new` works from an installed wheel

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([venv / "bin" / "pip", "install", "-q", str(wheel)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr[-2000:]

    folder = tmp_path / "somewhere" / "else"
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / "talk.txt")
    result = subprocess.run([venv / "bin" / "interview-publish", "build"], cwd=folder,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    built = sorted(p.name for p in (folder / "dist").iterdir())
    stem = "russia-and-us-have-mutual-desire-to-develop-cooperation"
    assert built == sorted(["SHA256SUMS", "catalog.xml", "index.html", "manifest.json", f"{stem}-cover.png",
                            f"{stem}.epub", f"{stem}.html", f"{stem}.pdf"])
    assert "interview_publish/theme/styles/fonts/CharisSIL-Regular.ttf" in names
    epub = next((folder / "dist").glob("*.epub"))
    report = epubcheck(epub)
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
