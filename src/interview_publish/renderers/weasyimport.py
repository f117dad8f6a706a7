"""Importing WeasyPrint in less than half the time.

Library lookups. On import, WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi, trying up to seven names per
library. For every name, cffi asks ``ctypes.util.find_library``, which on Linux starts ``ldconfig -p``
and then ``gcc`` and ``ld`` when the name is not found: 54 programs, about 0.3 s of a 0.7 s import, most
of them for names of other systems (``libpango-1.0-0.dll``). While WeasyPrint is being imported, this
module answers those lookups from one reading of the ``ldconfig -p`` listing; a name it does not list
is looked up the standard way when LD_LIBRARY_PATH or LIBRARY_PATH may lead elsewhere. Should the
import fail all the same, it is tried once more the standard way, so nothing that imported before fails
now.

fontTools. WeasyPrint 70 imports fontTools' font reader, subsetter and variable-font instancer, about
0.1 s, and needs them only for WOFF fonts, variable fonts, colour fonts, or where HarfBuzz cannot subset,
never for plain TrueType fonts such as the default theme's. While WeasyPrint is imported, the names it
takes from fontTools are stand-ins; the first use of any of them imports fontTools and puts the real
objects in their place (``FONTTOOLS_NAMES``; the WeasyPrint version is pinned).

Compression. pydyf, which writes WeasyPrint's PDF, deflates every stream at zlib's level 9; level 6,
zlib's default, takes a quarter of the time for files 2.5% larger (a 43-page book: 0.12 s against 0.03 s,
140 against 144 kB; 1.4 s of CPU at 409 pages). The PDF is written at ``PDF_COMPRESSION``.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import types
import zlib

LDCONFIG = "/sbin/ldconfig"


def import_weasyprint():
    """The weasyprint module, imported with the quick library lookup (once per process), its PDF
    compressed at ``PDF_COMPRESSION``."""
    if "weasyprint" in sys.modules:
        set_pdf_compression()
        return sys.modules["weasyprint"]
    try:
        with quick_library_lookup(), deferred_fonttools():
            import weasyprint
    except (OSError, ImportError):  # a library the listing missed, a fontTools name unknown to the stand-ins
        for name in [name for name in tuple(sys.modules) if name == "weasyprint" or name.startswith("weasyprint.")]:
            del sys.modules[name]  # forget the half-imported modules, import as usual
        import weasyprint
    set_pdf_compression()
    return weasyprint


PDF_COMPRESSION = 6


def set_pdf_compression() -> None:
    """pydyf's streams deflated at ``PDF_COMPRESSION`` instead of its level 9 (see above): its ``zlib`` is
    zlib, except that compressobj() is given that level."""
    import pydyf

    if isinstance(pydyf.zlib, _Zlib):
        return
    shim = _Zlib("zlib")
    shim.compressobj = lambda level=-1, *args, **kwargs: zlib.compressobj(PDF_COMPRESSION, *args, **kwargs)
    pydyf.zlib = shim


class _Zlib(types.ModuleType):
    """zlib as pydyf sees it (see set_pdf_compression)."""

    def __getattr__(self, name: str):
        return getattr(zlib, name)


# What WeasyPrint's modules take from fontTools at import: module -> {global name: (fontTools module, attribute
# or None for the module itself)}.
FONTTOOLS_NAMES = {
    "weasyprint.text.fonts": {"TTFont": ("fontTools.ttLib", "TTFont"), "woff2": ("fontTools.ttLib.woff2", None)},
    "weasyprint.pdf.fonts": {"subset": ("fontTools.subset", None), "TTFont": ("fontTools.ttLib", "TTFont"),
                             "TTLibError": ("fontTools.ttLib", "TTLibError"),
                             "ttFont": ("fontTools.ttLib.ttFont", None),
                             "instantiateVariableFont": ("fontTools.varLib.instancer", "instantiateVariableFont")},
}


@contextlib.contextmanager
def deferred_fonttools():
    """fontTools stand-ins in ``sys.modules`` while WeasyPrint is imported (not when fontTools is imported
    already); afterwards they are gone from ``sys.modules``, and live on only in WeasyPrint's globals."""
    # (a snapshot: another thread may be importing; the stand-ins are only for what WeasyPrint takes, and
    # fontTools is imported by nothing else the build runs meanwhile)
    if any(name == "fontTools" or name.startswith("fontTools.") for name in tuple(sys.modules)):
        yield
        return
    stand_ins: dict[str, types.ModuleType] = {}
    for names in FONTTOOLS_NAMES.values():
        for module, attribute in names.values():
            parts = module.split(".")
            for depth in range(1, len(parts) + 1):  # the packages above it too
                stand_ins.setdefault(".".join(parts[:depth]), types.ModuleType(".".join(parts[:depth])))
    for names in FONTTOOLS_NAMES.values():
        for module, attribute in names.values():
            parent, _, child = module.rpartition(".")
            if parent:
                setattr(stand_ins[parent], child, stand_ins[module])
            if attribute is not None:
                setattr(stand_ins[module], attribute, _stand_in(module, attribute))
    for module in stand_ins.values():
        module.__path__ = []  # a package: a submodule not stood in for fails to import (ImportError)
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    for module, names in FONTTOOLS_NAMES.items():
        namespace = vars(sys.modules[module]) if module in sys.modules else {}
        for name, (source, attribute) in names.items():
            if name in namespace and namespace[name] is stand_ins.get(source):
                namespace[name] = _stand_in(source, attribute)


def _stand_in(module: str, attribute: str | None):
    """What stands in for a fontTools module or object until its first use."""
    if attribute is not None and attribute.endswith("Error"):  # caught, never used before fontTools raises it
        return type(attribute, (Exception,), {"deferred_from": (module, attribute)})
    return _Deferred(module, attribute)


class _Deferred:
    """A fontTools module or object WeasyPrint took at import: used (called, or an attribute read), it
    imports fontTools, replaces every stand-in in WeasyPrint's globals by the real object, and does as that
    would. (An exception class stands in as an exception class that nothing raises until then.)"""

    def __init__(self, module: str, attribute: str | None):
        self.deferred_from = (module, attribute)

    def __call__(self, *args, **kwargs):
        return _resolve_fonttools(self.deferred_from)(*args, **kwargs)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_resolve_fonttools(self.deferred_from), name)


def _resolve_fonttools(source: tuple[str, str | None]):
    """Import fontTools and put the real objects into WeasyPrint's globals; return the one for ``source``."""
    import importlib

    def real(module: str, attribute: str | None):
        imported = importlib.import_module(module)
        return imported if attribute is None else getattr(imported, attribute)

    for module, names in FONTTOOLS_NAMES.items():
        namespace = vars(sys.modules[module]) if module in sys.modules else {}
        for name, where in names.items():
            if getattr(namespace.get(name), "deferred_from", None) == where:
                namespace[name] = real(*where)
    return real(*source)


@contextlib.contextmanager
def quick_library_lookup():
    """``ctypes.util.find_library`` answered from one ``ldconfig -p`` listing (glibc Linux only)."""
    if not sys.platform.startswith("linux") or not os.access(LDCONFIG, os.X_OK):
        yield
        return
    import ctypes.util

    standard = ctypes.util.find_library
    listing: list[bytes] = []
    elsewhere = bool(os.environ.get("LD_LIBRARY_PATH") or os.environ.get("LIBRARY_PATH"))

    def find_library(name: str):
        if not listing:
            listing.append(ldconfig_listing())
        found = re.search(rb"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(os.fsencode(name)), abi_type()), listing[0])
        if found:
            return os.fsdecode(found.group(1))
        return standard(name) if elsewhere else None

    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = standard


def ldconfig_listing() -> bytes:
    """The shared libraries the dynamic linker knows, as ``ldconfig -p`` lists them (as ctypes runs it)."""
    try:
        return subprocess.run([LDCONFIG, "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, check=False).stdout
    except OSError:
        return b""


def abi_type() -> bytes:
    """The ABI tag ``ldconfig -p`` gives this interpreter's libraries (as ctypes.util matches it)."""
    import struct

    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    tags = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
            "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}
    return re.escape(tags.get(machine, "libc6")).encode()
