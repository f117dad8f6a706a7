"""Book typography on the model's text, by language: curly quotes and apostrophes, dashes, ellipses,
no-break spaces. Works on the text nodes of a paragraph in order, so a quotation that crosses an
emphasis boundary still pairs up; URLs are left alone; running it twice changes nothing more."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Emphasis, Interview, Note, Paragraph, Publication, Section, Strong, Text, Turn

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space (French punctuation)
WORD_JOINER = "\u2060"


@dataclass(frozen=True)
class Quotes:
    """Opening and closing marks for the outer and the inner level, and the apostrophe."""

    outer: tuple[str, str]
    inner: tuple[str, str]
    apostrophe: str = "\u2019"
    inside_space: str = ""  # French: a narrow no-break space inside « »


QUOTES = {
    "en": Quotes(("\u201c", "\u201d"), ("\u2018", "\u2019")),
    "ru": Quotes(("\u00ab", "\u00bb"), ("\u201e", "\u201c")),
    "uk": Quotes(("\u00ab", "\u00bb"), ("\u201e", "\u201c")),
    "de": Quotes(("\u201e", "\u201c"), ("\u201a", "\u2018")),
    "fr": Quotes(("\u00ab", "\u00bb"), ("\u201c", "\u201d"), inside_space=NNBSP),
    "es": Quotes(("\u00ab", "\u00bb"), ("\u201c", "\u201d")),
}
HONORIFICS = {
    "en": ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Sen.", "Rep.", "Gen.", "Col.", "Capt.", "Lt."),
    "ru": ("г.", "гг.", "т.", "ул.", "им.", "проф.", "д-р"),
    "de": ("Dr.", "Prof.", "Hr.", "Fr.", "Nr."),
    "fr": ("M.", "Mme", "Mlle", "Dr", "Pr", "n°"),
    "es": ("Sr.", "Sra.", "Dr.", "Dra.", "D.", "Dña."),
}
UNITS = r"(?:km|m|cm|mm|kg|g|mg|t|l|ml|h|min|s|ms|km/h|mph|°C|°F|%|MB|GB|TB|kB|Hz|kHz|MHz|GHz|kW|MW|V|A|€|\$|£|руб\.|млн|млрд|тыс\.)"
_QUOTE = re.compile("[\"']")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_ELISIONS = re.compile(r"(?<![\w'’])'(?=(?:n'|em\b|cause\b|tis\b|twas\b|til\b|bout\b|round\b|\d0s\b|\d\ds\b))",
                       re.IGNORECASE)
_DOUBLE_DASH = re.compile(r"(?<=\S)---?(?=\S)")
_SPACED_DOUBLE_DASH = re.compile(r"\s---?\s")
_SPACED_HYPHEN = re.compile(r"(?<=\S) - (?=\S)")
# An apostrophe between letters (don't, O'Brien) and after one (the students' books): the lookbehind
# comes after the quote mark, so the regex engine looks for the mark first instead of trying every place.
_INNER_APOSTROPHE = re.compile(r"'(?<=\w')(?=\w)")
_FINAL_APOSTROPHE = re.compile(r"'(?<=\w')(?=\s|$|[.,;:!?)])")
_DIGIT_SPACE = re.compile(r"\d ")
_UNIT_SPACE = re.compile(rf"(?<=\d) (?={UNITS}(?!\w))")
_FRENCH_PUNCTUATION = re.compile(r"(?<=\w) ?([;:!?»])")


def typeset_publication(publication: Publication) -> Publication:
    """Typeset every interview in its own language, and the front and back matter."""
    setter = Typesetter(publication.meta.language)

    def matter(m):
        return replace(m, title=setter.text(m.title), paragraphs=tuple(setter.paragraph(p) for p in m.paragraphs))

    return replace(publication,
                   interviews=tuple(typeset_interview(i, i.language or publication.meta.language)
                                    for i in publication.interviews),
                   front=tuple(matter(m) for m in publication.front), back=tuple(matter(m) for m in publication.back))


def typeset_interview(interview: Interview, language: str) -> Interview:
    setter = Typesetter(language)
    blocks = []
    for block in interview.blocks:
        if isinstance(block, (Turn, Note)):
            paragraphs = tuple(setter.paragraph(p) for p in block.paragraphs)
            if any(new is not old for new, old in zip(paragraphs, block.paragraphs)):  # else keep the block
                block = replace(block, paragraphs=paragraphs)
        elif isinstance(block, Section):
            block = replace(block, title=setter.text(block.title))
        blocks.append(block)
    return replace(interview, title=setter.text(interview.title),
                   standfirst=setter.text(interview.standfirst) if interview.standfirst else None,
                   blocks=tuple(blocks))


class Typesetter:
    """Typography rules for one language."""

    def __init__(self, language: str):
        self.base = language.split("-")[0].lower()
        self.quotes = QUOTES.get(self.base, QUOTES["en"])
        self.honorifics = HONORIFICS.get(self.base, ())
        alternatives = "|".join(re.escape(h) for h in self.honorifics)
        self._honorifics = re.compile(rf"(?<![\w.])({alternatives}) (?=\w)") if alternatives else None
        self._honorific_words = re.compile(rf"(?:{alternatives}) ") if alternatives else None  # a quick pre-check

    def text(self, text: str) -> str:
        return self.paragraph(Paragraph((Text(text),))).text

    def paragraph(self, paragraph: Paragraph) -> Paragraph:
        """Typeset the paragraph's text nodes as one stream (quote state carries across emphasis)."""
        texts = list(iter_texts(paragraph.children))
        joined = "".join(node.text for node in texts)
        result = self.stream(joined)
        if result == joined:
            return paragraph
        pieces = iter(split_like(result, [len(node.text) for node in texts], joined))
        return replace(paragraph, children=rebuild(paragraph.children, pieces))

    def stream(self, text: str) -> str:
        """All rules over one run of text; URLs are kept as they are."""
        if "@" not in text and "http" not in text and "www." not in text:  # no URL: one run
            return self.rules(text, "")
        out, position = [], 0
        for match in _URL.finditer(text):
            out.append(self.rules(text[position:match.start()], text[:position]))
            out.append(match.group(0))
            position = match.end()
        out.append(self.rules(text[position:], text[:position]))
        return "".join(out)

    def rules(self, text: str, before: str) -> str:
        # Each rule runs only where the characters it needs occur: a skipped rule would change nothing.
        text = text.replace("...", "\u2026").replace(". . .", "\u2026")
        if "--" in text:
            text = _DOUBLE_DASH.sub("\u2014", text)  # word--word: an em dash
            text = _SPACED_DOUBLE_DASH.sub(self.spaced_dash(em=True), text)
        if " - " in text:
            text = _SPACED_HYPHEN.sub(self.spaced_dash(), text)
        if "'" in text or '"' in text:
            text = self.curly(text, before)
        if self._honorifics and self._honorific_words.search(text):
            text = self._honorifics.sub("\\1" + NBSP, text)
        if _DIGIT_SPACE.search(text):
            text = _UNIT_SPACE.sub(NBSP, text)
        if self.base == "fr":
            text = _FRENCH_PUNCTUATION.sub(lambda m: NNBSP + m.group(1) if m.group(1) != "»" else m.group(0), text)
        return text

    def spaced_dash(self, em: bool = False) -> str:
        """A spaced dash: in English and German an en dash for " - " and an em dash for " -- "; in Russian,
        French and Spanish an em dash with a no-break space before it."""
        if self.base in ("ru", "uk", "fr", "es"):
            return f"{NBSP}\u2014 "
        return " \u2014 " if em else " \u2013 "

    def curly(self, text: str, before: str) -> str:
        """Straight quotes to the language's marks, apostrophes to ’, by context."""
        q = self.quotes
        if "'" in text:
            text = _ELISIONS.sub(q.apostrophe, text)
            text = _INNER_APOSTROPHE.sub(q.apostrophe, text)  # don't, O'Brien
            text = _FINAL_APOSTROPHE.sub(q.apostrophe, text) if self.base == "en" else text
        depth = count_open(before, q)
        out, position = [], 0
        for found in _QUOTE.finditer(text):  # only the quote marks need a decision; the rest is copied
            index, char = found.start(), found.group(0)
            out.append(text[position:index])
            position = index + 1
            prev = text[index - 1] if index else (before[-1] if before else " ")
            opening = prev.isspace() or prev in "([{\u2014\u2013-/" + q.outer[0] + q.inner[0]
            if char == '"':
                if opening:
                    out.append((q.outer if depth == 0 else q.inner)[0] + (q.inside_space if depth == 0 else ""))
                    depth += 1
                else:
                    depth = max(depth - 1, 0)
                    out.append((q.inside_space if depth == 0 else "") + (q.outer if depth == 0 else q.inner)[1])
            else:
                out.append(q.inner[0] if opening else q.inner[1] if depth else q.apostrophe)
        out.append(text[position:])
        return "".join(out)


def count_open(text: str, quotes: Quotes) -> int:
    return max(text.count(quotes.outer[0]) - text.count(quotes.outer[1]), 0) if quotes.outer[0] != quotes.outer[1] \
        else 0


def iter_texts(children):
    for node in children:
        if isinstance(node, Text):
            yield node
        elif isinstance(node, (Emphasis, Strong)):
            yield from iter_texts(node.children)


def split_like(result: str, lengths: list[int], original: str) -> list[str]:
    """Cut the typeset stream back into the original nodes' pieces, mapping positions through the
    edits by aligning on the unchanged characters."""
    if len(lengths) == 1:  # one node: nothing to cut
        return [result]
    import difflib

    matcher = difflib.SequenceMatcher(None, original, result, autojunk=False)
    mapping = [0] * (len(original) + 1)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2 + 1):
            mapping[k] = j1 + (k - i1 if tag == "equal" else (j2 - j1 if k == i2 else 0))
    cuts, total = [], 0
    for length in lengths[:-1]:
        total += length
        cuts.append(mapping[total])
    bounds = [0, *cuts, len(result)]
    return [result[a:b] for a, b in zip(bounds, bounds[1:])]


def rebuild(children, pieces):
    out = []
    for node in children:
        if isinstance(node, Text):
            out.append(Text(next(pieces)))
        elif isinstance(node, Emphasis):
            out.append(Emphasis(rebuild(node.children, pieces)))
        elif isinstance(node, Strong):
            out.append(Strong(rebuild(node.children, pieces)))
        else:
            out.append(node)
    return tuple(out)
