"""WeasyPrint imported with one `ldconfig -p` instead of 54 programs (renderers/weasyimport.py), finding the
same libraries; and imported the standard way when that listing misses one."""

from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys

from interview_publish.renderers.weasyimport import quick_library_lookup


def in_fresh_python(code: str) -> dict:
    env = {name: value for name, value in os.environ.items() if name not in ("LD_LIBRARY_PATH", "LIBRARY_PATH")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_the_quick_lookup_finds_what_ctypes_finds(monkeypatch):
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    monkeypatch.delenv("LIBRARY_PATH", raising=False)
    names = ["pango-1.0", "harfbuzz", "fontconfig", "gobject-2.0", "pangoft2-1.0", "libpango-1.0-0.dll",
             "no-such-library-anywhere"]
    standard = [ctypes.util.find_library(name) for name in names]
    with quick_library_lookup():
        quick = [ctypes.util.find_library(name) for name in names]
    assert quick == standard
    assert standard[0] == "libpango-1.0.so.0" and standard[-1] is None
    assert ctypes.util.find_library.__module__ == "ctypes.util"  # put back afterwards


def test_weasyprint_is_imported_with_one_program_and_opens_the_same_libraries():
    probe = """
import json, sys
started = []
sys.addaudithook(lambda event, args: started.append(args[0]) if event == "subprocess.Popen" else None)
from interview_publish.renderers.weasyimport import import_weasyprint
import_weasyprint()
from weasyprint.text import ffi
libraries = [name for name in ("pango", "harfbuzz", "fontconfig", "pangoft2", "gobject", "harfbuzz_subset")
             if getattr(ffi, name) is not None]
print(json.dumps({"started": [str(s) for s in started], "libraries": libraries}))
"""
    quick = in_fresh_python(probe)
    standard = in_fresh_python(probe.replace("from interview_publish.renderers.weasyimport import import_weasyprint\n"
                                             "import_weasyprint()", "import weasyprint"))
    assert quick["started"] == ["/sbin/ldconfig"]
    assert len(standard["started"]) > 10  # what the quick lookup saves
    assert quick["libraries"] == standard["libraries"] and "pango" in quick["libraries"]


def test_an_import_that_fails_with_the_quick_lookup_is_tried_again_the_standard_way():
    found = in_fresh_python("""
import ctypes.util, json, sys
lookups = []

class FailOnce:  # the first import of WeasyPrint's library bindings fails, as a missed library would
    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint.text.ffi":
            sys.meta_path.remove(self)
            lookups.append(ctypes.util.find_library.__module__)
            raise OSError("cannot load library 'pango-1.0'")

sys.meta_path.insert(0, FailOnce())
from interview_publish.renderers.weasyimport import import_weasyprint
module = import_weasyprint()
import weasyprint.text.ffi as ffi
print(json.dumps({"version": module.__version__, "pango": ffi.pango is not None, "lookups": lookups,
                  "after": ctypes.util.find_library.__module__}))
""")
    assert found["lookups"] == ["interview_publish.renderers.weasyimport"]  # failed under the quick lookup
    assert found["pango"] and found["version"].startswith("70")  # ... and imported whole the second time
    assert found["after"] == "ctypes.util"
