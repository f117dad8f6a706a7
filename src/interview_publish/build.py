"""The build: load the project, read the model once, render each format, then write dist/ atomically."""

from __future__ import annotations

import glob
import io
import os
import sys
import tempfile
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from .config import config_error
from .containment import contained
from .errors import Problem, PublishError, display_path, error
from .limits import MAX_COVER_BYTES, MAX_COVER_PIXELS, read_limited
from .model import Publication
from .project import IDENTIFIER_NAMESPACE, Project, load_project, output_stem, read_and_lint
from .theme import Theme
from .workers import Workers, cores

FORMATS = ("epub", "pdf", "html")  # what a plain `build` makes
EXTRA_FORMATS = ("kepub",)  # made when asked for: the EPUB with Kobo's spans, for sideloading
SUFFIXES = {"epub": ".epub", "pdf": ".pdf", "html": ".html", "kepub": ".kepub.epub"}


class Output(NamedTuple):
    """One file a build wrote: its format ("epub", "pdf", "html", "kepub"), path and size in bytes."""

    format: str
    path: Path
    size: int


@dataclass
class BuildResult:
    """What a build wrote, and what it noticed on the way."""

    outputs: list[Output] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    kit: list[str] = field(default_factory=list)  # the distribution kit's other files in dist/
    rendered: tuple[str, ...] = ()  # the formats rendered; none when the build cache had them all
    restored: list[str] = field(default_factory=list)  # dist/ files put back from the cache
    written: dict[Path, bytes] = field(default_factory=dict, repr=False)  # what this build wrote


def build(path: Path | str = ".", formats: tuple[str, ...] = FORMATS, print_overrides: dict | None = None,
          strict: bool = False, *, jobs: int | None = None, cache: bool = True, progress=None,
          dist: Path | None = None) -> BuildResult:
    """Build the requested formats of the project at ``path`` into its dist/ folder (or ``dist``);
    ``print_overrides`` replace [print] settings (from the command line); ``strict`` makes lint warnings
    stop the build; ``jobs`` is the number of processes that lay out the PDF (layout_workers); ``cache``
    False ignores and leaves alone the build cache (cache.py); ``progress(event, step)`` is called with
    "start" and "done" around each step ("read", each format, "kit", "write")."""
    step = progress or (lambda event, name: None)
    result = BuildResult()
    project = load_project(path)
    if dist is not None:
        project = replace(project, out_dir=Path(dist))
    if print_overrides:
        config = replace(project.config, print=replace(project.config.print, **print_overrides))
        project = replace(project, config=config)
    step("start", "read")
    theme = Theme.for_project(project.root)
    store = key = None
    if cache:
        from .cache import BuildCache, input_key

        store = BuildCache(project.root)
        options = {"formats": list(formats), "print": print_overrides or {}, "strict": strict,
                   "cwd": os.getcwd()}  # the findings replayed from the cache name files relative to it
        key = input_key(project, theme.dirs, options)
        if reuse_cached(project, store, key, result):
            step("done", "read")
            return result
        result.problems.extend(store.notes)
    with layout_workers(formats, project, jobs) as workers:
        render_project(project, theme, formats, strict, workers, result, store is not None, step)
    if store is not None:
        store.store(key, result.written, {"outputs": [(o.format, o.path.name, o.size) for o in result.outputs],
                                          "kit": result.kit,
                                          "problems": [p.as_dict() for p in result.problems if p.code != "cache"]})
    return result


def layout_workers(formats, project: Project, jobs: int | None) -> Workers:
    """The build's one decision on parallel work (workers.py): where the PDF is laid out. ``jobs`` 1, no
    PDF, or a book in one chunk in a process that has WeasyPrint loaded already: in a thread of this one.
    Otherwise in as many processes as the book's chunks can keep busy (at most ``jobs``, by default the
    machine's cores); they start now, importing WeasyPrint while this process reads and renders the rest.
    The chunks themselves do not depend on it: the PDF is the same either way."""
    from .renderers.pdf import ENTRY
    from .renderers.pdf.chunks import expected_chunks

    if "pdf" not in formats:
        return Workers(None)
    if jobs == 1:
        return Workers(ENTRY, 0)
    size = sum(path.stat().st_size for path in project.transcripts if path.is_file())
    chunks = expected_chunks(size, len(project.transcripts))
    if chunks == 1 and "weasyprint" in sys.modules:
        return Workers(ENTRY, 0)
    return Workers(ENTRY, max(1, min(jobs or cores(), chunks)))


def render_project(project: Project, theme: Theme, formats: tuple[str, ...], strict: bool, workers: Workers,
                   result: BuildResult, cached: bool = True, step=None) -> None:
    """Read, lint and render the project, and write dist/; ``cached`` lets the PDF reuse unchanged chunks."""
    step = step or (lambda event, name: None)
    publication, problems, findings = read_and_lint(project)
    result.problems.extend(problems)
    if (strict or project.config.lint_strict) and any(f.severity == "warning" for f in findings):
        raise PublishError([replace(f, severity="error") if f.severity == "warning" else f for f in findings])
    result.problems.extend(findings)
    step("done", "read")
    stem = output_stem(project, publication)
    # A generated cover is drawn from now on for an e-book, or once the PDF's layout is under way (render_pdf),
    # or else when it is asked for: an HTML page alone does not need it.
    ebook = "epub" in formats or "kepub" in formats
    cover = read_cover(project) or generated_cover(publication, theme, begin=ebook and "pdf" not in formats)
    cover_name = f"{stem}-cover.{cover.extension}"
    chunks = None
    if cached:
        from .cache import cache_dir

        chunks = cache_dir(project.root) / "pdf"
    rendered = render_all(formats, publication, project, theme, result.problems, cover, cover_name, workers, chunks,
                          step)
    files = {stem + SUFFIXES[fmt]: data for fmt, data in rendered.items()}
    if set(FORMATS) <= set(formats):  # a full build also writes the distribution kit
        from .kit import build_kit

        step("start", "kit")
        files = build_kit(publication, theme, files, (cover_name, cover.data), project.config.url)
        step("done", "kit")
    written = {project.dist_dir / name: data for name, data in files.items()}
    step("start", "write")
    write_all(project, written)
    step("done", "write")
    result.outputs = [Output(fmt, project.dist_dir / (stem + SUFFIXES[fmt]), len(rendered[fmt])) for fmt in formats]
    result.kit = sorted(set(files) - {stem + SUFFIXES[fmt] for fmt in formats})
    result.rendered = tuple(formats)
    result.written = written


def reuse_cached(project: Project, store, key: str, result: BuildResult) -> bool:
    """Fill ``result`` from the build cache when the inputs are unchanged: nothing is rendered, and dist/
    files missing or changed since are written back from the cache's checked copies."""
    from .cache import file_digest

    manifest = store.lookup(key)
    if manifest is None:
        return False
    restore = {}
    for name, digest in sorted(manifest["files"].items()):
        target = project.dist_dir / name
        if file_digest(target) != digest:
            data = store.blob(digest)
            if data is None:
                return False
            restore[target] = data
    if restore:
        write_all(project, restore)
    result.outputs = [Output(fmt, project.dist_dir / name, size) for fmt, name, size in manifest["outputs"]]
    result.kit = list(manifest["kit"])
    result.problems = [Problem(**problem) for problem in manifest["problems"]]
    result.restored = sorted(target.name for target in restore)
    return True


def render_all(formats: tuple[str, ...], publication: Publication, project: Project, theme: Theme,
               problems: list[Problem], cover, cover_name: str, workers: Workers,
               chunk_cache: Path | None = None, step=None) -> dict[str, bytes]:
    """Render each format in memory. The PDF goes first: its page starts become the page lists of the
    EPUB and the HTML, which the layout sends before it writes the PDF, so that they are rendered
    meanwhile. Nothing touches dist/ yet."""
    step = step or (lambda event, name: None)
    rendered: dict[str, bytes] = {}

    def ebooks(starts) -> None:
        """The e-book and web formats, whose page lists follow the print edition's page starts."""
        print_pages = None
        if starts:
            from .renderers.epub import PrintPages

            print_pages = PrintPages(starts, print_identifier(publication, project))
        if "epub" in formats or "kepub" in formats:
            from .renderers.epub import render_epub

            step("start", "epub")
            rendered["epub"] = render_epub(publication, theme, print_pages, cover)
            step("done", "epub")
        if "kepub" in formats:
            from .renderers.kepub import kepubify

            step("start", "kepub")
            rendered["kepub"] = kepubify(rendered["epub"])
            step("done", "kepub")
        if "html" in formats:
            from .renderers.html import render_html

            step("start", "html")
            rendered["html"] = render_html(publication, theme, print_pages.starts if print_pages else (),
                                           project.config.url, cover_name)
            step("done", "html")

    if "pdf" in formats:
        from .renderers.pdf import render_pdf

        step("start", "pdf")
        early: list = []  # the layout sends the page starts before writing the PDF: render meanwhile
        edition = render_pdf(publication, theme, project.config.print, problems, workers, chunk_cache,
                             on_starts=lambda starts: early.append(starts) or ebooks(starts),
                             meanwhile=getattr(cover, "begin", None))
        rendered["pdf"] = edition.data
        step("done", "pdf")
        if not early or early[-1] != edition.starts:  # none sent, or the layout was done again since
            ebooks(edition.starts)
    else:
        ebooks(())
    return {fmt: rendered[fmt] for fmt in formats}


def print_identifier(publication: Publication, project: Project) -> str:
    """The print edition's identifier: [print] identifier, else one derived from the e-book's and the trim."""
    configured = project.config.print.identifier
    if configured:
        return configured
    name = f"{publication.meta.identifier} print {project.config.print.trim.name}"
    return "urn:uuid:" + str(uuid.uuid5(IDENTIFIER_NAMESPACE, name))


def generated_cover(publication: Publication, theme: Theme, begin: bool = True):
    """The typographic cover, drawn from the metadata in the theme's face, from now on or from its
    ``begin()``."""
    from .renderers.cover import COVER_FONTS, typographic_cover
    from .renderers.epub import CoverImage

    for name in COVER_FONTS:
        theme.font(name)  # there, and inside the theme: else one clear error
    return CoverImage(typographic_cover(publication, theme.fonts_dir(), begin), "image/png", "png")


def read_cover(project: Project):
    """The project's cover image (``cover`` in publication.toml, or content/cover.jpg/png), checked."""
    from .renderers.epub import CoverImage

    config = project.config
    if config.cover:
        path = (project.content_dir / config.cover).resolve()
        if not path.is_relative_to(project.root):
            raise config_error(config, "cover", f'"{config.cover}" leads to {path}, outside the project: refused')
        if not path.is_file():
            raise config_error(config, "cover", f'"{config.cover}" not found in the project')
    else:
        found = [project.content_dir / n for n in ("cover.jpg", "cover.jpeg", "cover.png")
                 if (project.content_dir / n).is_file()]
        if not found:
            return None
        path = contained(found[0], (project.root,), f"the cover {found[0].name}")
    import warnings

    from PIL import Image

    data = read_limited(path, display_path(path), MAX_COVER_BYTES, "cover image")
    try:  # Pillow reads the size from the header; no pixel is decoded here
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, size = image.format, image.size
                if size[0] * size[1] <= MAX_COVER_PIXELS:
                    image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise error("cover", f"the cover image is too large to open safely ({exc})", path)
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise error("cover", f"not a readable image: {exc}", path)
    if size[0] * size[1] > MAX_COVER_PIXELS:
        raise error("cover", f"{size[0]}×{size[1]} px is more than a cover needs (at most "
                             f"{MAX_COVER_PIXELS // 1_000_000} megapixels; stores ask for about 1600×2560)", path)
    if kind not in ("JPEG", "PNG"):
        raise error("cover", f"the cover must be JPEG or PNG, found {kind}", path)
    if size[0] < 1400 or size[1] < 2100:
        print_note = f"{size[0]}×{size[1]} px is small for stores, which ask for at least 1600×2560"
        raise error("cover", print_note, path)
    extension = "jpg" if kind == "JPEG" else "png"
    return CoverImage(data, f"image/{'jpeg' if kind == 'JPEG' else 'png'}", extension)


def write_all(project: Project, files: dict[Path, bytes]) -> None:
    """Write every file to a temporary name in dist/, then rename them all: old files survive a failure."""
    dist = project.dist_dir
    temporary: dict[Path, Path] = {}
    if project.out_dir is None and (dist.exists() or dist.is_symlink()):
        # a dist/ that is a link out would write over someone's files (serve's own folder is chosen by us)
        contained(dist, (project.root,), "the output folder dist/")
    try:
        dist.mkdir(parents=True, exist_ok=True)
        for target in files:  # leftovers of a build that was killed before it could clean up
            for stale in dist.glob(f".{glob.escape(target.name)}.*.tmp"):
                stale.unlink(missing_ok=True)
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
        sync_folder(dist)
    except OSError as exc:
        for temp in temporary.values():
            temp.unlink(missing_ok=True)
        raise PublishError(Problem("error", "write", f"cannot write the outputs: {exc.strerror or exc}",
                                   display_path(exc.filename or dist)))


def sync_folder(folder: Path) -> None:
    """Make the renames durable (where the system allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
