"""The PDF chunks of earlier builds, kept in the project's build cache (.interview-publish/cache/pdf/).

After one transcript changes, only its chunk is laid out again; the chunks after it are reused as long as
they still start on the same page (their folios and page numbers depend on it), and so are the contents
and the index when their page numbers did not move. A chunk's key covers its whole HTML, its extra
styles, and the theme's styles and fonts, the [print] settings and the versions; every entry and PDF is
checked against its hash when read, and a damaged one is reported and laid out again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ... import __version__
from ...cache import project_seal, theme_digest
from ...errors import Problem, display_path
from ..pagebreaks import PageStart


class ChunkCache:
    def __init__(self, folder: Path, theme, options, problems: list[Problem]):
        self.folder, self.problems = folder, problems
        seal = project_seal(folder.parents[2])  # folder is PROJECT/.interview-publish/cache/pdf
        press = f"{__version__}\0{options!r}\0{weasyprint_version()}\0{seal}\0"
        self.press = hashlib.sha256((press + theme_digest(theme.dirs, ("styles",))).encode()).hexdigest()
        self.used: set[str] = set()

    def key(self, job) -> str:
        digest = hashlib.sha256(self.press.encode())
        for part in (job.html, job.extra_css, str(job.drop_last), str(job.count_only), *sorted(job.elsewhere), "\0",
                     *sorted(job.wanted)):
            digest.update(part.encode() + b"\0")
        return digest.hexdigest()

    def get(self, job):
        """(first page, ChunkResult) laid out earlier for this job, or None."""
        from .chunks import ChunkResult

        key = self.key(job)
        path = self.folder / f"{key}.json"
        if not path.exists():
            return None
        try:
            body, _, checksum = path.read_bytes().rpartition(b"\n")
            if hashlib.sha256(body).hexdigest().encode() != checksum.strip():
                raise ValueError("checksum mismatch")
            entry = json.loads(body)
            data = b""
            if entry["pdf"]:
                data = (self.folder / f"{entry['pdf']}.pdf").read_bytes()
                if hashlib.sha256(data).hexdigest() != entry["pdf"]:
                    raise ValueError("a PDF chunk does not match its hash")
            result = ChunkResult(job.index, entry["pages"], data, tuple(PageStart(*s) for s in entry["starts"]),
                                 entry["anchors"], tuple(entry["levels"]), [Problem(**p) for p in entry["problems"]],
                                 entry["first"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self.problems.append(Problem("note", "cache", f"the build cache is damaged ({exc}); laying the chunk "
                                                          "out again", display_path(path)))
            return None
        self.used.add(key)
        return result

    def put(self, job, result) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            key = self.key(job)
            digest = hashlib.sha256(result.data).hexdigest() if result.data else None
            if digest:
                _write(self.folder / f"{digest}.pdf", result.data)
            body = json.dumps({"first": result.first, "pages": result.pages, "pdf": digest,
                               "starts": [[s.label, s.anchor, s.offset] for s in result.starts],
                               "anchors": result.anchors, "levels": list(result.levels),
                               "problems": [p.as_dict() for p in result.problems]}, sort_keys=True).encode()
            _write(self.folder / f"{key}.json", body + b"\n" + hashlib.sha256(body).hexdigest().encode())
            self.used.add(key)
        except OSError:
            pass

    def prune(self) -> None:
        """Forget the chunks this build did not use."""
        try:
            keep = set(self.used)
            for key in self.used:
                try:
                    keep.add(json.loads((self.folder / f"{key}.json").read_bytes().rpartition(b"\n")[0])["pdf"])
                except (OSError, ValueError, KeyError):
                    pass
            for path in self.folder.iterdir():
                if path.stem not in keep:
                    path.unlink(missing_ok=True)
        except OSError:
            pass


def weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
