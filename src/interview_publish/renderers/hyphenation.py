"""Hyphenation patterns for the layout processes, parsed by the build's own process.

WeasyPrint hyphenates with Pyphen, which parses a language's patterns file (``hyph_en_GB.dic``, 11,000
patterns) the first time a process hyphenates in that language: 0.1 s of Python in every layout process,
on the critical path of a short book. The build's process, idle while a layout process imports WeasyPrint,
parses the patterns of the publication's languages and sends them along (7 ms to unpickle), where they go
into Pyphen's own cache, as if parsed there; those too large to sit in the pipe to a layout process while
it imports WeasyPrint are left for it to parse (layoutpool.Pool.send_patterns).
"""

from __future__ import annotations

from ..model import Publication


def languages(publication: Publication) -> tuple[str, ...]:
    """The languages the print edition is hyphenated in: the publication's, and its interviews' own."""
    found = [publication.meta.language] + [i.language for i in publication.interviews if i.language]
    return tuple(dict.fromkeys(found))


def pattern_files(names) -> list:
    """The patterns files of these languages, as WeasyPrint looks them up (``pyphen.language_fallback``);
    none for a language Pyphen lacks."""
    import pyphen

    found = []
    for name in names:
        fallback = pyphen.language_fallback(name) if name else None
        path = pyphen.LANGUAGES.get(fallback) if fallback else None
        if path is not None and path not in found:
            found.append(path)
    return found


def parsed(path):
    """Pyphen's parsed patterns of one file (a HyphDict), kept in this process's Pyphen cache too."""
    import pyphen

    return pyphen.Pyphen(filename=path).hd


def install(patterns: dict) -> None:
    """Put patterns parsed elsewhere into this process's Pyphen cache (those it has already stay)."""
    import pyphen

    for path, hyph_dict in patterns.items():
        pyphen.hdcache.setdefault(path, hyph_dict)
