"""Transcriber (.trs) XML, the format of broadcast and research archives.

    <Trans xml:lang="fr"><Speakers><Speaker id="spk1" name="Ana Ruiz"/></Speakers>
    <Episode><Section type="report" topic="to1"><Turn speaker="spk1" startTime="0" endTime="4.2">
    <Sync time="0"/>text <Event desc="rire"/> text <Sync time="2.5"/>text</Turn></Section></Episode></Trans>

One flowing segment per <Sync>-delimited chunk of a turn, labelled by the speaker id (the ids and
names of <Speakers> go to ``Segmented.people``). An overlapping turn (``speaker="spk1 spk2"``) gives
one segment per ``<Who nb="N"/>`` part, labelled by the N-th id. Audible events with a readable
name (``rire``, ``music``) become cues such as ``[rire]``, and so does a <Comment>; breath and
other short noise codes and word annotations (language, pronunciation, entities) are left out of
the text. A chunk with events and no words is a leftover (``[jingle]``), as is the text of a
``nontrans`` section. The topic of a section after the first speech is a heading (a topic before
any speech names the recording's subject rather than a part of it: a heading there would read as
a title). Malformed XML is refused with the line of the error.
"""

from __future__ import annotations

import re

from ...errors import Problem, PublishError
from ..segments import Segment, Segmented, SourcePerson
from . import Format

_PROLOG = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")
_ROOT = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+Trans\b[^>]*>\s*)?"
                   r"(?:<!--.*?-->\s*)*<Trans[\s>]", re.DOTALL)
_WORD_EVENTS = {"lexical", "pronounce", "language", "entities"}  # annotations of words, not sounds


def _sniff(text: str, suffix: str) -> bool:
    return bool(_ROOT.match(text[:4096])) or suffix.lower() == ".trs"


def segment(text: str, shown: str, first_line: int = 1) -> Segmented:
    """Read the speakers, then every section's turns in order."""
    from lxml import etree

    prolog = _PROLOG.match(text)
    if prolog:  # lxml refuses a str that declares its encoding: keep the line count, drop the declaration
        text = "\n" * prolog.group(0).count("\n") + text[prolog.end():]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text.lstrip("\ufeff"), parser)
    except etree.XMLSyntaxError as exc:
        line = (exc.lineno or 1) + first_line - 1
        raise PublishError(Problem("error", "xml", f"this Transcriber file is not well-formed XML: {exc.msg}",
                                   shown, line)) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise PublishError(Problem("error", "xml", f"this Transcriber file cannot be read: {exc}", shown,
                                   first_line)) from None
    if root.tag != "Trans":
        raise PublishError(Problem("error", "xml", f"expected a Transcriber file (<Trans>), found <{root.tag}>",
                                   shown, (root.sourceline or 1) + first_line - 1))
    result = Segmented(format="transcriber", segments=[])
    offset = first_line - 1
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("lang")
    if language and language.strip():
        result.language = language.strip().lower()
    for speaker in root.iter("Speaker"):
        ident = speaker.get("id")
        if ident:
            result.people.append(SourcePerson((speaker.get("name") or "").strip() or None, labels=(ident,)))
    for episode in root.iter("Episode"):
        if (episode.get("program") or "").strip():
            result.subtitle = episode.get("program").strip()
        result.date = _air_date(episode.get("air_date") or "")
        break
    topics = {t.get("id"): (t.get("desc") or "").strip() for t in root.iter("Topic")}
    for section in root.iter("Section"):
        topic = topics.get(section.get("topic"))
        if topic and any(s.kind == "speech" for s in result.segments):  # a later part of the recording
            result.segments.append(Segment((section.sourceline or 1) + offset, topic, kind="heading", level=2))
        leftover = section.get("type") == "nontrans"
        for turn in section.iter("Turn"):
            result.segments.extend(_turn(turn, offset, leftover, result.problems, shown))
    if not result.segments:
        raise PublishError(Problem("error", "xml", "this Transcriber file has no transcribed turns", shown,
                                   (root.sourceline or 1) + offset))
    return result


def _turn(turn, offset: int, leftover: bool, problems: list[Problem], shown: str) -> list[Segment]:
    """The chunks of one turn: a new one at each <Sync> and at each <Who> of an overlapping turn."""
    ids = (turn.get("speaker") or "").split()
    found: list[Segment] = []
    parts: list[tuple[str, bool]] = []  # (text, is a cue) in document order
    sounds: list[str] = []  # backgrounds: shown only in a chunk without words
    state = {"label": ids[0] if len(ids) == 1 else None, "start": _time(turn.get("startTime")),
             "line": None, "tag_line": turn.sourceline or 1}

    def add(text: str | None, line: int) -> None:
        if text and text.strip():
            if state["line"] is None:
                state["line"] = line + text[:len(text) - len(text.lstrip())].count("\n")
            parts.append((text, False))

    def close(end: float | None) -> None:
        text = " ".join(" ".join(part for part, _ in parts).split())
        spoken = any(not cue for _, cue in parts)
        line = (state["line"] or state["tag_line"]) + offset
        if spoken:
            found.append(Segment(line, text, kind="leftover" if leftover else "speech", label=state["label"],
                                 start=state["start"], end=end, flow=True))
        elif text or sounds:
            found.append(Segment(line, " ".join([*sounds, text]).strip(), kind="leftover", label=state["label"],
                                 start=state["start"], end=end))
        parts.clear()
        sounds.clear()
        state["line"] = None

    add(turn.text, turn.sourceline or 1)
    for node in turn:
        tag = node.tag if isinstance(node.tag, str) else ""
        line = node.sourceline or 1
        if tag == "Sync":
            time = _time(node.get("time"))
            if time is None and node.get("time") is not None:
                problems.append(Problem("warning", "timestamp", f"unreadable Sync time {node.get('time')!r}: "
                                        "the text is kept without it", shown, line + offset))
            if parts or sounds:
                close(time)
            state["start"], state["tag_line"] = time, line
        elif tag == "Who":
            if parts or sounds:
                close(None)
            nb = node.get("nb") or ""
            state["label"] = ids[int(nb) - 1] if nb.isdigit() and 0 < int(nb) <= len(ids) else None
            state["tag_line"] = line
        elif tag == "Event" and _cue(node):
            parts.append((_cue(node), True))
        elif tag == "Background" and node.get("level") != "off" and node.get("type") not in (None, "", "other"):
            sounds.append(f"[{node.get('type')}]")
        elif tag == "Comment" and (node.get("desc") or "").strip():  # the transcriber's remark, as a cue
            parts.append((f"[{' '.join(node.get('desc').split())}]", True))
        add(node.tail, line)
    close(_time(turn.get("endTime")))
    return found


def _cue(event) -> str | None:
    """An audible event as a cue ("[rire]"); None for breath codes ("i", "b"), ends of spans and word notes."""
    desc = (event.get("desc") or "").strip()
    if (event.get("type") or "noise") in _WORD_EVENTS or event.get("extent") == "end" or len(desc) < 4:
        return None
    return f"[{desc}]"


def _air_date(value: str) -> str | None:
    """An ISO date from Transcriber's ``air_date`` (``980428:0700``, ``2004-05-11``), else None."""
    match = re.match(r"(\d{2})(\d{2})(\d{2})(?::\d{4})?$", value.strip())
    if match:
        year = int(match.group(1))
        return f"{1900 + year if year >= 70 else 2000 + year}-{match.group(2)}-{match.group(3)}"
    match = re.match(r"(\d{4}-\d{2}-\d{2})", value.strip())
    return match.group(1) if match else None


def _time(value: str | None) -> float | None:
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return seconds if seconds is not None and seconds >= 0 and seconds == seconds else None


FORMATS = (Format("transcriber", _sniff, segment),)
