"""Containment: a build reads only inside the project folder and the theme, and never the network.

Every path a setting, a stylesheet or a template names is resolved (symbolic links followed) before
anything is opened, and refused with ``error[refused]`` naming the setting or the file and line when
it lands outside the allowed folders or is not a local file."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .errors import error

CODE = "refused"


def inside(path: Path, roots: tuple[Path, ...]) -> bool:
    """Whether ``path``, with every symbolic link followed, lies in one of ``roots``."""
    return resolved_inside(Path(path).resolve(), roots)


def resolved_inside(resolved: Path, roots: tuple[Path, ...], roots_resolved: bool = False) -> bool:
    """Whether a path already resolved lies in one of ``roots`` (resolved here, unless ``roots_resolved``)."""
    return any(resolved.is_relative_to(root if roots_resolved else Path(root).resolve()) for root in roots)


def contained(path: Path, roots: tuple[Path, ...], what: str, where: Path | str | None = None,
              line: int | None = None, roots_resolved: bool = False) -> Path:
    """``path`` resolved, or a refusal naming ``what`` (a setting, a file) when it leads outside ``roots``
    (``roots_resolved``: they are resolved already, as for many paths checked against the same roots)."""
    resolved = Path(path).resolve()
    if not resolved_inside(resolved, roots, roots_resolved):
        how = "is a link to" if Path(path).absolute() != resolved else "lies at"
        raise error(CODE, f"{what} {how} {resolved}, outside the project and the theme", where or path, line)
    return resolved


def resolve_url(url: str, base: Path) -> tuple[str, Path | None]:
    """Where a URL written in a file at ``base`` points: ("data", None), ("file", path), or (reason, None)
    for a URL that can only be fetched from another machine."""
    absolute = urljoin(base.as_uri(), url.strip())
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return "data", None
    if scheme != "file":
        return f"{scheme or 'a'} URL: a build never reaches the network", None
    if parts.netloc not in ("", "localhost"):
        return f"a file on the host {parts.netloc}: a build never reaches the network", None
    return "file", Path(unquote(parts.path))


def check_url(url: str, base: Path, roots: tuple[Path, ...], where: Path | str, line: int | None) -> None:
    """Refuse a URL in a stylesheet that leaves the allowed folders, reaches the network or names no file."""
    kind, path = resolve_url(url, base)
    shown = url if len(url) <= 80 else url[:77] + "..."
    if kind == "data":
        return
    if path is None:
        raise error(CODE, f"url({shown}) refused: {kind}", where, line)
    if not inside(path, roots):
        raise error(CODE, f"url({shown}) refused: {path.resolve()} is outside the project and the theme", where,
                    line)
    if not path.is_file():
        raise error("theme", f"url({shown}): {path} not found (a url() is relative to its stylesheet)", where, line)


def stylesheet_urls(text: str) -> list[tuple[str, int]]:
    """Every URL a stylesheet asks for (url(), @import "..."), with its line, found by a real CSS tokenizer
    (so escapes and comments cannot hide one)."""
    import tinycss2  # pure Python, installed with WeasyPrint

    found: list[tuple[str, int]] = []

    def walk(tokens) -> None:
        after_import = False
        for token in tokens:
            kind = token.type
            if kind == "url":
                found.append((token.value, token.source_line))
            elif kind == "function" and token.lower_name in ("url", "src"):
                for argument in token.arguments:
                    if argument.type == "string":
                        found.append((argument.value, argument.source_line))
            elif after_import and kind == "string":
                found.append((token.value, token.source_line))
            if kind == "at-keyword":
                after_import = token.lower_value == "import"
            elif kind not in ("whitespace", "comment"):
                after_import = False
            for nested in ("content", "arguments"):
                if isinstance(getattr(token, nested, None), list):
                    walk(getattr(token, nested))

    walk(tinycss2.parse_component_value_list(text, skip_comments=True))
    return found


def check_stylesheet(path: Path, text: str, roots: tuple[Path, ...]) -> None:
    """Refuse a stylesheet whose url()s or @imports point outside ``roots``, at the network, or at
    missing files (a missing font is an error, not a silent fallback)."""
    for url, line in stylesheet_urls(text):
        check_url(url, path, roots, path, line)
