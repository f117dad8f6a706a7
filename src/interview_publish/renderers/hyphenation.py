"""Hyphenation patterns for the layout processes, parsed by the build's own process.

WeasyPrint hyphenates with Pyphen, which parses a language's patterns file (``hyph_en_GB.dic``, 11,000
patterns) the first time a process hyphenates in that language: 0.1 s of Python in every layout process,
on the critical path of a short book. The build's process, idle while a layout process imports WeasyPrint,
parses the patterns of the publication's languages and sends them along (7 ms to unpickle), where they go
into Pyphen's own cache, as if parsed there.
"""

from __future__ import annotations

from ..model import Publication


def languages(publication: Publication) -> tuple[str, ...]:
    """The languages the print edition is hyphenated in: the publication's, and its interviews' own."""
    found = [publication.meta.language] + [i.language for i in publication.interviews if i.language]
    return tuple(dict.fromkeys(found))


def parsed_patterns(names, skip=frozenset()) -> dict:
    """Pyphen's parsed patterns (path -> HyphDict) for these languages, as WeasyPrint would look them up
    (``pyphen.language_fallback``); none for a language Pyphen lacks, nor for the paths in ``skip``."""
    import pyphen

    found = {}
    for name in names:
        fallback = pyphen.language_fallback(name) if name else None
        path = pyphen.LANGUAGES.get(fallback) if fallback else None
        if path is not None and path not in skip and path not in found:
            found[path] = pyphen.Pyphen(filename=path).hd
    return found


def install(patterns: dict) -> None:
    """Put patterns parsed elsewhere into this process's Pyphen cache (those it has already stay)."""
    import pyphen

    for path, hyph_dict in patterns.items():
        pyphen.hdcache.setdefault(path, hyph_dict)
