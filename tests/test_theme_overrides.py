"""A project's templates/ and styles/ override the default theme file by file, in every format that uses
them; a project template can extend the default one it replaces; `theme` lists where each file comes from."""

from __future__ import annotations

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


def test_the_default_theme_python_is_up_to_date():
    """theme_code.py holds what Jinja makes of each default template; run scripts/compile-theme after
    changing a template (or Jinja), else builds parse the changed templates again (same output, slower)."""
    from interview_publish import theme_code
    from interview_publish.sandbox import digest, precompiled, settings, theme_code_text
    from interview_publish.theme import Theme

    env = Theme.for_project(None).env
    sources = {path.relative_to(REPO / "templates").as_posix(): path.read_text(encoding="utf-8")
               for path in sorted((REPO / "templates").rglob("*.j2"))}
    # made from today's templates (whatever Jinja is installed) ...
    assert {name: made[0] for name, made in theme_code.TEMPLATES.items()} == \
        {name: digest(source) for name, source in sources.items()}, "run scripts/compile-theme"
    if theme_code.SETTINGS == settings(env):  # ... and, with the Jinja it was made for, exactly its code
        made = (REPO / "src" / "interview_publish" / "theme_code.py").read_text(encoding="utf-8")
        assert made == theme_code_text(env, REPO / "templates"), "run scripts/compile-theme"
    else:  # another Jinja (a newer release): every template is compiled as usual, none from theme_code.py
        assert all(precompiled(env, name, source) is None for name, source in sources.items())


def test_the_default_theme_python_renders_what_jinja_compiles(tmp_path, monkeypatch):
    """Each default template's function in theme_code.py (Jinja's Python, indented into a function) renders
    byte for byte what Jinja's own compile of the template renders: the sample's EPUB, HTML and KEPUB."""
    from interview_publish import sandbox, theme_code
    from interview_publish.build import build

    project = make_project(tmp_path / "p")
    used = []
    made_names = sandbox.ThemeEnvironment.made_names
    monkeypatch.setattr(sandbox.ThemeEnvironment, "made_names", lambda env, name: used.append(name) or
                        made_names(env, name))
    build(project, ("epub", "html", "kepub"), cache=False, dist=tmp_path / "made")
    assert {"partials/turn.html.j2", "epub/chapter.xhtml.j2", "html/page.html.j2"} <= set(used)
    monkeypatch.setattr(theme_code, "SETTINGS", theme_code.SETTINGS.replace("'3.", "'2.", 1))  # as for another Jinja
    used.clear()
    build(project, ("epub", "html", "kepub"), cache=False, dist=tmp_path / "compiled")
    assert used == []  # every template compiled by Jinja
    names = sorted(p.name for p in (tmp_path / "made").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "compiled").iterdir()) and len(names) == 3
    for name in names:
        assert (tmp_path / "made" / name).read_bytes() == (tmp_path / "compiled" / name).read_bytes(), name


def test_another_jinja_compiles_the_default_templates_as_usual(monkeypatch):
    from interview_publish import theme_code
    from interview_publish.sandbox import precompiled
    from interview_publish.theme import Theme

    env = Theme.for_project(None).env
    source = (REPO / "templates" / "partials" / "turn.html.j2").read_text(encoding="utf-8")
    monkeypatch.setattr(theme_code, "SETTINGS", theme_code.SETTINGS.replace("'3.", "'2.", 1))
    assert precompiled(env, "partials/turn.html.j2", source) is None


def test_only_a_template_exactly_like_the_default_one_uses_its_python(tmp_path):
    from interview_publish.sandbox import precompiled
    from interview_publish.theme import Theme

    env = Theme.for_project(None).env
    from interview_publish import theme_code
    from interview_publish.sandbox import settings

    source = (REPO / "templates" / "partials" / "turn.html.j2").read_text(encoding="utf-8")
    if theme_code.SETTINGS == settings(env):  # made for this Jinja (see the test above for another one)
        assert precompiled(env, "partials/turn.html.j2", source) is theme_code.TEMPLATES["partials/turn.html.j2"][1]
    assert precompiled(env, "partials/turn.html.j2", source.replace("turn ", "turn house-")) is None
    assert precompiled(env, "partials/interview.html.j2", source) is None  # the name is part of the code
    project = make_project(tmp_path / "p")
    (project / "templates" / "partials").mkdir(parents=True)
    (project / "templates" / "partials" / "turn.html.j2").write_text(source.replace("turn ", "turn house-"))
    assert run_cli("build", str(project), "-f", "html").returncode == 0
    assert 'class="turn house-' in outputs(project)["html"].read_text(encoding="utf-8")
