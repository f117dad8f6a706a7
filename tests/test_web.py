"""The web edition and the distribution kit in dist/: the Nu HTML Checker, checksums, the manifest,
the OPDS catalog, and real browser checks (headless Chromium: overflow, console, links, axe-core)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import html5lib
import pytest
from helpers import REPO
from lxml import etree

TOOLS = REPO / ".tools" / "web" / "node_modules"
ATOM = "{http://www.w3.org/2005/Atom}"
ACQUISITION = "http://opds-spec.org/acquisition/open-access"


def tool(env: str, relative: str) -> Path | None:
    path = Path(os.environ[env]) if os.environ.get(env) else TOOLS / relative
    return path if path.exists() else None


def require(path: Path | None, what: str) -> Path:
    if path is None:
        assert not os.environ.get("CI"), f"{what} must run in CI (scripts/setup --test installs it)"
        pytest.skip(f"{what} is not installed here")
    return path


@pytest.fixture(scope="module")
def dist(sample) -> Path:
    return sample["project"] / "dist"


def test_full_build_writes_the_kit(dist):
    names = sorted(p.name for p in dist.iterdir() if not p.name.startswith("."))
    assert names == ["SHA256SUMS", "buzhinskiy-interview-cover.png", "buzhinskiy-interview.epub",
                     "buzhinskiy-interview.html", "buzhinskiy-interview.pdf", "catalog.xml", "index.html",
                     "manifest.json"]


def test_sha256sums_check_passes(dist):
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == 7


def test_manifest_agrees_with_the_files(dist):
    import hashlib

    manifest = json.loads((dist / "manifest.json").read_text())
    listed = {entry["path"]: entry for entry in manifest["files"]}
    on_disk = {p.name for p in dist.iterdir() if not p.name.startswith(".")} - {"manifest.json", "SHA256SUMS"}
    assert set(listed) == on_disk
    for name, entry in listed.items():
        data = (dist / name).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert listed["buzhinskiy-interview.epub"]["media_type"] == "application/epub+zip"
    assert listed["buzhinskiy-interview.pdf"]["media_type"] == "application/pdf"


def test_opds_catalog_follows_the_spec(dist):
    feed = etree.parse(str(dist / "catalog.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}"), required
    assert feed.findtext(f"{ATOM}id").startswith("urn:uuid:")
    datetime.fromisoformat(feed.findtext(f"{ATOM}updated").replace("Z", "+00:00"))  # RFC 3339
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("type") == "application/atom+xml;profile=opds-catalog;kind=acquisition"
    (entry,) = feed.findall(f"{ATOM}entry")
    for required in ("id", "title", "updated"):
        assert entry.findtext(f"{ATOM}{required}"), required
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Evgeny Buzhinskiy"
    assert entry.findtext("{http://purl.org/dc/terms/}language") == "en"
    acquisitions = entry.findall(f"{ATOM}link[@rel='{ACQUISITION}']")
    assert {a.get("type") for a in acquisitions} == {"application/epub+zip", "application/pdf", "text/html"}
    for link in acquisitions:
        target = dist / link.get("href")
        assert target.is_file() and int(link.get("length")) == target.stat().st_size
    image = entry.find(f"{ATOM}link[@rel='http://opds-spec.org/image']")
    assert (dist / image.get("href")).is_file() and image.get("type") == "image/png"


def test_html_edition_metadata(dist):
    doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(
        (dist / "buzhinskiy-interview.html").read_bytes())
    scripts = list(doc.iter("script"))
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org" and data["genre"] == "Interview"
    assert data["about"][0]["name"] == "Evgeny Buzhinskiy" and data["inLanguage"] == "en"
    assert data["publisher"]["name"] == "interview-publish sample editions" and data["datePublished"] == "2011-03-22"
    og = {m.get("property"): m.get("content") for m in doc.iter("meta") if m.get("property")}
    assert og["og:title"].startswith("Russia and US") and og["og:type"] == "article"
    body = doc.find("body")
    assert body[0].tag == "a" and body[0].get("href") == "#main"  # skip link first
    assert {"header", "main", "footer"} <= {child.tag for child in body}
    cites = [a.get("href") for p in doc.iter("p") if p.get("class") == "cite" for a in p.iter("a")]
    assert cites == [f"#t{n}" for n in range(1, 13)]


def nu_check(path: Path) -> list[dict]:
    vnu = require(tool("VNU_JAR", "vnu-jar/build/dist/vnu.jar"), "the Nu HTML Checker")
    result = subprocess.run(["java", "-jar", str(vnu), "--format", "json", "--stdout", str(path)],
                            capture_output=True, text=True, timeout=300)
    return [m for m in json.loads(result.stdout)["messages"] if m["type"] == "error"]


@pytest.mark.parametrize("name", ["buzhinskiy-interview.html", "index.html"])
def test_nu_html_checker_finds_no_errors(dist, name):
    assert nu_check(dist / name) == []


def test_nu_html_checker_on_a_collection(tmp_path):
    project = tmp_path / "c"
    (project / "content").mkdir(parents=True)
    for name in ("question_headings.md", "russian_utf8.txt", "captions.vtt"):
        shutil.copy(REPO / "tests" / "fixtures" / "readers" / name, project / "content" / name)
    (project / "content" / "publication.toml").write_text('title = "Three"\nlanguage = "en"\n')
    from helpers import run_cli

    assert run_cli("build", str(project)).returncode == 0
    for name in ("three.html", "index.html"):
        assert nu_check(project / "dist" / name) == [], name


@pytest.fixture(scope="module")
def browser():
    chromium = require(Path(shutil.which("chromium")) if shutil.which("chromium") else None, "Chromium")
    playwright = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else \
        __import__("playwright.sync_api", fromlist=["sync_playwright"])
    with playwright.sync_playwright() as engine:
        launched = engine.chromium.launch(executable_path=str(chromium), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


@pytest.mark.parametrize("name", ["buzhinskiy-interview.html", "index.html"])
@pytest.mark.parametrize("width", [320, 1280])
def test_in_a_real_browser(browser, dist, name, width):
    axe = require(tool("AXE_JS", "axe-core/axe.min.js"), "axe-core")
    page = browser.new_page(viewport={"width": width, "height": 800})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((dist / name).as_uri())
    assert errors == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px of horizontal scrolling at {width}px"
    missing = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1)).filter(id => id && !document.getElementById(id))""")
    assert missing == []
    files = page.evaluate("""() => [...document.querySelectorAll('a[href]:not([href^="#"]), img[src]')]
        .map(e => e.getAttribute('href') || e.getAttribute('src'))""")
    assert all((dist / f).is_file() for f in files), files
    page.add_script_tag(path=str(axe))
    violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.help)")
    assert violations == []
    page.close()


def test_dark_mode_and_print_styles_exist(dist):
    css = (dist / "buzhinskiy-interview.html").read_text()
    assert "@media (prefers-color-scheme: dark)" in css and "@media print" in css
