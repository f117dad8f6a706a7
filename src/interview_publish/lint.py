"""Editorial checks on the model: findings with stable codes, the place (file and line) and a hint."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .errors import Problem
from .model import Cue, Emphasis, Interview, Publication, Strong
from .web_leftovers import boilerplate_reason

# Filler words: \b(?:um+|uh+|erm|er|hmm+|you know|i mean|sort of|kind of)\b, ignoring case. As for LONG_NAME, the
# first letter comes first, from a set (every letter one of u e h y i s k matches when case is ignored: also
# İ ı ſ and the Kelvin sign), so the regex engine skips to those; the start-of-word check and the rest follow.
FILLERS = re.compile("[EHIKSUYehiksuy\u0130\u0131\u017f\u212a](?<!\\w.)"
                     r"(?i:(?<=u)(?:m+|h+)|(?<=e)(?:rm|r)|(?<=h)mm+|(?<=y)ou know|(?<=i) mean|(?<=s)ort of|(?<=k)ind of)\b")
# A capitalised word of five letters or more: \b[A-ZА-ЯЁ][\w'’-]{4,}\b, with the start-of-word check made after
# the capital (a lookbehind), so the regex engine skips quickly to the capitals instead of trying every place.
LONG_NAME = re.compile(r"[A-ZА-ЯЁ](?<!\w[A-ZА-ЯЁ])[\w'’-]{4,}\b")
CODES = ("name-variant", "label-variant", "web-leftover", "unanswered-question", "empty-turn", "unbalanced-quotes",
         "unbalanced-brackets", "filler-words", "cues", "index-candidates")


@dataclass(frozen=True)
class Finding:
    """One lint finding."""

    code: str
    severity: str  # warning | note
    message: str
    path: str
    line: int | None
    hint: str


def lint_publication(publication: Publication, ignore: tuple[str, ...] = (), per_interview=None) -> list[Problem]:
    """Every finding not silenced in publication.toml, as Problems with a hint. ``per_interview``: each
    interview's lint_interview findings, where they were found already (a reading process, readpool.py)."""
    findings = []
    for number, interview in enumerate(publication.interviews):
        findings += lint_interview(interview) if per_interview is None else per_interview[number]
    if publication.index_terms:
        findings += index_candidates(publication)
    return [Problem(f.severity, f.code, f.message, f.path, f.line, f.hint) for f in findings if f.code not in ignore]


def index_candidates(publication: Publication) -> list[Finding]:
    """Proper names used at least twice (capitalised, not opening a sentence) that the index leaves out."""
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, tuple[str, int | None]] = {}
    listed = {term.casefold() for term in publication.index_terms}
    for interview in publication.interviews:
        for turn in interview.turns:
            for paragraph in turn.paragraphs:
                for match in re.finditer(r"(?<=[\w,;:] )[A-ZА-ЯЁ][\w'’-]+(?: [A-ZА-ЯЁ][\w'’-]+)*", paragraph.text):
                    name = match.group(0)
                    if name.casefold() not in listed and len(name) > 2 and not re.match(r"I['’]", name):
                        counts[name] += 1
                        first.setdefault(name, (interview.source, paragraph.line))
    candidates = sorted((n for n, c in counts.items() if c >= 2), key=lambda n: (-counts[n], n))[:30]
    if not candidates:
        return []
    path, line = first[candidates[0]]
    return [Finding("index-candidates", "note", "names the index does not list yet: " +
                    ", ".join(f"{n} ×{counts[n]}" for n in candidates), path, line,
                    'add the ones you want to [index] terms = [...] in publication.toml')]


def lint_interview(interview: Interview) -> list[Finding]:
    path = interview.source
    found: list[Finding] = []
    turns = interview.turns
    roles = {p.key: p.role for p in interview.participants}
    found += name_variants(interview)
    for person in interview.participants:
        distinct = sorted({label for label in person.labels})
        if len(distinct) > 1 and person.reason != "settings":
            first = next((t.line for t in turns if t.speaker == person.key), None)
            found.append(Finding("label-variant", "note", f"{person.name or person.key} is labelled "
                                 f"{' and '.join(repr(l) for l in distinct)}", path, first,
                                 "fine if intended; declare the labels under [[participants]] to make it explicit"))
    for index, turn in enumerate(turns):
        text = " ".join(p.text for p in turn.paragraphs).strip()
        if not text:
            found.append(Finding("empty-turn", "warning", "a turn with a label and no words", path, turn.line,
                                 "delete the label, or fill in what was said"))
        for paragraph in turn.paragraphs:
            if boilerplate_reason(paragraph.text):
                found.append(Finding("web-leftover", "warning", f'"{paragraph.text}" looks like web page furniture',
                                     path, paragraph.line, "remove it with a [[corrections]] entry or in the source"))
            found += balance(paragraph.text, path, paragraph.line)
        nxt = turns[index + 1] if index + 1 < len(turns) else None
        if roles.get(turn.speaker) == "interviewer" and text.rstrip("”»\"’)").endswith("?") and (
                nxt is None or roles.get(nxt.speaker) == "interviewer"):
            found.append(Finding("unanswered-question", "warning", "a question with no answer after it", path,
                                 turn.line, "check the speakers here (dump shows them), or add [[speaker_fixes]]"))
    fillers = [(m.group(0).lower(), t.line) for t in turns for p in t.paragraphs for m in FILLERS.finditer(p.text)]
    if fillers:
        counts = defaultdict(int)
        for word, _ in fillers:
            counts[word] += 1
        summary = ", ".join(f"{w} ×{n}" for w, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        found.append(Finding("filler-words", "note", f"{len(fillers)} filler words: {summary}", path, fillers[0][1],
                             "trim them with [[corrections]] if the edition should read cleanly"))
    cues = [c for t in turns for p in t.paragraphs for c in cue_texts(p.children)]
    if cues:
        counts = defaultdict(int)
        for cue in cues:
            counts[cue.lower()] += 1
        summary = ", ".join(f"{c} ×{n}" for c, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        first = next(t.line for t in turns for p in t.paragraphs if cue_texts(p.children))
        found.append(Finding("cues", "note", f"{len(cues)} cues: {summary}", path, first,
                             "[inaudible] passages may deserve a second listen"))
    return found


def cue_texts(children) -> list[str]:
    out = []
    for node in children:
        if isinstance(node, Cue):
            out.append(node.text)
        elif isinstance(node, (Emphasis, Strong)):
            out += cue_texts(node.children)
    return out


def balance(text: str, path: str, line: int | None) -> list[Finding]:
    """Brackets and quotation marks that open and never close (or the reverse)."""
    found = []
    for opening, closing, code in (("(", ")", "unbalanced-brackets"), ("[", "]", "unbalanced-brackets"),
                                   ("“", "”", "unbalanced-quotes"), ("«", "»", "unbalanced-quotes")):
        if text.count(opening) != text.count(closing):
            found.append(Finding(code, "warning", f"{text.count(opening)} {opening} but {text.count(closing)} "
                                 f"{closing} in this paragraph", path, line, "a quotation or aside may be cut short"))
    if text.count('"') % 2:
        found.append(Finding("unbalanced-quotes", "warning", 'an odd number of " in this paragraph', path, line,
                             "a quotation may be cut short"))
    return found


def name_variants(interview: Interview) -> list[Finding]:
    """Capitalised words spelt two nearly identical ways (Medevedev and Medvedev), with both places."""
    seen: dict[str, int | None] = {}
    for turn in interview.turns:
        for paragraph in turn.paragraphs:
            for word in LONG_NAME.findall(paragraph.text):
                seen.setdefault(word, paragraph.line)
    words = sorted(seen)
    found = []
    for i, first in enumerate(words):
        for second in words[i + 1:]:
            if first[0] != second[0]:
                break  # sorted: no later word starts with first's letter either
            if abs(len(first) - len(second)) <= 2 and close(first, second):
                a, b = sorted((first, second), key=lambda w: seen[w] or 0)
                found.append(Finding("name-variant", "warning",
                                     f'"{a}" (line {seen[a]}) and "{b}" (line {seen[b]}) may be one name spelt two ways',
                                     interview.source, seen[a],
                                     f'if so, add [[corrections]] find = "{a}" replace = "{b}" (or the reverse)'))
    return found


def close(a: str, b: str) -> bool:
    """Edit distance 1 or 2 between words that are not simple inflections of each other."""
    a, b = a.lower(), b.lower()
    if a.startswith(b) or b.startswith(a) or a[-3:] != b[-3:]:
        return False  # Russia/Russian, Ministry/Minister: inflections differ at the end, misspellings inside
    return distance(a, b) <= (1 if min(len(a), len(b)) < 7 else 2)


def distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
