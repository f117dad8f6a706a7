"""EPUB 3 through ebooklib, then repacked so the same input gives byte-identical files."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..model import Publication
from ..theme import Theme
from .context import GENERATOR, base_context
from .cover import CoverDrawing, cover_alt, typographic_cover
from .pagebreaks import PageStart

XHTML = "application/xhtml+xml"
MARC_ROLES = {"interviewee": "ive", "interviewer": "ivr"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STYLESHEET = "styles/book.css"
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"


@dataclass(frozen=True)
class CoverImage:
    """A cover image: the project's, or the generated one (perhaps still being drawn), and its media type."""

    content: bytes | CoverDrawing
    media_type: str
    extension: str

    def begin(self) -> None:
        """Start drawing a generated cover (see CoverDrawing)."""
        if not isinstance(self.content, bytes):
            self.content.begin()

    @property
    def data(self) -> bytes:
        """The image's bytes (waiting for a cover still being drawn)."""
        return self.content if isinstance(self.content, bytes) else self.content.result()


@dataclass(frozen=True)
class PrintPages:
    """The print edition's page starts and identifier, for the page list."""

    starts: tuple[PageStart, ...]
    source: str


def render_epub(publication: Publication, theme: Theme, print_pages: PrintPages | None = None,
                cover: CoverImage | None = None) -> bytes:
    """Package the publication as an accessible EPUB 3: cover, title page, copyright page, one document
    per interview, nav (contents, landmarks, and the print page list when the PDF was laid out), NCX."""
    from ebooklib import epub

    meta = publication.meta
    starts = print_pages.starts if print_pages else ()
    context = base_context(publication, starts, epub=True)
    t = context["t"]
    book = epub.EpubBook()
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.language)
    book.metadata[epub.NAMESPACES["OPF"]]["generator"] = [("", {"name": "generator", "content": GENERATOR})]
    add_metadata(book, publication)

    book.add_item(epub.EpubItem(uid="css", file_name=STYLESHEET, media_type="text/css",
                                content=theme.css_for("epub").encode("utf-8")))
    if cover is None:  # callers normally pass the project's cover or the generated one
        cover = CoverImage(typographic_cover(publication, theme.fonts_dir()), "image/png", "png")
    image = epub.EpubItem(uid="cover-image", file_name=f"images/cover.{cover.extension}",
                          media_type=cover.media_type)  # its content when the book is written
    image.properties = ["cover-image"]
    book.add_item(image)
    page = {"stylesheet": "../" + STYLESHEET}
    cover_page = xhtml_item("cover", "text/cover.xhtml", theme.render(
        "epub/cover.xhtml.j2", **context, **page, image="../" + image.file_name, alt=cover_alt(publication)))
    titlepage = xhtml_item("titlepage", "text/titlepage.xhtml",
                           theme.render("epub/titlepage.xhtml.j2", **context, **page))
    copyright_page = xhtml_item("copyright", "text/copyright.xhtml",
                                theme.render("epub/copyright.xhtml.j2", **context, **page))
    for item in (cover_page, titlepage, copyright_page):
        book.add_item(item)
    fronts = [xhtml_item(m.id, f"text/{m.id}.xhtml", theme.render("epub/matter.xhtml.j2", **context, **page,
                                                                  matter=m, placement="frontmatter"))
              for m in publication.front]
    backs = [xhtml_item(m.id, f"text/{m.id}.xhtml", theme.render("epub/matter.xhtml.j2", **context, **page,
                                                                 matter=m, placement="backmatter"))
             for m in publication.back]
    for item in fronts + backs:
        book.add_item(item)
    index_page = None
    chapters = []
    part_items = {}
    for interview in publication.interviews:
        if part := publication.part_starting_at(interview.id):
            part_items[part.id] = xhtml_item(part.id, f"text/{part.id}.xhtml",
                                             theme.render("epub/part.xhtml.j2", **context, **page, part=part))
            book.add_item(part_items[part.id])
        chapter = xhtml_item(interview.id, f"text/{interview.id}.xhtml",
                             theme.render("epub/chapter.xhtml.j2", **context, **page, interview=interview))
        book.add_item(chapter)
        chapters.append((chapter, interview))

    entries = {interview.id: {"href": item.file_name, "title": interview.title} for item, interview in chapters}
    body = [entries[i.id] for i in publication.interviews if not any(i.id in p.interviews for p in publication.parts)]
    if publication.parts:
        body = [{"href": part_items[p.id].file_name, "title": p.title,
                 "children": [entries[i] for i in p.interviews]} for p in publication.parts]
    toc = ([{"href": item.file_name, "title": m.title} for item, m in zip(fronts, publication.front)] + body
           + [{"href": item.file_name, "title": m.title} for item, m in zip(backs, publication.back)])
    landmarks = [
        {"type": "cover", "href": cover_page.file_name, "title": t("cover")},
        {"type": "titlepage", "href": titlepage.file_name, "title": t("title page")},
        {"type": "copyright-page", "href": copyright_page.file_name, "title": t("colophon")},
        {"type": "toc", "href": "nav.xhtml#toc", "title": t("contents")},
        {"type": "bodymatter", "href": chapters[0][0].file_name, "title": t("start of content")},
    ]
    files = {}
    for item, interview in chapters:
        files[interview.id] = item.file_name
        for block in interview.blocks:
            files[block.id] = item.file_name
            for index in range(1, len(getattr(block, "paragraphs", ())) + 1):
                files[f"{block.id}-{index}"] = item.file_name
    pages = [{"href": f"{files[s.anchor]}#page-{s.label}", "label": s.label} for s in starts]
    if context["index_entries"]:
        index_page = xhtml_item("index", "text/index.xhtml", theme.render(
            "epub/index.xhtml.j2", **{**context, "href": lambda anchor: f"{files[anchor].removeprefix('text/')}#{anchor}"},
            **page))
        book.add_item(index_page)
        toc.append({"href": index_page.file_name, "title": t("index")})
        landmarks.append({"type": "index", "href": index_page.file_name, "title": t("index")})
    nav = xhtml_item("nav", "nav.xhtml", theme.render("epub/nav.xhtml.j2", **context, toc=toc, landmarks=landmarks,
                                                        pages=pages, stylesheet=STYLESHEET))
    nav.properties = ["nav"]
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    add_accessibility(book, publication, print_pages, has_cover=True)
    book.toc = [ncx_entry(epub, entry, n) for n, entry in enumerate(toc, start=1)]
    # The nav is in the spine (so landmarks may point at it) but out of the reading order.
    reading = []
    for item, interview in chapters:
        if part := publication.part_starting_at(interview.id):
            reading.append(part_items[part.id])
        reading.append(item)
    book.spine = [cover_page, titlepage, copyright_page, (nav, "no"), *fronts, *reading,
                  *backs, *([index_page] if index_page else [])]

    image.content = b""  # a generated cover may still be being drawn: repack() puts it in last
    raw = io.BytesIO()
    # Stored, not compressed: repack() reads it back and compresses each file once, for good.
    epub.write_epub(raw, book, {"mtime": meta.modified, "raise_exceptions": True, "epub3_landmark": False,
                                "epub2_guide": False, "epub3_pages": False, "compresslevel": 0})
    return repack(raw.getvalue(), meta.language, meta.modified.timetuple()[:6],
                  {f"EPUB/{image.file_name}": lambda: cover.data})


def ncx_entry(epub, entry: dict, number: int):
    """A table-of-contents entry for the NCX: a link, or a section with its children."""
    if entry.get("children"):
        return (epub.Section(entry["title"], entry["href"]),
                [epub.Link(child["href"], child["title"], f"toc-{number}-{n}")
                 for n, child in enumerate(entry["children"], start=1)])
    return epub.Link(entry["href"], entry["title"], f"toc-{number}")


def add_metadata(book, publication: Publication) -> None:
    """Creators with MARC relator roles, and the optional Dublin Core fields."""
    meta = publication.meta
    for number, person in enumerate(publication.creators, start=1):
        uid = f"creator-{number}"
        book.add_metadata("DC", "creator", person.name, {"id": uid})
        book.add_metadata(None, "meta", MARC_ROLES[person.role],
                          {"refines": f"#{uid}", "property": "role", "scheme": "marc:relators"})
    for name, value in (("publisher", meta.publisher), ("date", meta.date), ("rights", meta.rights),
                        ("description", meta.description)):
        if value:
            book.add_metadata("DC", name, value)
    if meta.series:
        book.add_metadata(None, "meta", meta.series, {"property": "belongs-to-collection", "id": "series"})
        book.add_metadata(None, "meta", "series", {"refines": "#series", "property": "collection-type"})
        if meta.series_position:
            book.add_metadata(None, "meta", str(meta.series_position),
                              {"refines": "#series", "property": "group-position"})


def add_accessibility(book, publication: Publication, print_pages: PrintPages | None, has_cover: bool) -> None:
    """EPUB Accessibility 1.1 metadata, stated from what this book really has."""
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if has_cover:
        features.append("alternativeText")
    if print_pages:
        features.append("printPageNumbers")
    values = [("schema:accessMode", "textual"), ("schema:accessMode", "visual"),
              ("schema:accessModeSufficient", "textual"),
              *(("schema:accessibilityFeature", feature) for feature in features),
              ("schema:accessibilityHazard", "none"),
              ("schema:accessibilitySummary", accessibility_summary(publication, print_pages)),
              ("dcterms:conformsTo", CONFORMANCE)]
    if print_pages:
        values.append(("pageBreakSource", print_pages.source))
    for prop, value in values:
        book.add_metadata(None, "meta", value, {"property": prop})


def accessibility_summary(publication: Publication, print_pages: PrintPages | None) -> str:
    """A plain description of how this publication can be read, built from its actual features."""
    interviews = len(publication.interviews)
    turns = sum(len(i.turns) for i in publication.interviews)
    parts = [
        f"This publication meets {CONFORMANCE.split(' - ')[1]}.",
        f"It holds {interviews} interview{'s' if interviews != 1 else ''} in {turns} turns; every turn starts "
        "with the speaker's name in text, so questions and answers are clear without styling.",
        "It has a table of contents, landmarks and a logical reading order, and its text can be resized and restyled.",
        "The cover image has a text description.",
    ]
    if print_pages:
        first, last = print_pages.starts[0].label, print_pages.starts[-1].label
        parts.append(f"Page numbers and a page list follow the print edition (pages {first} to {last}).")
    else:
        parts.append("It has no print page numbers: it was built without the print edition.")
    parts.append("It contains no images of text, audio, video or flashing content.")
    return " ".join(parts)


def xhtml_item(uid: str, file_name: str, content: str):
    """An XHTML content document passed through untouched (ebooklib's EpubHtml would re-parse it as HTML)."""
    from ebooklib import epub

    data = str(content).encode("utf-8")
    etree.fromstring(data)  # a template that yields malformed XHTML is a bug: fail loudly, never ship it
    return epub.EpubItem(uid=uid, file_name=file_name, media_type=XHTML, content=data)


IMAGES = (".png", ".jpg", ".jpeg")  # compressed already: stored as they are


def repack(data: bytes, language: str, date_time: tuple, last: dict | None = None) -> bytes:
    """Rewrite the zip: mimetype first and stored, fixed order and times, xml:lang on the package; the
    files of ``last`` (name: a function giving the content) go in last, with that content: the generated
    cover, drawn meanwhile, is waited for only once everything else is compressed."""
    last = last or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    order = ["mimetype", "META-INF/container.xml"] + sorted(n for n in names if n.endswith(".opf"))
    order += [n for n in names if n not in order and n not in last] + [n for n in last if n in names]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            content = last[name]() if name in last else source.read(name)
            if name.endswith(".opf"):
                content = set_package_language(content, language)
            info = zipfile.ZipInfo(name, date_time=max(date_time, (1980, 1, 1, 0, 0, 0)))
            info.create_system = 3
            info.external_attr = 0o644 << 16
            stored = name == "mimetype" or name.lower().endswith(IMAGES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(info, content, compresslevel=None if stored else 9)
    return out.getvalue()


def set_package_language(opf: bytes, language: str) -> bytes:
    """ebooklib leaves xml:lang off <package>; EPUB 3 wants the default language there."""
    root = etree.fromstring(opf)
    root.set(XML_LANG, language)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
