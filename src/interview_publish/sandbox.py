"""The themes' Jinja environment: Jinja's sandbox, with a quicker road to the attributes of the model's plain
values. Imported only when a template is rendered (it imports Jinja)."""

from __future__ import annotations

import dataclasses

from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment

from . import model
from .renderers.indexing import IndexEntry, IndexRef

# The frozen dataclasses templates read (interview, turn, paragraph, person, meta, ...) and Jinja's `loop`:
# not functions, types, frames or generators, so the sandbox's rule for them is only "no name starting with _".
MODEL_TYPES = frozenset(
    [value for value in vars(model).values() if isinstance(value, type) and dataclasses.is_dataclass(value)]
    + [IndexEntry, IndexRef, LoopContext])
# What their fields hold: for these values the sandbox has nothing more to check (no str.format to wrap).
PLAIN_VALUES = MODEL_TYPES | {str, int, float, bool, type(None), tuple}
_MISSING = object()


class ThemeEnvironment(SandboxedEnvironment):
    """SandboxedEnvironment, deciding exactly as it does. ``interview.title`` in a template is one call to
    getattr; the sandbox then checks the attribute (its name, the object's kind, a str.format to wrap).
    For a model value's field not starting with "_" every check passes, so the value is returned at once;
    anything else (a method, a private name, any other object) takes the sandbox's own road."""

    def getattr(self, obj, attribute):
        if type(obj) in MODEL_TYPES and not attribute.startswith("_"):
            value = getattr(obj, attribute, _MISSING)
            if type(value) in PLAIN_VALUES:
                return value
        return super().getattr(obj, attribute)
