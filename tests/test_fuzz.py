"""Fuzzing the whole build: arbitrary bytes, arbitrary Unicode and random transcript shapes with hostile
sprinkles, through the settings, the matter reader and the whole build (EPUB and HTML; the PDF with a
smaller budget). Only the project's own user-facing error may come out, and every book that is built is
well-formed XHTML and strictly valid HTML5.

Small budget by default (CI); a large one on demand:
    HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_fuzz.py tests/test_properties.py
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_properties import transcripts

from interview_publish.build import build
from interview_publish.config import load_config
from interview_publish.errors import PublishError
from interview_publish.readers.matter import read_matter
from interview_publish.textsafety import UNSAFE, balance_bidi

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"


def budget(ci: int, thorough: int):
    """Examples per run: ``ci`` normally, ``thorough`` with HYPOTHESIS_PROFILE=thorough."""
    return settings(max_examples=thorough if THOROUGH else ci, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "]]>", "<![CDATA[", "{{ 7*7 }}", "{% include '/etc/passwd' %}", "{#", "&#12;",
    "&amp;", "&#x202E;", "&bogus;", "\u202e", "\u202b", "\u2066", "\u2068", "\u202c", "\u2069", "\x07", "\x1b",
    "\x85", "\x7f", "\ufdd0", "\ufffe", "\U0010ffff", "\x00", "\ufeff", "\u00ad", "\u200b", "\U0001f600",
    "x" * 2000, "Q:", "A:", "###", "---", "WEBVTT", "00:00:01.000 --> 00:00:02.000", "[inaudible]",
    "(Laughter.)", "*", "**", "`", "\\", "\r", "\n\n", "url(file:///etc/passwd)",
])


@st.composite
def hostile_transcripts(draw) -> str:
    """A transcript-like text with hostile pieces and arbitrary Unicode inserted at random places."""
    text = draw(transcripts())
    for _ in range(draw(st.integers(0, 8))):
        piece = draw(st.one_of(HOSTILE, st.text(max_size=30)))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + piece + text[at:]
    return text


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=True)  # JSON's escapes are TOML's (a lone surrogate: a TOML error)


@st.composite
def settings_files(draw) -> str | None:
    if draw(st.booleans()):
        return None
    lines = [f"title = {toml_string(draw(st.one_of(st.text(max_size=40), HOSTILE)))}"]
    if draw(st.booleans()):
        lines.append(f"language = {toml_string(draw(st.sampled_from(['en', 'ru', 'de', 'xx', 'en-GB', ''])))}")
    if draw(st.booleans()):
        lines.append(f"description = {toml_string(draw(st.text(max_size=60)))}")
    if draw(st.booleans()):
        lines.append("[[participants]]\nname = " + toml_string(draw(st.text(min_size=1, max_size=20)))
                     + '\nrole = "interviewee"')
    return "\n".join(lines) + "\n"


def check_outputs(dist: Path) -> None:
    """Every XHTML document of the EPUB is well-formed, the HTML is strictly valid HTML5, and no
    character a book may not hold, or an unbalanced direction control, is in any text."""
    for path in dist.iterdir():
        if path.suffix == ".epub":
            archive = zipfile.ZipFile(path)
            for name in archive.namelist():
                if name.endswith((".xhtml", ".opf", ".ncx")):
                    root = etree.fromstring(archive.read(name))
                    for node in root.iter():
                        for text in (node.text, node.tail):
                            if text:
                                assert not UNSAFE.search(text), (name, text)
                    if name.endswith(".xhtml"):
                        for p in root.iter("{http://www.w3.org/1999/xhtml}p"):
                            assert balance_bidi("".join(p.itertext())) == "".join(p.itertext())
        elif path.suffix == ".html":
            html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(path.read_bytes())


def build_project(transcript: bytes, suffix: str, config: str | None, formats: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        (content / f"interview{suffix}").write_bytes(transcript)
        if config is not None:
            (content / "publication.toml").write_text(config, encoding="utf-8")
        try:
            build(Path(folder), formats)
        except PublishError as error:
            assert error.problems and any(p.severity == "error" for p in error.problems)
            return
        check_outputs(Path(folder) / "dist")


@budget(ci=12, thorough=400)
@given(text=hostile_transcripts(), suffix=st.sampled_from((".txt", ".md")), config=settings_files())
def test_the_whole_build_of_hostile_transcripts(text, suffix, config):
    build_project(text.encode("utf-8", "surrogatepass"), suffix, config, ("epub", "html"))


@budget(ci=8, thorough=300)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from((".txt", ".md", ".vtt", ".srt")))
def test_the_whole_build_of_arbitrary_bytes(data, suffix):
    build_project(data, suffix, None, ("epub", "html"))


@budget(ci=8, thorough=300)
@given(text=st.text(max_size=2000), suffix=st.sampled_from((".txt", ".md", ".vtt", ".srt")))
def test_the_whole_build_of_arbitrary_unicode(text, suffix):
    build_project(text.encode("utf-8", "surrogatepass"), suffix, None, ("epub", "html"))


@budget(ci=3, thorough=60)
@given(text=hostile_transcripts(), config=settings_files())
def test_the_whole_build_with_the_pdf(text, config):
    build_project(text.encode("utf-8", "surrogatepass"), ".txt", config, ("epub", "pdf", "html"))


@budget(ci=60, thorough=5000)
@given(text=st.one_of(st.text(max_size=400), settings_files().filter(bool)))
def test_any_settings_file_gives_settings_or_a_user_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "publication.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            load_config(path)
        except PublishError as error:
            assert error.problems and all(p.severity == "error" for p in error.problems)


@budget(ci=60, thorough=5000)
@given(text=st.one_of(st.text(max_size=600), hostile_transcripts()), name=st.sampled_from(("foreword.md", "notes.txt")))
def test_any_matter_file_gives_matter_or_a_user_error(text, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            read_matter(path, "front-1", "preface")
        except PublishError as error:
            assert error.problems and all(p.severity == "error" for p in error.problems)
