"""The WebVTT and SRT segmenter (readers/formats/captions.py): what it makes of each caption fixture,
of the real corpus files of its formats, and of broken input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_publish.errors import PublishError
from interview_publish.readers.formats import captions
from interview_publish.readers.formats.captions import FORMATS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CAPTION_FIXTURES = {"teams.vtt": "webvtt", "zoom.vtt": "webvtt", "youtube_auto.vtt": "webvtt",
                    "broadcast_chevrons.vtt": "webvtt", "captions.vtt": "webvtt", "whisper.srt": "srt",
                    "labelled.srt": "srt", "subtitles.srt": "srt"}


def detect(text: str, suffix: str) -> str | None:
    return next((fmt.name for fmt in FORMATS if fmt.sniff(text, suffix)), None)


def read(name: str, first_line: int = 1):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    fmt = {f.name: f for f in FORMATS}[CAPTION_FIXTURES[name]]
    return fmt.segment(text, name, first_line)


def speech(result):
    return [s for s in result.segments if s.kind == "speech"]


def webvtt(text: str, first_line: int = 1):
    return captions.segment_webvtt(text, "talk.vtt", first_line)


def srt(text: str, first_line: int = 1):
    return captions.segment_srt(text, "talk.srt", first_line)


# -- detection ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CAPTION_FIXTURES))
def test_fixture_detected_by_content_also_under_a_misleading_suffix(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert detect(text, Path(name).suffix) == CAPTION_FIXTURES[name]
    assert detect(text, ".txt") == CAPTION_FIXTURES[name]
    assert detect(text, ".md") == CAPTION_FIXTURES[name]


def test_other_fixtures_are_not_captions():
    others = [p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".json", ".trs", ".markdown")
              and p.name not in CAPTION_FIXTURES]
    assert others
    for path in others:
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert detect(text, path.suffix) is None, path.name


def test_suffix_is_the_fallback():
    assert detect("nothing here yet\n", ".vtt") == "webvtt"
    assert detect("nothing here yet\n", ".srt") == "srt"
    assert detect("nothing here yet\n", ".txt") is None
    assert detect("At 10:30 --> we met.\nThen we talked.\n", ".txt") is None
    # SRT content in a file called .vtt is read (by the WebVTT reader, which takes SRT cues too)
    assert detect((FIXTURES / "subtitles.srt").read_text(encoding="utf-8"), ".vtt") == "webvtt"


# -- the fixtures ---------------------------------------------------------------------------------

def test_teams_voice_tags():
    result = read("teams.vtt")
    assert result.format == "webvtt" and not result.problems and not result.markdown
    segments = result.segments
    assert len(segments) == 12 and all(s.kind == "speech" and s.flow for s in segments)
    assert [s.label for s in segments[:4]] == ["Priya Raman", "Tomasz Wójcik", "Tomasz Wójcik", "Priya Raman"]
    assert {s.label for s in segments} == {"Priya Raman", "Tomasz Wójcik"}
    first = segments[0]
    assert (first.line, first.start, first.end) == (5, 2.34, 6.91)
    assert first.text == "Tomasz, thanks for making time. You keep bees on the roof of a car park?"
    assert segments[4].text == "Honey. I brought a jar to every meeting & left it on the table."  # no </v>
    assert segments[7].text.endswith('balconies: tomatoes, lavender, the odd "lemon tree" that never gives a lemon.')
    assert segments[7].line == 33
    assert not any("<" in s.text or "5d1e9a47" in s.text for s in segments)


def test_zoom_name_prefixes():
    segments = read("zoom.vtt").segments
    assert len(segments) == 12
    assert [s.label for s in segments] == (
        ["Hannah Okoye"] * 2 + ["Luis Ferreira", "Hannah Okoye"] + ["Luis Ferreira"] * 2
        + ["Jun Park", "Luis Ferreira", "Jun Park", "Luis Ferreira", "Hannah Okoye", "Luis Ferreira"])
    rule = segments[4]
    assert rule.text.startswith("It starts at ten.") and "there is one rule: nobody leaves" in rule.text
    assert (rule.line, rule.start, rule.end) == (21, 20.9, 27.64)
    assert not any(s.text.startswith(("Hannah", "Luis Ferreira:", "Jun Park:")) for s in segments)


def test_youtube_rolling_captions_give_each_word_once():
    result = read("youtube_auto.vtt")
    assert result.language == "en"
    music, *spoken = result.segments
    assert (music.kind, music.text, music.line) == ("leftover", "[Music]", 7)
    assert all(s.kind == "speech" and s.label is None and s.flow for s in spoken)
    words = " ".join(s.text for s in spoken).split()
    assert words[:9] == "hi everyone and welcome back to the clay room".split()
    assert len(words) == 97  # the 15 spoken caption lines, every word once: no `>>`, no tags
    assert not any(w in (">>", "&gt;&gt;") or "<" in w for w in words)
    assert words[-5:] == "thank you it was fun".split()
    assert [s.line for s in spoken[:3]] == [15, 23, 31]  # the line that adds the words, not the repeat
    assert spoken[0].start == 2.04 and spoken[0].end == 4.35
    assert [s.change for s in spoken] == [False, False, False, True, False, True, True, False, False, True, True,
                                          False, False, True, True]
    assert spoken[3].text == "thanks for having me it's a strange"


def test_broadcast_chevrons():
    segments = read("broadcast_chevrons.vtt").segments
    assert all(s.kind == "speech" for s in segments)
    assert [(s.line, s.label, s.change) for s in segments[:5]] == [
        (5, "ANNA BERG", False), (9, None, False), (13, None, False), (17, "KOFI MENSAH", False), (21, None, True)]
    assert segments[0].text == "Good evening. Tonight, a conversation about the town that moved"
    assert segments[2].text == "Riverside Tonight."  # <i> stripped
    # one cue, two speakers on one line
    question, answer = segments[8], segments[9]
    assert (question.text, answer.text) == ("How long did the work take?",
                                            "Four summers. We could only dig when the water was low.")
    assert question.line == answer.line == 37 and question.start == answer.start == 28.5
    assert question.change and answer.change
    assert "old bank & the farms" in segments[10].text
    # the last cue, two speakers on two lines
    assert [(s.line, s.text, s.change) for s in segments[-2:]] == [
        (55, "Kofi Mensah, thank you.", True), (56, "Thank you, Anna.", True)]
    assert sum(s.change for s in segments) == 8
    assert not any(">>" in s.text for s in segments)


def test_whisper_srt_has_no_labels():
    result = read("whisper.srt")
    assert result.format == "srt" and not result.problems
    segments = result.segments
    assert len(segments) == 14
    assert all(s.label is None and s.flow and not s.change and s.kind == "speech" for s in segments)
    assert [s.line for s in segments[:3]] == [3, 7, 11]
    assert (segments[1].start, segments[1].end) == (4.48, 8.96)
    assert segments[-1].text == "coming all this way to ask about it." and segments[-1].end == 60.32
    assert sum(len(s.text.split()) for s in segments) == 167


def test_labelled_srt():
    segments = read("labelled.srt").segments
    assert [s.label for s in segments] == ["INTERVIEWER", "MARGIT SZABO", "INTERVIEWER", "MARGIT SZABO", None,
                                           "INTERVIEWER", "MARGIT SZABO", "INTERVIEWER", "MARGIT SZABO", None,
                                           "INTERVIEWER", "MARGIT SZABO"]
    assert segments[0].text == "This is tape two, the eleventh of March. Can you say your name for the recording?"
    assert segments[4].text.startswith("There was one rule: you never dropped a tray.")  # prose colon: no label
    assert segments[6].text.startswith("Once. The night of the election")
    assert segments[1].line == 8 and segments[1].start == 4.3


def test_old_fixtures():
    vtt = read("captions.vtt")
    note, *cues = vtt.segments
    assert note.kind == "leftover" and note.text.startswith("Recorded for the Riverside") and note.line == 4
    assert len(cues) == 13 and {s.label for s in cues} == {"Jane Doe", "Omar Haddad"}
    assert cues[0].line == 9 and cues[0].text.endswith("Could you tell me where you grew up?")
    assert cues[5].text == "That was twenty-six years ago, so you can see how well I plan."
    assert not any(s.text in ("intro-1", "q2", "closing") or "</v>" in s.text for s in vtt.segments)
    sub = read("subtitles.srt").segments
    assert [s.label for s in sub[:3]] == ["JANE", "OMAR", None] and len(sub) == 12


def test_first_line_offsets_the_lines():
    assert [s.line for s in read("whisper.srt", first_line=5).segments[:2]] == [7, 11]


# -- layouts seen in other real exports ----------------------------------------------------------

def test_note_style_region_and_metadata_notes():
    text = ("WEBVTT\nNOTE duration:\"00:12:03.1230000\"\nNOTE language:en-us\n\n"
            "STYLE\n::cue { color: yellow }\n\nREGION\nid:fred\nwidth:40%\n\n"
            "NOTE Confidence: 0.8731\n\n00:00:01.000 --> 00:00:02.500\n<v.loud Ada Park>Hello there.</v>\n\n"
            "NOTE\nA comment for the editors,\non two lines.\n\n"
            "00:00:03.000 --> 00:00:05.000 line:90% align:middle\n<v Ben Ode>Hi. <b>Good</b> to meet you.\n")
    result = webvtt(text)
    assert result.language == "en"
    assert [(s.kind, s.label, s.text, s.line) for s in result.segments] == [
        ("speech", "Ada Park", "Hello there.", 15),
        ("leftover", None, "A comment for the editors, on two lines.", 18),
        ("speech", "Ben Ode", "Hi. Good to meet you.", 22)]


def test_two_voices_in_one_cue():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ada>Are you ready?</v>\n<v Ben>I am.</v>\n"
    assert [(s.label, s.text, s.line) for s in webvtt(text).segments] == [
        ("Ada", "Are you ready?", 4), ("Ben", "I am.", 5)]


def test_bracket_and_diarization_labels():
    text = ("1\n00:00:00,000 --> 00:00:02,000\n[SPEAKER_00]: Where were you born?\n\n"
            "2\n00:00:02,000 --> 00:00:04,000\n[SPEAKER_01]: In Porto.\n\n"
            "3\n00:00:04,000 --> 00:00:05,000\n[Laughter] And you?\n\n"
            "4\n00:00:05,000 --> 00:00:07,000\n[SPEAKER_00] In Lyon, by the river.\n")
    assert [(s.label, s.text) for s in srt(text).segments] == [
        ("SPEAKER_00", "Where were you born?"), ("SPEAKER_01", "In Porto."), (None, "[Laughter] And you?"),
        ("SPEAKER_00", "In Lyon, by the river.")]
    zoomish = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nSpeaker 1: Hello.\n\n"
               "2\n00:00:02.000 --> 00:00:03.000\nmaria.lopez: Hi!\n\n"
               "3\n00:00:03.000 --> 00:00:04.000\nSpeaker 1: How are you?\n\n"
               "4\n00:00:04.000 --> 00:00:05.000\nmaria.lopez: Fine: tired, but fine.\n")
    assert [s.label for s in webvtt(zoomish).segments] == ["Speaker 1", "maria.lopez", "Speaker 1", "maria.lopez"]
    assert webvtt(zoomish).segments[3].text == "Fine: tired, but fine."


def test_prose_colons_in_an_unlabelled_file_stay_text():
    cues = ["Also das Problem ist", "Genau: wir wissen es nicht.", "und dann: nichts mehr.",
            "Here is the thing: nobody asked.", "So we went home."]
    text = "".join(f"{n}\n00:00:0{n},000 --> 00:00:0{n},900\n{line}\n\n" for n, line in enumerate(cues, 1))
    segments = srt(text).segments
    assert [s.label for s in segments] == [None] * 5
    assert [s.text for s in segments] == cues


def test_crlf_bom_missing_numbers_and_markup():
    text = ("\ufeff00:00:01,000 --> 00:00:02,000\r\n{\\an8}<font color=\"#ffff00\">Tom &amp; Jerry</font>\r\n\r\n"
            "00:00:02,500 --> 00:00:04,000\r\nwent&nbsp;home.\r\n")
    assert detect(text, ".txt") == "srt"
    assert [(s.text, s.line) for s in srt(text).segments] == [("Tom & Jerry", 2), ("went home.", 5)]


def test_music_markers_are_leftovers_laughter_stays():
    text = ("WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n♪ ♪\n\n00:00:03.000 --> 00:00:04.000\n[upbeat music]\n\n"
            "00:00:04.000 --> 00:00:05.000\n(laughter)\n\n00:00:05.000 --> 00:00:06.000\nHello.\n")
    assert [(s.kind, s.text) for s in webvtt(text).segments] == [
        ("leftover", "♪ ♪"), ("leftover", "[upbeat music]"), ("speech", "(laughter)"), ("speech", "Hello.")]


def test_repeated_lines_in_a_file_that_does_not_roll_are_kept():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ada>Yes.\n\n00:00:02.000 --> 00:00:03.000\n<v Ben>Yes.\n\n"
            "00:00:03.000 --> 00:00:04.000\n<v Ada>Good.\n")
    assert [s.text for s in webvtt(text).segments] == ["Yes.", "Yes.", "Good."]


# -- bad input ------------------------------------------------------------------------------------

def test_vtt_without_cues_is_refused_with_file_and_line():
    for text in ("WEBVTT\n\nNOTE nothing was said\n", "WEBVTT\n", "", "just some words\n"):
        with pytest.raises(PublishError) as caught:
            captions.segment_webvtt(text, "talks/empty.vtt", 3)
        (problem,) = caught.value.problems
        assert (problem.severity, problem.code, problem.path, problem.line) == ("error", "captions",
                                                                               "talks/empty.vtt", 3)
        assert "no cues" in problem.message and "-->" in problem.message
    with pytest.raises(PublishError) as caught:
        srt("1\n2\n3\n")
    assert caught.value.problems[0].code == "captions" and "talk.srt" in str(caught.value)


def test_cues_without_any_text_are_refused():
    with pytest.raises(PublishError) as caught:
        webvtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n00:00:02.000 --> 00:00:03.000\n<v Ada></v>\n")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("captions", 3)


def test_broken_timing_line_keeps_the_text_and_warns():
    text = ("1\n00:00:01,000 --> 00:00:02,000\nFirst.\n\n2\n00:00:0X,000 --> 00:00:04,000\nSecond.\n\n"
            "3\n00:00:05,000 -> 00:00:06,000\nThird.\n\n4\n00:00:07,000 --> 00:00:08,000\nFourth.\n")
    result = srt(text)
    assert [(s.text, s.start) for s in result.segments] == [
        ("First.", 1.0), ("Second.", None), ("Third.", None), ("Fourth.", 7.0)]
    assert [(p.severity, p.code, p.line, p.path) for p in result.problems] == [
        ("warning", "timestamp", 6, "talk.srt"), ("warning", "timestamp", 10, "talk.srt")]
    assert not any("-->" in s.text or "->" in s.text for s in result.segments)


def test_times_running_backwards_warn_and_are_kept():
    text = ("WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nOne.\n\n00:00:02.000 --> 00:00:03.000\nTwo.\n\n"
            "00:00:09.000 --> 00:00:08.000\nThree.\n")
    result = webvtt(text)
    assert [(s.text, s.start) for s in result.segments] == [("One.", 5.0), ("Two.", 2.0), ("Three.", 9.0)]
    assert [(p.code, p.line) for p in result.problems] == [("timestamp", 6), ("timestamp", 9)]


def test_many_backward_times_give_a_few_warnings():
    text = "WEBVTT\n\n" + "".join(f"00:00:{59 - n:02d}.000 --> 00:00:59.500\nCue {n}.\n\n" for n in range(30))
    result = webvtt(text)
    assert len(result.segments) == 30 and len(result.problems) == 6
    assert "24 more" in result.problems[-1].message


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("WEBVT0123:.,-> \n<v/>&;[]Ab")), max_size=200))
def test_any_text_reads_or_is_refused_cleanly(text):
    for fmt in FORMATS:
        try:
            result = fmt.segment(text, "x.vtt", 1)
        except PublishError as exc:
            assert exc.problems[0].code == "captions"
            continue
        assert all(s.text and s.line >= 1 for s in result.segments)


# -- the real corpus (read in place, never copied) ---------------------------------------------

def corpus_files():
    return sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus")
def test_real_caption_files_give_one_segment_per_cue_with_every_word():
    key = json.loads((CORPUS / "key.json").read_text(encoding="utf-8"))["files"]
    for name, entry in key.items():
        path = CORPUS / name
        if path.suffix not in (".vtt", ".srt"):
            continue
        text = path.read_text(encoding="utf-8")
        fmt = next(f for f in FORMATS if f.sniff(text, ".txt"))
        assert fmt.name == ("webvtt" if path.suffix == ".vtt" else "srt")
        segments = fmt.segment(text, name, 1).segments
        assert sum(len(s.text.split()) for s in segments) == entry["expected_words"], name
        by_line = {s.line: s for s in segments}
        for paragraph in entry.get("paragraphs", []):
            assert by_line[paragraph["line"]].text.startswith(paragraph["start"]), (name, paragraph)
        if "chevron" in name:
            assert sum(s.change for s in segments) == 14


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus")
def test_no_other_corpus_file_is_taken_for_captions():
    for path in corpus_files():
        if path.suffix in (".vtt", ".srt"):
            continue
        text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
        assert detect(text, path.suffix) is None, path.name
        assert detect(text, ".txt") is None, path.name


def test_many_broken_timing_lines_give_a_few_warnings():
    text = "".join(f"{n}\n00:00:{n:02d},000 -> 00:00:{n:02d},500\nCue {n}.\n\n" for n in range(1, 21))
    result = srt(text)
    assert [s.text for s in result.segments] == [f"Cue {n}." for n in range(1, 21)]
    assert [p.line for p in result.problems] == [2, 6, 10, 14, 18, 22]
    assert "15 more unreadable timing lines" in result.problems[-1].message


def test_repeated_music_markers_are_not_labels_and_spoken_arrows_are_text():
    text = ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n[upbeat music]\n\n00:00:01.000 --> 00:00:02.000\nHello.\n\n"
            "00:00:02.000 --> 00:00:03.000\n[upbeat music]\n\n00:00:03.000 --> 00:00:04.000\n5:00 --> that was late\n")
    segments = webvtt(text).segments
    assert [(s.kind, s.label, s.text) for s in segments] == [
        ("leftover", None, "[upbeat music]"), ("speech", None, "Hello."), ("leftover", None, "[upbeat music]"),
        ("speech", None, "5:00 --> that was late")]
