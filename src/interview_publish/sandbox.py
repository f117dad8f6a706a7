"""The themes' Jinja environment: Jinja's sandbox, with a quicker road to the attributes of the model's plain
values, and the default theme's templates already translated to Python (theme_code.py). Imported only when
a template is rendered (it imports Jinja)."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import jinja2
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment

from . import model
from .renderers.indexing import IndexEntry, IndexRef

# The frozen dataclasses templates read (interview, turn, paragraph, person, meta, ...) and Jinja's `loop`:
# not functions, types, frames or generators, so the sandbox's rule for them is only "no name starting with _".
MODEL_TYPES = frozenset(
    [value for value in vars(model).values() if isinstance(value, type) and dataclasses.is_dataclass(value)]
    + [IndexEntry, IndexRef, LoopContext])
# What their fields hold: for these values the sandbox has nothing more to check (no str.format to wrap).
PLAIN_VALUES = MODEL_TYPES | {str, int, float, bool, type(None), tuple}
_MISSING = object()


class ThemeEnvironment(SandboxedEnvironment):
    """SandboxedEnvironment, deciding exactly as it does. ``interview.title`` in a template is one call to
    getattr; the sandbox then checks the attribute (its name, the object's kind, a str.format to wrap).
    For a model value's field not starting with "_" every check passes, so the value is returned at once;
    anything else (a method, a private name, any other object) takes the sandbox's own road."""

    def getattr(self, obj, attribute):
        if type(obj) in MODEL_TYPES and not attribute.startswith("_"):
            value = getattr(obj, attribute, _MISSING)
            if type(value) in PLAIN_VALUES:
                return value
        return super().getattr(obj, attribute)

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        """Jinja's compile, except for a template of the default theme: its Python, made by Jinja beforehand
        and kept in theme_code.py as a function (so that Python caches its bytecode with the module), is used
        when the template's name and source and Jinja's version and settings are exactly those it was made
        from. Jinja's parser and code generator, and compiling the Python they make, cost more than rendering
        a short book; a project's own template (or a changed one) is compiled as usual."""
        if isinstance(source, str) and name is not None and not raw and not defer_init:
            if precompiled(self, name, source) is not None:  # what Jinja runs fills the module with its names
                return self._compile(f"globals().update(environment.made_names({name!r}))", filename or "<template>")
        return super().compile(source, name, filename, raw, defer_init)

    def made_names(self, name: str) -> dict:
        """The names a default template's module defines (root, blocks, ...), from theme_code.py."""
        from .theme_code import TEMPLATES

        return TEMPLATES[name][1](self)


def settings(env: jinja2.Environment) -> str:
    """Everything besides a template's name and source that the Python Jinja makes of it depends on (the
    filters and tests by name and by what they ask to be passed: context, environment)."""
    def kinds(functions: dict) -> list:
        return sorted((name, str(getattr(function, "jinja_pass_arg", None))) for name, function in functions.items())

    return repr((jinja2.__version__, env.sandboxed, env.is_async, env.optimized, env.autoescape, env.finalize,
                 env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence,
                 env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                 env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, sorted(env.extensions), kinds(env.filters), kinds(env.tests),
                 sorted(env.intercepted_binops), sorted(env.intercepted_unops)))


def digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def precompiled(env: jinja2.Environment, name: str, source: str):
    """The function of theme_code.py that makes a default template's names, if made from exactly this source
    with these settings; else None."""
    from .theme_code import SETTINGS, TEMPLATES

    made = TEMPLATES.get(name)
    if made is None or made[0] != digest(source) or SETTINGS != settings(env):
        return None
    return made[1]


def theme_code_text(env: jinja2.Environment, templates: Path) -> str:
    """The text of theme_code.py for the templates in ``templates`` (scripts/compile-theme writes it): for
    each, the Python Jinja makes of it, as the body of a function that returns the names it defines (Jinja's
    code uses no global statement and no multi-line string, so indenting it changes nothing it does)."""
    lines = ['"""The default theme\'s templates as Jinja compiles them to Python for the themes\' environment',
             "(sandbox.py): each template's module as a function that makes its names, so that a build neither",
             "parses nor compiles them again. Made by scripts/compile-theme from templates/: do not edit. A",
             'template whose source differs, or another Jinja, is compiled as usual.',
             '"""',
             "# ruff: noqa", "", f"SETTINGS = {settings(env)!r}"]
    entries = []
    for number, path in enumerate(sorted(templates.rglob("*.j2"))):
        name = path.relative_to(templates).as_posix()
        source = path.read_text(encoding="utf-8")
        python = env.compile(source, name, str(path), raw=True)
        lines += ["", "", f"def _template_{number}(environment):  # {name}"]
        lines += [f"    {line}" if line else "" for line in python.split("\n")]
        lines.append('    return {"name": name, "root": root, "blocks": blocks, "debug_info": debug_info}')
        entries.append(f"    {name!r}: ({digest(source)!r}, _template_{number}),")
    lines += ["", "", "TEMPLATES = {", *entries, "}"]
    return "\n".join(lines) + "\n"
