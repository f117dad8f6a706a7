"""Containment: a build reads only inside the project and the theme, never the network, and never runs
template code from its input. Every refusal is checked twice: the clear message (naming the setting or
the file and line), and the record of what the build opened, listed and fetched (audit hooks in the
build's process and in its PDF layout processes, see tests/audit_site/sitecustomize.py): nothing in the
"outside" folder was touched."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import mimetypes
import pytest
from helpers import NS, REPO, SEED, outputs, spine_documents

GOOD_CONFIG = 'title = "Contained"\nlanguage = "en"\n'


@pytest.fixture
def world(tmp_path):
    """A project next to an "outside" folder holding secrets, fonts, stylesheets and templates that a
    hostile project might point at."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("TOP SECRET\n")
    (outside / "secret.md").write_text("# Secret\n\nTOP SECRET\n")
    shutil.copy(REPO / "styles" / "fonts" / "CharisSIL-Regular.ttf", outside / "font.ttf")
    shutil.copy(REPO / "styles" / "print.css", outside / "print.css")
    (outside / "fonts").mkdir()
    for font in (REPO / "styles" / "fonts").glob("*.ttf"):
        shutil.copy(font, outside / "fonts" / font.name)
    (outside / "turn.html.j2").write_text("TOP SECRET {{ turn.id }}")
    (outside / "transcript.txt").write_text(SEED.read_text(encoding="utf-8"))
    from PIL import Image

    Image.new("RGB", (1600, 2560), (200, 0, 0)).save(outside / "cover.png")
    project = tmp_path / "project"
    content = project / "content"
    content.mkdir(parents=True)
    shutil.copy(SEED, content / "interview.txt")
    (content / "publication.toml").write_text(GOOD_CONFIG)
    return project, outside


def audited(*args: str, cwd: Path | None = None) -> tuple[subprocess.CompletedProcess, list]:
    """The CLI under audit hooks (tests/audit_site/sitecustomize.py) in every Python process of the build,
    its layout processes included: its result and every recorded event."""
    with tempfile.TemporaryDirectory() as log:
        env = {**os.environ, "AUDIT_DIR": log,
               "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "tests" / "audit_site"),
                                                           os.environ.get("PYTHONPATH")]))}
        env.pop("INTERVIEW_PUBLISH_DEBUG", None)
        result = subprocess.run([sys.executable, "-P", "-m", "interview_publish", *args], cwd=cwd, env=env,
                                capture_output=True, text=True, timeout=300)
        events = [json.loads(line) for path in sorted(Path(log).glob("*.jsonl"))
                  for line in path.read_text(encoding="utf-8").splitlines()]
    return result, events


def touched(events: list, folder: Path) -> list:
    """Events that opened, listed or loaded (urllib) anything in ``folder``, links followed. What the PDF
    fetcher was merely asked for ("fetch") is not a touch: it may have been refused."""
    folder = folder.resolve()
    hits = []
    for event, target in events:
        if isinstance(target, int) or event == "fetch":
            continue
        path = target
        if event == "urllib.Request":
            if not target.startswith("file:"):
                continue
            from urllib.parse import unquote, urlsplit

            path = unquote(urlsplit(target).path)
        if Path(path).is_absolute() and Path(os.path.realpath(path)).is_relative_to(folder):
            hits.append((event, target))
    return hits


def refused(project: Path, outside: Path, where: str, *words: str, code: str = "refused", fmt: str = "epub,pdf,html"):
    result, events = audited("build", str(project), "-f", fmt)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert f"error[{code}]" in result.stderr and where in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert touched(events, outside) == [], touched(events, outside)
    assert not [e for e in events if e[0].startswith("socket.") or e[0] == "http.client.connect"]
    assert not (project / "dist").exists()
    return result


# --- stylesheets: url() and @import ------------------------------------------------------------------------


OUTSIDE_FILE = "@font-face {{ font-family: X; src: url(file://{secret}); }}"


@pytest.mark.parametrize("layer, rule, words", [
    ("print.css", OUTSIDE_FILE, ("outside the project",)),
    ("base.css", OUTSIDE_FILE, ("outside the project",)),
    ("screen.css", OUTSIDE_FILE, ("outside the project",)),
    ("epub.css", OUTSIDE_FILE, ("outside the project",)),
    ("print.css", "@font-face {{ font-family: X; src: url('../../outside/font.ttf'); }}", ("outside the project",)),
    ("screen.css", "p {{ background: url(\\66 ile://{secret}); }}", ("outside the project",)),  # CSS escapes
    ("print.css", "@import '../../outside/print.css';", ("outside the project",)),
    ("print.css", "@font-face {{ font-family: X; src: url(https://fonts.example.invalid/x.woff2); }}", ("network",)),
    ("screen.css", "p {{ background: url(//tracker.example.invalid/pixel.png); }}", ("network",)),
    ("epub.css", "@import url(http://example.invalid/x.css);", ("network",)),
])
def test_stylesheet_urls_outside_or_on_the_network_are_refused(world, layer, rule, words):
    project, outside = world
    (project / "styles").mkdir()
    css = "/* a project's own layer */\n\n" + rule.format(secret=outside / "secret.txt") + "\n"
    (project / "styles" / layer).write_text(css)
    refused(project, outside, f"styles/{layer}:3: error[refused]: url(", *words)


def test_a_stylesheet_that_is_a_link_out_of_the_project_is_refused(world):
    project, outside = world
    (project / "styles").mkdir()
    (project / "styles" / "print.css").symlink_to(outside / "print.css")
    refused(project, outside, "styles/print.css: error[refused]: stylesheet styles/print.css is a link to",
            "outside the project and the theme")


def test_a_font_url_that_is_a_link_out_of_the_project_is_refused(world):
    project, outside = world
    (project / "styles").mkdir()
    (project / "styles" / "my.ttf").symlink_to(outside / "font.ttf")
    (project / "styles" / "print.css").write_text('@font-face { font-family: X; src: url(my.ttf); }\n')
    refused(project, outside, "styles/print.css:1: error[refused]: url(my.ttf) refused")


def test_a_fonts_folder_that_is_a_link_out_of_the_project_is_refused(world):
    project, outside = world
    (project / "styles").mkdir()
    (project / "styles" / "fonts").symlink_to(outside / "fonts")
    refused(project, outside, "error[refused]: the fonts folder styles/fonts is a link to")


def test_a_stylesheet_inside_the_project_may_use_its_own_fonts(world):
    project, outside = world
    (project / "styles" / "fonts").mkdir(parents=True)
    shutil.copy(REPO / "styles" / "fonts" / "CharisSIL-Italic.ttf", project / "styles" / "fonts" / "Mine.ttf")
    (project / "styles" / "print.css").write_text(
        (REPO / "styles" / "print.css").read_text() + '\n@font-face { font-family: Mine; src: url(fonts/Mine.ttf); }\n'
        "h1 { font-family: Mine; }\n")
    for font in ("CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Bold.ttf", "CharisSIL-BoldItalic.ttf"):
        shutil.copy(REPO / "styles" / "fonts" / font, project / "styles" / "fonts" / font)
    result, events = audited("build", str(project), "-f", "pdf")
    assert result.returncode == 0, result.stderr
    fetched = [target for event, target in events if event == "fetch"]  # only the layout process fetches
    assert (project / "styles" / "fonts" / "Mine.ttf").resolve().as_uri() in fetched
    assert touched(events, outside) == []


# --- templates -------------------------------------------------------------------------------------------


def test_a_template_that_is_a_link_out_of_the_project_is_refused(world):
    project, outside = world
    (project / "templates" / "partials").mkdir(parents=True)
    (project / "templates" / "partials" / "turn.html.j2").symlink_to(outside / "turn.html.j2")
    refused(project, outside, "templates/partials/turn.html.j2: error[refused]: template partials/turn.html.j2 is "
                              "a link to")


def test_a_template_cannot_include_files_outside_the_theme(world):
    project, outside = world
    (project / "templates" / "html").mkdir(parents=True)
    page = (REPO / "templates" / "html" / "page.html.j2").read_text()
    (project / "templates" / "html" / "page.html.j2").write_text(
        page.replace("<main", '{% include "../../outside/secret.txt" %}<main', 1))
    refused(project, outside, "error[theme]: template ../../outside/secret.txt not found", code="theme", fmt="html")


def test_a_template_cannot_reach_python_internals(world):
    project, outside = world
    (project / "templates" / "html").mkdir(parents=True)
    page = (REPO / "templates" / "html" / "page.html.j2").read_text()
    (project / "templates" / "html" / "page.html.j2").write_text(
        page.replace("<main", "{{ t.__globals__['__builtins__']['open']('" + str(outside / "secret.txt")
                     + "').read() }}<main", 1))
    refused(project, outside, "error[refused]: template html/page.html.j2:", fmt="html")



@pytest.mark.parametrize("expression", [
    "interview.__class__", "interview.__dict__", "turn.paragraphs[0].__class__.__mro__", "loop.__class__",
    "interview.participant.__func__.__globals__", "interview._private", "interview.with_role.__self__",
])
def test_the_sandbox_guards_the_model_values_templates_read(expression):
    """Jinja's sandbox refuses what a template could reach Python's internals through, and reads the fields."""
    import jinja2
    from jinja2.sandbox import SecurityError

    from interview_publish.model import Interview, Paragraph, Participant, Text, Turn
    from interview_publish.theme import Theme

    turn = Turn("t1", "a", (Paragraph((Text("Hello"),)),))
    interview = Interview("i1", "A title", None, (Participant("a", "Ann", "interviewee"),), (turn,))
    template = Theme.for_project(None).env.from_string("{% for x in [1] %}{{ " + expression + " }}{% endfor %}")
    with pytest.raises((SecurityError, jinja2.UndefinedError)):
        template.render(interview=interview, turn=turn)
    assert Theme.for_project(None).env.from_string("{{ interview.title }} {{ turn.paragraphs[0].text }}").render(
        interview=interview, turn=turn) == "A title Hello"

@pytest.mark.parametrize("markup, words", [
    ('<img src="file://{secret}" alt="">', ("outside the project and the theme",)),
    ('<link rel="stylesheet" href="https://example.invalid/x.css">', ("never reaches the network",)),
])
def test_the_pdf_fetcher_refuses_what_a_template_asks_for(world, markup, words):
    project, outside = world
    (project / "templates" / "pdf").mkdir(parents=True)
    book = (REPO / "templates" / "pdf" / "book.html.j2").read_text()
    (project / "templates" / "pdf" / "book.html.j2").write_text(
        book.replace("</head>", markup.format(secret=outside / "cover.png") + "</head>", 1))
    result, events = audited("build", str(project), "-f", "pdf")
    refused(project, outside, "error[refused]: the print layout asked for", *words, fmt="pdf")
    asked = [target for event, target in events if event == "fetch"]
    wanted = re.search(r'(?:src|href)="([^"]+)"', markup.format(secret=outside / "cover.png")).group(1)
    assert asked[-1] == wanted  # the fetcher was asked, and refused: the layout stopped there
    assert not [t for e, t in events if e == "urllib.Request" and t == asked[-1]]


# --- settings and files of the project --------------------------------------------------------------------


@pytest.mark.parametrize("setting, where, words", [
    ('transcripts = ["../../outside/transcript.txt"]', 3, ("transcripts:", "content folder", "outside")),
    ('transcripts = ["../../etc/*"]', 3, ("transcripts:", "content folder", "outside")),
    ('cover = "../../outside/cover.png"', 3, ("cover:", "outside the project")),
    ('front = ["../../outside/secret.md"]', 3, ("front:", "content folder", "outside")),
    ('back = ["/etc/hostname"]', 3, ("back:", "content folder", "outside")),
    ('[print]\nvariant = "pdf/x-4"\noutput_profile = "../../outside/secret.txt"', 5,
     ("print.output_profile:", "outside the project")),
])
def test_settings_naming_files_outside_are_refused(world, setting, where, words):
    project, outside = world
    (project / "content" / "publication.toml").write_text(GOOD_CONFIG + setting + "\n")
    refused(project, outside, f"publication.toml:{where}: error[config]:", *words, code="config")


@pytest.mark.parametrize("name, target, words", [
    ("evil.txt", "transcript.txt", ("transcript evil.txt is a link to",)),
    ("cover.png", "cover.png", ("the cover cover.png is a link to",)),
    ("publication.toml", "secret.txt", ("publication.toml is a link to",)),
])
def test_files_in_content_that_are_links_out_are_refused(world, name, target, words):
    project, outside = world
    (project / "content" / name).unlink(missing_ok=True)
    (project / "content" / name).symlink_to(outside / target)
    refused(project, outside, f"content/{name}: error[refused]:", *words)


def test_a_content_folder_that_is_a_link_out_is_refused(world):
    project, outside = world
    shutil.rmtree(project / "content")
    (outside / "content").mkdir()
    (outside / "content" / "interview.txt").write_text(SEED.read_text(encoding="utf-8"))
    (project / "content").symlink_to(outside / "content")
    refused(project, outside, "error[refused]: the content folder is a link to")


def test_a_dist_folder_that_is_a_link_out_is_refused_and_nothing_is_written_there(world):
    project, outside = world
    (outside / "index.html").write_text("someone else's page")
    before = {p.name: p.read_bytes() for p in outside.iterdir() if p.is_file()}
    (project / "dist").symlink_to(outside)
    result, events = audited("build", str(project))
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "dist: error[refused]: the output folder dist/ is a link to" in result.stderr, result.stderr
    assert {p.name: p.read_bytes() for p in outside.iterdir() if p.is_file()} == before
    assert [e for e in touched(events, outside) if e[0] == "open"] == []


# --- text is never a template, Markdown never raw HTML ------------------------------------------------------


def test_template_syntax_and_raw_html_in_input_are_printed_as_text(world):
    project, outside = world
    (project / "content" / "publication.toml").write_text(
        'title = "{{ 7*7 }} {% include \'/etc/passwd\' %}"\nlanguage = "en"\nfront = ["foreword.md"]\n')
    (project / "content" / "foreword.md").write_text(
        "# Foreword {{ config }}\n\nSee <img src=\"file://" + str(outside / "cover.png") + "\"> and "
        "![x](file://" + str(outside / "cover.png") + ") and {% for x in range(9) %}{{ x }}{% endfor %}.\n")
    result, events = audited("build", str(project))
    assert result.returncode == 0, result.stderr
    assert touched(events, outside) == []
    docs = spine_documents(outputs(project)["epub"])
    text = " ".join("".join(doc.itertext()) for doc in docs)
    assert "{{ 7*7 }} {% include '/etc/passwd' %}" in text
    assert "{% for x in range(9) %}{{ x }}{% endfor %}" in text and "012345678" not in text
    assert f'<img src=”file://{outside / "cover.png"}”>' in text  # typography curls the quotes, nothing more
    assert f'![x](file://{outside / "cover.png"})' in text
    assert [img.get("src") for doc in docs for img in doc.iterfind(".//x:img", NS)] == ["../images/cover.png"]
    html = outputs(project)["html"].read_text()
    assert "{{ 7*7 }}" in html and "<img" not in html.split("<main", 1)[1]


# --- the whole build: everything it opens, lists, starts and fetches ----------------------------------------


def allowed_roots(project: Path) -> list[Path]:
    """Where a build may open files, and why:
    - the project folder (inputs; dist/ and its temporary files);
    - the theme's templates/ and styles/ (fonts included);
    - Python and its packages: sys.prefix (the venv), sys.base_prefix (the standard library), the
      interview_publish package itself (imports read .py/.pyc files);
    - the system temporary folder: WeasyPrint writes the @font-face fonts it loaded there for fontconfig,
      ctypes.util.find_library (locating Pango) uses temporary files, and Jinja keeps the compiled
      templates there (template_cache.py);
    - /dev/null (the output of the helpers find_library starts)."""
    import interview_publish

    return [project.resolve(), (REPO / "templates").resolve(), (REPO / "styles").resolve(),
            Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), Path(sys.exec_prefix).resolve(),
            Path(interview_publish.__file__).resolve().parent, Path(tempfile.gettempdir()).resolve(),
            Path("/dev/null")]


PACKAGE_FOLDER = Path(__import__("interview_publish").__file__).resolve().parent.parent
# Files read by name outside those folders: the system's media type tables (Python's mimetypes module).
ALLOWED_FILES = {str(Path(p).resolve()) for p in mimetypes.knownfiles}
# Programs started: only those ctypes.util.find_library runs to locate shared libraries (Pango), and
# Python itself for the PDF's layout processes (workers.py).
ALLOWED_PROGRAMS = {"ldconfig", "gcc", "cc", "ld", "objdump", Path(sys.executable).name}


def test_a_whole_build_opens_nothing_outside_and_never_the_network(world):
    project, outside = world
    (project / "styles" / "fonts").mkdir(parents=True)
    for font in (REPO / "styles" / "fonts").glob("*.ttf"):
        shutil.copy(font, project / "styles" / "fonts" / font.name)
    (project / "content" / "interview.txt").write_text(
        SEED.read_text(encoding="utf-8") + "\n\nSee file://" + str(outside / "secret.txt")
        + " and https://example.invalid/x.png and <img src=\"../../outside/cover.png\">.\n")
    result, events = audited("build", str(project))
    assert result.returncode == 0, result.stderr
    roots = allowed_roots(project)
    strays = []
    for event, target in events:
        if event in ("open", "os.listdir", "os.scandir") and isinstance(target, str) and target:
            real = Path(os.path.realpath(target))
            if event != "open" and real == PACKAGE_FOLDER:  # the import system lists where it imports from
                continue
            if not any(real.is_relative_to(root) for root in roots) and str(real) not in ALLOWED_FILES:
                strays.append((event, target))
    assert strays == []
    assert touched(events, outside) == []
    programs = {Path(target).name for event, target in events if event in ("subprocess.Popen", "os.posix_spawn",
                                                                           "os.exec", "os.system")}
    assert all(p in ALLOWED_PROGRAMS or p.endswith("-gcc") for p in programs), programs
    assert Path(sys.executable).name in programs  # the layout process was started, and audited too:
    assert not [e for e in events if e[0].startswith("socket.") or e[0] in ("http.client.connect", "ftplib.connect")]
    fetched = [target for event, target in events if event == "fetch"]  # only the layout process fetches
    assert fetched and all(url.startswith("file:") for url in fetched)
    for url in fetched:
        from urllib.parse import unquote, urlsplit

        path = Path(unquote(urlsplit(url).path)).resolve()
        assert path.is_relative_to(project.resolve()) or path.is_relative_to(REPO / "styles"), url
    requests = [target for event, target in events if event == "urllib.Request"]
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
