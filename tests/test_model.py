"""The sample's content model, checked against expectations written by reading the transcript."""

from __future__ import annotations

from helpers import seed_paragraphs

# Opening words of each turn, read off the seed by hand: questions (interviewer) alternate with answers.
EXPECTED_TURNS = [
    ("interviewer", "A statement issued by the Russian Presidential administration"),
    ("interviewee", "Well, I don’t think that the statement meant"),
    ("interviewer", "So, how do you see the further development"),
    ("interviewee", "Of course, there are areas of mutual interest"),
    ("interviewer", "Missile defense was a major issue of discussion"),
    ("interviewee", "If it were two independent systems"),
    ("interviewer", "I see. Ellen Tauscher"),
    ("interviewee", "Of course, it will be a long and complicated process"),
    ("interviewer", "What can you say about the year’s Russian exchange"),
    ("interviewee", "Well, it’s a normal practice"),
    ("interviewer", "Russia welcomes the success of NATO-led coalition forces"),
    ("interviewee", "I think that Russia now is doing as much as it can"),
]


def test_title_language_and_standfirst(sample_dump):
    model = sample_dump["model"]
    assert model["title"] == "Russia and US have mutual desire to develop cooperation"
    assert model["language"] == "en"
    (interview,) = model["interviews"]
    assert interview["title"] == "Russia and US have mutual desire to develop cooperation"
    assert interview["standfirst"] == (
        "Interview with Evgeny Buzhinskiy, consultant at the Russian center for policy studies.")


def test_participants(sample_dump):
    participants = sample_dump["model"]["interviews"][0]["participants"]
    by_role = {p["role"]: p for p in participants}
    assert set(by_role) == {"interviewer", "interviewee"}
    assert by_role["interviewee"]["name"] == "Evgeny Buzhinskiy"
    assert by_role["interviewee"]["description"] == "consultant at the Russian center for policy studies"
    assert by_role["interviewer"]["name"] is None  # the transcript never names the interviewer


def test_six_questions_six_answers_in_order(sample_dump):
    turns = sample_dump["model"]["interviews"][0]["turns"]
    assert [t["role"] for t in turns].count("interviewer") == 6
    assert [t["role"] for t in turns].count("interviewee") == 6
    assert [(t["role"], t["paragraphs"][0][: len(start)]) for t, (_, start) in zip(turns, EXPECTED_TURNS)] \
        == EXPECTED_TURNS
    assert len({t["id"] for t in turns}) == 12  # ids are unique anchors
    speakers = {t["role"]: t["speaker"] for t in turns}
    assert speakers["interviewee"] == next(p["key"] for p in sample_dump["model"]["interviews"][0]["participants"]
                                           if p["role"] == "interviewee")


def test_leave_a_comment_removed_and_reported(sample_dump):
    interview = sample_dump["model"]["interviews"][0]
    assert interview["removed"] == [{"line": 29, "text": "Leave a comment", "reason": "comment prompt"}]
    assert all("Leave a comment" not in p for t in interview["turns"] for p in t["paragraphs"])
    assert "000_fb07e9f3176c4b84.txt:29: warning[boilerplate]" in sample_dump["stderr"]


def test_every_source_paragraph_kept_verbatim(sample_dump):
    interview = sample_dump["model"]["interviews"][0]
    title, standfirst, *body, leftover = seed_paragraphs()
    assert leftover == "Leave a comment"
    # The sample's publication.toml corrects one misspelt name; every other character is the source's.
    body = [p.replace("Medevedev", "Medvedev") for p in body]
    assert [p for t in interview["turns"] for p in t["paragraphs"]] == body
    assert interview["title"] == title and interview["standfirst"] == standfirst


def test_turn_ids_are_stable_between_runs(sample, sample_dump):
    from helpers import run_cli
    import json

    again = json.loads(run_cli("dump", str(sample["project"])).stdout)
    assert again == sample_dump["model"]
