"""What rendering will import and load, done ahead: while a forked process starts reading a long
collection's transcripts (readpool.py), this process does this first, instead of rendering doing it
afterwards, then reads too. Loading Python modules, the theme's Jinja environment, its templates and
stylesheets changes nothing that is rendered."""

from __future__ import annotations

import importlib

from ..theme import Theme

# The modules each format's renderer imports (".name": ours); an e-book's build, and a full one (its kit), also
# draws or reads a cover, with Pillow (an HTML page alone needs it only to check a project's own cover).
MODULES = {
    "epub": ("ebooklib.epub", ".epub"),
    "kepub": ("ebooklib.epub", ".epub", ".kepub"),
    "html": (".html",),
}
COVER_MODULES = ("PIL.Image", "PIL.ImageDraw", "PIL.ImageFont", "PIL.PngImagePlugin")
# The template folders each format renders from, besides the partials every format shares.
TEMPLATE_FOLDERS = {"epub": "epub/", "kepub": "epub/", "html": "html/", "pdf": "pdf/"}
# The stylesheets each format inlines (Theme.css_for; the PDF's are passed to WeasyPrint as files).
CSS_MEDIA = {"epub": "epub", "kepub": "epub", "html": "html"}


def preload(theme: Theme, formats: tuple[str, ...]) -> None:
    """Import the modules rendering ``formats`` uses, load the theme's templates for them (the project's
    own where it has them) and read the stylesheets they inline. What fails here is left for rendering to
    meet, and report as it would without this."""
    names = dict.fromkeys(name for fmt in formats for name in MODULES.get(fmt, ()))
    cover = COVER_MODULES if {"epub", "kepub", "pdf"} & set(formats) else ()
    for name in (*cover, *names):
        try:
            importlib.import_module(name, __package__)
        except Exception:
            pass
    folders = ("partials/", *{TEMPLATE_FOLDERS[fmt] for fmt in formats if fmt in TEMPLATE_FOLDERS})
    default = theme.default_dir / "templates"  # the names rendering uses (a project may override any)
    for path in sorted(default.rglob("*.j2")):
        name = path.relative_to(default).as_posix()
        if name.startswith(folders):
            try:
                theme.env.get_template(name)
            except Exception:
                pass
    for medium in dict.fromkeys(CSS_MEDIA[fmt] for fmt in formats if fmt in CSS_MEDIA):
        try:
            theme.css_for(medium)
        except Exception:
            pass
