"""The theme's templates as Jinja compiled them, kept between builds with Jinja's own bytecode cache.

Compiling the default theme's 19 templates costs about 50 ms, more than rendering a short book; with the
cache a build loads them in a few. Jinja checks each entry itself: a template whose source changed is
compiled again. The cache lives in the folder Jinja picks for the user (``$TMPDIR/_jinja2-cache-<uid>``,
which Jinja makes private to the user and refuses otherwise), never in the project: what it holds is run as
Python, outside the sandbox, so it must not be something a shared or downloaded project can bring along.
Imported only when a template is compiled (it imports Jinja).
"""

from __future__ import annotations

import hashlib

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache


class TemplateCodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, except that a cache it cannot read or write is no cache: a build never fails for
    it (a full disk, a read-only folder, an entry cut short or damaged)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry (Jinja reads it with pickle and marshal): compile as usual
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_code_cache(env: jinja2.Environment) -> TemplateCodeCache | None:
    """A cache for ``env``'s templates in the user's Jinja cache folder, or None where there is none to be
    had (no writable temporary folder, or one that is not the user's own)."""
    try:
        cache = TemplateCodeCache(pattern=f"interview-publish-{settings_key(env)}-%s.cache")
    except (OSError, RuntimeError):  # Jinja could not make the folder, or found it unsafe
        return None
    return cache


def settings_key(env: jinja2.Environment) -> str:
    """What besides a template's name, file and source (which Jinja's cache checks itself) shapes the code
    Jinja makes of it: Jinja's version, the environment's options, and how each filter and test is called.
    Entries made with other settings are then never read."""
    calls = sorted((kind, name, str(getattr(function, "jinja_pass_arg", None)))
                   for kind, table in (("filter", env.filters), ("test", env.tests))
                   for name, function in table.items())
    settings = (jinja2.__version__, type(env).__qualname__, env.autoescape, env.optimized, env.finalize,
                env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence,
                env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
                sorted(env.extensions), calls)
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]
