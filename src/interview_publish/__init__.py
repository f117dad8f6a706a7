"""interview-publish: interview transcripts to EPUB 3, print PDF and HTML from one content model.

The Python API (api.py): ``build``, ``load_project``, ``read_project``, ``read_transcript``; the content
model's types (model.py); ``BuildResult``, ``Output``, ``Problem`` and ``PublishError``. They are imported
when first used, so that ``import interview_publish`` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Each public name and the module it comes from.
_EXPORTS = (
    ("build", "api"), ("load_project", "api"), ("read_project", "api"), ("read_transcript", "api"),
    ("BuildResult", "build"), ("Output", "build"), ("Project", "project"),
    ("Problem", "errors"), ("PublishError", "errors"),
    *((name, "model") for name in ("Publication", "Metadata", "Interview", "Participant", "Turn", "Paragraph",
                                   "Section", "Note", "Removal", "Matter", "Part", "Text", "Emphasis", "Strong",
                                   "Cue", "AppliedCorrection")),
)
__all__ = ["__version__", *(name for name, _ in _EXPORTS)]

if TYPE_CHECKING:  # what type checkers and editors see; at run time, __getattr__ imports on first use
    from .api import build, load_project, read_project, read_transcript
    from .build import BuildResult, Output
    from .errors import Problem, PublishError
    from .model import (AppliedCorrection, Cue, Emphasis, Interview, Matter, Metadata, Note, Paragraph, Part,
                        Participant, Publication, Removal, Section, Strong, Text, Turn)
    from .project import Project


def __getattr__(name: str):
    for exported, module in _EXPORTS:
        if exported == name:
            return getattr(import_module(f".{module}", __name__), name)
    raise AttributeError(f"module 'interview_publish' has no attribute {name!r}")
