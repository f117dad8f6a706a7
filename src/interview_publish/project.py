"""Find a project's files (content/, publication.toml, dist/) and read them into a Publication."""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from .config import CONFIG_NAME, Config, config_error, load_config
from .containment import contained
from .errors import Problem, display_path, error
from .model import AppliedCorrection, Interview, Matter, Metadata, Paragraph, Part, Publication, Strong, Text
from .textsafety import contain_bidi, has_bidi_controls
from .typography import typeset_publication
from .corrections import apply_corrections
from .readers import TRANSCRIPT_SUFFIXES, ReaderOptions, read_transcript
from .readers.matter import read_matter
from .readers.speakers import PersonSetting

# Fixed namespace so a publication's derived identifier never changes between builds.
IDENTIFIER_NAMESPACE = uuid.UUID("6f1c1f0e-5b7a-4c1e-9a47-1b8f3e0c2d11")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Kana (Japanese only; not the middle dot U+30FB, which Chinese uses too), Hangul (Korean only), and the
# Han characters of Chinese (and of Japanese).
_KANA = re.compile("[\u3041-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Project:
    """Where a publication's inputs and outputs live."""

    root: Path
    content_dir: Path
    config: Config
    transcripts: tuple[Path, ...]
    out_dir: Path | None = None  # where outputs go instead of dist/ (serve builds into a temporary folder)

    @property
    def dist_dir(self) -> Path:
        return self.out_dir or self.root / "dist"


def load_project(path: Path | str = ".") -> Project:
    """Locate the content folder, its publication.toml (optional) and its transcripts."""
    path = Path(path)
    if not path.exists():
        raise error("project", "no such file or folder", path)
    if path.is_file():
        root = content_dir = path.parent
        config = read_config(content_dir)
        return Project(root.resolve(), content_dir.resolve(), config, (path.resolve(),))
    root = path.resolve()
    content_dir = path / "content" if (path / "content").is_dir() else path
    content_dir = contained(content_dir, (root,), "the content folder")
    config = read_config(content_dir, root)
    profile = config.print.output_profile
    if profile is not None and not profile.resolve().is_relative_to(root):
        raise config_error(config, "print.output_profile", f'"{profile}" lies outside the project')
    return Project(root, content_dir, config, find_transcripts(content_dir, config, root))


def read_config(content_dir: Path, root: Path | None = None) -> Config:
    """publication.toml if the folder has one, else empty settings to be inferred."""
    config_path = content_dir / CONFIG_NAME
    if not config_path.is_file():
        return Config()
    if root is not None:
        contained(config_path, (root,), CONFIG_NAME)
    return load_config(config_path)


def find_transcripts(content_dir: Path, config: Config, root: Path) -> tuple[Path, ...]:
    """The transcripts listed in publication.toml, or every transcript in the folder in name order; a
    transcript that is a link out of the project is refused, not read."""
    base = content_dir.resolve()
    if config.transcripts:
        found = []
        for name in config.transcripts:
            candidate = (content_dir / name).resolve()
            if not candidate.is_relative_to(base):
                raise config_error(config, "transcripts", f'"{name}" leads to {candidate}, outside the content '
                                                          'folder: refused')
            if not candidate.is_file():
                raise config_error(config, "transcripts", f'"{name}" not found in {display_path(content_dir)}')
            found.append(candidate)
        return tuple(found)
    matter = set(config.front) | set(config.back)
    roots = (root.resolve(),)  # once, not for each transcript
    found = sorted(contained(p, roots, f"transcript {p.name}", roots_resolved=True) for p in content_dir.iterdir()
                   if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES and not p.name.startswith(".")
                   and p.name not in matter)
    if not found:
        kinds = ", ".join("*" + s for s in TRANSCRIPT_SUFFIXES)
        raise error("project", f"no transcript ({kinds}) found in this folder", content_dir)
    return tuple(found)


def read_publication(project: Project) -> tuple[Publication, list[Problem]]:
    """Read every transcript and combine them with the metadata into one Publication."""
    publication, problems, _ = read_checked(project, lint=False)
    return publication, problems


def read_and_lint(project: Project) -> tuple[Publication, list[Problem], list[Problem]]:
    """read_publication, and the lint findings on the result (lint.lint_publication with the project's
    lint_ignore)."""
    return read_checked(project, lint=True)


@dataclass(frozen=True)
class TranscriptRead:
    """One transcript read on its own (read_one): the interview corrected, its ids qualified and its
    language known; its title and standfirst as written (the metadata takes them untypeset); the
    corrections applied, what reading found."""

    interview: Interview
    title: str
    standfirst: str | None
    applied: tuple[AppliedCorrection, ...]
    problems: tuple[Problem, ...]


def read_one(project: Project, number: int) -> TranscriptRead:
    """Read transcript ``number`` (from 1)."""
    config = project.config
    path = project.transcripts[number - 1]
    interview, found = read_transcript(path, f"interview-{number}", reader_options(project, path), config.encoding)
    applied: list[AppliedCorrection] = []
    mine = [c for c in config.corrections if c.transcript in (None, path.name)]
    if mine:
        interview, applied = apply_corrections(interview, mine, display_path(config.path) if config.path else None)
    if len(project.transcripts) > 1:  # one HTML page holds them all: anchors must be unique across interviews
        interview = qualify_ids(interview)
    interview = replace(interview, language=interview.language
                        or transcript_language(interview_text(interview), config.language))
    return TranscriptRead(interview, interview.title, interview.standfirst, tuple(applied), tuple(found))


def read_checked(project: Project, lint: bool) -> tuple[Publication, list[Problem], list[Problem] | None]:
    """The Publication, the problems found reading it, and (``lint``) the lint findings."""
    config = project.config
    reads = [read_one(project, number) for number in range(1, len(project.transcripts) + 1)]
    problems: list[Problem] = [problem for read in reads for problem in read.problems]
    applied = [correction for read in reads for correction in read.applied]
    interviews = [read.interview for read in reads]
    title = config.title or reads[0].title
    language = config.language
    if language is None:
        language = interviews[0].language
        problems.append(Problem("note", "inferred", f'no language set in {CONFIG_NAME}; assuming "{language}"',
                                display_path(project.content_dir)))
    names = sorted({p.name for i in interviews for p in i.participants if p.name})
    meta = Metadata(
        title=title,
        subtitle=config.subtitle,
        language=language,
        identifier=config.identifier or derive_identifier(title, names),
        modified=modified_time(project),
        date=config.date,
        publisher=config.publisher,
        rights=config.rights,
        description=config.description or (reads[0].standfirst if len(reads) == 1 else None),
        edition=config.edition,
        series=config.series[0] if config.series else None,
        series_position=config.series[1] if config.series else None,
    )
    interviews = unify_people(interviews)
    front = read_matters(project, config.front, "front", "preface", problems)
    back = read_matters(project, config.back, "back", "appendix", problems)
    if config.about_interviewees:  # with the titles as written (typeset with the rest of the back matter)
        written = [replace(interview, title=read.title) for interview, read in zip(interviews, reads)]
        back += (about_interviewees(written, language),)
    by_file = {path.name: interview.id for path, interview in zip(project.transcripts, interviews)}
    parts = tuple(Part(f"part-{n}", title, tuple(by_file[f] for f in files))
                  for n, (title, files) in enumerate(config.parts, start=1))
    publication = Publication(meta, tuple(interviews), tuple(applied), front, back, config.index_terms, parts)
    if config.typography:
        publication = typeset_publication(publication)
    problems.extend(bidi_warnings(publication))
    publication = contain_bidi(publication)
    if not lint:
        return publication, problems, None
    from .lint import lint_publication

    return publication, problems, lint_publication(publication, config.lint_ignore)


def bidi_warnings(publication: Publication) -> list[Problem]:
    """A warning for each paragraph whose direction controls (U+202A-E, U+2066-9) do not balance: they
    are closed where their text ends (see textsafety.contain_bidi), so they cannot reverse what follows."""
    found = []
    for number, interview in enumerate(publication.interviews):
        heading = (interview.title, interview.standfirst, interview.header, interview.participants)
        if contain_bidi(heading) != heading:
            found.append(Problem("warning", "bidi-control", "unbalanced direction controls in the title, "
                                 "standfirst or names closed at the end of their text", interview.source))
        found.extend(paragraph_bidi_warnings(interview))
    return found


def paragraph_bidi_warnings(interview: Interview) -> list[Problem]:
    found = []
    for block in interview.blocks:
        for paragraph in getattr(block, "paragraphs", ()):
            if has_bidi_controls(paragraph.text) and contain_bidi(paragraph) != paragraph:
                found.append(Problem("warning", "bidi-control", "unbalanced direction controls (such as "
                                     "RIGHT-TO-LEFT OVERRIDE) closed at the end of their text",
                                     interview.source, paragraph.line))
    return found


def reader_options(project: Project, path: Path) -> ReaderOptions:
    """The settings that steer reading one transcript: shape, declared people, its speaker fixes."""
    config = project.config
    shown = display_path(config.path) if config.path else None
    people = tuple(PersonSetting(p.name, p.role, p.description, p.labels, p.key, (shown, p.line))
                   for p in config.participants)
    fixes = [fix for fix in config.speaker_fixes
             if (fix.transcript is None and len(project.transcripts) == 1) or fix.transcript == path.name]
    unassigned = [fix for fix in config.speaker_fixes if fix.transcript is None and len(project.transcripts) > 1]
    if unassigned:
        raise error("config", "speaker_fixes: name the transcript each fix is for (transcript = \"...\")",
                    config.path, unassigned[0].config_line)
    return ReaderOptions(config.reader, people, tuple((fix.line, fix.speaker) for fix in fixes),
                         (shown, fixes[0].config_line if fixes else None), config.clean_verbatim)


def read_matters(project: Project, names: tuple[str, ...], where: str, kind: str,
                 problems: list[Problem]) -> tuple[Matter, ...]:
    """The front or back matter files named in publication.toml, read in order."""
    matters = []
    for number, name in enumerate(names, start=1):
        path = (project.content_dir / name).resolve()
        if not path.is_relative_to(project.content_dir):
            raise config_error(project.config, where, f'"{name}" leads to {path}, outside the content folder: '
                                                      'refused')
        if not path.is_file():
            raise config_error(project.config, where, f'"{name}" not found in the content folder')
        matter, found = read_matter(path, f"{where}-{number}", kind)
        matters.append(matter)
        problems.extend(found)
    return tuple(matters)


def unify_people(interviews: list[Interview]) -> list[Interview]:
    """One person, one description: someone in several interviews keeps the first description given."""
    described: dict[str, str] = {}
    for interview in interviews:
        for person in interview.participants:
            if person.name and person.description:
                described.setdefault(person.name, person.description)
    return [replace(i, participants=tuple(replace(p, description=described.get(p.name, p.description))
                                          if p.name else p for p in i.participants)) for i in interviews]


def about_interviewees(interviews: list[Interview], language: str) -> Matter:
    """A generated back-matter section: each interviewee once, with their description and interviews."""
    from .strings import translator

    t = translator(language)
    seen: dict[str, list] = {}
    for interview in interviews:
        for person in interview.with_role("interviewee"):
            if person.name:
                seen.setdefault(person.name, [person, []])[1].append(interview.title)
    paragraphs = []
    for name, (person, titles) in seen.items():
        words = [Strong((Text(name),))]
        tail = f", {person.description}." if person.description else "."
        words.append(Text(tail + " " + "; ".join(f"“{title}”" for title in titles) + "."))
        paragraphs.append(Paragraph(tuple(words)))
    return Matter("back-about", "appendix", t("about the interviewees"), tuple(paragraphs))


def qualify_ids(interview: Interview) -> Interview:
    """Prefix block ids with the interview's id: "t5" becomes "interview-2-t5"."""
    blocks = tuple(replace(block, id=f"{interview.id}-{block.id}") for block in interview.blocks)
    return replace(interview, blocks=blocks)


def interview_text(interview: Interview) -> str:
    return " ".join(p.text for t in interview.turns for p in t.paragraphs)


# The languages written in the script a guess stands for (Han characters alone may be Japanese as well).
_SCRIPT_LANGUAGES = {"ru": {"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"}, "zh": {"zh", "ja"}, "ja": {"ja"},
                     "ko": {"ko"}}


def transcript_language(text: str, configured: str | None) -> str:
    """The language of a transcript that does not name its own: the publication's (publication.toml)
    when the text is in that language's script, else the guess from the script (a Russian interview in
    an English collection is Russian; a French one in a French publication is French, not English)."""
    guessed = guess_language(text)
    if configured:
        base = configured.split("-")[0].lower()
        latin = not any(base in group for group in _SCRIPT_LANGUAGES.values())
        if base == guessed or base in _SCRIPT_LANGUAGES.get(guessed, ()):
            return configured
        if latin and guessed not in _SCRIPT_LANGUAGES and (guessed == "en" or base not in _FUNCTION_WORDS):
            return configured  # "en" is the guess of no evidence; a language we cannot tell apart stays
    return guessed


def guess_language(text: str) -> str:
    """Japanese, Korean or Chinese when their scripts outnumber the Latin letters (kana tell Japanese
    from Chinese, Hangul Korean), Russian when Cyrillic letters do, else the Latin-script language whose
    commonest words the text uses most (latin_language; transcript_language weighs it against
    publication.toml's). The language decides the PDF's faces and hyphenation and the
    screen reader's voice."""
    latin = None
    kana, hangul, han = len(_KANA.findall(text)), len(_HANGUL.findall(text)), len(_HAN.findall(text))
    if kana or hangul or han:
        latin = len(re.findall("[A-Za-z]", text))
        if hangul > latin and hangul >= han:
            return "ko"
        if kana + han > latin:
            return "ja" if kana * 10 > han else "zh"  # a kana or two is a quoted Japanese name
    if not _CYRILLIC.search(text):
        return latin_language(text)  # no Cyrillic letter: no need to count the Latin ones
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(re.findall("[A-Za-z]", text)) if latin is None else latin
    return "ru" if cyrillic > latin else latin_language(text)


# The commonest short words of the languages written in Latin letters that transcripts come in. A
# language-identification library (py3langid) was tried: its model takes 1.5-2 s to load, every build
# without a language setting; these lists tell long texts of these languages apart in microseconds.
_FUNCTION_WORDS = {
    "en": "the and of to is that it you in was for this with have what but not they are",
    "fr": "le la les et est des une que pas qui dans pour sur vous nous je il ce avec",
    "de": "der die das und ist nicht ich ein eine zu den von mit sie es wir auch auf",
    "es": "el la los las que de y en es un una por con para no se lo del pero",
    "it": "il di che è non la per una sono del della gli anche ma come questo ci",
    "pt": "o os que de não uma para com um em do da é se mas por mais você",
    "nl": "de het een en van is dat niet ik je op te zijn met voor maar ook er",
}
_WORD_SETS = tuple((language, frozenset(words.split())) for language, words in _FUNCTION_WORDS.items())


def latin_language(text: str) -> str:
    """English, French, German, Spanish, Italian, Portuguese or Dutch, by which language's commonest
    words the text uses most (English when none stands out)."""
    words = re.findall(r"[^\W\d_]+", text[:20000].casefold())
    if len(words) < 20:
        return "en"
    counts = {language: sum(1 for w in words if w in common) for language, common in _WORD_SETS}
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] > 1.2 * counts["en"] or best == "en" else "en"


def derive_identifier(title: str, names: list[str]) -> str:
    """A stable urn:uuid from the title and the people in it: the same book keeps the same id."""
    return "urn:uuid:" + str(uuid.uuid5(IDENTIFIER_NAMESPACE, "\n".join([title, *names])))


def modified_time(project: Project) -> datetime:
    """SOURCE_DATE_EPOCH, else the configured modified time or date, else the newest input file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.isdigit():
            raise error("environment", f'SOURCE_DATE_EPOCH must be a number of seconds, found "{epoch}"')
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    config = project.config
    if config.modified:
        return config.modified
    if config.date:
        parts = [int(x) for x in config.date.split("-")] + [1, 1]
        return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)
    inputs = [*project.transcripts, *([config.path] if config.path else [])]
    newest = max(int(p.stat().st_mtime) for p in inputs)
    return datetime.fromtimestamp(newest, timezone.utc)


def output_stem(project: Project, publication: Publication) -> str:
    """The file name stem of the outputs in dist/: the configured one or a slug of the title."""
    if project.config.output:
        return project.config.output
    ascii_title = unicodedata.normalize("NFKD", publication.meta.title).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_title.lower()))
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0]
    return slug or "publication"
