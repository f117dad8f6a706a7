"""The Python API: what `import interview_publish` offers a script (a newsroom's, an archive's), the same
steps the command line takes.

    import interview_publish

    result = interview_publish.build("my-book", formats=("epub", "pdf"), out_dir="out")
    for output in result.outputs:
        print(output.format, output.path, output.size)
    for problem in result.problems:
        print(problem)  # file:line: warning[code] message

Errors in the input or the settings raise PublishError, whose ``problems`` say where.
"""

from __future__ import annotations

from pathlib import Path

from .build import FORMATS, EXTRA_FORMATS, BuildResult
from .build import build as _build
from .errors import Problem, error
from .model import Interview, Publication
from .project import Project, read_one, read_publication
from .project import load_project as _load_project

__all__ = ["build", "load_project", "read_project", "read_transcript"]


def load_project(path: str | Path = ".") -> Project:
    """The project at ``path`` (a folder with content/ or transcripts in it, or one transcript file): its
    settings (publication.toml), its transcripts in order, where its outputs go. Nothing is read yet."""
    return _load_project(path)


def build(path: str | Path = ".", formats: tuple[str, ...] | list[str] | None = None,
          out_dir: str | Path | None = None, jobs: int | None = None, *, strict: bool = False,
          cache: bool = True) -> BuildResult:
    """Build the project at ``path``: ``formats`` from "epub", "pdf", "html", "kepub" (default: the first
    three, and the distribution kit), into ``out_dir`` (default: the project's dist/); ``jobs`` processes
    lay out the PDF of a long book (default: the machine's cores; 1: this process); ``strict`` makes lint
    warnings errors; ``cache`` False renders everything. Returns the files written (``outputs``, ``kit``)
    and the problems found; raises PublishError when the book cannot be built, leaving the outputs of the
    previous build as they were."""
    chosen = tuple(dict.fromkeys(formats)) if formats is not None else FORMATS
    unknown = [name for name in chosen if name not in FORMATS + EXTRA_FORMATS]
    if unknown or not chosen:
        raise error("usage", f"unknown format {', '.join(map(repr, unknown)) or 'list (empty)'}; "
                             f"choose from {', '.join(FORMATS + EXTRA_FORMATS)}")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise error("usage", f"jobs must be a whole number of processes, 1 or more, not {jobs!r}")
    return _build(Path(path), chosen, strict=strict, jobs=jobs, cache=cache,
                  dist=Path(out_dir) if out_dir is not None else None)


def read_project(path: str | Path = ".") -> tuple[Publication, list[Problem]]:
    """The whole publication at ``path`` as the build reads it (typeset, with its metadata), and the
    problems found reading it."""
    return read_publication(_load_project(path))


def read_transcript(path: str | Path, problems: list[Problem] | None = None) -> Interview:
    """One transcript file read into the content model, with the settings of the publication.toml beside it
    (people, speaker fixes, corrections) if there is one. What reading noticed (warnings, notes) is added
    to ``problems`` when a list is given."""
    path = Path(path)
    if not path.is_file():
        raise error("project", "no such transcript file", path)
    read = read_one(_load_project(path), 1)
    if problems is not None:
        problems.extend(read.problems)
    return read.interview
