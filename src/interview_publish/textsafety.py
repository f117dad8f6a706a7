"""Untrusted text made safe for XML and HTML: characters no book may hold, and bidirectional controls
that must not reach beyond the text that carries them. Standard library only."""

from __future__ import annotations

import dataclasses
import re

# What XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates) and what HTML calls
# a parse error (DEL, C1 controls, noncharacters): dropped from transcripts with a warning, refused in settings.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                    + "".join(f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}"
                              for plane in range(17)) + "]")
# Every character UNSAFE finds lies in these ranges (all above U+FFFD in one): a first look, several times
# quicker than UNSAFE, whose 34 separate noncharacters above U+FFFF the regex engine tries one by one.
_MAYBE_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe-\U0010ffff]")

# Directional formatting characters (Unicode bidi algorithm): embeddings and overrides end with PDF,
# isolates with PDI. An unclosed one reverses or re-orders all the text after it.
EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO
POP_EMBEDDING = "\u202c"  # PDF
ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI
POP_ISOLATE = "\u2069"  # PDI
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def has_unsafe_characters(text: str) -> bool:
    """Whether UNSAFE finds anything in the text."""
    return bool(_MAYBE_UNSAFE.search(text)) and bool(UNSAFE.search(text))


def strings_with_unsafe_characters(value, key: str = "") -> list[str]:
    """The keys (dotted, with [n] for list items) of the strings in a settings value that hold characters
    no book may hold."""
    if isinstance(value, str):
        return [key] if UNSAFE.search(value) else []
    if isinstance(value, dict):
        return [k for name, item in value.items()
                for k in strings_with_unsafe_characters(item, f"{key}.{name}" if key else str(name))]
    if isinstance(value, list):
        return [k for index, item in enumerate(value) for k in strings_with_unsafe_characters(item, f"{key}[{index}]")]
    return []


def balance_bidi(text: str) -> str:
    """Close every embedding, override and isolate the text opens, at its end, and drop closers that
    close nothing: whatever the text does to direction stays inside it."""
    if not _BIDI.search(text):
        return text
    out: list[str] = []
    stack: list[str] = []
    for ch in text:
        if ch in EMBEDDINGS or ch in ISOLATES:
            stack.append(ch)
        elif ch == POP_EMBEDDING:
            if not stack or stack[-1] not in EMBEDDINGS:
                continue  # closes nothing (or would cross an isolate): dropped
            stack.pop()
        elif ch == POP_ISOLATE:
            if not any(opener in ISOLATES for opener in stack):
                continue
            while stack[-1] not in ISOLATES:  # an isolate's end also ends the embeddings inside it
                stack.pop()
                out.append(POP_EMBEDDING)
            stack.pop()
        out.append(ch)
    out.extend(POP_ISOLATE if opener in ISOLATES else POP_EMBEDDING for opener in reversed(stack))
    return "".join(out)


def has_bidi_controls(text: str) -> bool:
    return bool(_BIDI.search(text))


def contain_bidi(value):
    """Every string in a model value (frozen dataclasses, tuples) with its bidi controls balanced; values
    without any come back unchanged (the same object)."""
    strings: list[str] = []
    collect_strings(value, strings)
    if not _BIDI.search("".join(strings)):  # the usual case: nothing to balance, nothing to rebuild
        return value
    return contain_bidi_in(value)


def contain_bidi_in(value):
    if isinstance(value, str):
        return balance_bidi(value)
    if isinstance(value, tuple):
        items = tuple(contain_bidi_in(item) for item in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    names = init_fields(value)
    if names:
        changes = {}
        for name in names:
            old = getattr(value, name)
            new = contain_bidi_in(old)
            if new is not old and new != old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def collect_strings(value, out: list[str]) -> None:
    """The strings contain_bidi looks at, in order: in tuples and in the init fields of dataclasses."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, tuple):
        for item in value:
            collect_strings(item, out)
    else:
        names = _INIT_FIELDS.get(type(value))
        for name in init_fields(value) if names is None else names:
            collect_strings(getattr(value, name), out)


_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def init_fields(value) -> tuple[str, ...]:
    """The names of the init fields of a dataclass instance (none for anything else), looked up once per type."""
    kind = type(value)
    names = _INIT_FIELDS.get(kind)
    if names is None:
        is_instance = dataclasses.is_dataclass(value) and not isinstance(value, type)
        names = _INIT_FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value) if f.init) if is_instance else ()
    return names
