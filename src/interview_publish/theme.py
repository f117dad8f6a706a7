"""The theme: Jinja templates and CSS layers, looked up in the project first, then the default theme."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .containment import check_stylesheet, contained
from .errors import error

PACKAGE_DIR = Path(__file__).resolve().parent

# CSS layers per medium: the base layer plus one layer for the medium.
STYLE_LAYERS = {
    "epub": ("base.css", "epub.css"),
    "pdf": ("base.css", "print.css"),
    "html": ("base.css", "screen.css"),
}
# A project's own additions, read after the layers of every medium; the default theme has none.
CUSTOM_LAYER = "custom.css"
# `{% extends "default:html/page.html.j2" %}` names the default theme's file, whatever the project overrides.
DEFAULT_PREFIX = "default"


def default_theme_dir() -> Path:
    """The packaged theme in an installed wheel, else the repository's top-level templates/ and styles/."""
    packaged = PACKAGE_DIR / "theme"
    if (packaged / "templates").is_dir():
        return packaged
    return PACKAGE_DIR.parent.parent


@dataclass(frozen=True)
class Theme:
    """Ordered theme folders: a project's own templates/ and styles/ override the default file by file."""

    dirs: tuple[Path, ...]
    keep_compiled: bool = False  # keep the compiled templates for the next build (template_cache.py)

    @classmethod
    def for_project(cls, root: Path | None) -> "Theme":
        """The theme of the project at ``root`` (None: the default theme alone); a project's builds keep
        their compiled templates between runs."""
        dirs = [default_theme_dir()]
        if root is not None and root.resolve() != dirs[0].resolve():
            dirs.insert(0, root.resolve())
        return cls(tuple(dirs), keep_compiled=root is not None)

    @property
    def roots(self) -> tuple[Path, ...]:
        """The folders the theme may read from: a project folder as a whole (its styles may use its own
        images and fonts), and of the default theme only its templates/ and styles/."""
        *projects, default = self.dirs
        return (*projects, default / "templates", default / "styles")

    @cached_property
    def env(self):
        """Jinja's sandboxed environment, escaping everything, refusing undefined names and loading templates
        only from inside the theme folders."""
        import jinja2
        from jinja2.sandbox import SandboxedEnvironment

        from .inline_html import render_inlines

        loader = jinja2.ChoiceLoader([
            jinja2.PrefixLoader({DEFAULT_PREFIX: contained_loader([self.default_dir / "templates"], self.roots)},
                                delimiter=":"),
            contained_loader([d / "templates" for d in self.dirs if (d / "templates").is_dir()], self.roots),
        ])
        env = SandboxedEnvironment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            auto_reload=False,  # one build, one theme: no stat() of every template at every include
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters["inlines"] = render_inlines
        if self.keep_compiled:
            from .template_cache import template_code_cache

            env.bytecode_cache = template_code_cache(env)
        return env

    def render(self, template: str, **context) -> str:
        """Render a template of the theme with the given context."""
        import jinja2

        try:
            return self.env.get_template(template).render(**context)
        except jinja2.TemplateNotFound as exc:
            raise error("theme", f"template {exc.name} not found in {self.describe()}")
        except jinja2.TemplateSyntaxError as exc:
            raise error("theme", f"template syntax error: {exc.message}", exc.filename, exc.lineno)
        except jinja2.exceptions.SecurityError as exc:  # the sandbox: templates cannot reach Python internals
            raise error("refused", f"template {template}: {exc}")
        except jinja2.UndefinedError as exc:
            raise error("theme", f"template {template}: {exc.message}")

    def stylesheet_path(self, name: str) -> Path:
        """One CSS file, from the first theme folder that has it; its url()s are checked (see containment)."""
        for folder in self.dirs:
            path = folder / "styles" / name
            if path.is_file():
                resolved = contained(path, self.roots, f"stylesheet styles/{name}")
                check_stylesheet(path, resolved.read_text(encoding="utf-8", errors="replace"), self.roots)
                return path
        raise error("theme", f"stylesheet {name} not found in {self.describe()}")

    def stylesheet_paths(self, medium: str) -> list[Path]:
        """The CSS files of one medium: base layer, the medium's layer, then the project's custom.css if any."""
        paths = [self.stylesheet_path(name) for name in STYLE_LAYERS[medium]]
        custom = [d / "styles" / CUSTOM_LAYER for d in self.dirs[:-1] if (d / "styles" / CUSTOM_LAYER).is_file()]
        return paths + custom[:1]

    def stylesheet_paths_or_missing(self, medium: str) -> list[Path]:
        """Like stylesheet_paths, but a missing layer is given as its default path instead of failing."""
        paths = []
        for name in STYLE_LAYERS[medium]:
            found = [d / "styles" / name for d in self.dirs if (d / "styles" / name).is_file()]
            paths.append(found[0] if found else self.default_dir / "styles" / name)
        custom = [d / "styles" / CUSTOM_LAYER for d in self.dirs[:-1] if (d / "styles" / CUSTOM_LAYER).is_file()]
        return paths + custom[:1]

    @property
    def default_dir(self) -> Path:
        """The default theme's folder: the last one looked in."""
        return self.dirs[-1]

    def template_path(self, name: str) -> Path | None:
        """The file a template name resolves to (project first; "default:" names the default theme's)."""
        prefix = DEFAULT_PREFIX + ":"
        folders = (self.default_dir,) if name.startswith(prefix) else self.dirs
        relative = name.removeprefix(prefix)
        return next((d / "templates" / relative for d in folders if (d / "templates" / relative).is_file()), None)

    def css_for(self, medium: str) -> str:
        """The CSS of one medium as one text (for inlining); read and checked once (one build, one theme)."""
        if medium not in self._css:
            self._css[medium] = "\n".join(path.read_text(encoding="utf-8") for path in self.stylesheet_paths(medium))
        return self._css[medium]

    @cached_property
    def _css(self) -> dict[str, str]:
        return {}

    def fonts_dir(self) -> Path:
        """The folder of the theme's font files (styles/fonts), project first."""
        for folder in self.dirs:
            if (folder / "styles" / "fonts").is_dir():
                return contained(folder / "styles" / "fonts", self.roots, "the fonts folder styles/fonts")
        raise error("theme", f"no styles/fonts folder in {self.describe()}")

    def font(self, name: str) -> Path:
        """One font file of the theme's fonts folder, checked to be there and inside the theme."""
        path = self.fonts_dir() / name
        if not path.is_file():
            raise error("theme", f"font {name} not found in {self.fonts_dir()}", path)
        return contained(path, self.roots, f"font styles/fonts/{name}")

    def describe(self) -> str:
        return ", ".join(str(d) for d in self.dirs)


def contained_loader(searchpath: list[Path], roots: tuple[Path, ...]):
    """A Jinja file loader that refuses, before opening it, a template that is a link out of ``roots``
    (Jinja itself already refuses "../" in template names)."""
    import os

    import jinja2
    from jinja2.loaders import split_template_path

    class ContainedLoader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            pieces = split_template_path(template)  # raises TemplateNotFound for ".." pieces
            for folder in self.searchpath:
                candidate = os.path.join(folder, *pieces)
                if os.path.isfile(candidate):
                    contained(Path(candidate), roots, f"template {template}")
                    break
            return super().get_source(environment, template)

    return ContainedLoader([str(folder) for folder in searchpath])
