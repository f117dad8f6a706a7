"""Join the PDF chunks of a parallel layout into one PDF, as if WeasyPrint had laid the book out at once.

Each chunk is a complete PDF from WeasyPrint. The merge keeps: the pages in order; one structure tree
(one Document element holding every chunk's elements, the parent tree renumbered so that each page's
StructParents and each link's StructParent stay unique); one outline, nested again by bookmark level
(a part's interviews may sit in the next chunk); one sorted name tree of destinations, which the links
of the contents and the index point to across chunks; the first chunk's document information, XMP
metadata, language, output intents and viewer preferences (every chunk has the same <head>). Font subsets
get a tag of their own per chunk, as PDF requires of different subsets of one font.
"""

from __future__ import annotations

import hashlib
import io


def merge_chunks(chunks: list, levels: list[tuple[int, ...]]) -> bytes:
    """One PDF from the chunks (in book order: their bytes, or as open_chunk opened them); ``levels`` are
    each chunk's bookmark levels in order."""
    merger = Merger()
    for position, (chunk, chunk_levels) in enumerate(zip(chunks, levels)):
        merger.add(position, chunk, chunk_levels)
    return merger.finish()


class Merger:
    """The merge, a chunk at a time (the chunks of the body are merged while others are laid out). Chunks
    may be added in any order; they go into the merged PDF in one order, so that the file is always the
    same: the body and the back (positions 1, 2, ...) as soon as the ones before them are in, then the
    front (position 0, laid out last), whose pages go first. What depends on the book's order (the
    structure tree's order and parent tree keys, the outline, which of two equal anchor names wins, the
    file identifier) is put together by finish()."""

    def __init__(self):
        self.out = self.document = self.tree_root = None  # made with the first chunk (pikepdf imported then)
        self.parts: dict[int, _Part] = {}
        self.waiting: dict[int, tuple] = {}  # position -> (chunk, levels) until the ones before are in

    def add(self, position: int, chunk, levels: tuple[int, ...]) -> None:
        """Add the chunk at ``position`` (0 for the first) with its bookmark levels in order."""
        self.waiting[position] = (open_chunk(chunk), levels)
        while len(self.parts) + 1 in self.waiting:
            self._put(len(self.parts) + 1)

    def _put(self, position: int) -> None:
        import warnings

        if self.out is None:
            import pikepdf
            from pikepdf import Array, Dictionary, Name

            self.out = pikepdf.new()
            self.document = self.out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
            self.tree_root = self.out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([self.document])))
            self.document.P = self.tree_root
        out = self.out
        source, levels = self.waiting.pop(position)
        if position:
            retag_fonts(source, position)
        at = sum(len(part.pages) for number, part in self.parts.items() if number < position)
        with warnings.catch_warnings():  # named destinations are merged in finish()
            warnings.simplefilter("ignore")
            for i, page in enumerate(source.pages):
                out.pages.insert(at + i, page)
        part = _Part(source, [out.pages[at + i].obj for i in range(len(source.pages))])
        pages = {page.objgen: part.pages[i] for i, page in enumerate(source.pages)}
        if "/StructTreeRoot" in source.Root:
            part.elements, part.keys = graft_structure(out, source, self.document)
        dests = source.Root.get("/Names", {}).get("/Dests")
        if dests is not None:
            flat = dests.Names
            for i in range(0, len(flat), 2):
                part.names.append((str(flat[i]), destination(flat[i + 1], pages)))
        items = list(walk_outline(source))
        if len(items) != len(levels):
            raise RuntimeError(f"chunk {position}: {len(items)} bookmarks but {len(levels)} levels")
        for (title, dest, is_open), level in zip(items, levels):
            part.bookmarks.append((level, title, destination(dest, pages), is_open))
        self.parts[position] = part

    def finish(self) -> bytes:
        """The merged PDF, once every chunk is added."""
        import pikepdf
        from pikepdf import Array, Dictionary

        for position in sorted(self.waiting, key=lambda number: (number == 0, number)):
            self._put(position)
        out, document = self.out, self.document
        parts = [self.parts[position] for position in sorted(self.parts)]
        first = parts[0].source
        tagged = "/StructTreeRoot" in first.Root
        nums, names, bookmarks = [], [], []
        next_key = 0
        for part in parts:
            if tagged:
                next_key = number_structure(part, document, nums, next_key)
            names.extend(part.names)
            bookmarks.extend(part.bookmarks)
        if tagged:
            parent_tree = out.make_indirect(Dictionary(Nums=Array(nums)))
            self.tree_root.ParentTree = parent_tree
            self.tree_root.ParentTreeNextKey = next_key
            out.Root.StructTreeRoot = self.tree_root
        for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/OutputIntents"):
            if key in first.Root:
                out.Root[key] = copy_object(out, first, first.Root[key])
        if names:
            seen: dict[str, object] = {}
            for name, dest in names:
                seen.setdefault(name, dest)  # the first anchor of a name wins, as in WeasyPrint
            flat = Array()
            for name in sorted(seen):
                flat.append(pikepdf.String(name))
                flat.append(seen[name])
            out.Root.Names = Dictionary(Dests=Dictionary(Names=flat))
        write_outline(out, bookmarks)
        out.trailer.Info = copy_object(out, first, first.trailer.Info)
        identifier = hashlib.md5(b"".join(bytes(part.source.trailer.ID[0]) for part in parts)).hexdigest().encode()
        out.trailer.ID = Array([pikepdf.String(identifier), pikepdf.String(identifier)])
        buffer = io.BytesIO()
        out.save(buffer, min_version=first.pdf_version, static_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate, fix_metadata_version=False)
        return buffer.getvalue()


class _Part:
    """A chunk in the merged PDF: its source, its pages there, and what finish() puts together in order."""

    def __init__(self, source, pages: list):
        self.source, self.pages = source, pages
        self.elements: list = []  # its structure elements
        self.keys: list = []  # its parent tree entries (key in the chunk, value)
        self.names: list = []
        self.bookmarks: list = []


def open_chunk(chunk):
    """A chunk's PDF opened for the merge (which may be given it so, opened while other chunks are laid out)."""
    import pikepdf

    return chunk if isinstance(chunk, pikepdf.Pdf) else pikepdf.open(io.BytesIO(chunk))


def copy_object(out, source, value):
    """``value`` of ``source`` in ``out``, whether it is an indirect object or not."""
    if not value.is_indirect:
        value = source.make_indirect(value)
    return out.copy_foreign(value)


def graft_structure(out, source, document) -> tuple[list, list]:
    """A chunk's structure elements, moved under the merged Document element, and its parent tree entries
    (keys as in the chunk: number_structure renumbers them)."""
    root = out.copy_foreign(source.Root.StructTreeRoot)
    elements = []
    for element in root.K:
        for kid in element.get("/K", ()):
            if isinstance(kid, type(document)):
                kid.P = document
            elements.append(kid)
    flat = root.ParentTree.Nums
    return elements, [(int(flat[i]), flat[i + 1]) for i in range(0, len(flat), 2)]


def number_structure(part: _Part, document, nums: list, next_key: int) -> int:
    """Append a chunk's structure elements to the Document element and its parent tree entries to ``nums``
    with keys from ``next_key``, its pages' and links' keys moved as much; returns the next free key."""
    for kid in part.elements:
        document.K.append(kid)
    for key, value in part.keys:
        nums.extend([next_key + key, value])
    for page in part.pages:
        if "/StructParents" in page:
            page.StructParents = int(page.StructParents) + next_key
        for annotation in page.get("/Annots", ()):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + next_key
    return next_key + max((key for key, _ in part.keys), default=-1) + 1


def destination(dest, pages: dict):
    """A chunk's explicit destination [page /XYZ x y z] pointing at the merged page."""
    import pikepdf

    return pikepdf.Array([pages[dest[0].objgen], *list(dest)[1:]])


def walk_outline(source):
    """(title, destination, open) of every bookmark of a chunk, in document order."""
    outlines = source.Root.get("/Outlines")
    if outlines is None:
        return
    stack = [outlines.get("/First")]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        yield str(item.Title), item.Dest, int(item.get("/Count", 0)) >= 0
        stack.append(item.get("/Next"))
        stack.append(item.get("/First"))


class _Bookmark:
    def __init__(self, level: int, item, is_open: bool):
        self.level, self.item, self.is_open, self.children = level, item, is_open, []


def write_outline(out, bookmarks: list) -> None:
    """The merged outline: each bookmark under the last one of a lower level, as WeasyPrint nests them."""
    from pikepdf import Dictionary

    if not bookmarks:
        return
    root = _Bookmark(0, out.make_indirect(Dictionary()), True)
    stack = [root]
    for level, title, dest, is_open in bookmarks:
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        node = _Bookmark(level, out.make_indirect(Dictionary(Title=title, Dest=dest)), is_open)
        node.item.Parent = stack[-1].item
        stack[-1].children.append(node)
        stack.append(node)
    root.item.Count = link_children(root)
    out.Root.Outlines = root.item


def link_children(node: _Bookmark) -> int:
    """First/Last/Prev/Next of ``node``'s children, and each child's Count as WeasyPrint writes it (its
    children and their open descendants, negative when closed); returns the count for ``node``."""
    children = node.children
    count = len(children)
    if children:
        node.item.First, node.item.Last = children[0].item, children[-1].item
    for i, child in enumerate(children):
        if i:
            child.item.Prev = children[i - 1].item
            children[i - 1].item.Next = child.item
        below = link_children(child)
        child.item.Count = below if child.is_open else -below
        if child.is_open:
            count += below
    return count


def retag_fonts(source, number: int) -> None:
    """Give each font subset of chunk ``number`` its own six-letter tag (ABCDEF+Name)."""
    import pikepdf

    seen = set()
    for page in source.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for key in list(fonts.keys()):
            font = fonts[key]
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            for target in [font, *font.get("/DescendantFonts", ())]:
                for holder, field in ((target, "/BaseFont"), (target.get("/FontDescriptor"), "/FontName")):
                    if holder is None or field not in holder:
                        continue
                    name = str(holder[field])[1:]
                    tag, plus, rest = name.partition("+")
                    if plus and len(tag) == 6:
                        digest = hashlib.md5(f"{tag}{number}".encode()).digest()
                        new_tag = "".join(chr(65 + b % 26) for b in digest[:6])
                        holder[field] = pikepdf.Name("/" + new_tag + "+" + rest)
