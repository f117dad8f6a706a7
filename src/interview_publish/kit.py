"""The distribution kit written beside the books in dist/: a landing page, an OPDS 1.2 catalog, a
manifest with sizes and SHA-256 digests, and a SHA256SUMS file that `sha256sum -c` checks."""

from __future__ import annotations

import hashlib
import json
import uuid

from lxml import etree
from markupsafe import Markup

from .errors import human_size
from .model import Publication
from .renderers.context import GENERATOR, base_context
from .theme import Theme

MEDIA_TYPES = {
    ".epub": "application/epub+zip",
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".xml": "application/atom+xml;profile=opds-catalog;kind=acquisition",
    ".json": "application/json",
}
FORMAT_NAMES = {".epub": ("EPUB", "for e-readers and e-book apps"),
                ".kepub.epub": ("KEPUB", "for Kobo e-readers, copied onto the device"),
                ".pdf": ("PDF", "for print and reading on a page"), ".html": ("HTML", "for reading in a web browser")}
ATOM, DC, OPDS = "http://www.w3.org/2005/Atom", "http://purl.org/dc/terms/", "http://opds-spec.org/2010/catalog"


def build_kit(publication: Publication, theme: Theme, books: dict[str, bytes], cover: tuple[str, bytes],
              url: str | None) -> dict[str, bytes]:
    """Every kit file by name, given the books (name -> bytes) and the cover (name, bytes)."""
    files = dict(books)
    files[cover[0]] = cover[1]
    files["index.html"] = landing_page(publication, theme, books, cover[0])
    files["catalog.xml"] = opds_catalog(publication, books, cover[0], url)
    files["manifest.json"] = manifest(files)
    files["SHA256SUMS"] = sha256sums(files)
    return files


def format_suffix(name: str) -> str:
    """The format's suffix of a book's file name: .kepub.epub, else the last suffix."""
    return ".kepub.epub" if name.endswith(".kepub.epub") else "." + name.rsplit(".", 1)[1]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_type(name: str) -> str:
    return MEDIA_TYPES.get("." + name.rsplit(".", 1)[-1], "application/octet-stream")


def landing_page(publication: Publication, theme: Theme, books: dict[str, bytes], cover_name: str) -> bytes:
    """dist/index.html: the cover, the description and a download link per format, with sizes."""
    downloads = []
    for name in sorted(books, key=lambda n: list(FORMAT_NAMES).index(format_suffix(n))):
        label, purpose = FORMAT_NAMES[format_suffix(name)]
        downloads.append({"name": name, "label": label, "purpose": purpose, "size": human_size(len(books[name])),
                          "type": media_type(name)})
    page = theme.render("html/landing.html.j2", **base_context(publication, web=True),
                        css=Markup(theme.css_for("html")), downloads=downloads, cover=cover_name)
    return page.encode("utf-8")


def opds_catalog(publication: Publication, books: dict[str, bytes], cover_name: str, url: str | None) -> bytes:
    """An OPDS 1.2 acquisition feed with one entry for the publication and an acquisition link per file."""
    meta = publication.meta
    updated = meta.modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM, "dc": DC, "opds": OPDS})
    add(feed, "id", "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, meta.identifier + "#opds-catalog")))
    add(feed, "title", f"{meta.publisher or meta.title}: catalog")
    add(feed, "updated", updated)
    author = add(feed, "author")
    add(author, "name", meta.publisher or GENERATOR)
    kind = MEDIA_TYPES[".xml"]
    add(feed, "link", rel="self", href=(url.rsplit("/", 1)[0] + "/catalog.xml") if url else "catalog.xml", type=kind)
    add(feed, "link", rel="start", href="catalog.xml", type=kind)
    entry = add(feed, "entry")
    add(entry, "title", meta.title)
    add(entry, "id", meta.identifier)
    add(entry, "updated", updated)
    for person in publication.creators:
        add(add(entry, "author"), "name", person.name)
    add(entry, f"{{{DC}}}language", meta.language)
    if meta.date:
        add(entry, f"{{{DC}}}issued", meta.date)
    if meta.publisher:
        add(entry, f"{{{DC}}}publisher", meta.publisher)
    if meta.description:
        add(entry, "summary", meta.description)
    if meta.rights:
        add(entry, "rights", meta.rights)
    add(entry, "link", rel="http://opds-spec.org/image", href=cover_name, type=media_type(cover_name))
    add(entry, "link", rel="http://opds-spec.org/image/thumbnail", href=cover_name, type=media_type(cover_name))
    for name in sorted(books):
        add(entry, "link", rel="http://opds-spec.org/acquisition/open-access", href=name, type=media_type(name),
            length=str(len(books[name])))
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


def add(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(parent, tag if tag.startswith("{") else f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def manifest(files: dict[str, bytes]) -> bytes:
    """manifest.json: every file of the kit with media type, size and SHA-256."""
    entries = [{"path": name, "media_type": media_type(name), "size": len(data), "sha256": sha256(data)}
               for name, data in sorted(files.items())]
    return (json.dumps({"generator": GENERATOR, "files": entries}, indent=2) + "\n").encode("utf-8")


def sha256sums(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS in the format `sha256sum -c` reads."""
    return "".join(f"{sha256(data)}  {name}\n" for name, data in sorted(files.items())).encode("utf-8")
