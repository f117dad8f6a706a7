"""The Transcriber segmenter (readers/formats/trs.py): the fixture's segments, detection by content,
and malformed XML refused with one error naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_publish.errors import PublishError
from interview_publish.readers.formats import trs

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SNIFF = trs.FORMATS[0].sniff


def fixture_text() -> str:
    return (FIXTURES / "transcriber.trs").read_bytes().decode("iso-8859-1")  # as the caller decodes it


def refused(text: str, first_line: int = 1):
    with pytest.raises(PublishError) as caught:
        trs.segment(text, "in.trs", first_line)
    (problem,) = caught.value.problems
    assert problem.severity == "error" and problem.code == "xml" and problem.path == "in.trs"
    return problem


def test_detected_by_content_whatever_the_suffix():
    for suffix in (".trs", ".xml", ".txt", ""):
        assert SNIFF(fixture_text(), suffix)


def test_other_files_are_not_transcriber():
    for path in FIXTURES.iterdir():
        if path.is_file() and path.suffix != ".trs":
            assert not SNIFF(path.read_bytes().decode("utf-8", errors="replace"), path.suffix), path.name
    assert not SNIFF('<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"/>', ".xml")
    assert SNIFF("not even XML", ".trs")  # the suffix decides only when the content does not: refused below


def test_speakers_language_and_structure():
    got = trs.segment(fixture_text(), "transcriber.trs", 1)
    assert got.format == "transcriber" and got.language == "fr"
    assert [(p.name, p.labels) for p in got.people] == [("Hélène Marchand", ("spk1",)), ("Bruno Lefèvre", ("spk2",))]
    kinds = [s.kind for s in got.segments]
    assert kinds[:1] == ["leftover"] and set(kinds[1:]) == {"speech"}  # "le moulin" precedes all speech
    assert (got.segments[0].text, got.segments[0].line) == ("[music]", 14)  # the nontrans section's music


def test_sync_chunks_lines_and_times():
    speech = [s for s in trs.segment(fixture_text(), "transcriber.trs", 1).segments if s.kind == "speech"]
    assert [s.label for s in speech] == ["spk1", "spk1", "spk2", "spk2", "spk1", "spk2", "spk1", "spk2", "spk2", "spk2",
                                         "spk1", "spk2", "spk2"]
    first = speech[0]
    assert (first.line, first.start, first.end, first.flow) == (22, 6.12, 10.48, True)
    assert first.text == "nous sommes le douze mars , chez monsieur Bruno Lefèvre , ancien meunier à Saint-Aubin ."
    assert speech[2].text == "à quatorze ans . mon oncle avait besoin de bras ,"  # breath event "i" dropped
    assert speech[3].text == "et moi je ne voulais plus aller à l' école [rire] voilà ."
    assert speech[3].end == 27.3  # the turn's endTime closes its last chunk


def test_overlapping_turn_gives_one_segment_per_who():
    speech = [s for s in trs.segment(fixture_text(), "transcriber.trs", 1).segments if s.kind == "speech"]
    overlap = [s for s in speech if s.start == 31.05]
    assert [(s.label, s.text, s.line) for s in overlap] == [("spk2", "dur , dur , oui", 44), ("spk1", "hm hm", 46)]


def test_lexical_events_dropped_comments_kept_as_cues():
    text = " ".join(s.text for s in trs.segment(fixture_text(), "transcriber.trs", 1).segments)
    assert "mes bleus de travail tous les soirs dans la cour . [bruit de porte au fond]" in text
    assert "[bleus]" not in text and "[i]" not in text


def test_first_line_offsets_lines():
    got = trs.segment(fixture_text(), "transcriber.trs", 4)
    assert got.segments[0].line == 17 and got.segments[1].line == 25


def test_episode_program_and_air_date():
    text = ('<Trans><Episode program="Radio Nord" air_date="991231:0800"><Section type="report">'
            '<Turn startTime="0" endTime="1"><Sync time="0"/>bonsoir</Turn></Section></Episode></Trans>')
    got = trs.segment(text, "x.trs", 1)
    assert (got.subtitle, got.date) == ("Radio Nord", "1999-12-31")
    assert [(s.text, s.label, s.line) for s in got.segments] == [("bonsoir", None, 1)]


def test_bad_sync_time_keeps_the_text():
    text = ('<Trans><Episode><Section type="report"><Turn>\n<Sync time="later"/>\nencore</Turn></Section>'
            '</Episode></Trans>')
    got = trs.segment(text, "x.trs", 1)
    assert [(s.text, s.start) for s in got.segments] == [("encore", None)]
    assert [(p.severity, p.code, p.line) for p in got.problems] == [("warning", "timestamp", 2)]


def test_external_entities_are_not_read():
    text = ('<?xml version="1.0"?>\n<!DOCTYPE Trans [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
            '<Trans><Episode><Section type="report"><Turn><Sync time="0"/>a &x; b</Turn></Section></Episode></Trans>')
    got = trs.segment(text, "x.trs", 1)
    assert got.segments[0].text.split()[0] == "a" and len(got.segments[0].text) < 20


def test_malformed_xml_names_the_line():
    broken = fixture_text().replace('<Turn speaker="spk1" startTime="27.300"', '<Turn speaker="spk1 startTime="27.300"')
    problem = refused(broken, first_line=2)
    assert problem.line == 38 and "not well-formed" in problem.message


def test_not_transcriber_xml():
    assert "expected a Transcriber file" in refused("<html><body>hi</body></html>").message
    assert "no transcribed turns" in refused("<Trans><Episode/></Trans>").message
    assert refused("just words").line == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_real_file_and_no_false_positives():
    path = CORPUS / "transcriber_demo_france-inter-1998_latin1_fr.trs"
    got = trs.segment(path.read_bytes().decode("iso-8859-1"), path.name, 1)
    speech = [s for s in got.segments if s.kind == "speech"]
    assert [(s.label, s.line) for s in speech[:3]] == [("sp1", 16), ("sp2", 18), ("sp1", 22)]
    assert speech[1].text == "sûr ?" and "lycées" in " ".join(s.text for s in speech)
    assert [s.text for s in got.segments if s.kind == "leftover"] == ["[music] [jingle]", "[music] [indicatif]"]
    assert [(s.text, s.line, s.level) for s in got.segments if s.kind == "heading"] == [("les titres", 47, 2)]
    for other in CORPUS.iterdir():
        if other.suffix != ".trs":
            assert not SNIFF(other.read_bytes().decode("utf-8", errors="replace"), other.suffix), other.name
