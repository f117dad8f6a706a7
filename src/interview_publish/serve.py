"""`interview-publish serve`: build into a temporary folder, serve it on loopback, rebuild on every change.

The HTML edition is rebuilt first (it is fast); the EPUB, the PDF and the landing page follow in a background
thread and are linked from the page when ready. Each build writes into a staging folder and is moved into the
served folder only when it succeeded, so a broken edit leaves the last good output reachable. Served HTML
gets a small script that asks ``/__reload`` for the build counter and reloads when it changes; the built
files themselves are never touched.
"""

from __future__ import annotations

import html
import ipaddress
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import Problem, PublishError, display_path, error

WATCHED = ("content", "templates", "styles")
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".epub": "application/epub+zip", ".pdf": "application/pdf",
                 ".png": "image/png", ".jpg": "image/jpeg", ".xml": "application/atom+xml; charset=utf-8",
                 ".json": "application/json", "": "text/plain; charset=utf-8"}
RELOAD_SCRIPT = """<script>
(function () {
  var seen = %d;
  function poll() {
    fetch("/__reload", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (state.build !== seen) { location.reload(); } else { setTimeout(poll, 400); }
    }).catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 400);
})();
</script>"""
BAR_STYLE = ("position:fixed;inset:auto 0 0 0;z-index:2147483647;margin:0;padding:.4rem .8rem;"
             "font:14px/1.4 system-ui,sans-serif;background:#1d2733;color:#f4f4f4;border-top:2px solid #7aa7d9")
LINK_STYLE = "color:#bcd7ff"


def loopback_host(value: str) -> str:
    """The --host value, refused unless it is a loopback address: serve never listens on a network."""
    if value == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        address = None
    if address is None or not address.is_loopback:
        raise ValueError(f"{value} is not a loopback address; serve listens only on 127.0.0.1, ::1 or localhost")
    return str(address)


@dataclass
class State:
    """What the server shows: the served folder, the build counter, the problems of failed builds, what is
    building. "html" is the HTML edition; "books" are the EPUB, the PDF and the distribution kit."""

    folder: Path
    counter: int = 0  # bumped whenever what is served changes: the pages reload
    failures: dict[str, list[Problem]] = field(default_factory=dict)  # per kind, of its last build if it failed
    builds: dict[str, int] = field(default_factory=lambda: {"html": 0, "books": 0})  # good builds per kind
    stem: str | None = None  # the outputs' file name stem, known after the first good build
    building: set[str] = field(default_factory=set)
    built_at: str = ""

    @property
    def failed(self) -> bool:
        return any(self.failures.values())

    @property
    def problems(self) -> list[Problem]:
        """Every problem of the failed builds, each once."""
        return list(dict.fromkeys(p for problems in self.failures.values() for p in problems))

    def ready(self) -> dict[str, str]:
        """The served files by kind (html, epub, pdf, landing)."""
        found = {}
        if self.stem:
            for kind in ("html", "epub", "pdf"):
                if (self.folder / f"{self.stem}.{kind}").is_file():
                    found[kind] = f"{self.stem}.{kind}"
        if (self.folder / "index.html").is_file():
            found["landing"] = "index.html"
        return found


class Preview:
    """Builds the project into the served folder: the HTML edition first, the books after it in the background,
    each only when something it uses changed."""

    def __init__(self, path: Path, folder: Path, say, books: bool = True):
        self.path = path
        self.root, self.content = project_folders(path)
        self.state = State(folder)
        self.say = say  # say(text, problems=(), kind="info"|"problem")
        self.books = books
        self.lock = threading.Lock()
        self.generations = {"html": 1, "books": 1}  # bumped by every change that concerns the kind
        self.books_due = True  # a change concerned the books since their last build started
        self.html_due = threading.Event()
        self.books_wanted = threading.Event()
        self.stopping = threading.Event()
        self.staging_root = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder.parent))

    def change(self, paths: list[Path]) -> set[str]:
        """Files changed: rebuild what uses them. Returns the kinds to rebuild."""
        kinds = affected(paths, self.root, self.content)
        with self.lock:
            for kind in kinds:
                self.generations[kind] += 1
            if "books" in kinds:
                self.books_due = True
        if "html" in kinds:
            self.html_due.set()  # the books follow a good HTML build
        elif "books" in kinds:
            self.books_wanted.set()
        return kinds

    def start(self) -> None:
        """Build the HTML once now, then keep rebuilding in the background on every change."""
        self.build_html()
        threading.Thread(target=self._loop, args=(self.html_due, self.build_html), name="serve-html",
                         daemon=True).start()
        if self.books:
            threading.Thread(target=self._loop, args=(self.books_wanted, self.build_books), name="serve-books",
                             daemon=True).start()

    def _loop(self, due: threading.Event, work) -> None:
        while not self.stopping.is_set():
            if due.wait(0.5):
                due.clear()
                if not self.stopping.is_set():
                    work()

    def build_html(self) -> None:
        """The fast build: the HTML edition only. A good one lets the books follow if they are due."""
        if self._run(("html",), "HTML") and self.books and self.books_due:
            self.books_wanted.set()

    def build_books(self) -> None:
        """The slow build: every format and the distribution kit."""
        with self.lock:
            self.books_due = False
        self._run(("epub", "pdf", "html"), "EPUB, PDF and the landing page")

    def _run(self, formats: tuple[str, ...], label: str) -> bool:
        from .build import build

        kind = "html" if formats == ("html",) else "books"
        with self.lock:
            self.state.building.add(kind)
            started_at = dict(self.generations)
        staging = Path(tempfile.mkdtemp(dir=self.staging_root))
        started = time.monotonic()
        try:
            result = build(self.path, formats, dist=staging)
        except PublishError as exc:
            return self._failed(exc.problems, started_at, kind, staging)
        except Exception as exc:  # a bug of ours must not stop the preview: show it like a problem
            problem = Problem("error", "internal", f"{type(exc).__name__}: {exc} (please report it)")
            return self._failed([problem], started_at, kind, staging)
        with self.lock:
            self.state.building.discard(kind)
            if started_at[kind] != self.generations[kind]:  # changed meanwhile: a newer build follows
                shutil.rmtree(staging, ignore_errors=True)
                return False
            stem = result.outputs[0][1].stem
            for path in staging.iterdir():
                # The books' build writes the HTML too; it is kept only if the HTML has not changed since.
                if kind == "html" or path.name != f"{stem}.html" or started_at["html"] == self.generations["html"]:
                    os.replace(path, self.state.folder / path.name)
            self.state.stem = stem
            self.state.failures.pop(kind, None)
            self.state.builds[kind] += 1
            self.state.counter += 1
            self.state.built_at = datetime.now().strftime("%H:%M:%S")
        shutil.rmtree(staging, ignore_errors=True)
        self.say(f"rebuilt {label} in {time.monotonic() - started:.1f} s",
                 [p for p in result.problems if p.severity != "note"] if kind == "html" else [])
        return True

    def _failed(self, problems: list[Problem], started_at: dict, kind: str, staging: Path) -> bool:
        shutil.rmtree(staging, ignore_errors=True)
        with self.lock:
            self.state.building.discard(kind)
            if started_at[kind] != self.generations[kind]:
                return False
            self.state.failures[kind] = list(problems)
            self.state.counter += 1
            self.state.built_at = datetime.now().strftime("%H:%M:%S")
        what = "HTML" if kind == "html" else "EPUB/PDF"
        self.say(f"the {what} build failed; the page shows why, the last good output stays reachable", problems,
                 kind="problem")
        return False

    def stop(self) -> None:
        self.stopping.set()
        shutil.rmtree(self.staging_root, ignore_errors=True)


def affected(paths: list[Path], root: Path, content: Path) -> set[str]:
    """What a change concerns: content and settings concern everything; a theme file, the outputs that use it
    (`interview-publish theme` shows which); a theme file no output uses yet (new, removed), everything."""
    from .theme import Theme
    from .theme_files import theme_files

    everything = {"html", "books"}
    theme_paths = [p for p in paths if p.resolve().is_relative_to(root / "templates")
                   or p.resolve().is_relative_to(root / "styles")]
    if len(theme_paths) < len(paths):
        return everything
    try:
        used = theme_files(Theme.for_project(root))
    except Exception:  # the theme cannot be listed (a template that cannot be read): rebuild everything
        return everything
    kinds: set[str] = set()
    for path in theme_paths:
        resolved = path.resolve()
        outputs = {output for output, files in used.items() for f in files
                   if f.path and f.origin == "project" and (resolved == f.path.resolve()
                                                             or resolved.is_relative_to(f.path.resolve()))}
        if not outputs:
            return everything
        kinds |= {"html" if output == "HTML" else "books" for output in outputs}
    return kinds


def project_folders(path: Path) -> tuple[Path, Path]:
    """The project root and its content folder, found without reading the settings (they may be broken)."""
    root = (path if path.is_dir() else path.parent).resolve()
    content = root / "content" if (root / "content").is_dir() else root
    return root, content


def watch(path: Path, preview: Preview, stop: threading.Event, say_change) -> None:
    """Rebuild when content/, templates/, styles/ or publication.toml change (watchfiles, in a thread)."""
    import watchfiles

    root, content = project_folders(path)

    class ProjectFilter(watchfiles.DefaultFilter):
        def __call__(self, change, name: str) -> bool:
            if not super().__call__(change, name):
                return False
            try:
                parts = Path(name).resolve().relative_to(root).parts
            except ValueError:
                return False
            if not parts or any(part.startswith(".") for part in parts) or parts[0] == "dist":
                return False
            if parts[0] in WATCHED:
                return True
            return content == root  # a project without content/: its transcripts lie in the root

    for changes in watchfiles.watch(root, watch_filter=ProjectFilter(), stop_event=stop, debounce=200, step=50,
                                    raise_interrupt=False):
        paths = sorted({Path(name) for _, name in changes})
        kinds = preview.change(paths)
        say_change([display_path(p) for p in paths], kinds)


def inject(page: bytes, state: State, counter: int, last_good: bool = False) -> bytes:
    """Add the preview bar and the reload script before </body> of a served page (never of a built file)."""
    ready = state.ready()
    parts = [f"<strong>Preview</strong> · built {html.escape(state.built_at)}"]
    if last_good:
        parts.append('<span style="color:#ffb4a8">the last good build: the current one failed</span> '
                     f'<a style="{LINK_STYLE}" href="/">see why</a>')
    for kind, label in (("epub", "EPUB"), ("pdf", "PDF"), ("landing", "landing page")):
        if kind in ready:
            parts.append(f'<a style="{LINK_STYLE}" href="/{html.escape(ready[kind])}">{label}</a>')
        elif "books" in state.building or "html" in state.building:
            parts.append(f"{label}: building…")
    bar = (f'<aside id="interview-publish-preview" style="{BAR_STYLE}" aria-label="Preview">'
           f'{" · ".join(parts)}</aside>'
           '<style>body { padding-bottom: 3rem; }</style>')
    addition = (bar + RELOAD_SCRIPT % counter).encode("utf-8")
    at = page.rfind(b"</body>")
    return page[:at] + addition + page[at:] if at >= 0 else page + addition


def error_page(state: State, counter: int) -> bytes:
    """The page shown while the build fails: every problem, escaped, and a link to the last good output."""
    items = "\n".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in state.problems)
    last = state.ready().get("html")
    link = (f'<p>The last good build is still there: <a href="/__last/{html.escape(last)}">open it</a>.</p>'
            if last else "<p>There is no good build yet.</p>")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · interview-publish</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }}
h1 {{ font-size: 1.5rem; color: #a4161a; }}
ul {{ padding-left: 1.2rem; }}
li {{ margin: 0 0 .6rem; }}
code {{ white-space: pre-wrap; word-break: break-word; font: 14px/1.45 ui-monospace, monospace; background: #fff1f0;
        display: block; padding: .4rem .6rem; border-left: 4px solid #a4161a; }}
</style>
</head>
<body>
<main>
<h1>The build failed</h1>
<p>Fix the problems below and save: this page reloads by itself. The terminal shows them too.</p>
<ul>
{items}
</ul>
{link}
</main>
</body>
</html>
"""
    return inject(page.encode("utf-8"), state, counter)


def make_handler(preview: Preview, verbose: bool):
    state = preview.state

    class Handler(BaseHTTPRequestHandler):
        server_version = "interview-publish"

        def do_HEAD(self) -> None:
            self.do_GET(head=True)

        def do_GET(self, head: bool = False) -> None:
            path = unquote(urlsplit(self.path).path)
            with preview.lock:
                counter, failed, ready = state.counter, state.failed, state.ready()
                building, builds = sorted(state.building), dict(state.builds)
            if path == "/__reload":
                body = json.dumps({"build": counter, "failed": failed, "ready": ready, "building": building,
                                   "builds": builds})
                return self.send(HTTPStatus.OK, body.encode("utf-8"), ".json", head)
            if path == "/":
                if failed:
                    return self.send(HTTPStatus.INTERNAL_SERVER_ERROR, error_page(state, counter), ".html", head)
                if "html" in ready:
                    self.send_response(HTTPStatus.FOUND)
                    self.send_header("Location", "/" + ready["html"])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                return self.send(HTTPStatus.SERVICE_UNAVAILABLE, b"building...", "", head)
            last_good = path.startswith("/__last/")
            name = path.removeprefix("/__last/" if last_good else "/")
            file = state.folder / name
            if not name or "/" in name or "\\" in name or name.startswith(".") or not file.is_file():
                return self.send(HTTPStatus.NOT_FOUND, b"not found", "", head)
            suffix = file.suffix.lower()
            if suffix == ".html" and failed and not last_good:
                return self.send(HTTPStatus.INTERNAL_SERVER_ERROR, error_page(state, counter), ".html", head)
            data = file.read_bytes()
            if suffix == ".html":
                data = inject(data, state, counter, last_good=last_good and failed)
            self.send(HTTPStatus.OK, data, suffix, head)

        def send(self, status: HTTPStatus, body: bytes, suffix: str, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", CONTENT_TYPES.get(suffix, "application/octet-stream"))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:
            if verbose:
                sys.stderr.write(f"{self.address_string()} {format % args}\n")

    return Handler


class LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class LoopbackServer6(LoopbackServer):
    address_family = socket.AF_INET6


def serve(path: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False,
          verbose: bool = False) -> int:
    """Serve the project at ``path`` until Ctrl-C or SIGTERM; return the exit code."""
    path = Path(path)
    if not path.exists():
        raise error("project", "no such file or folder", path)
    lock = threading.Lock()

    def say(text: str, problems=(), kind: str = "info") -> None:
        with lock:
            for problem in problems:
                print(problem, file=sys.stderr, flush=True)
            if kind == "problem" or not quiet:
                print(text, file=sys.stderr if kind == "problem" else sys.stdout, flush=True)

    def say_change(names: list[str], kinds: set[str]) -> None:
        if verbose:
            what = " and ".join(label for kind, label in (("html", "the HTML"), ("books", "the EPUB and PDF"))
                                if kind in kinds)
            say(f"changed: {', '.join(names)}; rebuilding {what}")

    workspace = Path(tempfile.mkdtemp(prefix="interview-publish-serve-"))
    folder = workspace / "site"
    folder.mkdir()
    preview = Preview(path, folder, say)
    server_class = LoopbackServer6 if ":" in host else LoopbackServer
    try:
        server = server_class((host, port), make_handler(preview, verbose))
    except OSError as exc:
        shutil.rmtree(workspace, ignore_errors=True)
        raise error("serve", f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
                             "choose another port with --port (0 picks a free one)")
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        # The watcher starts first: an edit made while the first build runs is not missed.
        threading.Thread(target=watch, args=(path, preview, stop, say_change), name="serve-watch",
                         daemon=True).start()
        preview.start()
        shown_host = f"[{host}]" if ":" in host else host
        print(f"serving http://{shown_host}:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop.set()
        preview.stop()
        server.server_close()
        shutil.rmtree(workspace, ignore_errors=True)
    if not quiet:
        print("stopped", flush=True)
    return 0


def _interrupt(signum, frame) -> None:
    """SIGTERM stops the server like Ctrl-C."""
    raise KeyboardInterrupt
