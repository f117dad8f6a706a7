"""The JSON segmenters (readers/formats/json_asr.py): every fixture's segments, detection by content,
and bad JSON refused with one error naming the file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_publish.errors import PublishError
from interview_publish.readers.formats import json_asr

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def read(name: str):
    return json_asr.segment((FIXTURES / name).read_text(encoding="utf-8"), name, 1)


def detected(text: str, suffix: str) -> str | None:
    return next((fmt.name for fmt in json_asr.FORMATS if fmt.sniff(text, suffix)), None)


def refused(text: str, first_line: int = 1):
    with pytest.raises(PublishError) as caught:
        json_asr.segment(text, "in.json", first_line)
    (problem,) = caught.value.problems
    assert problem.severity == "error" and problem.path == "in.json"
    return problem


@pytest.mark.parametrize("name, fmt", [
    ("openai_whisper.json", "whisper-json"), ("whisperx.json", "whisper-json"), ("faster_whisper.json", "whisper-json"),
    ("podcasting20.json", "podcast-json"), ("podlove.json", "podlove-json"),
    ("speaker_text.json", "speaker-text-json"),
])
def test_detected_by_content_whatever_the_suffix(name, fmt):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for suffix in (".json", ".txt", ""):
        assert detected(text, suffix) == fmt
    assert read(name).format == fmt


def test_other_fixtures_are_not_json():
    for path in FIXTURES.iterdir():
        if path.suffix in (".txt", ".md", ".vtt", ".srt", ".trs"):
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert detected(text, path.suffix) is None, path.name
    for text in ("[00:00:01] Host: hello [laughs]", "{music} Host: welcome", "[Music]\nHost: hi"):
        assert detected(text, ".txt") is None


def test_openai_whisper_one_line_no_speakers():
    got = read("openai_whisper.json")
    assert got.language == "en" and got.title is None and got.people == []
    assert all(s.line == 1 and s.flow and s.label is None for s in got.segments)
    assert [s.kind for s in got.segments] == ["leftover"] + ["speech"] * 7
    assert got.segments[0].text == "[Music]"
    assert got.segments[1].text == "When I think about the harbour in Tromsø, the first thing I remember"
    assert (got.segments[1].start, got.segments[1].end) == (3.2, 8.4)
    words = " ".join(s.text for s in got.segments[1:]).split()
    top = json.loads((FIXTURES / "openai_whisper.json").read_text(encoding="utf-8"))["text"].split()
    assert words == top[1:]  # every word once, nothing from the keys ("avg_logprob", "tokens")
    assert got.problems == []


def test_whisperx_speakers_and_unlabelled_segment():
    got = read("whisperx.json")
    assert got.language == "en"
    assert [s.label for s in got.segments] == ["SPEAKER_00", "SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_01",
                                               "SPEAKER_01", "SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_01"]
    assert got.segments[2].text == "Since 1987, so a bit more than half my life."
    assert got.segments[4].text == "It is. Every four hours, all night,"  # no "speaker": the words' majority
    assert got.segments[0].start == 0.52 and all(s.flow and s.kind == "speech" for s in got.segments)
    assert "word_segments" not in " ".join(s.text for s in got.segments)


def test_faster_whisper_lines_of_the_text_values():
    got = read("faster_whisper.json")
    assert got.language == "de"
    lines = [n for n, row in enumerate((FIXTURES / "faster_whisper.json").read_text("utf-8").splitlines(), 1)
             if row.strip().startswith('"text"')]
    assert [s.line for s in got.segments] == lines
    assert got.segments[0].text.startswith("Also, die Werkstatt hat mein Großvater 1954")
    assert got.segments[-1].text == "und alles beginnt von vorn."
    assert got.segments[-1].start == 37.48


def test_podcasting20_word_chunks():
    got = read("podcasting20.json")
    assert len(got.segments) == 35 and all(s.flow for s in got.segments)
    assert [s.text for s in got.segments[:3]] == ["Hello", "and", "welcome"]
    assert [s.line for s in got.segments[:3]] == [8, 14, 20]
    assert got.segments[0].label == "Leona Whitfield" and (got.segments[0].start, got.segments[0].end) == (0.5, 1.07)
    assert got.segments[20].text == "here."  # the body "here.\n": whitespace is not text
    assert {s.label for s in got.segments} == {"Leona Whitfield", "Tomasz Rey"}


def test_podlove_slugs_markers_and_clock_times():
    got = read("podlove.json")
    first, opener = got.segments[0], got.segments[1]
    assert (first.kind, first.text, first.label, first.line) == ("leftover", "Intro", None, 4)
    assert (opener.label, opener.line, opener.start, opener.end) == ("marenholt", 9, 31.4, 58.2)
    assert opener.text.startswith("Hello and welcome to Deep Field")
    chapter = [s for s in got.segments if s.text == "Chapter 2"]
    assert len(chapter) == 1 and chapter[0].kind == "leftover"
    speech = [s for s in got.segments if s.kind == "speech"]
    assert len(speech) == 9 and {s.label for s in speech} == {"marenholt", "oskarlindqvist"}


def test_podlove_milliseconds_and_voice_names():
    text = json.dumps([{"start": "00:00:01.000", "start_ms": 1000, "end_ms": 2500, "speaker": "ab", "voice": "Ada Bell",
                        "text": "Hello there."}, {"start": 3000, "end": 4000, "speaker": "cd", "text": "Hi."}])
    got = json_asr.segment(text, "p.json", 1)
    assert [(s.start, s.end) for s in got.segments] == [(1.0, 2.5), (3.0, 4.0)]
    assert [(p.name, p.labels) for p in got.people] == [("Ada Bell", ("ab",))]


def test_speaker_text_paragraphs():
    got = read("speaker_text.json")
    assert got.title is None and got.subtitle == "Quiet Hours, episode 12"
    first = got.segments[:3]
    assert [s.line for s in first] == [7, 7, 7] and {s.label for s in first} == {"Priya Anand"}
    assert first[2].text == "Felix, thanks for joining me."
    assert not any(s.flow or s.start is not None for s in got.segments)
    assert len(got.segments) == 13 and got.segments[3].line == 12
    assert "cafés" in got.segments[1].text


def test_speaker_text_title_field():
    text = json.dumps({"podcast": "Quiet Hours", "episode": {"number": 3, "title": "The night bakery"},
                       "transcript": [{"speaker": "A", "text": "One.\n\nTwo."}]})
    got = json_asr.segment(text, "t.json", 1)
    assert got.title == "The night bakery" and [s.text for s in got.segments] == ["One.", "Two."]


def test_other_whisper_shapes():
    timestamped = {"text": " Hi there.", "segments": [{"id": 0, "start": 0.0, "end": 1.0, "text": "",
                                                       "words": [{"text": "Hi", "start": 0.0, "end": 0.4},
                                                                 {"text": "there.", "start": 0.5, "end": 1.0}]}],
                   "language": "english"}
    got = json_asr.segment(json.dumps(timestamped), "w.json", 1)
    assert [s.text for s in got.segments] == ["Hi there."] and got.language == "en"
    cpp = {"result": {"language": "en"}, "transcription": [
        {"timestamps": {"from": "00:00:00,000", "to": "00:00:02,500"}, "offsets": {"from": 0, "to": 2500},
         "text": " Good morning."}]}
    got = json_asr.segment(json.dumps(cpp), "c.json", 1)
    assert [(s.text, s.start, s.end) for s in got.segments] == [("Good morning.", 0.0, 2.5)]
    bare = [{"id": 0, "seek": 0, "start": 1.5, "end": 3.0, "text": " A bare list.", "tokens": [1, 2]}]
    got = json_asr.segment(json.dumps(bare), "b.json", 1)
    assert got.format == "whisper-json" and got.segments[0].start == 1.5
    got = json_asr.segment('{"text": "Only the text of an API response."}', "a.json", 1)
    assert [s.text for s in got.segments] == ["Only the text of an API response."]


def test_entities_and_tags_are_not_text():
    text = json.dumps({"segments": [{"start": 0, "end": 1, "text": " Fish &amp; chips <i>really</i>\n now"}]})
    assert json_asr.segment(text, "e.json", 1).segments[0].text == "Fish & chips really now"


def test_first_line_offsets_lines():
    got = json_asr.segment((FIXTURES / "podlove.json").read_text("utf-8"), "p.json", 5)
    assert got.segments[1].line == 13


def test_broken_times_keep_the_text():
    text = '{"segments": [\n{"start": "soon", "end": 2, "text": " First."},\n' \
           '{"start": 5, "end": 3, "text": " Second."},' \
           '\n{"start": -1, "end": NaN, "text": " Third."}]}'
    got = json_asr.segment(text, "t.json", 1)
    assert [s.text for s in got.segments] == ["First.", "Second.", "Third."]
    assert [(s.start, s.end) for s in got.segments] == [(None, 2.0), (5.0, None), (None, None)]
    assert {p.severity for p in got.problems} == {"warning"} and [p.line for p in got.problems] == [2, 3, 4, 4]
    assert all(p.path == "t.json" for p in got.problems)


def test_invalid_json_names_line_and_column():
    problem = refused('{"segments": [\n  {"start": 0, "text": "a"}\n  {"start": 1}\n]}', first_line=3)
    assert problem.code == "json" and problem.line == 5 and "line 3, column 3" in problem.message


@pytest.mark.parametrize("text", ['{"title": "A talk", "tags": ["x"]}', "[1, 2, 3]", "[]", '{"segments": [{"a": 1}]}',
                                  '{"transcript": "just a string"}'])
def test_json_that_is_not_a_transcript(text):
    problem = refused(text)
    assert problem.code == "json" and problem.line == 1
    assert "not a transcript" in problem.message and "expected" in problem.message
    assert detected(text, ".json") is not None  # claimed, so it is refused rather than read as prose


def test_no_segments_with_text():
    problem = refused('{"text": "", "segments": [{"start": 0, "end": 1, "text": "  "}], "language": "en"}')
    assert problem.code == "json" and "no segments" in problem.message


def test_deeply_nested_json():
    problem = refused('{"segments": \n' + "[" * 100_000 + "]" * 100_000 + "}")
    assert problem.code == "json" and "nested deeper than 64" in problem.message and problem.line == 2


def test_too_many_segments():
    text = '{"segments": [' + ",".join(['{"start":1,"text":"a"}'] * (json_asr.MAX_SEGMENTS + 1)) + "]}"
    problem = refused(text)
    assert problem.code == "json" and "200,001 segments" in problem.message


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_real_files():
    whisper = json_asr.segment((CORPUS / "whisper_critical-infinity-shorts-8_monologue_de.json").read_text("utf-8"),
                               "w.json", 1)
    assert len(whisper.segments) == 21 and whisper.language == "de"
    podlove = json_asr.segment(
        (CORPUS / "podlove-webplayer_forschergeist-45_lyndal-roper_excerpt_de.json").read_text("utf-8"), "p.json", 1)
    assert (podlove.segments[0].kind, podlove.segments[1].line, podlove.segments[1].label) == ("leftover", 9,
                                                                                               "timpritlove")
    orbit = json_asr.segment((CORPUS / "orbitfm_web-of-tomorrow-038_marie-laure-thuret.json").read_text("utf-8"),
                             "o.json", 1)
    assert [s.line for s in orbit.segments[:5]] == [7, 7, 7, 12, 17] and len(orbit.segments) == 53
    for path in CORPUS.iterdir():
        if path.suffix != ".json":
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert detected(text, path.suffix) is None, path.name


def test_broken_json_file_is_claimed_but_prose_is_not():
    assert detected('{"segments": [{"start": 0, "text": "cut off', ".json") == "json"
    assert detected("Host: this transcript was saved with the wrong suffix.", ".json") is None
