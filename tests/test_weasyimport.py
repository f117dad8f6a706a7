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


FONTTOOLS_PROBE = """
import io, json, sys
from pathlib import Path
from interview_publish.renderers.weasyimport import import_weasyprint
weasyprint = import_weasyprint()
import weasyprint.pdf.fonts as pdf_fonts
imported = lambda: sorted(name for name in sys.modules  # what WeasyPrint takes from fontTools (pypdf needs a little)
                          if name in ("fontTools.ttLib", "fontTools.subset", "fontTools.varLib.instancer"))
fonts = Path(sys.argv[1])
report = {"after_import": imported()}

def pdf(css):
    html = '<p style="font-family: Face">Quixotic jackdaws fly over the hedge.</p>'
    from weasyprint.text.fonts import FontConfiguration

    base, font_config = fonts.as_uri() + "/", FontConfiguration()
    data = weasyprint.HTML(string=html, base_url=base).write_pdf(
        stylesheets=[weasyprint.CSS(string=css, base_url=base, font_config=font_config)], font_config=font_config)
    report.setdefault("after_first_pdf", imported())  # before pypdf, which imports fontTools, reads it
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    names = [font["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()]
    return {"text": reader.pages[0].extract_text().strip(), "fonts": [str(name) for name in names]}

report["ttf"] = pdf('@font-face { font-family: Face; src: url(CharisSIL-Regular.ttf) }')
STEP
print(json.dumps(report))
"""


def fonttools_run(step: str, tmp_path) -> dict:
    from pathlib import Path

    fonts = Path(__file__).resolve().parents[1] / "styles" / "fonts"
    env = {name: value for name, value in os.environ.items() if name not in ("LD_LIBRARY_PATH", "LIBRARY_PATH")}
    result = subprocess.run([sys.executable, "-c", FONTTOOLS_PROBE.replace("STEP", step), str(fonts)],
                            capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_fonttools_is_imported_only_when_a_font_needs_it(tmp_path):
    # A WOFF font: WeasyPrint reads it with fontTools, which is imported then, and works as usual.
    found = fonttools_run("""
from fontTools.ttLib import TTFont
woff = TTFont(str(fonts / "CharisSIL-Regular.ttf"))
woff.flavor = "woff"
woff.save("face.woff")
fonts = Path.cwd()
report["woff"] = pdf('@font-face { font-family: Face; src: url(face.woff) }')
report["real"] = pdf_fonts.TTFont is TTFont and issubclass(pdf_fonts.TTLibError, Exception)
""", tmp_path)
    assert found["after_import"] == found["after_first_pdf"] == []  # a TrueType font needs no fontTools
    assert found["ttf"]["text"] == found["woff"]["text"] == "Quixotic jackdaws fly over the hedge."
    assert all(name.endswith("+Face") for name in found["ttf"]["fonts"] + found["woff"]["fonts"])  # not a fallback
    assert found["real"]  # the stand-ins in WeasyPrint's globals were replaced by fontTools' own


def test_fonts_are_subset_with_fonttools_where_harfbuzz_cannot(tmp_path):
    found = fonttools_run("""
pdf_fonts.harfbuzz_subset = None  # as on a system without libharfbuzz-subset
report["fonttools"] = pdf('@font-face { font-family: Face; src: url(CharisSIL-Regular.ttf) }')
report["after_subset"] = imported()
report["real"] = pdf_fonts.subset is sys.modules["fontTools.subset"]
""", tmp_path)
    assert found["fonttools"]["text"] == found["ttf"]["text"] == "Quixotic jackdaws fly over the hedge."
    assert found["fonttools"]["fonts"][0].endswith("+Face")
    assert "fontTools.subset" in found["after_subset"] and found["real"]


def test_a_fonttools_name_the_stand_ins_lack_makes_the_import_standard():
    found = in_fresh_python("""
import json, sys
from interview_publish.renderers import weasyimport
del weasyimport.FONTTOOLS_NAMES["weasyprint.pdf.fonts"]["ttFont"]  # as a WeasyPrint taking a new name would
module = weasyimport.import_weasyprint()
import weasyprint.pdf.fonts as pdf_fonts
print(json.dumps({"version": module.__version__, "real": pdf_fonts.ttFont is sys.modules["fontTools.ttLib.ttFont"]}))
""")
    assert found["version"].startswith("70") and found["real"]


def test_the_pdf_streams_are_deflated_at_level_6(tmp_path):
    # zlib's header tells the level: 78 9C is the default (6), 78 DA is pydyf's own 9.
    found = fonttools_run("""
import re, zlib
data = weasyprint.HTML(string="<p>" + "Quixotic jackdaws fly over the hedge. " * 300 + "</p>").write_pdf()
headers = [m.group(1) for m in re.finditer(rb"/FlateDecode[^>]*>>\\s*stream\\r?\\n(..)", data)]
report["headers"] = sorted({h.hex() for h in headers})
report["count"] = len(headers)
import pydyf
report["zlib"] = pydyf.zlib.crc32(b"x") == zlib.crc32(b"x")  # the rest of zlib is zlib's
""", tmp_path)
    assert found["count"] >= 2 and found["headers"] == ["789c"] and found["zlib"]


def test_in_process_the_cover_thread_starts_once_weasyprint_is_imported(tmp_path):
    # The cover's thread imports Pillow; WeasyPrint's import (with its fontTools stand-ins in sys.modules)
    # must not run beside another thread's imports.
    from helpers import make_project

    project = make_project(tmp_path / "book")
    found = in_fresh_python(f"""
import json, sys
from interview_publish.renderers import cover
seen = []
begin = cover.CoverDrawing.begin
cover.CoverDrawing.begin = lambda self: seen.append("weasyprint" in sys.modules) or begin(self)
from interview_publish.build import build
result = build({str(project)!r}, ("pdf", "epub"), cache=False, jobs=1)
print(json.dumps({{"seen": seen, "formats": [fmt for fmt, _, _ in result.outputs]}}))
""")
    assert found["formats"] == ["pdf", "epub"] and found["seen"][0] is True
