"""KEPUB for Kobo e-readers: the finished EPUB with Kobo's reading spans added.

Kobo's reader keeps its place, highlights and reading statistics by sentence spans
(``<span class="koboSpan" id="kobo.P.S">``: block P of the document, segment S of the block) and lays
the page out inside ``div#book-columns > div#book-inner``. Kobo's own store adds these when it ingests
an EPUB; a file sideloaded onto a device needs them already, under a ``.kepub.epub`` name. Nothing
else changes: the text, the package document, the nav and the accessibility metadata are the EPUB's.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

XHTML_NS = "http://www.w3.org/1999/xhtml"
OPF_NS = "http://www.idpf.org/2007/opf"
SPAN = f"{{{XHTML_NS}}}span"
DIV = f"{{{XHTML_NS}}}div"
# Blocks: each starts a new P number. Text directly inside them (or their inline children) is spanned.
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "figcaption",
          "blockquote", "div", "section", "article", "aside", "header", "footer", "nav", "figure", "pre",
          "address", "main", "body", "dl", "ol", "ul", "table", "tr", "hr"}
# Never span inside these: their content model or their meaning forbids it.
SKIP = {"script", "style", "svg", "math", "ruby", "rt", "rp", "select", "option", "textarea", "title", "head"}
STYLE_HACKS = "div#book-inner { margin-top: 0; margin-bottom: 0; }"
# A sentence ends at . ! ? or … (and any closing quotes or brackets), then white space, then no
# lower-case letter.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")


def kepubify(epub: bytes) -> bytes:
    """The KEPUB of an EPUB (bytes in, bytes out): same entries in the same order, content documents
    spanned; byte-identical output for the same input."""
    source = zipfile.ZipFile(io.BytesIO(epub))
    documents = content_documents(source)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in documents:
                data = span_document(data)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.create_system, copy.external_attr, copy.compress_type = 3, info.external_attr, info.compress_type
            target.writestr(copy, data, compresslevel=None if info.compress_type == zipfile.ZIP_STORED else 9)
    return out.getvalue()


def content_documents(source: zipfile.ZipFile) -> set[str]:
    """The zip names of the XHTML content documents in the spine, less the nav document."""
    container = etree.fromstring(source.read("META-INF/container.xml"))
    opf_name = container.find(".//{*}rootfile").get("full-path")
    opf = etree.fromstring(source.read(opf_name))
    base = posixpath.dirname(opf_name)
    items = {item.get("id"): item for item in opf.iter(f"{{{OPF_NS}}}item")}
    names = set()
    for itemref in opf.iter(f"{{{OPF_NS}}}itemref"):
        item = items[itemref.get("idref")]
        if item.get("media-type") == "application/xhtml+xml" and "nav" not in (item.get("properties") or "").split():
            names.add(posixpath.normpath(posixpath.join(base, item.get("href"))))
    return names


def span_document(data: bytes) -> bytes:
    """One content document with Kobo's spans, wrapper divs and style hack."""
    root = etree.fromstring(data)
    head, body = root.find(f"{{{XHTML_NS}}}head"), root.find(f"{{{XHTML_NS}}}body")
    style = etree.SubElement(head, f"{{{XHTML_NS}}}style", {"type": "text/css", "class": "kobostylehacks"})
    style.text = STYLE_HACKS
    counter = Counter()
    span_block(body, counter)
    columns = etree.Element(DIV, {"id": "book-columns"})
    inner = etree.SubElement(columns, DIV, {"id": "book-inner"})
    inner.text, body.text = body.text, None
    for child in list(body):
        inner.append(child)
    body.append(columns)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")


class Counter:
    """Kobo's numbering: P counts blocks that hold text, S counts segments within the current block."""

    def __init__(self) -> None:
        self.paragraph, self.segment, self.open = 0, 0, False

    def new_block(self) -> None:
        self.open = False

    def next_id(self) -> str:
        if not self.open:
            self.paragraph, self.segment, self.open = self.paragraph + 1, 0, True
        self.segment += 1
        return f"kobo.{self.paragraph}.{self.segment}"


def local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def span_block(element, counter: Counter) -> None:
    """Span the text of ``element`` and of its descendants, in document order."""
    if local(element) in BLOCKS:
        counter.new_block()
    if element.text and element.text.strip():
        spans = sentence_spans(element.text, counter)
        element.text = spans[0]
        for index, span in enumerate(spans[1:]):
            element.insert(index, span)
    for child in list(element):
        name = local(child)
        if name == "img":
            child = wrap(child, counter)
        elif name and name not in SKIP and not (name == "span" and child.get("class") == "koboSpan"):
            span_block(child, counter)
            if name in BLOCKS:
                counter.new_block()
        if child.tail and child.tail.strip():
            spans = sentence_spans(child.tail, counter)
            child.tail = spans[0]
            position = element.index(child) + 1
            for offset, span in enumerate(spans[1:]):
                element.insert(position + offset, span)


def sentence_spans(text: str, counter: Counter) -> list:
    """``text`` split into sentences: [leading white space, span, span, ...]; the white space after each
    sentence stays outside its span, as the span's tail."""
    stripped = text.lstrip()
    lead = text[: len(text) - len(stripped)]
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(stripped):
        if match.end() < len(stripped) and stripped[match.end()].islower():
            continue  # "Yes… it is", "e.g. this": the sentence goes on
        pieces.append(stripped[start:match.end()])
        start = match.end()
    if start < len(stripped):
        pieces.append(stripped[start:])
    spans = []
    for piece in pieces:
        words = piece.rstrip()
        span = etree.Element(SPAN, {"class": "koboSpan", "id": counter.next_id()})
        span.text, span.tail = words, piece[len(words):] or None
        spans.append(span)
    return [lead or None, *spans]


def wrap(image, counter: Counter):
    """An image gets a span of its own, so that Kobo can point at it; returns the span."""
    span = etree.Element(SPAN, {"class": "koboSpan", "id": counter.next_id()})
    tail, image.tail = image.tail, None
    image.addprevious(span)
    span.append(image)
    span.tail = tail
    return span
