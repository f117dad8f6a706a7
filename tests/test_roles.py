"""Roles from how people talk, where no label, setting or header says who is who: the rules on small
conversations written for them, read through the public reader into the content model."""

from __future__ import annotations

from pathlib import Path

from interview_publish.readers import ReaderOptions, read_text


def roles(text: str) -> dict[str, str]:
    interview, _ = read_text(text, Path("talk.txt"), "talk.txt", "i1", ReaderOptions())
    return {(p.name or p.label): p.role for p in interview.participants if p.role}


def test_the_host_who_welcomes_asks_and_the_guest_who_thanks_answers():
    text = ("Rita Osei: Welcome to the show, Paul. You grow apples on a roof, is that right?\n\n"
            "Paul Brandt: Thanks for having me. Yes, on the roof of a garage, sixty trees in boxes, and they "
            "came through the winter better than the ones in the park, which nobody expected.\n\n"
            "Rita Osei: Why a roof?\n\n"
            "Paul Brandt: Because it was the only flat ground I could rent for almost nothing, and the sun is "
            "there all day long.\n")
    assert roles(text) == {"Rita Osei": "interviewer", "Paul Brandt": "interviewee"}


def test_with_more_voices_the_askers_interview_and_the_quiet_announcer_is_other():
    answer = ("That is a fair question, and I have thought about it for a long time. The money was never the "
              "problem; the problem was that nobody wanted to be the first to change the way things were done.")
    text = (f"VOICE OF ANNOUNCER: From the city hall, live.\n\n"
            f"Dana Cole: Mayor, why did the bridge take ten years?\n\nMayor Ruiz: {answer}\n\n"
            f"Sam Iwu: And who was first in the end?\n\nMayor Ruiz: {answer}\n\n"
            f"Dana Cole: Will the next one be quicker?\n\nMayor Ruiz: {answer}\n\n"
            f"VOICE OF ANNOUNCER: That was the mayor.\n")
    found = roles(text)
    assert (found["Dana Cole"], found["Sam Iwu"], found["Mayor Ruiz"]) == ("interviewer", "interviewer",
                                                                          "interviewee")
    assert found["Voice Of Announcer"] == "other"


def test_banter_with_a_single_question_is_not_an_interview():
    text = ("Ann: Good morning, it is seven.\n\nBo: Morning. Cold out there?\n\n"
            "Ann: Freezing. And now the news, with Bo.\n\nBo: Thank you. The council meets today at noon.\n")
    assert set(roles(text).values()) == {"other"}
