"""The incremental build cache in the project (.interview-publish/cache/): a build whose inputs are all
unchanged renders nothing.

The key is a SHA-256 over everything a build reads: each transcript, publication.toml, front and back
matter, the cover, the printer's profile, every file of the theme in use (templates, styles, fonts), the
package version, the command-line options, SOURCE_DATE_EPOCH, and the modification times the build date
falls back to. The cache keeps a copy of each file the build wrote (named by its SHA-256) and a manifest;
every read is checked against its hash, so a corrupt or truncated cache is reported as a note and rebuilt,
never trusted. dist/ files deleted or edited by hand are put back from the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from . import __version__
from .containment import inside
from .errors import Problem, display_path
from .theme import Theme

CACHE_DIR = Path(".interview-publish") / "cache"
MANIFEST = "build.json"


def cache_dir(root: Path) -> Path:
    return root / CACHE_DIR


def input_key(project, theme_dirs: tuple[Path, ...], options: dict) -> str:
    """The SHA-256 of every input of a build of ``project`` with ``options`` (formats, overrides, ...)."""
    config = project.config
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("version", __version__.encode())
    add("options", json.dumps(options, sort_keys=True, default=str).encode())
    add("epoch", os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    files = [*project.transcripts]
    if config.path:
        files.append(config.path)
    files += [project.content_dir / name for name in (*config.front, *config.back)]
    files += [project.content_dir / name for name in ("cover.jpg", "cover.jpeg", "cover.png")]
    if config.cover:
        files.append(project.content_dir / config.cover)
    if config.print.output_profile:
        files.append(config.print.output_profile)
    dated = not (config.modified or config.date or os.environ.get("SOURCE_DATE_EPOCH"))
    # Only files inside the project and the theme are read: one that leads out (a link, "..") is keyed by
    # its name alone, and the build that follows refuses it with its own message (containment.py).
    allowed = (project.root, *Theme(tuple(theme_dirs)).roots)
    for path in files:
        add("file", str(path).encode())
        if not inside(path, allowed):
            add("outside", b"")
        elif path.is_file():
            add("content", path.read_bytes())
            if dated and path in (*project.transcripts, config.path):
                add("mtime", str(int(path.stat().st_mtime)).encode())
    add("theme", theme_digest(theme_dirs, ("templates", "styles")).encode())
    add("seal", project_seal(project.root).encode())
    return digest.hexdigest()


def theme_digest(theme_dirs: tuple[Path, ...], subfolders: tuple[str, ...]) -> str:
    """The SHA-256 of every theme file in ``subfolders`` (names and contents). A file that leads out of
    the theme (a link) is keyed by its name alone: the build refuses it with its own message."""
    digest = hashlib.sha256()
    allowed = Theme(tuple(theme_dirs)).roots
    for folder in theme_dirs:
        for sub in subfolders:
            base = folder / sub
            if base.is_dir():
                for path in sorted(p for p in base.rglob("*") if p.is_file()):
                    content = path.read_bytes() if inside(path, allowed) else b"\0outside"
                    name = str(path.relative_to(folder)).encode()
                    digest.update(f"{len(name)}\0{len(content)}\0".encode() + name + content)
    return digest.hexdigest()


def project_seal(root: Path) -> str:
    """This copy of the project: its folder's device and inode. A cache copied, unpacked or cloned along
    with a project from someone else is then never trusted (its outputs could be anything); only this
    folder's own builds are reused."""
    stat = os.stat(root)
    return f"{stat.st_dev}:{stat.st_ino}"


class BuildCache:
    """The manifest of the last build and the copies of its outputs."""

    def __init__(self, root: Path):
        self.folder = cache_dir(root)
        self.notes: list[Problem] = []

    def lookup(self, key: str) -> dict | None:
        """The last build's manifest if it was made from the same inputs and is intact."""
        path = self.folder / MANIFEST
        if not path.exists():
            return None
        try:
            raw = path.read_bytes()
            body, _, checksum = raw.rpartition(b"\n")
            if hashlib.sha256(body).hexdigest().encode() != checksum.strip():
                raise ValueError("checksum mismatch")
            manifest = json.loads(body)
        except (OSError, ValueError) as exc:
            self.corrupt(path, str(exc))
            return None
        return manifest if manifest.get("key") == key else None

    def blob(self, digest: str) -> bytes | None:
        """A cached output by its SHA-256, or None when it is missing or damaged."""
        path = self.folder / "blobs" / digest
        try:
            data = path.read_bytes()
        except OSError:
            self.corrupt(path, "missing")
            return None
        if hashlib.sha256(data).hexdigest() != digest:
            self.corrupt(path, "its content does not match its hash")
            return None
        return data

    def corrupt(self, path: Path, why: str) -> None:
        self.notes.append(Problem("note", "cache", f"the build cache is damaged ({why}); rebuilding",
                                  display_path(path)))

    def store(self, key: str, files: dict[Path, bytes], record: dict) -> None:
        """Keep the outputs and the manifest; a cache that cannot be written only costs the next build."""
        try:
            blobs = self.folder / "blobs"
            blobs.mkdir(parents=True, exist_ok=True)
            names = {}
            for target, data in files.items():
                digest = hashlib.sha256(data).hexdigest()
                names[target.name] = digest
                if not (blobs / digest).is_file():
                    write_atomic(blobs / digest, data)
            keep = set(names.values())
            for old in blobs.iterdir():
                if old.name not in keep:
                    old.unlink(missing_ok=True)
            body = json.dumps({"key": key, "files": names, **record}, sort_keys=True).encode()
            write_atomic(self.folder / MANIFEST, body + b"\n" + hashlib.sha256(body).hexdigest().encode())
        except OSError:
            pass


def write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
