"""Importing WeasyPrint in a third of a second less.

On import, WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi, trying up to seven names per
library. For every name, cffi asks ``ctypes.util.find_library``, which on Linux starts ``ldconfig -p``
and then ``gcc`` and ``ld`` when the name is not found: 54 programs, about 0.3 s of a 0.7 s import, most
of them for names of other systems (``libpango-1.0-0.dll``). While WeasyPrint is being imported, this
module answers those lookups from one reading of the ``ldconfig -p`` listing; a name it does not list
is looked up the standard way when LD_LIBRARY_PATH or LIBRARY_PATH may lead elsewhere. Should the
import fail all the same, it is tried once more with the standard lookup, so nothing that imported
before fails now.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys

LDCONFIG = "/sbin/ldconfig"


def import_weasyprint():
    """The weasyprint module, imported with the quick library lookup (once per process)."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    try:
        with quick_library_lookup():
            import weasyprint
    except OSError:  # a library the listing missed: forget the half-imported modules, look up as usual
        for name in [name for name in sys.modules if name == "weasyprint" or name.startswith("weasyprint.")]:
            del sys.modules[name]
        import weasyprint
    return weasyprint


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
