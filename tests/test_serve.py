"""`interview-publish serve`: a live preview on a loopback port that rebuilds on edits, shows a broken build's
problems in the page and the terminal, keeps the last good output, links the books when ready, stops cleanly."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import make_project, outputs, run_cli

WAIT = 120  # seconds: the most any rebuild may take on a busy machine before a test gives up


class Served:
    """A running `serve` process with its output collected line by line."""

    def __init__(self, project: Path, *args: str):
        env = {k: v for k, v in os.environ.items() if k != "INTERVIEW_PUBLISH_DEBUG"}
        self.process = subprocess.Popen([sys.executable, "-m", "interview_publish", "serve", str(project),
                                         "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        stdin=subprocess.DEVNULL, text=True, env=env)
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        for stream, lines in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr)):
            threading.Thread(target=lambda s=stream, l=lines: [l.append(line) for line in s], daemon=True).start()
        found = wait_for(lambda: next((m for line in self.stdout if (m := re.search(r"serving (http://\S+)", line))),
                                      None) or self.process.poll() is not None)
        assert found and self.process.poll() is None, "".join(self.stdout + self.stderr)
        self.url = found.group(1)
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def get(self, path: str = "/") -> tuple[int, str, bytes]:
        """(status, final URL, body) of a GET, following redirects."""
        try:
            with urllib.request.urlopen(self.url.rstrip("/") + path, timeout=30) as response:
                return response.status, response.url, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.url, exc.read()

    def state(self) -> dict:
        return json.loads(self.get("/__reload")[2])

    def stop(self, how: int = signal.SIGTERM) -> int:
        self.process.send_signal(how)
        return self.process.wait(timeout=60)


def wait_for(condition, timeout: float = WAIT):
    """Poll ``condition`` until it gives something true or the bounded wait ends; return what it gave."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    return condition()


def port_is_free(port: int) -> bool:
    """Nothing listens on the port any more, and a new server may bind it (as servers do, with SO_REUSEADDR:
    the closed connections of the test linger in TIME_WAIT)."""
    with socket.socket() as client:
        if client.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            probe.listen()
            return True
        except OSError:
            return False


@pytest.fixture
def served(tmp_path):
    project = make_project(tmp_path)
    server = Served(project)
    yield project, server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def test_serve_rebuilds_on_edits_shows_errors_and_recovers(served):
    project, server = served
    status, url, page = server.get("/")
    assert status == 200 and url.endswith("/buzhinskiy-interview.html")
    assert b"Russia and US have mutual desire to develop cooperation" in page
    assert b'fetch("/__reload"' in page  # the live-reload script, added to served pages

    # An edit of the transcript reaches the served page.
    transcript = next((project / "content").glob("*.txt"))
    transcript.write_text(transcript.read_text(encoding="utf-8").replace("cooperation", "Zanzibar-cooperation", 1),
                          encoding="utf-8")
    assert wait_for(lambda: b"Zanzibar-cooperation" in server.get("/buzhinskiy-interview.html")[2])

    # A broken edit: the page lists every problem, escaped; the terminal prints them; the last good build stays.
    config = project / "content" / "publication.toml"
    good = config.read_text(encoding="utf-8")
    config.write_text('"<img src=x onerror=alert(1)>" = 1\n' + good.replace('trim = "A5"', 'trim = "B7"'),
                      encoding="utf-8")
    assert wait_for(lambda: server.get("/")[0] == 500)
    status, _, page = server.get("/")
    text = page.decode("utf-8")
    assert "The build failed" in text
    assert "publication.toml:1: error[config]: &lt;img src=x onerror=alert(1)&gt;: unknown setting" in text
    assert "<img src=x" not in text
    assert re.search(r"publication\.toml:\d+: error\[config\]: print\.trim: expected", text)
    assert server.get("/buzhinskiy-interview.html")[0] == 500  # the edition shows the problems too
    assert wait_for(lambda: any("error[config]: print.trim" in line for line in server.stderr))
    assert any("<img src=x onerror=alert(1)>: unknown setting" in line for line in server.stderr)
    status, _, last = server.get("/__last/buzhinskiy-interview.html")
    assert status == 200 and b"Zanzibar-cooperation" in last
    assert server.process.poll() is None  # still serving

    # The fix recovers.
    config.write_text(good, encoding="utf-8")
    assert wait_for(lambda: server.get("/")[0] == 200)
    assert b"Zanzibar-cooperation" in server.get("/")[2]
    assert server.state()["failed"] is False

    assert server.stop() == 0
    assert "stopped" in "".join(server.stdout)
    assert port_is_free(server.port)


def test_books_are_built_in_the_background_and_linked(served):
    project, server = served
    ready = wait_for(lambda: (lambda s: s if {"epub", "pdf", "landing"} <= set(s["ready"]) else None)(server.state()))
    assert ready["ready"]["pdf"] == "buzhinskiy-interview.pdf"
    page = server.get("/buzhinskiy-interview.html")[2].decode("utf-8")
    assert '<a style="color:#bcd7ff" href="/buzhinskiy-interview.pdf">PDF</a>' in page
    assert '<a style="color:#bcd7ff" href="/buzhinskiy-interview.epub">EPUB</a>' in page
    status, _, pdf = server.get("/buzhinskiy-interview.pdf")
    assert status == 200 and pdf.startswith(b"%PDF-")
    status, _, epub = server.get("/buzhinskiy-interview.epub")
    assert status == 200 and epub[:2] == b"PK"
    status, _, landing = server.get("/index.html")
    assert status == 200 and b'href="buzhinskiy-interview.pdf"' in landing

    # Served pages differ from the built file only by the preview bar and script: the built files are untouched.
    assert server.stop() == 0
    assert run_cli("build", str(project)).returncode == 0
    built = outputs(project)["html"].read_bytes()
    served_page = page.encode("utf-8")
    start = served_page.index(b'<aside id="interview-publish-preview"')
    end = served_page.index(b"</script>", start) + len(b"</script>")
    assert served_page[:start] + served_page[end:] == built
    assert (project / "dist" / "buzhinskiy-interview.pdf").read_bytes() == pdf


def test_ctrl_c_stops_cleanly_and_serve_listens_only_on_loopback(tmp_path):
    project = make_project(tmp_path)
    server = Served(project)
    assert server.get("/")[0] == 200
    assert server.stop(signal.SIGINT) == 0
    assert port_is_free(server.port)
    assert not (project / "dist").exists()  # serve builds into a temporary folder, never into dist/
    for host in ("0.0.0.0", "192.168.1.10", "example.org"):
        refused = run_cli("serve", str(project), "--host", host)
        assert refused.returncode == 2 and "not a loopback address" in refused.stderr


def test_a_busy_port_is_an_input_error(tmp_path):
    project = make_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_cli("serve", str(project), "--port", str(taken.getsockname()[1]))
    assert result.returncode == 1 and "error[serve]: cannot listen on 127.0.0.1:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_change_rebuilds_only_the_outputs_that_use_it(tmp_path):
    from io import BytesIO

    from pypdf import PdfReader

    from helpers import REPO

    project = make_project(tmp_path)
    (project / "styles").mkdir()
    # A copied print.css finds its fonts next to it (url() is relative to the stylesheet).
    shutil.copytree(REPO / "styles" / "fonts", project / "styles" / "fonts")
    server = Served(project)
    try:
        first = wait_for(lambda: (lambda s: s if s["builds"]["books"] >= 1 and not s["building"] else None)(
            server.state()))
        html_builds = first["builds"]["html"]
        print_css = (REPO / "styles" / "print.css").read_text(encoding="utf-8")
        (project / "styles" / "print.css").write_text(print_css + '\n.book-title::after { content: " Printmark"; }\n',
                                                      encoding="utf-8")

        def pdf_text() -> str:
            data = server.get("/buzhinskiy-interview.pdf")[2]
            return " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)

        assert wait_for(lambda: server.state()["builds"]["books"] > first["builds"]["books"])
        assert wait_for(lambda: "Printmark" in pdf_text())
        assert server.state()["builds"]["html"] == html_builds  # the HTML does not use print.css: not rebuilt
        # A transcript edit concerns every output.
        transcript = next((project / "content").glob("*.txt"))
        transcript.write_text(transcript.read_text(encoding="utf-8").replace("cooperation", "Kestrel-cooperation", 1),
                              encoding="utf-8")
        assert wait_for(lambda: b"Kestrel-cooperation" in server.get("/buzhinskiy-interview.html")[2])
        assert wait_for(lambda: "Kestrel" in pdf_text())
        assert server.state()["builds"]["html"] > html_builds
    finally:
        assert server.stop() == 0


def test_serve_starts_on_a_broken_project_and_recovers(tmp_path):
    project = make_project(tmp_path, config='titel = "A test"\n')
    server = Served(project)
    try:
        status, _, page = server.get("/")
        assert status == 500 and b'titel: unknown setting; did you mean &quot;title&quot;?' in page
        assert b"There is no good build yet." in page
        assert any('did you mean "title"?' in line for line in server.stderr)
        (project / "content" / "publication.toml").write_text('title = "A test"\n', encoding="utf-8")
        assert wait_for(lambda: server.get("/")[0] == 200)
        assert b"<title>A test</title>" in server.get("/")[2]
    finally:
        assert server.stop() == 0


@pytest.fixture(scope="module")
def browser():
    """The system Chromium driven by Playwright (as in test_web.py); required in CI."""
    import shutil

    chromium = shutil.which("chromium")
    if chromium is None or not _has_playwright():
        assert not os.environ.get("CI"), "Chromium and playwright must run in CI (scripts/setup --test installs them)"
        pytest.skip("Chromium or playwright is not installed here")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as engine:
        launched = engine.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def axe_violations(page) -> list[str]:
    """axe-core's findings on the page (axe-core as installed by scripts/setup --test; required in CI)."""
    from helpers import REPO

    axe = Path(os.environ.get("AXE_JS") or REPO / ".tools" / "web" / "node_modules" / "axe-core" / "axe.min.js")
    if not axe.is_file():
        assert not os.environ.get("CI"), "axe-core must run in CI (scripts/setup --test installs it)"
        return []
    from playwright.sync_api import Error

    reloaded = ("Execution context was destroyed", "axe is not defined")  # a reload between the two steps
    for attempt in (1, 2, 3):  # the preview may reload itself while axe runs (a rebuild finished)
        try:
            page.wait_for_load_state("load")
            page.add_script_tag(path=str(axe))
            return page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.help)")
        except Error as error:
            if attempt == 3 or not any(sign in str(error) for sign in reloaded):
                raise
    return []


def test_the_browser_page_reloads_by_itself(served, browser):
    project, server = served
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    assert page.title() == "Russia and US have mutual desire to develop cooperation"
    assert "Preview" in page.inner_text("#interview-publish-preview")
    assert axe_violations(page) == []  # the preview bar keeps the page accessible
    page.evaluate("window.notReloadedYet = true")

    transcript = next((project / "content").glob("*.txt"))
    transcript.write_text(transcript.read_text(encoding="utf-8").replace("cooperation", "Heron-cooperation", 1),
                          encoding="utf-8")
    page.wait_for_function("document.body.innerText.includes('Heron-cooperation')", timeout=WAIT * 1000)
    assert page.evaluate("window.notReloadedYet === undefined")  # the page reloaded itself

    config = project / "content" / "publication.toml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "\n[print]\ntrim = 'A5'\n", encoding="utf-8")  # a second [print] table: broken TOML
    page.wait_for_function("document.title.startsWith('Build failed')", timeout=WAIT * 1000)
    assert "error[config]: invalid TOML" in page.inner_text("main")
    assert axe_violations(page) == []

    config.write_text(good, encoding="utf-8")
    page.wait_for_function("document.body.innerText.includes('Heron-cooperation')", timeout=WAIT * 1000)
    assert errors == []
    page.close()
