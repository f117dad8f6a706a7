"""`interview-publish new DIR`: a ready project that builds at once, from the starter files in the package."""

from __future__ import annotations

import uuid
from pathlib import Path

from .errors import display_path, error

STARTER = Path(__file__).resolve().parent / "starter"
# Starter file -> its place in the new project (a package cannot ship a file named .gitignore reliably).
FILES = {
    "content/interview.txt": "content/interview.txt",
    "content/publication.toml": "content/publication.toml",
    "templates/README.md": "templates/README.md",
    "styles/README.md": "styles/README.md",
    "gitignore": ".gitignore",
}


def new_project(folder: Path) -> list[Path]:
    """Create a project in ``folder`` (new or empty); return the files written."""
    if folder.exists() and not folder.is_dir():
        raise error("new", "a file of that name exists; choose a new folder", folder)
    if folder.is_dir() and any(folder.iterdir()):
        raise error("new", "the folder is not empty; choose a new or empty folder", folder)
    written = []
    try:
        for source, target in FILES.items():
            text = (STARTER / source).read_text(encoding="utf-8")
            if source == "content/publication.toml":
                text = text.replace("{identifier}", f"urn:uuid:{uuid.uuid4()}")
            path = folder / target
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise error("new", f"cannot create the project: {exc.strerror or exc}", exc.filename or folder)
    return written


def next_steps(folder: Path) -> str:
    """What to tell the user after `new`."""
    shown = display_path(folder)
    return (f"created {shown}/ with an example transcript (content/interview.txt), its settings "
            f"(content/publication.toml, every setting shown), and templates/ and styles/ for your own theme files\n"
            f"next:\n  cd {shown}\n  interview-publish serve     # preview in the browser while you edit\n"
            f"  interview-publish build     # write the EPUB, PDF and HTML to dist/\n")
