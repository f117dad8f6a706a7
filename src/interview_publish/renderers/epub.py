"""EPUB 3 through ebooklib, then repacked so the same input gives byte-identical files."""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from markupsafe import Markup

from ..model import Publication
from ..theme import Theme
from .context import GENERATOR, base_context

XHTML = "application/xhtml+xml"
MARC_ROLES = {"interviewee": "ive", "interviewer": "ivr"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STYLESHEET = "styles/book.css"


def render_epub(publication: Publication, theme: Theme) -> bytes:
    """Package the publication as an EPUB 3 with a title page, one document per interview, nav and NCX."""
    from ebooklib import epub

    meta = publication.meta
    context = base_context(publication)
    book = epub.EpubBook()
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    book.set_language(meta.language)
    book.metadata[epub.NAMESPACES["OPF"]]["generator"] = [("", {"name": "generator", "content": GENERATOR})]
    add_metadata(book, publication)

    book.add_item(epub.EpubItem(uid="css", file_name=STYLESHEET, media_type="text/css",
                                content=theme.css_for("epub").encode("utf-8")))
    titlepage = xhtml_item("titlepage", "text/titlepage.xhtml",
                           theme.render("epub/titlepage.xhtml.j2", **context, stylesheet="../" + STYLESHEET))
    book.add_item(titlepage)
    chapters = []
    for interview in publication.interviews:
        chapter = xhtml_item(interview.id, f"text/{interview.id}.xhtml",
                             theme.render("epub/chapter.xhtml.j2", **context, interview=interview,
                                          stylesheet="../" + STYLESHEET))
        book.add_item(chapter)
        chapters.append((chapter, interview))

    toc = [{"href": item.file_name, "title": interview.title} for item, interview in chapters]
    t = context["t"]
    landmarks = [
        {"type": "titlepage", "href": titlepage.file_name, "title": t("title page")},
        {"type": "toc", "href": "nav.xhtml#toc", "title": t("contents")},
        {"type": "bodymatter", "href": chapters[0][0].file_name, "title": t("start of content")},
    ]
    nav = xhtml_item("nav", "nav.xhtml", theme.render("epub/nav.xhtml.j2", **context, toc=toc,
                                                        landmarks=landmarks, stylesheet=STYLESHEET))
    nav.properties = ["nav"]
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.toc = [epub.Link(item.file_name, interview.title, interview.id) for item, interview in chapters]
    # The nav is in the spine (so landmarks may point at it) but out of the reading order.
    book.spine = [titlepage, (nav, "no"), *(item for item, _ in chapters)]

    raw = io.BytesIO()
    epub.write_epub(raw, book, {"mtime": meta.modified, "raise_exceptions": True, "epub3_landmark": False,
                                "epub2_guide": False, "epub3_pages": False})
    return repack(raw.getvalue(), meta.language, meta.modified.timetuple()[:6])


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


def xhtml_item(uid: str, file_name: str, content: str | Markup):
    """An XHTML content document passed through untouched (ebooklib's EpubHtml would re-parse it as HTML)."""
    from ebooklib import epub

    data = str(content).encode("utf-8")
    etree.fromstring(data)  # a template that yields malformed XHTML is a bug: fail loudly, never ship it
    return epub.EpubItem(uid=uid, file_name=file_name, media_type=XHTML, content=data)


def repack(data: bytes, language: str, date_time: tuple) -> bytes:
    """Rewrite the zip: mimetype first and stored, fixed order and times, xml:lang on the package."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    order = ["mimetype", "META-INF/container.xml"] + sorted(n for n in names if n.endswith(".opf"))
    order += [n for n in names if n not in order]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            content = source.read(name)
            if name.endswith(".opf"):
                content = set_package_language(content, language)
            info = zipfile.ZipInfo(name, date_time=max(date_time, (1980, 1, 1, 0, 0, 0)))
            info.create_system = 3
            info.external_attr = 0o644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content, compresslevel=9 if name != "mimetype" else None)
    return out.getvalue()


def set_package_language(opf: bytes, language: str) -> bytes:
    """ebooklib leaves xml:lang off <package>; EPUB 3 wants the default language there."""
    root = etree.fromstring(opf)
    root.set(XML_LANG, language)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
