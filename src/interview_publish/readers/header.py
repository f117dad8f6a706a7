"""What the lines above the first turn say: the title, the standfirst, bylines and datelines, and the
people they name with the role their wording gives ("Interview with X", "X talks to Y", "By Z",
"interviewé par", "im Gespräch mit", "my guest is")."""

from __future__ import annotations

import re

from .raw import Header, HeaderPerson

_NAME = r"[^\W\d_][\w.'’\-]*(?:\s+(?:[^\W\d_][\w.'’\-]*))*?"
_CAP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAP_NAME = (rf"(?:[{_CAP}][\w'’\-]+|[{_CAP}]\.)(?:\s+(?:[{_CAP}][\w'’\-]+|[{_CAP}]\.|van|von|de|der|da|di|del|"
             rf"la|le|bin))*")
# "Interview with NAME, DESCRIPTION" in several languages: the interviewee.
_INTERVIEW_WITH = re.compile(
    r"^(?:an?\s+|our\s+|the\s+)?(?:exclusive\s+)?(?:interview|conversation|q\s*&\s*a|oral\s+history(?:\s+interview)?)"
    r"\s*(?:with|of|:)\s+"
    r"(?P<name>[^,.;:()|]+?)\s*(?:[,(–—]\s*(?P<desc>.+?)\)?)?\s*[.!]?$"
    r"|^(?:интервью\s+с|entretien\s+avec|interview\s+mit|entrevista\s+(?:con|a))\s+(?P<name2>[^,.;:()|]+?)\s*"
    r"(?:[,(]\s*(?P<desc2>.+?)\)?)?\s*\.?$", re.IGNORECASE)
_TALKS_WITH = re.compile(
    rf"^(?P<asker>{_NAME})\s+(?:talks|talked|speaks|spoke|sits down|sat down|chats|chatted)\s+(?:with|to)\s+"
    rf"(?P<others>.+?)(?:[,:;(–—-]\s*(?P<desc>.*))?$")
_BYLINE = re.compile(rf"^(?:interviewed\s+by|interview\s+by|by|von|par|por|автор:?)\s+(?P<name>{_NAME})\.?$",
                     re.IGNORECASE)
# "... interviewé le 22 mars par Anne X et Jean Y", "interviewed by", "im Gespräch mit": the askers.
_ASKED_BY = re.compile(r"(?:interviewed\s+by|interview\s+conducted\s+by|interviewé(?:e|s|es)?\b.*?\bpar|"
                       r"propos\s+recueillis\s+par|entrevistad[oa]\s+por|entrevista\s+de|befragt\s+von|"
                       r"das\s+gespräch\s+führten?|беседовал[аи]?|интервью\s+взял[аи]?|questions?\s+by)\s+"
                       r"(?P<names>.+)$", re.IGNORECASE)
# A host introducing the guest: "my guest is X", "this time my guest is X", "welcome X", "joining me is X".
_GUEST_IS = re.compile(rf"\b(?i:(?:my|our)\s+guests?\s+(?:today\s+|tonight\s+|this\s+week\s+)?(?:is|are))\s+"
                       rf"(?:(?:the|a|an|our|my)\s+(?:[a-z]+\s+){{0,3}})?(?P<name>{_CAP_NAME})"
                       rf"|\b(?i:joining\s+(?:me|us)\s+(?:today\s+)?is|with\s+me\s+today\s+is)\s+(?P<name2>{_CAP_NAME})"
                       rf"|\bу\s+меня\s+в\s+гостях\s+(?P<name3>{_CAP_NAME})")
_SELF_INTRO = re.compile(rf"\b(?i:I'm|I am|my name is|this is|ich bin|ich heiße|mein name ist|je suis|je m'appelle|"
                         rf"me llamo|soy|меня зовут)\s+"
                         rf"(?:your host,?\s+|ihr gastgeber,?\s+|votre hôte,?\s+)?(?P<name>{_CAP_NAME})")
_HONORIFIC_LINE = re.compile(
    r"^(?:Secretary(?: of State)?|President|Vice President|Senator|Ambassador|General|Minister|Prime Minister|"
    r"Governor|Mayor|Dr\.|Professor|Prof\.)\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})$")
_TITLE_WITH_OF = re.compile(r"^interview\s+with\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3})\s+"
                            r"of\s+(?P<outlet>.+)$", re.IGNORECASE)
_DATELINE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}")


_SOURCE_NOTE = re.compile(r"^[*_(\[]*(?:this\s+)?(?:interview|conversation|transcript|entretien|interview|gespräch|"
                          r"интервью|entrevista)\b.{0,160}\b(?:on|in|with|by|am|le|par|von|с|en|por)\b.{0,120}$",
                          re.IGNORECASE | re.DOTALL)


def is_source_note(text: str) -> bool:
    """"Interview with heute.de on 8 January 2015 (translated)": where and when, at the end of a text."""
    text = text.strip()
    return len(text) <= 240 and bool(_SOURCE_NOTE.match(text)) and "?" not in text


def introduces(text: str) -> bool:
    """Does this header paragraph say who is interviewed ("Interview with X", "X talks to Y")?"""
    return bool(_INTERVIEW_WITH.match(text) or _TALKS_WITH.match(text))


def is_byline(text: str) -> bool:
    """"By Jane Doe", "Interviewed by Jane Doe", or a dateline ("Presidencia | 10 de abril de 2020")."""
    text = text.strip().strip("*_").strip()
    if _BYLINE.match(text):
        return True
    return len(text) <= 80 and bool(_DATELINE.search(text)) and ("|" in text or "·" in text) \
        and not text.rstrip().endswith((".", "?", "!"))


def read_people(header: Header, texts: list[str]) -> None:
    """The people the title and the header paragraphs name, with the role their wording gives."""
    dateline_people = False
    for text in texts:
        text = text.strip().strip("*_").strip()
        if match := _INTERVIEW_WITH.match(text):
            name = (match.group("name") or match.group("name2") or "").strip()
            desc = (match.group("desc") or match.group("desc2") or "").strip().rstrip(".") or None
            if name:
                header.people.append(HeaderPerson(name, "interviewee", desc, "named in the standfirst"))
        elif match := _TALKS_WITH.match(text):
            header.people.append(HeaderPerson(match.group("asker").strip(), "interviewer", None,
                                              "asks, per the standfirst"))
            for name in split_names(match.group("others")):
                header.people.append(HeaderPerson(name, "interviewee", None, "named in the standfirst"))
        elif match := _BYLINE.match(text):
            header.people.append(HeaderPerson(match.group("name").strip(), "interviewer", None, "byline"))
        if match := _ASKED_BY.search(text):
            for name in split_names(match.group("names")):
                header.people.append(HeaderPerson(name, "interviewer", None, "interviewed by, per the header"))
        if match := _GUEST_IS.search(text):
            name = match.group("name") or match.group("name2") or match.group("name3")
            header.people.append(HeaderPerson(name, "interviewee", None, "the guest, per the introduction"))
        if match := _HONORIFIC_LINE.match(text):
            header.people.append(HeaderPerson(match.group("name"), None, None, "named in the header"))
            dateline_people = True
    title = header.title or ""
    if dateline_people and (match := _TITLE_WITH_OF.match(title)):
        # "Interview With Dana Whitfield of Midwest Public Radio" above "Secretary Condoleezza Rice":
        # the title names the journalist (the style of US government transcripts).
        header.people.append(HeaderPerson(match.group("name"), "interviewer", match.group("outlet"),
                                          "named in the title"))
    elif match := _INTERVIEW_WITH.match(title):
        name = (match.group("name") or match.group("name2") or "").strip()
        if name and not any(p.name == name for p in header.people):
            header.people.append(HeaderPerson(name, "interviewee", None, "named in the title"))
    for name in candidate_names(" ".join([title] + texts)):
        if not any(person.name == name for person in header.people):
            header.people.append(HeaderPerson(name, None, None, "named in the header"))


def split_names(text: str) -> list[str]:
    """"Anne Roy (TF1) et Jean Dupont (France 2)" -> ["Anne Roy", "Jean Dupont"]; "Tom Reyes, March 3,
    1998, San Antonio" -> ["Tom Reyes"] (commas part names only in a list that ends with "and")."""
    text = re.sub(r"\([^()]*\)", "", text)
    joined = re.split(r"\s+(?:and|et|und|y|и|e)\s+|\s+&\s+", text)
    parts = [p for chunk in joined[:-1] for p in chunk.split(",")] + [joined[-1]] if len(joined) > 1 \
        else [text.split(",")[0]]
    names = []
    for part in parts:
        part = part.strip(" .;:*_")
        if not part or len(part.split()) > 5 or not part[0].isupper() or re.search(r"\d", part):
            break
        names.append(part)
    return names


_HOST_IS = re.compile(rf"\b(?i:I'm|I am|this is|my name is)\s+(?i:your\s+host),?\s+(?P<name>{_CAP_NAME})"
                      rf"|\b(?i:your\s+host(?:\s+is)?),?\s+(?P<name2>{_CAP_NAME})")
_WITH_GUEST = re.compile(rf"\b(?i:with\s+(?:my\s+|our\s+)?guests?|talking\s+(?:to|with)|speaking\s+(?:to|with))\s+"
                         rf"(?P<name>{_CAP_NAME})")


def people_introduced(texts: list[str]) -> list[HeaderPerson]:
    """Host and guest as the opening of a recording names them ("This is your host, Ann Lee", "my guest is
    Sam Ode", "with guest Sam Ode"): for a recording whose voices are not told apart."""
    found: list[HeaderPerson] = []
    for text in texts:
        for pattern, role in ((_HOST_IS, "interviewer"), (_GUEST_IS, "interviewee"), (_WITH_GUEST, "interviewee")):
            for match in pattern.finditer(text):
                name = next(g for g in match.groups() if g)
                if len(name.split()) >= 2 and not any(p.name == name for p in found):
                    found.append(HeaderPerson(name, role, None, "introduced in the recording"))
    return found


def self_introduction(text: str) -> str | None:
    """The name in "I'm Maria Lopez" / "my name is ..." near the start of a turn, if any."""
    match = _SELF_INTRO.search(text[:300])
    if not match:
        return None
    name = match.group("name").strip(" .,")
    return name if len(name.split()) >= 2 else None


def guest_named(text: str) -> str | None:
    """The guest a host introduces: "my guest is Jen Luker", "joining me is ..."."""
    match = _GUEST_IS.search(text)
    return (match.group("name") or match.group("name2") or match.group("name3")) if match else None


def candidate_names(text: str) -> list[str]:
    """Runs of capitalised words ("Press Briefing by Alan Smith and Ruth Jones" gives "Press Briefing",
    "Alan Smith", "Ruth Jones"): only used when a speaker label points at one of them."""
    runs = re.findall(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’\-]+|van|von|de|der|da|di|"
                      r"del|la|le|bin))+", text)
    return [run for run in runs if len(run.split()) >= 2]
