"""The header-layout exports segmenter (readers/formats/exports.py): transcription-service and podcast-site
text exports, recognised by content, segmented with source lines, labels, times and kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_publish.errors import PublishError
from interview_publish.readers.formats import exports

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BY_NAME = {fmt.name: fmt for fmt in exports.FORMATS}
CASES = {
    "otter.txt": "otter",
    "rev.md": "rev",
    "descript.txt": "descript",
    "speaker_timestamp.txt": "speaker-timestamp",
    "zoom_text.txt": "zoom-text",
    "google_meet.txt": "google-meet",
    "timestamped_lines.txt": "timestamped-lines",
    "inline_timestamp.txt": "inline-timestamp",
    "diarized_lines.md": "diarized-lines",
}


def body(path: Path) -> tuple[str, int]:
    """The text after YAML front matter (the caller splits it off) and the line it starts on."""
    text = path.read_text(encoding="utf-8-sig")
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[end + 5:], text[:end + 5].count("\n") + 1
    return text, 1


def read(name: str):
    text, first = body(FIXTURES / name)
    return BY_NAME[CASES[name]].segment(text, name, first)


def speech(segmented):
    return [s for s in segmented.segments if s.kind == "speech"]


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("suffix", ["", ".txt", ".vtt", ".json"])
def test_recognised_by_content_whatever_the_suffix(name, suffix):
    text, _ = body(FIXTURES / name)
    found = [fmt.name for fmt in exports.FORMATS if fmt.sniff(text, suffix or Path(name).suffix)]
    assert found == [CASES[name]]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()
                                        if p.is_file() and p.suffix != ".toml" and p.name not in CASES))
def test_other_fixtures_are_left_to_their_readers(name):
    text = (FIXTURES / name).read_bytes().decode("utf-8", errors="replace")
    assert [fmt.name for fmt in exports.FORMATS if fmt.sniff(text, Path(name).suffix)] == []


def test_prose_with_one_header_line_is_not_an_export():
    text = ("We met in her studio.\n\nAda Park (00:10): I had never done an interview.\n\n"
            "She laughed at the memory, and then at 10:30 we went for lunch.\n")
    assert not any(fmt.sniff(text, ".txt") for fmt in exports.FORMATS)


def test_otter():
    seg = read("otter.txt")
    assert seg.format == "otter" and not seg.markdown
    parts = speech(seg)
    assert [(s.line, s.label, s.start) for s in parts[:5]] == [
        (2, "Priya Nair", 0.0), (5, "Tomas Berg", 9.0), (8, "Priya Nair", 15.0), (11, "Tomas Berg", 18.0),
        (13, "Tomas Berg", None)]  # an unlabelled paragraph continues the speaker above
    assert parts[-2].start == 3828.0 and parts[-1].text == "My pleasure."
    assert not any(s.flow for s in parts)
    assert seg.segments[-1].kind == "leftover" and seg.segments[-1].text == "Transcribed by https://otter.ai"
    assert all("0:" not in s.text for s in parts)


def test_otter_keeps_every_word():
    lines = (FIXTURES / "otter.txt").read_text(encoding="utf-8").splitlines()
    words = [w for line in lines if not line.endswith("  ") for w in line.split()]
    assert [w for s in read("otter.txt").segments for w in s.text.split()] == words


def test_rev_in_markdown():
    seg = read("rev.md")
    assert seg.format == "rev" and seg.markdown
    headings = [(s.line, s.level, s.text) for s in seg.segments if s.kind == "heading"]
    assert headings == [(7, 1, "Night Shift: A Conversation with a Lighthouse Keeper"), (9, 2, "Transcript")]
    parts = speech(seg)
    assert [(s.line, s.label, s.start) for s in parts[:5]] == [
        (12, "Nadia Shah", 0.0), (15, "Ewan Doyle", 7.0), (18, "Ewan Doyle", 41.0),  # bare "(00:41):"
        (21, "Nadia Shah", 52.0), (23, "Ewan Doyle", 55.0)]  # words on the header's own line
    assert parts[3].text == "Were you ever *frightened*?"
    assert parts[4].text.startswith("Twice.")
    assert parts[-1].start == 3733.0


def test_descript():
    parts = speech(read("descript.txt"))
    assert len(parts) == 11
    assert (parts[0].line, parts[0].label, parts[0].start) == (1, "Lena Fischer", 0.0)
    assert parts[0].text.startswith("This is Small Rooms")
    assert (parts[4].line, parts[4].label, parts[4].start) == (9, "Marco Ruiz", 41.0)  # "[00:00:41] A close..."
    assert parts[4].text.startswith("A close second")


def test_speaker_timestamp():
    parts = speech(read("speaker_timestamp.txt"))
    assert [s.label for s in parts] == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2", "Speaker 2",
                                        "Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]
    assert (parts[3].line, parts[3].start) == (11, 22.0)
    assert "which are the best thing" in parts[3].text  # the hard-wrapped line is joined with one space
    assert (parts[4].line, parts[4].start) == (14, None)


@pytest.mark.parametrize("header", ["[00:01:05] - Speaker 2", "00:01:05 Speaker 2", "[00:01:05] Speaker 2",
                                    "Speaker 2 [00:01:05]", "Speaker 2 00:01:05", "Speaker 2: [00:01:05]"])
def test_speaker_timestamp_header_shapes(header):
    text = "\n\n".join(f"{header.replace('2', str(n % 2 + 1)).replace('05', f'{n:02d}')}\nWords number {n}."
                       for n in range(6))
    (fmt,) = [fmt for fmt in exports.FORMATS if fmt.sniff(text, ".txt")]
    assert fmt.name == "speaker-timestamp"
    parts = fmt.segment(text, "x.txt", 1)
    assert [(s.line, s.label, s.start, s.text) for s in parts.segments[:2]] == [
        (2, "Speaker 1", 60.0, "Words number 0."), (5, "Speaker 2", 61.0, "Words number 1.")]


def test_sonix_style_words_on_the_header_line():
    text = "\n\n".join(f"{name}: [00:00:0{n}] Line {n} here." for n, name in enumerate(["Ana", "Ben"] * 2))
    seg = BY_NAME["speaker-timestamp"].segment(text, "x.txt", 1)
    assert [(s.line, s.label, s.start, s.text) for s in seg.segments[:2]] == [
        (1, "Ana", 0.0, "Line 0 here."), (3, "Ben", 1.0, "Line 1 here.")]


def test_zoom_text():
    parts = speech(read("zoom_text.txt"))
    assert [(s.line, s.label) for s in parts[:3]] == [(2, "Hannah Okafor"), (5, "Hannah Okafor"), (8, "Jonas Weiss")]
    assert parts[0].start == 14 * 3600 + 2 * 60 + 11  # Zoom writes the time of day
    assert all(s.flow for s in parts)


def test_google_meet():
    seg = read("google_meet.txt")
    assert (seg.title, seg.title_line, seg.date) == ("Volunteer onboarding call", 1, "2024-03-05")
    assert [p.name for p in seg.people] == ["Carla Mendes", "Ravi Patel", "Zoe Lindqvist"]
    parts = speech(seg)
    assert [s.label for s in parts] == ["Carla Mendes", "Ravi Patel"] * 4 + ["Carla Mendes"]
    assert [(s.line, s.start) for s in parts if s.start is not None] == [(7, 0.0), (15, 300.0)]
    assert parts[-1].text == "Good to know. Thanks, Ravi."
    leftovers = [s.text for s in seg.segments if s.kind == "leftover"]
    assert leftovers[0] == "Carla Mendes, Ravi Patel, Zoe Lindqvist"
    assert leftovers[1] == "Meeting ended after 00:07:41 👋"
    assert leftovers[2].startswith("This editable transcript")


def test_timestamped_lines():
    seg = read("timestamped_lines.txt")
    assert len(seg.segments) == 11
    assert all(s.label is None and s.flow and s.kind == "speech" for s in seg.segments)
    assert [(s.line, s.start) for s in seg.segments[:3]] == [(1, 0.0), (3, 6.0), (5, 13.0)]
    assert seg.segments[5].text.endswith("by the Sunday afternoon,")


def test_inline_timestamp():
    seg = read("inline_timestamp.txt")
    assert seg.segments[0].kind == "leftover" and seg.segments[0].text == "(Intro music: Upbeat synth)"
    assert seg.segments[-1].kind == "leftover"
    parts = speech(seg)
    assert [(s.line, s.label, s.start) for s in parts[:2]] == [(3, "Dana Brooks", 4.2), (5, "Felix Amari", 12.9)]
    assert parts[0].text.startswith("Hello and welcome") and "**" not in parts[0].text
    assert parts[4].text == "Mm-hmm (affirmative)."


def test_diarized_lines():
    seg = read("diarized_lines.md")
    parts = speech(seg)
    assert [(s.line, s.label, s.start, s.end) for s in parts[:2]] == [
        (13, "SPEAKER_01", 0.0, 4.12), (15, "SPEAKER_00", 5.02, 9.8)]
    assert all(s.flow and "<br>" not in s.text for s in parts)
    assert parts[1].text == "Two reasons. The steel arrived late from the supplier,"
    kinds = [(s.kind, s.text[:20]) for s in seg.segments if s.label is None]
    assert kinds == [("heading", "Meeting report 12/02"), ("heading", "Contents"), ("leftover", "1. [Transcript](#tra"),
                     ("heading", "Transcript"), ("leftover", "View Full Transcript"), ("heading", "Summary"),
                     ("leftover", "The committee questi"), ("heading", "Conclusion"), ("leftover", "- The repairs are la")]


def test_diarized_clock_ranges():
    text = "\n".join(f"[00:00:0{n}.000 --> 00:00:0{n + 1}.000] SPEAKER_0{n % 2}: part {n}" for n in range(4))
    assert [fmt.name for fmt in exports.FORMATS if fmt.sniff(text, ".txt")] == ["diarized-lines"]
    seg = BY_NAME["diarized-lines"].segment(text, "x.txt", 5)
    assert [(s.line, s.label, s.start, s.end, s.text) for s in seg.segments[:2]] == [
        (5, "SPEAKER_00", 0.0, 1.0, "part 0"), (6, "SPEAKER_01", 1.0, 2.0, "part 1")]


def test_entities_are_decoded_in_plain_text_only():
    text = "".join(f"Ana  0:0{n}\nR&amp;D at &quot;Lab {n}&quot;\n\n" for n in range(3))
    assert BY_NAME["otter"].segment(text, "x.txt", 1).segments[0].text == 'R&D at "Lab 0"'
    assert BY_NAME["otter"].segment(text, "x.md", 1).segments[0].text == "R&amp;D at &quot;Lab 0&quot;"


def test_a_bad_timestamp_keeps_the_words_and_warns_with_its_line():
    text = "Ana  0:01\nFirst.\n\nBen  7:75\nSecond words.\n\nAna  0:09\nThird.\n"
    seg = BY_NAME["otter"].segment(text, "talk.txt", 10)
    assert [(s.line, s.label, s.start, s.text) for s in seg.segments] == [
        (11, "Ana", 1.0, "First."), (14, "Ben", None, "Second words."), (17, "Ana", 9.0, "Third.")]
    (problem,) = seg.problems
    assert (problem.severity, problem.code, problem.line) == ("warning", "bad-timestamp", 13)
    assert problem.path == "talk.txt"
    assert "7:75" in problem.message


def test_empty_input_is_one_clear_error():
    with pytest.raises(PublishError) as caught:
        BY_NAME["rev"].segment("\n  \n\n", "empty.md", 4)
    (problem,) = caught.value.problems
    assert (problem.severity, problem.code, problem.path, problem.line) == ("error", "empty", "empty.md", 4)


def test_forced_on_text_without_headers_reads_it_and_warns():
    seg = BY_NAME["otter"].segment("Just a paragraph.\n\nAnd another one.\n", "notes.txt", 1)
    assert [(s.line, s.label, s.text) for s in seg.segments] == [(1, None, "Just a paragraph."),
                                                                  (3, None, "And another one.")]
    assert [p.code for p in seg.problems] == ["no-headers"]


def test_huge_input_is_read_in_linear_time():
    text = "".join(f"Speaker {n % 2 + 1}  {n // 60}:{n % 60:02d}\n{'word ' * 50}\n\n" for n in range(20000))
    assert BY_NAME["otter"].sniff(text, ".txt")
    assert len(BY_NAME["otter"].segment(text, "big.txt", 1).segments) == 20000


CORPUS_FILES = {
    "otter_cnn-town-hall_biden-2021-07-21_excerpt.txt": "otter",
    "otter_abc-debate_harris-trump-2024-09-10_excerpt.txt": "otter",
    "revstyle_lennys-podcast_seth-godin_excerpt.md": "rev",
    "orbitfm_web-of-tomorrow-049_jen-luker_excerpt.txt": "inline-timestamp",
    "talkpython_001_nicola-iarocci_timestamped-segments_excerpt.txt": "timestamped-lines",
    "whisperx-pyannote_report_tnt-hearing-5min_fr.md": "diarized-lines",
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
@pytest.mark.parametrize("path", sorted(p for p in CORPUS.glob("*") if p.name not in ("key.json", "SOURCES.md"))
                         if CORPUS.is_dir() else [], ids=lambda p: p.name)
def test_corpus_files_go_to_the_right_format(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    want = [CORPUS_FILES[path.name]] if path.name in CORPUS_FILES else []
    assert [fmt.name for fmt in exports.FORMATS if fmt.sniff(text, path.suffix)] == want


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_corpus_lines_and_labels():
    def first_lines(name, count):
        text, first = body(CORPUS / name)
        seg = BY_NAME[CORPUS_FILES[name]].segment(text, name, first)
        return seg, [(s.line, s.kind, s.label) for s in seg.segments[:count]]

    _, cnn = first_lines("otter_cnn-town-hall_biden-2021-07-21_excerpt.txt", 3)
    assert cnn == [(2, "speech", "Don Lemmon"), (4, "speech", "Don Lemmon"), (7, "speech", "Joe Biden")]
    _, rev = first_lines("revstyle_lennys-podcast_seth-godin_excerpt.md", 3)
    assert rev == [(33, "heading", None), (35, "heading", None), (38, "speech", "Lenny Rachitsky")]
    _, orbit = first_lines("orbitfm_web-of-tomorrow-049_jen-luker_excerpt.txt", 2)
    assert orbit == [(1, "leftover", None), (3, "speech", "Adam Garrett-Harris")]
    report, _ = first_lines("whisperx-pyannote_report_tnt-hearing-5min_fr.md", 0)
    labelled = [s for s in report.segments if s.label]
    assert (labelled[0].line, labelled[0].label, labelled[0].start, labelled[0].end) == (14, "SPEAKER_02", 0.0, 3.26)
    assert {s.kind for s in report.segments if s.line >= 88 and s.kind != "heading"} == {"leftover"}
