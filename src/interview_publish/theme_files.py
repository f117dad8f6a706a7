"""Which theme file each output uses and where it comes from: `interview-publish theme`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .errors import display_path
from .theme import CUSTOM_LAYER, DEFAULT_PREFIX, STYLE_LAYERS, Theme

# The templates each output renders directly; the ones they include or extend are found from these.
ENTRY_TEMPLATES = {
    "EPUB": ("epub/cover.xhtml.j2", "epub/titlepage.xhtml.j2", "epub/copyright.xhtml.j2", "epub/matter.xhtml.j2",
             "epub/part.xhtml.j2", "epub/chapter.xhtml.j2", "epub/index.xhtml.j2", "epub/nav.xhtml.j2"),
    "PDF": ("pdf/book.html.j2",),
    "HTML": ("html/page.html.j2",),
    "kit": ("html/landing.html.j2",),  # dist/index.html, the landing page
}
MEDIUM = {"EPUB": "epub", "PDF": "pdf", "HTML": "html", "kit": "html"}
USES_FONTS = {"EPUB", "PDF", "kit"}  # the PDF's face; the generated cover (EPUB, kit) is drawn with it


@dataclass(frozen=True)
class ThemeFile:
    """One theme file an output uses: its kind (template, style, fonts), its name, its file, its origin."""

    kind: str
    name: str
    path: Path | None
    origin: str  # "project", "default" or "missing"


def theme_files(theme: Theme) -> dict[str, list[ThemeFile]]:
    """Every theme file per output, in the order they are used."""
    import jinja2
    from jinja2 import meta

    report: dict[str, list[ThemeFile]] = {}
    for output, entries in ENTRY_TEMPLATES.items():
        files: list[ThemeFile] = []
        seen: set[str] = set()
        pending = list(entries)
        while pending:
            name = pending.pop(0)
            if name in seen:
                continue
            seen.add(name)
            path = theme.template_path(name)
            files.append(ThemeFile("template", name, path, origin(theme, path)))
            if path is None:
                continue
            try:
                tree = theme.env.parse(path.read_text(encoding="utf-8"))
            except jinja2.TemplateSyntaxError:
                continue  # a build reports it with its line
            pending.extend(sorted(n for n in meta.find_referenced_templates(tree) if isinstance(n, str)))
        for path in theme.stylesheet_paths_or_missing(MEDIUM[output]):
            name = path.name
            files.append(ThemeFile("style", name, path if path.is_file() else None, origin(theme, path)))
        if output in USES_FONTS:
            fonts = next((d / "styles" / "fonts" for d in theme.dirs if (d / "styles" / "fonts").is_dir()), None)
            files.append(ThemeFile("fonts", "fonts/", fonts, origin(theme, fonts)))
        report[output] = files
    return report


def origin(theme: Theme, path: Path | None) -> str:
    """Where a theme file comes from: the project's templates/ or styles/, else the default theme."""
    if path is None or not path.exists():
        return "missing"
    resolved = path.resolve()
    project = any(resolved.is_relative_to(d.resolve() / sub)
                  for d in theme.dirs[:-1] for sub in ("templates", "styles"))
    return "project" if project else "default"


def unused_project_files(theme: Theme, used: dict[str, list[ThemeFile]]) -> list[tuple[Path, str]]:
    """Files in the project's templates/ and styles/ that no output uses, each with a hint."""
    used_paths = {f.path.resolve() for files in used.values() for f in files if f.path and f.path.is_file()}
    known_templates = sorted(str(p.relative_to(theme.default_dir / "templates"))
                             for p in (theme.default_dir / "templates").rglob("*.j2"))
    known_styles = sorted({*(n for layers in STYLE_LAYERS.values() for n in layers), CUSTOM_LAYER})
    found = []
    for folder in theme.dirs[:-1]:
        for sub, known, pattern in (("templates", known_templates, "*"), ("styles", known_styles, "*.css")):
            base = folder / sub
            if not base.is_dir():
                continue
            for path in sorted(base.rglob(pattern)):
                if not path.is_file() or path.resolve() in used_paths or path.name.startswith(".") \
                        or path.name.upper().startswith("README"):  # the notes `new` leaves there
                    continue
                relative = str(path.relative_to(base))
                guess = difflib.get_close_matches(relative, known, n=1)
                hint = f'did you mean "{guess[0]}"?' if guess else "the default theme has no file of that name"
                found.append((path, hint))
    return found


def format_report(theme: Theme) -> str:
    """The listing printed by `interview-publish theme`."""
    used = theme_files(theme)
    width = max(len(f.name) for files in used.values() for f in files)
    lines = []
    for output, files in used.items():
        title = {"kit": "kit (dist/index.html)"}.get(output, output)
        lines.append(title)
        for f in files:
            shown = display_path(f.path) if f.path else "not found"
            lines.append(f"  {f.kind:<8} {f.name:<{width}}  {f.origin:<7}  {shown}")
    unused = unused_project_files(theme, used)
    if unused:
        lines.append("not used by any output")
        for path, hint in unused:
            lines.append(f"  {display_path(path)}: {hint}")
    lines.append(f'A project file replaces the default file of the same name; "{DEFAULT_PREFIX}:NAME" in '
                 "{% extends %} names the default one.")
    return "\n".join(lines) + "\n"
