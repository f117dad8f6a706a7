"""A project's templates/ and styles/ override the default theme file by file, in every format that uses
them; a project template can extend the default one it replaces; `theme` lists where each file comes from."""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from helpers import NS, REPO, epubcheck, make_project, outputs, pdf_body_text, run_cli, spine_documents

COLOPHON = """\
<p class="colophon-title">{{ meta.title }}</p>
<p class="house-note">Printed by the Override &amp; Sons press, {{ meta.date }}.</p>
"""
TITLEPAGE = """\
{% extends "default:partials/titlepage.html.j2" %}
{% block publisher %}
<p class="book-publisher">{{ meta.publisher }}, in the house style</p>
{% endblock %}
"""
STYLE_RULE = '\n.colophon-title::after { content: " (house style)"; }\n'


@pytest.fixture(scope="module")
def overridden(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("overrides"))
    (project / "templates" / "partials").mkdir(parents=True)
    (project / "templates" / "partials" / "colophon.html.j2").write_text(COLOPHON, encoding="utf-8")
    (project / "templates" / "partials" / "titlepage.html.j2").write_text(TITLEPAGE, encoding="utf-8")
    (project / "styles").mkdir()
    base = (REPO / "styles" / "base.css").read_text(encoding="utf-8")
    (project / "styles" / "base.css").write_text(base + STYLE_RULE, encoding="utf-8")
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    return project, outputs(project)


def text_of(document) -> str:
    return " ".join("".join(document.itertext()).split())


def test_overridden_template_and_stylesheet_reach_every_format(overridden):
    project, files = overridden
    # EPUB: the copyright page is the project's template, the stylesheet carries the project's rule.
    documents = [text_of(d) for d in spine_documents(files["epub"])]
    assert any("Printed by the Override & Sons press, 2011-03-22." in d for d in documents)
    assert not any("Set in interview-publish" in d or "set in interview-publish" in d.lower() for d in documents)
    archive = zipfile.ZipFile(files["epub"])
    css = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".css")]
    assert any('content: " (house style)"' in sheet for sheet in css)
    # PDF: the colophon text, and the generated text of the project's CSS rule, are on the page.
    pdf_text = " ".join(pdf_body_text(files["pdf"], ()).split())
    assert "Printed by the Override & Sons press" in pdf_text
    assert "(house style)" in pdf_text
    # HTML and the landing page: the colophon, and the rule in the inlined CSS.
    for page in (files["html"], project / "dist" / "index.html"):
        source = page.read_text(encoding="utf-8")
        assert "Printed by the Override &amp; Sons press" in source, page.name
        assert 'content: " (house style)"' in source, page.name


def test_a_template_extending_the_default_keeps_the_rest_of_it(overridden):
    _, files = overridden
    titlepage = next(d for d in spine_documents(files["epub"])
                     if d.find(".//x:h1[@class='book-title']", NS) is not None)
    assert titlepage.findtext(".//x:h1[@class='book-title']", namespaces=NS) == \
        "Russia and US have mutual desire to develop cooperation"  # from the default template
    assert titlepage.findtext(".//x:p[@class='book-publisher']", namespaces=NS) == \
        "interview-publish sample editions, in the house style"  # from the project's block
    assert "in the house style" in " ".join(pdf_body_text(files["pdf"], ()).split()).lower()  # set in capitals
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]


def test_custom_css_is_added_after_the_default_layers(tmp_path):
    project = make_project(tmp_path)
    (project / "styles").mkdir()
    (project / "styles" / "custom.css").write_text(".turn { border-left: 3px solid teal; }\n", encoding="utf-8")
    assert run_cli("build", str(project), "-f", "html").returncode == 0
    source = outputs(project)["html"].read_text(encoding="utf-8")
    screen = (REPO / "styles" / "screen.css").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert source.index(screen) < source.index(".turn { border-left: 3px solid teal; }")


def test_a_broken_project_template_names_its_file_and_line(tmp_path):
    project = make_project(tmp_path)
    (project / "templates" / "partials").mkdir(parents=True)
    (project / "templates" / "partials" / "turn.html.j2").write_text("<div>\n{% if %}\n</div>\n")
    result = run_cli("build", str(project), "-f", "html")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/partials/turn.html.j2:2: error[theme]" in result.stderr


def located(row: list[str]) -> tuple[str, Path]:
    """A listing row's origin and file (shown relative to the working folder when below it)."""
    return row[2], (Path.cwd() / row[3]).resolve()


def test_theme_lists_each_file_per_output_with_its_origin(overridden):
    project, _ = overridden
    (project / "styles" / "sreen.css").write_text("body { color: red }\n")
    result = run_cli("theme", str(project))
    assert result.returncode == 0, result.stderr
    sections: dict[str, list[list[str]]] = {}
    current = None
    for line in result.stdout.splitlines():
        if not line.startswith(" "):
            current = line.split()[0]
            sections[current] = []
        else:
            sections[current].append(line.split())
    assert {"EPUB", "PDF", "HTML", "kit"} <= set(sections)
    for output in ("EPUB", "PDF", "HTML", "kit"):
        rows = {(row[0], row[1]): row for row in sections[output] if len(row) == 4}
        assert located(rows[("template", "partials/colophon.html.j2")]) == \
            ("project", project / "templates" / "partials" / "colophon.html.j2")
        assert located(rows[("style", "base.css")]) == ("project", project / "styles" / "base.css")
    epub = {(row[0], row[1]): row for row in sections["EPUB"] if len(row) == 4}
    assert located(epub[("template", "epub/chapter.xhtml.j2")]) == ("default", REPO / "templates/epub/chapter.xhtml.j2")
    assert located(epub[("template", "partials/titlepage.html.j2")])[0] == "project"
    assert located(epub[("template", "default:partials/titlepage.html.j2")]) == \
        ("default", REPO / "templates/partials/titlepage.html.j2")
    assert epub[("style", "epub.css")][2] == "default"
    pdf = {(row[0], row[1]) for row in sections["PDF"]}
    assert ("style", "print.css") in pdf and ("style", "epub.css") not in pdf
    assert 'sreen.css: did you mean "screen.css"?' in result.stdout


def cached_templates(tmp: Path) -> dict[str, int]:
    """The entries of Jinja's cache for the user under the temporary folder ``tmp``: file name -> inode
    (Jinja writes an entry to a new file and renames it over the old one: a new inode is a new entry)."""
    folder = tmp / f"_jinja2-cache-{os.getuid()}"
    return {p.name: p.stat().st_ino for p in folder.glob("interview-publish-*.cache")}


def entry_name(tmp: Path, name: str, path: Path) -> str:
    """The file Jinja's cache keeps the template ``name`` (file ``path``) in, among cached_templates(tmp)."""
    from jinja2.bccache import FileSystemBytecodeCache

    key = FileSystemBytecodeCache(str(tmp)).get_cache_key(name, str(path))
    return next(entry for entry in cached_templates(tmp) if entry.endswith(f"-{key}.cache"))


def test_the_next_build_loads_the_compiled_templates_and_compiles_a_changed_one(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "templates" / "partials").mkdir(parents=True)
    colophon = project / "templates" / "partials" / "colophon.html.j2"
    colophon.write_text(COLOPHON, encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    env = {"TMPDIR": str(tmp_path / "tmp")}
    assert run_cli("build", str(project), "-f", "epub,html", "--no-cache", env=env).returncode == 0
    first = {path.name: path.read_bytes() for path in outputs(project).values()}
    made = cached_templates(tmp_path / "tmp")
    default_turn = entry_name(tmp_path / "tmp", "partials/turn.html.j2", REPO / "templates" / "partials" / "turn.html.j2")
    own_colophon = entry_name(tmp_path / "tmp", "partials/colophon.html.j2", colophon)
    assert len(made) >= 10 and {default_turn, own_colophon} <= set(made)  # 11 for one interview

    # A new process: every template comes from the cache (no entry written again), the books are the same.
    assert run_cli("build", str(project), "-f", "epub,html", "--no-cache", env=env).returncode == 0
    assert cached_templates(tmp_path / "tmp") == made
    assert {path.name: path.read_bytes() for path in outputs(project).values()} == first

    # The project's colophon changes: Jinja sees its source differ, compiles it again, and only it.
    colophon.write_text(COLOPHON.replace("Override &amp; Sons", "Second &amp; Sons"), encoding="utf-8")
    assert run_cli("build", str(project), "-f", "html", "--no-cache", env=env).returncode == 0
    now = cached_templates(tmp_path / "tmp")
    assert [entry for entry in made if now[entry] != made[entry]] == [own_colophon]
    assert "Printed by the Second &amp; Sons press" in outputs(project)["html"].read_text(encoding="utf-8")


def hello_project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    (project / "templates").mkdir(parents=True)
    (project / "templates" / "hello.html.j2").write_text("Hello, {{ name }}!\n", encoding="utf-8")
    return project


def test_the_theme_of_no_project_keeps_nothing(tmp_path, monkeypatch):
    from interview_publish.theme import Theme

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    theme = Theme.for_project(None)
    theme.env.get_template("partials/turn.html.j2")
    assert theme.env.bytecode_cache is None and not list(tmp_path.iterdir())


def test_no_cache_folder_to_be_had_is_no_cache(tmp_path, monkeypatch):
    from interview_publish.theme import Theme

    (tmp_path / "tmp").write_text("a file where the temporary folder should be")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    theme = Theme.for_project(hello_project(tmp_path))
    assert theme.env.bytecode_cache is None
    assert theme.render("hello.html.j2", name="Ann") == "Hello, Ann!\n"


def test_a_cache_that_cannot_be_written_or_read_is_no_cache(tmp_path, monkeypatch):
    from jinja2.bccache import bc_magic

    from interview_publish.theme import Theme

    project = hello_project(tmp_path)
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    assert Theme.for_project(project).render("hello.html.j2", name="Ann") == "Hello, Ann!\n"
    [entry] = cached_templates(tmp_path / "tmp")
    path = tmp_path / "tmp" / f"_jinja2-cache-{os.getuid()}" / entry
    path.write_bytes(path.read_bytes()[:len(bc_magic) + 3])  # cut short inside what Jinja unpickles
    assert Theme.for_project(project).render("hello.html.j2", name="Bob") == "Hello, Bob!\n"
    assert len(path.read_bytes()) > len(bc_magic) + 3  # compiled again and written whole

    theme = Theme.for_project(project)
    assert theme.env.bytecode_cache is not None
    shutil.rmtree(path.parent)
    path.parent.write_text("the folder is gone: a file stands there")  # writing an entry fails
    (project / "templates" / "hello.html.j2").write_text("Goodbye, {{ name }}.\n", encoding="utf-8")
    assert theme.render("hello.html.j2", name="Cy") == "Goodbye, Cy.\n"


@pytest.mark.skipif(os.getuid() != 0, reason="giving the folder to another user needs root")
def test_a_cache_folder_of_another_user_is_not_used(tmp_path, monkeypatch):
    from interview_publish.theme import Theme

    folder = tmp_path / "_jinja2-cache-0"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)  # nobody's: what it holds could be anything
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    theme = Theme.for_project(hello_project(tmp_path))
    assert theme.env.bytecode_cache is None
    assert theme.render("hello.html.j2", name="Ann") == "Hello, Ann!\n"
    assert not list(folder.iterdir())
