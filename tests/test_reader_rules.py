"""Reader behaviour beyond the fixtures: overrides, speaker fixes, errors naming file and line, cues in
every format, and what `dump` says about how each turn was recognised."""

from __future__ import annotations

import json
import re

import html5lib
from helpers import NS, SEED, make_project, outputs, pdf_body_text, run_cli, spine_documents

SAMPLE_CONFIG = 'title = "T"\nlanguage = "en"\n'

# The sample with its second answer split over two paragraphs: alternation alone goes wrong here.
SPLIT_ANSWER = SEED.read_text(encoding="utf-8").replace(
    "Of course, there are areas of mutual interest – first of all,",
    "Of course, there are areas of mutual interest.\n\nFirst of all,", 1)


def dump(project):
    result = run_cli("dump", str(project))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["interviews"][0], result.stderr


def test_split_answer_is_read_as_one_answer_where_every_question_asks(tmp_path):
    # Every question of the sample ends with "?": a paragraph that does not ask continues the answer.
    project = make_project(tmp_path, SPLIT_ANSWER, config=SAMPLE_CONFIG)
    interview, _ = dump(project)
    assert [t["role"] for t in interview["turns"]] == ["interviewer", "interviewee"] * 6
    split = interview["turns"][3]
    assert split["paragraphs"][0].startswith("Of course, there are areas") and len(split["paragraphs"]) == 2
    assert run_cli("build", str(project)).returncode == 0


def test_unbalanced_alternation_is_a_warning_naming_the_line_and_the_fix(tmp_path):
    # No question marks to go by: alternation is all there is, and a question left without an answer
    # is reported (the book still builds).
    text = "Title\n\nTell me about the farm.\n\nIt is old.\n\nAnd the river.\n\nIt floods.\n\nOne more thing.\n"
    project = make_project(tmp_path, text, config=SAMPLE_CONFIG)
    result = run_cli("build", str(project))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "interview.txt:11: warning[unbalanced-turns]" in result.stderr, result.stderr
    assert "[[speaker_fixes]]" in result.stderr


def test_speaker_fix_corrects_alternation_without_touching_the_transcript(tmp_path):
    config = SAMPLE_CONFIG + '\n[[speaker_fixes]]\nline = 13\nspeaker = "interviewee"\n'
    project = make_project(tmp_path, SPLIT_ANSWER, config=config)
    before = (project / "content" / "interview.txt").read_bytes()
    interview, _ = dump(project)
    roles = [t["role"] for t in interview["turns"]]
    assert roles == ["interviewer", "interviewee"] * 6
    fixed = interview["turns"][3]
    assert fixed["paragraphs"][0].startswith("Of course, there are areas") and len(fixed["paragraphs"]) == 2
    assert (project / "content" / "interview.txt").read_bytes() == before
    assert run_cli("build", str(project)).returncode == 0


def test_speaker_fix_in_a_labelled_transcript(tmp_path):
    text = "Title\n\nQ: First?\n\nA: One.\n\nAnd the interviewer again, unlabelled?\n\nA: Two.\n"
    config = SAMPLE_CONFIG + '\n[[speaker_fixes]]\nline = 7\nspeaker = "interviewer"\n'
    interview, _ = dump(make_project(tmp_path, text, config=config))
    assert [(t["role"], t["how"]) for t in interview["turns"]] == [
        ("interviewer", "label"), ("interviewee", "label"), ("interviewer", "fix"), ("interviewee", "label")]


def test_speaker_fix_pointing_nowhere_is_an_error(tmp_path):
    config = SAMPLE_CONFIG + '\n[[speaker_fixes]]\nline = 6\nspeaker = "interviewee"\n'
    result = run_cli("build", str(make_project(tmp_path, SEED.read_text(encoding="utf-8"), config=config)))
    assert result.returncode == 1
    assert "publication.toml:4: error[speaker-fix]" in result.stderr and "line 6" in result.stderr


def test_declared_label_missing_from_the_transcript_is_an_error(tmp_path):
    config = SAMPLE_CONFIG + '\n[[participants]]\nname = "Jane Roe"\nrole = "interviewee"\nlabels = ["THE MAYOR"]\n'
    text = "Title\n\nQ: First?\n\nA: One.\n"
    result = run_cli("build", str(make_project(tmp_path, text, config=config)))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r'publication\.toml:4: error\[unknown-label\]: label "THE MAYOR" of Jane Roe does not occur in '
                     r'\S*interview\.txt', result.stderr), result.stderr


def test_reader_override_in_publication_toml(tmp_path):
    text = "Title\n\nQ: What is a label?\n\nA: A name before a colon.\n\nQ: And this?\n\nA: Also.\n"
    auto, _ = dump(make_project(tmp_path / "auto", text, config=SAMPLE_CONFIG))
    assert (auto["reader"], auto["layout"]) == ("text", "labels")
    assert auto["turns"][0]["paragraphs"] == ["What is a label?"]
    forced, _ = dump(make_project(tmp_path / "forced", text, config=SAMPLE_CONFIG + 'reader = "plain"\n'))
    assert forced["layout"] == "plain"
    assert [t["paragraphs"][0] for t in forced["turns"]][:2] == ["Q: What is a label?", "A: A name before a colon."]


def test_reader_override_in_front_matter(tmp_path):
    text = "---\nreader: plain\n---\n# Title\n\nJD: looks like a label but is a question?\n\nAn answer.\n"
    project = tmp_path / "p"
    project.mkdir()
    (project / "talk.md").write_text(text, encoding="utf-8")
    interview, _ = dump(project)
    assert (interview["reader"], interview["layout"]) == ("markdown", "plain")
    assert interview["turns"][0]["paragraphs"] == ["JD: looks like a label but is a question?"]


def test_dump_says_how_each_turn_was_recognised(tmp_path):
    text = ("Title\n\nInterview with Ann Lee, pilot.\n\nWhat did you fly?\n\nGliders.\n")
    interview, _ = dump(make_project(tmp_path / "plain", text, config=SAMPLE_CONFIG))
    assert [(t["how"], t["confidence"]) for t in interview["turns"]] == [("alternation", "likely")] * 2
    person = next(p for p in interview["participants"] if p["role"] == "interviewee")
    assert (person["name"], person["reason"]) == ("Ann Lee", "named in the standfirst")
    labelled, _ = dump(make_project(tmp_path / "labels", "Title\n\nQ: Why?\n\nA: Because.\n", config=SAMPLE_CONFIG))
    assert [(t["how"], t["confidence"]) for t in labelled["turns"]] == [("label", "certain")] * 2


def test_cues_and_timestamps_are_structure_in_every_format(tmp_path):
    text = ("Title\n\nSam: [00:00:05] Welcome (laughs) to the show?\n\nLee: [00:00:09] Thanks [inaudible] "
            "for having me.\n\nSam: Another question?\n\nLee: Another answer.\n")
    project = make_project(tmp_path, text, config=SAMPLE_CONFIG)
    assert run_cli("build", str(project)).returncode == 0
    files = outputs(project)
    html = html5lib.HTMLParser(namespaceHTMLElements=False).parse(files["html"].read_bytes())
    assert [s.text for s in html.iter("span") if s.get("class") == "cue"] == ["(laughs)", "[inaudible]"]
    assert [s.text for s in html.iter("span") if s.get("class") == "timestamp"] == ["[00:00:05]", "[00:00:09]"]
    docs = spine_documents(files["epub"])
    cues = [s.text for d in docs for s in d.iterfind(".//x:span[@class='cue']", NS)]
    assert cues == ["(laughs)", "[inaudible]"]
    text_pdf = " ".join(pdf_body_text(files["pdf"], heads=("Title",)).split())
    assert "[00:00:05] Welcome (laughs) to the show?" in text_pdf
