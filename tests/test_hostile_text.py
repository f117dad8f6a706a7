"""Hostile text: each kind gives valid output (EPUBCheck clean, HTML valid, nothing off the page) or one
clear error, within bounded time and memory (enforced with resource limits, never timed)."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import zlib
import struct
from pathlib import Path

import html5lib
import pytest
from helpers import NS, SEED, epubcheck, make_project, outputs, pdf_body_text, run_cli, spine_documents
from PIL import Image
from test_web import nu_check

from interview_publish.model import Emphasis, Paragraph, Text
from interview_publish.readers.text_input import split_paragraphs
from interview_publish.textsafety import UNSAFE, balance_bidi, contain_bidi, has_unsafe_characters

LONG_WORD = "Pneumono" + "x" * 1984 + "osis"  # 2,000 characters, no break opportunity
RLO, PDF_, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"

HOSTILE = f"""Hostile <b>text</b> ]]> edition

Interview with Jane Doe, editor.

Q: Markup: <script>alert("x")</script> and a CDATA end ]]> and <![CDATA[ x ]]>?

A: Controls: bell\x07 escape\x1b next\x85line delete\x7f nonchar\ufdd0 formfeed&#12;entity end.

Q: Does an override {RLO}leak past this question?

A: This answer must read left to right; a stray pop {PDF_} and an isolate {LRI}opened here.

Q: And a long word?

A: Here it is: {LONG_WORD} and then the rest.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile-text"), HOSTILE, config='title = "Hostile"\n')
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    files = outputs(project)
    return {"files": files, "stderr": result.stderr, "epubcheck": epubcheck(files["epub"]),
            "docs": spine_documents(files["epub"]), "html": files["html"].read_text(encoding="utf-8")}


def epub_text(hostile) -> str:
    return "\n".join("".join(doc.itertext()) for doc in hostile["docs"])


def html_body(hostile):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(hostile["html"]).find("body")


def test_the_hostile_book_is_epubcheck_clean_and_valid_html(hostile):
    report = hostile["epubcheck"]
    assert (report["fatal"], report["error"], report["warning"]) == (0, 0, 0), report["messages"]
    assert nu_check(hostile["files"]["html"]) == []


def test_markup_and_cdata_ends_are_text(hostile):
    for text in (epub_text(hostile), "".join(html_body(hostile).itertext())):
        assert "<script>alert(“x”)</script> and a CDATA end ]]> and <![CDATA[ x ]]>?" in text
    for doc in hostile["docs"]:
        assert doc.find(".//x:script", NS) is None
    assert [s.get("type") for s in html_body(hostile).iter("script")] == []
    pdf = " ".join(pdf_body_text(hostile["files"]["pdf"], heads=()).split())
    assert "<script>alert(“x”)</script> and a CDATA end ]]>" in pdf


def test_control_characters_are_dropped_and_reported_by_line(hostile):
    assert "interview.txt:7: warning[control-character]" in hostile["stderr"]
    assert "Controls: bell escape nextline delete nonchar formfeedentity end." in epub_text(hostile)
    for text in (epub_text(hostile), hostile["html"], pdf_body_text(hostile["files"]["pdf"], heads=())):
        assert not UNSAFE.search(text.replace("\n", " "))


def test_bidi_controls_are_closed_inside_their_paragraph(hostile):
    assert "interview.txt:9: warning[bidi-control]" in hostile["stderr"]
    assert "interview.txt:11: warning[bidi-control]" in hostile["stderr"]
    paragraphs = [p for doc in hostile["docs"] for p in doc.iterfind(".//x:p", NS)]
    question = next(p for p in paragraphs if "leak past" in "".join(p.itertext()))
    answer = next(p for p in paragraphs if "must read left to right" in "".join(p.itertext()))
    assert "".join(question.itertext()).count(RLO) == 1
    assert "".join(question.itertext()).count(PDF_) == 1  # closed before the paragraph ends
    assert PDF_ not in "".join(answer.itertext())  # the stray pop is gone ...
    assert "".join(answer.itertext()).endswith(LRI + "opened here." + PDI)  # ... the isolate closed
    for p in paragraphs:  # every paragraph of the book (in EPUB and HTML) leaves the direction as it found it
        assert balance_bidi("".join(p.itertext())) == "".join(p.itertext())
    for p in html_body(hostile).iter("p"):
        assert balance_bidi("".join(p.itertext())) == "".join(p.itertext())



def test_contain_bidi_finds_a_control_deep_in_the_model_and_leaves_clean_values_as_they_are():
    clean = (Paragraph((Text("plain"), Emphasis((Text("also plain"),))), line=3), "a title")
    assert contain_bidi(clean) is clean  # nothing to balance: the same object, nothing rebuilt
    hostile = (clean[0], Paragraph((Text("plain"), Emphasis((Text(f"{RLO}deep"),))), line=4))
    fixed = contain_bidi(hostile)
    assert fixed[0] is clean[0]
    assert fixed[1] == Paragraph((Text("plain"), Emphasis((Text(f"{RLO}deep{PDF_}"),))), line=4)

def test_the_quick_look_for_unsafe_characters_finds_what_unsafe_finds():
    """has_unsafe_characters looks with a quicker pattern first: it must cover every character UNSAFE finds,
    in every plane (each plane's last two code points are noncharacters)."""
    every = "".join(map(chr, range(0x110000)))
    unsafe = UNSAFE.findall(every)
    assert len(unsafe) == 0x800 + 29 + 33 + 32 + 34  # surrogates, C0 but tab LF CR, DEL and C1, noncharacters
    assert all(has_unsafe_characters(f"text {ch} text") for ch in unsafe)
    for clean in ("plain text", "curly “quotes” and an ellipsis…", "\ufffd", "\U00010000 \U0001f600 \U0010fffd"):
        assert not has_unsafe_characters(clean) and not UNSAFE.search(clean)


def test_runs_of_spaces_are_squeezed_in_every_kind_of_line():
    lines = ["plain line", "two  spaces", "a\ttab", "no-break\u00a0\u00a0space", "thin\u2009 space  ",
             "  “curly”  and\u3000ideographic ", "\u00a0 \t"]
    paragraphs = split_paragraphs("\n\n".join(lines))
    assert [p.text for p in paragraphs] == ["plain line", "two spaces", "a tab", "no-break space", "thin space",
                                            "“curly” and ideographic"]


def test_a_2000_character_word_stays_inside_the_page(hostile, tmp_path):
    assert LONG_WORD in epub_text(hostile).replace("\u00ad", "")
    assert LONG_WORD in "".join(html_body(hostile).itertext())
    pdf = hostile["files"]["pdf"]
    assert LONG_WORD in re.sub(r"\s+", "", pdf_body_text(pdf, heads=()))  # every letter printed
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p*.png"))
    assert pages
    mm = 50 / 25.4
    for page in pages:
        image = Image.open(page).convert("L")
        width, height = image.size
        band = round(8 * mm)  # every margin is wider than 8 mm (A5: 14.8 mm outer, 18.5 mm inner)
        for box in ((0, 0, band, height), (width - band, 0, width, height)):
            assert image.crop(box).getextrema()[0] > 200, f"ink in the margin of {page.name}"


def limited(*args: str, memory_mb: int, cpu_seconds: int = 600, env: dict | None = None):
    """The CLI in a subprocess whose address space and CPU time are capped: a build that tried to use
    more would be killed or fail, so passing proves the bound."""
    import os

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))

    full_env = {**os.environ, **(env or {})}
    full_env.pop("INTERVIEW_PUBLISH_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "interview_publish", *args], env=full_env, preexec_fn=cap,
                          capture_output=True, text=True, timeout=cpu_seconds * 2)


def ten_megabytes() -> str:
    """A 10 MB labelled transcript built from the sample's own sentences."""
    sentences = re.findall(r"[^.?!]+[.?!]", SEED.read_text(encoding="utf-8").split("\n\n", 3)[3])
    out, size, n = ["A very long interview", "Interview with Jane Doe, editor."], 0, 0
    while size < 10_000_000:
        paragraph = ("Q: " if n % 2 == 0 else "A: ") + " ".join(sentences[(n + k) % len(sentences)].strip()
                                                             for k in range(6))
        out.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(out) + "\n"


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("big"), ten_megabytes(), config='title = "Big"\nlanguage = "en"\n')


def test_a_10_mb_transcript_is_refused_by_default_with_a_clear_size_error(big):
    assert (big / "content" / "interview.txt").stat().st_size > 10_000_000
    result = limited("build", str(big), memory_mb=1024, cpu_seconds=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "interview.txt: error[too-large]: this transcript is 9.5 MiB, over the limit of 4.0 MiB" in result.stderr
    assert "INTERVIEW_PUBLISH_MAX_INPUT_MB" in result.stderr
    assert not (big / "dist").exists()


def test_a_10_mb_transcript_builds_within_a_memory_limit_when_allowed(big):
    """With the limit raised, EPUB and HTML of 10 MB build in 1.5 GB of address space (about 25 s and
    230 MB resident when measured; see the README). The PDF of such a text has thousands of pages."""
    result = limited("build", str(big), "-f", "epub,html", "-q", memory_mb=1536, cpu_seconds=600,
                     env={"INTERVIEW_PUBLISH_MAX_INPUT_MB": "12"})
    assert result.returncode == 0, result.stderr[-2000:]
    files = outputs(big)
    report = epubcheck(files["epub"])
    assert (report["fatal"], report["error"]) == (0, 0), report["messages"][:5]
    assert files["html"].stat().st_size > 10_000_000


def png_header_bomb(path: Path, width: int, height: int) -> None:
    """A valid 8-bit grey PNG of width × height whose pixels would take width × height bytes decoded;
    written row by row so the test itself never holds them."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (width + 1)
    compressor = zlib.compressobj(9)
    idat = bytearray()
    for _ in range(height):
        idat += compressor.compress(row)
    idat += compressor.flush()
    with open(path, "wb") as stream:
        stream.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        stream.write(chunk(b"IDAT", bytes(idat)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("size", [(20000, 20000), (6000, 8000)])
def test_a_huge_cover_is_refused_without_decoding_it(tmp_path, size):
    project = make_project(tmp_path, SEED.read_text(encoding="utf-8"), config='title = "T"\nlanguage = "en"\n')
    png_header_bomb(project / "content" / "cover.png", *size)
    # An EPUB build fits in 250 MB of address space; 20000 × 20000 decoded is 400 MB of grey.
    result = limited("build", str(project), "-f", "epub", memory_mb=300, cpu_seconds=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "cover.png: error[cover]:" in result.stderr
    assert ("too large to open safely" in result.stderr if size == (20000, 20000)
            else "6000×8000 px is more than a cover needs" in result.stderr), result.stderr


def test_the_memory_cap_would_catch_a_decoded_bomb(tmp_path):
    """The control for the test above: under the same cap, really decoding the 20000 × 20000 cover fails."""
    png_header_bomb(tmp_path / "bomb.png", 20000, 20000)
    code = ("import sys; from PIL import Image; Image.MAX_IMAGE_PIXELS = None; "
            "Image.open(sys.argv[1]).load(); print('decoded')")

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (300 * 1024 * 1024,) * 2)

    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "bomb.png")], preexec_fn=cap,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "decoded" not in result.stdout
