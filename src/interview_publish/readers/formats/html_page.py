"""An interview page saved from a browser as HTML, or an HTML fragment (a static site's content file).

Recognised by content: a document (``<!DOCTYPE html>``, ``<html>``, ``<body>``) or a fragment whose
text sits mostly inside HTML text blocks (``<p>``, ``<h2>``, ``<dt>``/``<dd>``, ``<li>``, ...); the
suffixes .html/.htm/.xhtml/.php decide when the text holds any tag at all.

Reading (lxml.html):

1. PHP (``<?php ... ?>``) and template tags (``{{ }}``, ``{% %}``) are taken out of the text first
   (line numbers kept); those that stand as a block inside the article and carry words (a quoted
   phrase) come back as ``leftover`` segments.
2. Page furniture goes: scripts, styles, forms, ``<nav>``, ``<aside>``, the site's
   ``<header>``/``<footer>`` (not an article's), ARIA landmarks of the site, and elements whose
   class or id names a menu, share buttons, comments, a cookie or accessibility banner, pagination,
   related links, a sidebar or an advert.
3. The article: the largest ``<article>``, else ``<main>``/``role=main``, when it holds at least half
   of the page's text; otherwise a small readability-style score: every text block of 20+ letters
   gives its parent 1 + min(length / 100, 3) points and its grandparent half of that; the best
   element is widened to its parent while that adds less than a third more (non-link) text and none
   after it, so a lead paragraph or a heading just before the richest block comes along (a sidebar
   or a footer after it does not).
4. The article's blocks in order: ``<h1>``-``<h6>`` (or an image-only headline's alt text) are
   headings; ``<p>``, ``<li>``, ``<dd>``, text-only ``<div>`` are speech (split at ``<br><br>`` and at a
   ``<br>`` before a speaker label); ``<blockquote>`` is a quote; ``<figure>``/``<figcaption>`` and
   image-only paragraphs are captions; ``<dt>`` + ``<dd>`` is an interview as a definition list (the
   ``<dt>`` text is the label of the ``<dd>`` segments); lists of short links (and a ``Links:`` line
   before one), date lines and template blocks are leftovers. Inline ``<strong>``/``<em>`` become
   Markdown emphasis (and the segments are Markdown) when the page uses any; a paragraph that is
   bold from end to end is a blog Q&A question (``hint="question"``). Labels such as ``Q:`` or
   ``<strong>Name:</strong>`` are split off by the text reader's ``label_segments``.

Title: the article's ``<h1>``, else ``og:title``, else ``<title>`` without its `` | Site`` part;
language from ``<html lang>``; description, canonical URL and publication date from the head.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...errors import Problem, PublishError
from ..segments import Segment, Segmented
from . import Format

SUFFIXES = (".html", ".htm", ".xhtml", ".php")
# Elements that hold text in lines of their own; everything else is inline.
BLOCKS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html li main menu nav noscript ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split())
# Elements whose content is one paragraph: a template tag inside one is dropped, not a block of its own.
PARAGRAPHS = frozenset("p h1 h2 h3 h4 h5 h6 li dd dt td th figcaption summary address pre".split())
TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "li", "blockquote", "figcaption", "td", "th")
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "form", "aside", "button", "select", "textarea",
             "input", "iframe", "svg", "canvas", "object", "embed", "menu", "dialog", "head")
DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
              "alertdialog", "form", "toolbar"})
# Words of a class or id that name page furniture (matched as whole words of `a-b_c d` names).
JUNK_WORDS = frozenset({
    "nav", "navi", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "pagination", "pager",
    "paging", "pagenav", "share", "sharing", "sharebar", "social", "comment", "comments", "disqus", "respond",
    "cookie", "cookies", "consent", "gdpr", "ad", "ads", "advert", "adverts", "advertisement", "sponsor",
    "sponsored", "promo", "newsletter", "subscribe", "signup", "sidebar", "related", "recommended", "popular",
    "trending", "popup", "modal", "overlay", "toolbar", "a11y", "accessibility", "skip", "skiplink", "fb",
    "facebook", "twitter", "tweet", "plusone", "linkedin", "whatsapp", "sns",
})
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_TEMPLATE_CHUNK = re.compile(r"<\?(?!xml\b).*?(?:\?>|\Z)|\{\{.*?\}\}|\{%.*?%\}|<\?xml\b.*?\?>", re.DOTALL)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f\v]*\n\s*(?=[{_CJK}])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MD_SPECIAL = re.compile(r"([\\*_`])")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·»]|::|-)\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TEXT_BLOCK = re.compile(r"<(p|h[1-6]|dl|dd|dt|li|blockquote)(?:\s[^<>]*)?>(.*?)</\1\s*>", re.I | re.DOTALL)
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def sniff(text: str, suffix: str) -> bool:
    """An HTML document, or a fragment whose words sit mostly in HTML text blocks."""
    head = _TEMPLATE_CHUNK.sub(" ", text[:4000]).lstrip("\ufeff \t\r\n")
    head = re.sub(r"^(?:<!--.*?-->\s*)+", "", head, flags=re.DOTALL)
    if re.match(r"<!doctype\s+html|<html[\s>]", head, re.I) or re.search(r"^\s*<body[\s>]", text, re.I | re.M):
        return True
    has_tag = re.search(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>", text) is not None
    if suffix.lower() in SUFFIXES:
        return has_tag
    sample = text[:20000]  # enough to tell, and no slow scans of a huge file for unclosed tags
    blocks = re.findall(_TEXT_BLOCK, sample)
    if len(blocks) < 2 or re.search(r"^\s*WEBVTT|<\?xml|<Trans\b", sample[:200]):
        return False
    inside = sum(len(_visible(body)) for _, body in blocks)
    return inside >= 3 * len(_visible(_TEXT_BLOCK.sub(" ", sample)))


def _visible(html: str) -> str:
    """The letters of an HTML snippet, without tags, templates and spaces (for sniffing only)."""
    html = _TEMPLATE_CHUNK.sub("", html)
    html = re.sub(r"<!--.*?-->|<[^<>]*>", "", html, flags=re.DOTALL)
    return re.sub(r"\s+", "", html)


def segment(text: str, shown: str, first_line: int) -> Segmented:
    """The article's blocks as segments, with the page's title, language, description and URL."""
    import lxml.html
    from lxml import etree

    source, chunks = _take_out_templates(_CONTROL.sub("", text))
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise PublishError(Problem("error", "html-unreadable", f"this HTML page cannot be read: {exc}", shown,
                                   first_line)) from None
    too_deep = [e for e in parser.error_log if "depth" in e.message.lower()]
    if too_deep:  # libxml2 stops reading below 256 levels: the words down there would be lost
        raise PublishError(Problem("error", "html-unreadable", "this HTML page is nested more than 256 elements "
                                   "deep and cannot be read whole", shown, too_deep[0].line + first_line - 1))
    try:
        meta = _head_facts(root)
        _drop_furniture(root)
        article = _find_article(root)
        walker = _Walker(first_line, chunks)
        walker.container(article)
    except RecursionError:
        raise PublishError(Problem("error", "html-unreadable", "this HTML page is nested too deeply to be read",
                                   shown, first_line)) from None
    segments = walker.finish()
    if not any(s.kind != "leftover" for s in segments):
        raise PublishError(Problem("error", "html-empty", "this HTML page holds no text to read", shown, first_line))

    from .text import label_segments  # the labels of prose paragraphs are split the same way for every format

    segments = label_segments(segments, walker.markdown)
    title, title_line = _title(meta, walker)
    return Segmented("html", segments, markdown=walker.markdown, title=title, title_line=title_line,
                     description=meta.get("description"), date=meta.get("date") or walker.date,
                     language=meta.get("language"), source_url=meta.get("url"))


# --- templates ------------------------------------------------------------------------------------------

def _take_out_templates(text: str) -> tuple[str, list[str]]:
    """PHP and template chunks replaced: by nothing inside a tag, by an `<x-tpl>` marker where text
    goes (the chunk's own line breaks kept, so lxml's line numbers still match the file)."""
    out: list[str] = []
    chunks: list[str] = []
    position = 0
    in_tag = False
    for match in _TEMPLATE_CHUNK.finditer(text):
        between = text[position:match.start()]
        out.append(between)
        opened, closed = between.rfind("<"), between.rfind(">")
        if opened != closed:
            in_tag = opened > closed
        breaks = "\n" * match.group(0).count("\n")
        if in_tag or match.group(0).startswith("<?xml"):
            out.append(breaks)
        else:
            out.append(f'<x-tpl n="{len(chunks)}"></x-tpl>{breaks}')
            chunks.append(match.group(0))
        position = match.end()
    out.append(text[position:])
    return "".join(out), chunks


def _carries_words(chunk: str) -> str | None:
    """The quoted phrases of a template chunk, if it holds any (code alone carries nothing to read)."""
    phrases = [a or b for a, b in re.findall(r'"([^"\n]*)"|\'([^\'\n]*)\'', chunk)]
    words = [p for p in phrases if len(re.findall(r"[^\W\d_]{2,}", p)) >= 2 and not re.search(r"[/\\.]\w+$", p)]
    return " ".join(" ".join(w.split()) for w in words) or None


# --- the head ---------------------------------------------------------------------------------------------

def _head_facts(root) -> dict[str, str]:
    """Language, description, URL, date and the title candidates stated by the page's head."""

    def meta(*names: str) -> str | None:
        for name in names:
            for el in root.iter("meta"):
                if name in ((el.get("name") or "").lower(), (el.get("property") or "").lower(),
                            (el.get("itemprop") or "").lower()):
                    value = " ".join((el.get("content") or "").split())
                    if value:
                        return value
        return None

    language = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    locale = meta("og:locale")
    if not language and locale:
        language = locale.replace("_", "-")
    canonical = [el.get("href") for el in root.iter("link") if "canonical" in (el.get("rel") or "").lower().split()]
    found = {
        "language": language or None,
        "description": meta("description", "og:description", "twitter:description"),
        "url": (canonical[0].strip() if canonical and canonical[0] else None) or meta("og:url"),
        "date": _date_of(meta("article:published_time", "datepublished", "date", "dc.date") or ""),
        "og_title": meta("og:title", "twitter:title"),
        "site": meta("og:site_name", "application-name"),
    }
    titles = [el for el in root.iter("title")]
    if titles and titles[0].text_content().strip():
        found["page_title"] = " ".join(titles[0].text_content().split())
        found["page_title_line"] = str(titles[0].sourceline or "")
    return {key: value for key, value in found.items() if value}


def _date_of(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) written in the text, ISO or Japanese/Chinese style."""
    match = _ISO_DATE.search(text) or _CJK_DATE.search(text)
    return f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}" if match else None


def _title(meta: dict[str, str], walker: "_Walker") -> tuple[str | None, int | None]:
    """The article's own title: its first <h1>, else og:title, else <title> without the site's name."""
    for seg in walker.segments:
        if seg.kind == "heading" and seg.level == 1:
            return _plain(seg.text), seg.line
    if meta.get("og_title"):
        return _strip_site(meta["og_title"], meta.get("site")), None
    if meta.get("page_title"):
        line = meta.get("page_title_line")
        return _strip_site(meta["page_title"], meta.get("site")), int(line) + walker.offset if line else None
    return None, None


def _strip_site(title: str, site: str | None) -> str:
    """`Talking to Ada | The Daily Site` -> `Talking to Ada`: the site's name (og:site_name) at either
    end goes; without it, a last part after a separator that is short (40 letters at most) and
    shorter than what comes before it."""
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    if not cuts:
        return title
    first, last = cuts[0], cuts[-1]
    if site and title[last.end():].strip().casefold() == site.strip().casefold():
        return title[: last.start()].strip()
    if site and title[: first.start()].strip().casefold() == site.strip().casefold():
        return title[first.end():].strip()
    tail = title[last.end():].strip()
    if len(tail) <= 40 and len(tail) <= last.start():
        return title[: last.start()].strip()
    return title


def _plain(text: str) -> str:
    """Markdown emphasis and escapes out of a heading's text."""
    return re.sub(r"\\([\\*_`])", r"\1", re.sub(r"(?<!\\)(\*\*|\*)", "", text)).strip()


# --- furniture and the article ------------------------------------------------------------------------------

def _names(el) -> set[str]:
    return set(_WORD_SPLIT.split(f"{el.get('class') or ''} {el.get('id') or ''}".lower())) - {""}


def _drop_furniture(root) -> None:
    """Remove what is never the article: code, forms, menus, banners, share buttons, comments."""
    body_text = len(_text_of(root)) or 1
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        inside_article = any(a.tag in ("article", "main") or a.get("role") == "main" for a in el.iterancestors())
        if tag in DROP_TAGS or (el.get("role") or "").lower() in DROP_ROLES and tag not in ("html", "body"):
            doomed.append(el)
        elif tag == "header" and not inside_article and (el.getparent().tag == "body" or el.find(".//nav") is not None):
            doomed.append(el)  # the site's header (an entry's own header, holding its <h1>, stays)
        elif tag == "footer" and not any(a.tag == "article" for a in el.iterancestors()):
            doomed.append(el)
        elif tag not in ("html", "body") and (el.get("hidden") is not None or el.get("aria-hidden") == "true" or
                                              re.search(r"display\s*:\s*none", el.get("style") or "")):
            doomed.append(el)
        elif _names(el) & JUNK_WORDS and tag not in ("html", "body", "article", "main") and not any(
                True for _ in el.iter("article", "main")) and len(_text_of(el)) < body_text / 2:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None and not any(a in doomed for a in el.iterancestors()):
            _remove(el)


def _remove(el) -> None:
    """Take an element out, keeping the text that follows it."""
    parent = el.getparent()
    if el.tail and el.tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _text_of(el, links: bool = True) -> str:
    """An element's text without spaces (links' text left out when `links` is False)."""
    if links:
        return re.sub(r"\s+", "", el.text_content())
    total = re.sub(r"\s+", "", el.text_content())
    in_links = sum(len(re.sub(r"\s+", "", a.text_content())) for a in el.iter("a"))
    return total[: max(0, len(total) - in_links)]


def _find_article(root):
    """The element holding the article (see the module's docstring for the rule)."""
    body = root.find("body") if root.find("body") is not None else root
    page = len(_text_of(body, links=False)) or 1
    for tags in (("article",), ("main",)):
        found = [el for el in body.iter(*tags)] + ([el for el in body.iter() if el.get("role") == "main"]
                                                      if tags == ("main",) else [])
        if found:
            best = max(found, key=lambda el: len(_text_of(el, links=False)))
            if len(_text_of(best, links=False)) * 2 >= page:
                return best
    scores: dict = {}
    for el in body.iter():
        if not isinstance(el.tag, str) or not (el.tag in TEXT_BLOCKS or el.tag == "div" and _inline_only(el)):
            continue
        length = len(_text_of(el, links=False))
        if length < 20:
            continue
        points = 1 + min(length / 100, 3)
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + points
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + points / 2
    if not scores:
        return body
    best = max(scores, key=lambda el: scores[el])
    while best is not body and best.getparent() is not None:
        parent = best.getparent()
        after = (best.tail or "").strip() or any(_text_of(sibling, links=False) for sibling in best.itersiblings()
                                                 if isinstance(sibling.tag, str))
        if after or len(_text_of(parent, links=False)) * 3 > len(_text_of(best, links=False)) * 4:
            break  # text after the article is a sidebar or a footer; much more text before it is not a lead
        best = parent
    return best


def _inline_only(el) -> bool:
    return not any(isinstance(c.tag, str) and (c.tag in BLOCKS or c.tag == "x-tpl") for c in el)


# --- walking the article ------------------------------------------------------------------------------------

class _Walker:
    """Turns the article's blocks into segments, in document order. Every text is kept twice, as
    Markdown and as plain text: which one the segments get is known only at the end (Markdown when
    the page uses emphasis anywhere)."""

    def __init__(self, first_line: int, chunks: list[str]):
        self.offset = first_line - 1
        self.chunks = chunks
        self.found: list[tuple[Segment, str]] = []  # (segment with Markdown text, plain text)
        self.markdown = False
        self.date: str | None = None
        self.label: str | None = None  # the <dt> waiting for its <dd>

    def emit(self, line: int, md: str, plain: str, kind: str = "speech", **extra) -> None:
        if plain.strip():
            self.found.append((Segment(line + self.offset, md.strip(), kind, **extra), plain.strip()))

    def finish(self) -> list[Segment]:
        """The segments; a whole-bold paragraph is a question only where there are several of them
        and several other paragraphs too (a Q&A, not one bold line)."""
        hinted = sum(1 for seg, _ in self.found if seg.hint)
        others = sum(1 for seg, _ in self.found if seg.kind == "speech" and not seg.hint)
        out = []
        for seg, plain in self.found:
            if seg.hint and (hinted < 2 or others < 2):
                seg = replace(seg, hint=None)
            out.append(seg if self.markdown else replace(seg, text=plain))
        return out

    @property
    def segments(self) -> list[Segment]:
        return [seg for seg, _ in self.found]

    # containers hold blocks and loose inline runs; a run between blocks is a paragraph of its own
    def container(self, el, kind: str = "speech") -> None:
        run: list = []  # ("text" | "tail", text, owner) and ("node", inline element, parent)
        if el.text and el.text.strip():
            run.append(("text", el.text, el))
        for child in el:
            if isinstance(child.tag, str) and (child.tag in BLOCKS or child.tag == "x-tpl" and el.tag not in PARAGRAPHS):
                self.paragraph(run, kind)
                run = []
                self.block(child, kind)
            else:
                run.append(("node", child, el))
            if child.tail and child.tail.strip():
                run.append(("tail", child.tail, child))
        self.paragraph(run, kind)

    def block(self, el, kind: str) -> None:
        tag = el.tag
        names = _names(el)
        if tag == "x-tpl":
            words = _carries_words(self.chunks[int(el.get("n"))])
            if words:
                self.emit(el.sourceline, _escape(words), words, "leftover")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            md, plain = self.inline_text(el)
            if not plain:
                md = plain = " ".join(i.get("alt", "").strip() for i in el.iter("img")).strip()
                md = _escape(md)
            self.emit(_start_line(el), md, plain, "heading", level=int(tag[1]))
        elif tag == "dl":
            self.definitions(el)
        elif tag in ("ul", "ol") and _link_list(el):
            self.link_list(el)
        elif tag == "blockquote":
            self.container(el, "quote")
        elif tag == "figure":
            self.figure(el)
        elif tag == "figcaption":
            self.container(el, "caption")
        elif tag == "hr":
            return
        elif names & {"date", "time", "published", "dateline", "timestamp"} and _inline_only(el):
            self.date = self.date or _date_of(el.text_content()) or _date_of(
                " ".join(t.get("datetime", "") for t in el.iter("time")))
            self.container(el, "leftover")
        elif names & {"title", "heading", "headline"} and _inline_only(el) and len(_text_of(el)) <= 120:
            md, plain = self.inline_text(el)
            self.emit(_start_line(el), md, plain, "heading", level=3)
        elif names & {"note", "editor", "correction"} and kind == "speech":
            self.container(el, "note")
        else:
            self.container(el, kind)

    def definitions(self, el) -> None:
        """<dt>name</dt><dd>words</dd>: a short <dt> labels the <dd>s after it; a long one is speech."""
        self.label = None
        after_dt = False
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "dt":
                text = self.inline_text(child)[1].rstrip(":：").strip()
                if 0 < len(text) <= 40 and not text.endswith(("?", "？")):
                    # two <dt>s before one <dd>: both say it
                    self.label = f"{self.label}, {text}" if after_dt and self.label else text
                else:
                    self.label = None
                    self.container(child, "speech")
            elif child.tag == "dd":
                start = len(self.found)
                self.container(child, "speech")
                if self.label:
                    self.found[start:] = [(replace(seg, label=self.label) if seg.kind == "speech" else seg, plain)
                                          for seg, plain in self.found[start:]]
            elif child.tag in BLOCKS:
                self.block(child, "speech")
            else:
                self.paragraph([("node", child, el)], "speech")
            after_dt = child.tag == "dt"
            if child.tail and child.tail.strip():
                self.paragraph([("tail", child.tail, child)], "speech")

    def figure(self, el) -> None:
        """A figure's caption (or, without one, its images' alt text); a pull quote inside stays a quote."""
        has_caption = any(isinstance(c.tag, str) and c.tag == "figcaption" for c in el)
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "blockquote":
                self.container(child, "quote")
            elif child.tag == "figcaption" or _text_of(child):
                self.container(child, "caption")
            elif not has_caption:
                alt = " ".join(i.get("alt", "").strip() for i in child.iter("img") if i.get("alt", "").strip())
                self.emit(child.sourceline, _escape(alt), alt, "caption")

    def link_list(self, el) -> None:
        """A menu or a list of links: leftovers, and so is a short `Links:` line or heading just before it."""
        if self.found and self.found[-1][0].kind in ("speech", "heading"):
            last, plain = self.found[-1]
            if len(plain) <= 60 and (last.kind == "heading" or plain.endswith((":", "："))):
                self.found[-1] = (replace(last, kind="leftover", level=0), plain)
        self.container(el, "leftover")

    def paragraph(self, run: list, kind: str) -> None:
        """A run of inline content: one segment per paragraph (split at <br><br> or a <br> before a label)."""
        if not run:
            return
        lines = self.lines(run)
        if not lines:
            alt = " ".join(i.get("alt", "").strip() for what, n, _ in run if what == "node" and n.tag == "img"
                           for i in [n] if i.get("alt", "").strip())
            line = next((n.sourceline for what, n, _ in run if what == "node"), None)
            if alt and line:
                self.emit(line, _escape(alt), alt, "caption")
            return
        groups: list[list] = [[]]
        for md, plain, line, gap, linked in lines:
            if groups[-1] and (gap or _labelled(plain)):
                groups.append([])
            groups[-1].append((md, plain, line, linked))
        for group in groups:
            md = " ".join(g[0] for g in group)
            plain = " ".join(g[1] for g in group)
            if all(g[3] for g in group) and len(plain) <= 80 and kind != "caption":
                self.emit(group[0][2], md, plain, "leftover")  # a line of links only: `Culture`, `Read more`
                continue
            extra = {}
            if kind == "speech" and _whole_bold(md):
                extra["hint"] = "question"
                if _labelled(plain):  # **Q: the question?**: the label must come first for it to be split off
                    md = re.sub(r"^\*\*(.*)\*\*([.:]?)$", r"\1\2", md, flags=re.DOTALL).strip()
            self.emit(group[0][2], md, plain, kind, **extra)

    def lines(self, run: list) -> list[tuple[str, str, int, bool, bool]]:
        """The run's lines (at <br>): (Markdown text, plain text, source line, follows an empty line,
        every word is a link's)."""
        pieces: list = []  # ("text", markdown, plain, line, in a link) | ("br", line)
        for what, node, owner in run:
            if what == "node":
                self.inline(node, pieces, set())
            else:
                line = (owner.sourceline or 1) + (_newlines_before(owner) if what == "tail" else 0)
                pieces.append(("text", _escape(node), _clean(node), line + _leading_newlines(node), False))
        lines: list[tuple[str, str, int, bool, bool]] = []
        md, plain, line, empty_before, linked = [], [], None, False, True
        for piece in pieces + [("br", 0)]:
            if piece[0] == "br":
                if _join(plain):
                    lines.append((_join(md), _join(plain), line or piece[1], empty_before, linked))
                    empty_before = False
                elif lines:
                    empty_before = True
                md, plain, line, linked = [], [], None, True
            else:
                md.append(piece[1])
                plain.append(piece[2])
                if piece[2].strip():
                    line = piece[3] if line is None else line
                    linked = linked and (piece[4] or not re.search(r"\w", piece[2]))
        return lines

    def inline(self, el, pieces: list, styles: set) -> None:
        """An inline element's text into pieces, emphasis as Markdown (strong: **, em: *)."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            pieces.append(("br", el.sourceline or 1))
            return
        if tag in ("img", "x-tpl", "input", "wbr", ""):
            return
        if tag in BLOCKS:  # a block where inline content was expected: keep its words
            words = el.text_content()
            pieces.append(("text", _escape(words), _clean(words), el.sourceline or 1, "a" in styles))
            return
        mark = "**" if tag in ("strong", "b") and "b" not in styles else (
            "*" if tag in ("em", "i", "cite", "dfn") and "i" not in styles else "")
        inner = styles | ({"b"} if mark == "**" else {"i"} if mark == "*" else set()) | ({"a"} if tag == "a" else set())
        sub = self.children(el, inner)
        if tag == "q":
            quote = "a" in styles
            sub = [("text", "“", "“", el.sourceline or 1, quote), *sub, ("text", "”", "”", el.sourceline or 1, quote)]
        if mark and any(p[0] == "text" and p[2].strip() for p in sub):
            self.markdown = True
            _wrap(sub, mark)
        pieces.extend(sub)

    def children(self, el, styles: set) -> list:
        """The pieces of an element's own text, its inline children and their tails."""
        sub: list = []
        linked = "a" in styles
        if el.text:
            sub.append(("text", _escape(el.text), _clean(el.text), (el.sourceline or 1) + _leading_newlines(el.text),
                        linked))
        for child in el:
            self.inline(child, sub, styles)
            if child.tail:
                sub.append(("text", _escape(child.tail), _clean(child.tail),
                            (child.sourceline or 1) + _newlines_before(child) + _leading_newlines(child.tail), linked))
        return sub

    def inline_text(self, el) -> tuple[str, str]:
        """All the inline text of an element on one line, as Markdown and as plain text."""
        pieces = self.children(el, set())
        return (_join([p[1] if p[0] == "text" else " " for p in pieces]),
                _join([p[2] if p[0] == "text" else " " for p in pieces]))


def _wrap(sub: list, mark: str) -> None:
    """Put emphasis marks around the text pieces, outside their edge spaces (`**Name:** text`)."""
    texts = [i for i, p in enumerate(sub) if p[0] == "text" and p[2].strip()]
    first, last = texts[0], texts[-1]
    kind, md, *rest = sub[first]
    stripped = md.lstrip()
    sub[first] = (kind, md[: len(md) - len(stripped)] + mark + stripped, *rest)
    kind, md, *rest = sub[last]
    stripped = md.rstrip()
    sub[last] = (kind, stripped + mark + md[len(stripped):], *rest)


def _clean(text: str) -> str:
    """Source text as it reads: a line break between two CJK characters is nothing, other spaces one."""
    return _SPACE.sub(" ", _CJK_BREAK.sub("", text))


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _clean(text))


def _join(parts: list[str]) -> str:
    return _SPACE.sub(" ", "".join(parts)).strip()


def _leading_newlines(text: str) -> int:
    return text[: len(text) - len(text.lstrip())].count("\n")


def _newlines_before(el) -> int:
    """Line breaks inside an element (how far below its start tag its tail begins)."""
    return sum((node.text or "").count("\n") + (node.tail or "").count("\n") * (node is not el)
               for node in el.iter() if isinstance(node.tag, str))


def _start_line(el) -> int:
    return (el.sourceline or 1) + _leading_newlines(el.text or "")


def _labelled(plain: str) -> bool:
    from ..labels import split_label

    return split_label(plain.strip()) is not None


def _whole_bold(text: str) -> bool:
    """Markdown text that is one bold run from end to end (`**What now?**`)."""
    return bool(re.fullmatch(r"\*\*(?!\s)(?:[^*\\]|\\.|\*(?!\*))+?(?<!\s)\*\*[.:]?", text.strip()))


def _link_list(el) -> bool:
    """A list whose every item is a short link: a menu, pagination, a list of further reading."""
    items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
    if not items:
        return False
    for li in items:
        text = _text_of(li)
        links = sum(len(re.sub(r"\s+", "", a.text_content())) for a in li.iter("a"))
        if not text or len(text) > 80 or links < 0.8 * len(text):
            return False
    return True


FORMATS = (Format("html", sniff, segment),)
