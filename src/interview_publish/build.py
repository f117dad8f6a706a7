"""The build: load the project, read the model once, render each format, then write dist/ atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import Problem, PublishError, display_path, error
from .model import Publication
from .project import Project, load_project, output_stem, read_publication
from .theme import Theme

FORMATS = ("epub", "pdf", "html")
SUFFIXES = {"epub": ".epub", "pdf": ".pdf", "html": ".html"}


@dataclass
class BuildResult:
    """What a build wrote, and what it noticed on the way."""

    outputs: list[tuple[str, Path, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def build(path: Path | str = ".", formats: tuple[str, ...] = FORMATS, print_overrides: dict | None = None) -> BuildResult:
    """Build the requested formats of the project at ``path`` into its dist/ folder; ``print_overrides``
    replace [print] settings (from the command line)."""
    result = BuildResult()
    project = load_project(path)
    if print_overrides:
        config = replace(project.config, print=replace(project.config.print, **print_overrides))
        project = replace(project, config=config)
    publication, problems = read_publication(project)
    result.problems.extend(problems)
    theme = Theme.for_project(project.root)
    rendered = {fmt: render(fmt, publication, project, theme, result.problems) for fmt in formats}
    stem = output_stem(project, publication)
    targets = {fmt: project.dist_dir / (stem + SUFFIXES[fmt]) for fmt in formats}
    write_all(project, {targets[fmt]: data for fmt, data in rendered.items()})
    result.outputs = [(fmt, targets[fmt], len(rendered[fmt])) for fmt in formats]
    return result


def render(fmt: str, publication: Publication, project: Project, theme: Theme, problems: list[Problem]) -> bytes:
    """Render one format to bytes in memory; nothing touches dist/ yet."""
    if fmt == "epub":
        from .renderers.epub import render_epub

        return render_epub(publication, theme)
    if fmt == "pdf":
        from .renderers.pdf import render_pdf

        return render_pdf(publication, theme, project.config.print, problems)
    if fmt == "html":
        from .renderers.html import render_html

        return render_html(publication, theme)
    raise error("usage", f'unknown format "{fmt}"; choose from {", ".join(FORMATS)}')


def write_all(project: Project, files: dict[Path, bytes]) -> None:
    """Write every file to a temporary name in dist/, then rename them all: old files survive a failure."""
    dist = project.dist_dir
    temporary: dict[Path, Path] = {}
    try:
        dist.mkdir(parents=True, exist_ok=True)
        for target, data in files.items():
            handle, name = tempfile.mkstemp(dir=dist, prefix=f".{target.name}.", suffix=".tmp")
            temporary[target] = Path(name)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(name, 0o644)
        for target, temp in temporary.items():
            os.replace(temp, target)
    except OSError as exc:
        for temp in temporary.values():
            temp.unlink(missing_ok=True)
        raise PublishError(Problem("error", "write", f"cannot write the outputs: {exc.strerror or exc}",
                                   display_path(exc.filename or dist)))
