"""Documented limits that keep a build's time and memory bounded whatever the input (see the README's
threat model). The person running the tool may raise the input limit; settings from others cannot."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Problem, PublishError, human_size

MAX_INPUT_ENV = "INTERVIEW_PUBLISH_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 4  # about 2,000 printed A5 pages of text: beyond what a print-on-demand book takes
MAX_COVER_BYTES = 32 * 1024 * 1024
MAX_COVER_PIXELS = 40_000_000  # e.g. 5000 × 8000 px; stores ask for about 1600 × 2560


def max_input_bytes() -> int:
    """The largest transcript, matter or settings file a build reads, from the environment or the default."""
    value = os.environ.get(MAX_INPUT_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_INPUT_MB * 1024 * 1024
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = -1
    if megabytes <= 0:
        raise PublishError(Problem("error", "environment", f'{MAX_INPUT_ENV} must be a positive number of MiB, '
                                                           f'found "{value}"'))
    return int(megabytes * 1024 * 1024)


def read_limited(path: Path, shown: str | None, limit: int | None = None, what: str = "input file") -> bytes:
    """A file's bytes, refused with error[too-large] (before reading it whole) when over the limit."""
    limit = max_input_bytes() if limit is None else limit
    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        size = os.stat(path).st_size
        hint = (f"; split it, or raise the limit with {MAX_INPUT_ENV}=N if you trust it"
                if what != "cover image" else "")
        raise PublishError(Problem("error", "too-large", f"this {what} is {human_size(max(size, len(data)))}, over "
                                                         f"the limit of {human_size(limit)}{hint}", shown))
    return data
