"""publication.toml -> a frozen Config; every problem is collected, then reported at once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timezone
from pathlib import Path

from .errors import Problem, PublishError, close_matches, display_path
from .limits import read_limited
from .textsafety import strings_with_unsafe_characters

CONFIG_NAME = "publication.toml"

# Named trim sizes (width, height) as CSS lengths.
TRIM_SIZES: dict[str, tuple[str, str]] = {
    "a5": ("148mm", "210mm"),
    "a4": ("210mm", "297mm"),
    "letter": ("8.5in", "11in"),
    "us-letter": ("8.5in", "11in"),
    "us-trade": ("6in", "9in"),
}
_LENGTH = r"\d+(?:\.\d+)?(?:mm|cm|in|pt)"
_CUSTOM_TRIM = re.compile(rf"^\s*({_LENGTH})\s*(?:x|×|\s)\s*({_LENGTH})\s*$", re.IGNORECASE)
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

TOP_KEYS = {
    "title": str,
    "subtitle": str,
    "language": str,
    "identifier": str,
    "publisher": str,
    "date": (str, Date),
    "modified": (str, datetime),
    "rights": str,
    "description": str,
    "edition": str,
    "cover": str,
    "url": str,
    "typography": bool,
    "series": dict,
    "front": list,
    "back": list,
    "about_interviewees": bool,
    "index": dict,
    "parts": list,
    "corrections": list,
    "lint": dict,
    "transcripts": list,
    "output": str,
    "reader": str,
    "encoding": str,
    "clean_verbatim": bool,
    "participants": list,
    "speaker_fixes": list,
    "print": dict,
}
CORRECTION_KEYS = {"find": str, "replace": str, "why": str, "where": str, "count": int, "transcript": str}
LINT_KEYS = {"ignore": list, "strict": bool}
SERIES_KEYS = {"name": str, "position": int}
PRINT_KEYS = {"trim": str, "variant": str, "bleed": str, "marks": bool, "inner": str, "outer": str,
              "top": str, "bottom": str, "output_profile": str, "identifier": str}
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-2b", "pdf/a-3b", "pdf/x-4", "none")
PARTICIPANT_KEYS = {"name": str, "role": str, "description": str, "labels": list, "key": str}
FIX_KEYS = {"line": int, "speaker": str, "transcript": str}
# Tables whose keys a misplaced top-level key is matched against ("trim" -> did you mean "print.trim").
NESTED_TABLES = {"print": PRINT_KEYS, "series": SERIES_KEYS, "lint": LINT_KEYS, "index": {"terms": list}}
# `reader`: a transcript format (readers/formats/), or for text and Markdown a layout to force.
READER_NAMES = ("auto", "text", "markdown", "otter", "rev", "descript", "speaker-timestamp", "zoom-text",
                "google-meet", "timestamped-lines", "inline-timestamp", "diarized-lines", "webvtt", "srt",
                "whisper-json", "podcast-json", "podlove-json", "speaker-text-json", "transcriber", "html",
                "plain", "labels", "headings")


@dataclass(frozen=True)
class TrimSize:
    """The trimmed page size of the print edition, as CSS lengths."""

    name: str
    width: str
    height: str


DEFAULT_TRIM = TrimSize("A5", *TRIM_SIZES["a5"])


@dataclass(frozen=True)
class PrintOptions:
    """How the PDF is produced: trim size, margins for binding (None: derived from the trim), bleed,
    crop marks, and the PDF standard it claims."""

    trim: TrimSize = DEFAULT_TRIM
    variant: str = "pdf/ua-1"
    bleed: str | None = None
    marks: bool = False
    inner: str | None = None
    outer: str | None = None
    top: str | None = None
    bottom: str | None = None
    output_profile: Path | None = None  # the printer's CMYK ICC profile, needed for PDF/X
    identifier: str | None = None  # the print edition's own identifier (an ISBN, say)


@dataclass(frozen=True)
class ParticipantSetting:
    """A participant declared in publication.toml: a name for labels such as THE PRESIDENT, a role."""

    name: str | None
    role: str | None
    description: str | None
    labels: tuple[str, ...]
    key: str | None
    line: int | None


@dataclass(frozen=True)
class SpeakerFix:
    """A correction of a misdetected speaker: the paragraph starting at ``line`` is ``speaker``'s."""

    line: int
    speaker: str
    transcript: str | None
    config_line: int | None


@dataclass(frozen=True)
class Config:
    """Validated settings of one publication. Missing values are None and get inferred later."""

    path: Path | None = None
    title: str | None = None
    subtitle: str | None = None
    language: str | None = None
    identifier: str | None = None
    publisher: str | None = None
    date: str | None = None
    modified: datetime | None = None
    rights: str | None = None
    description: str | None = None
    transcripts: tuple[str, ...] | None = None
    output: str | None = None
    reader: str = "auto"
    encoding: str | None = None
    clean_verbatim: bool = False  # drop fillers (um, uh) and immediate repetitions ("I, I think")
    participants: tuple[ParticipantSetting, ...] = ()
    speaker_fixes: tuple[SpeakerFix, ...] = ()
    edition: str | None = None
    cover: str | None = None
    url: str | None = None
    typography: bool = True
    series: tuple[str, int | None] | None = None  # (name, position) of the series this book belongs to
    front: tuple[str, ...] = ()  # Markdown files before the interviews (foreword, introduction)
    back: tuple[str, ...] = ()  # Markdown files after them (acknowledgements)
    about_interviewees: bool = False  # a generated "About the interviewees" at the back
    index_terms: tuple[str, ...] = ()  # [index] terms: names and places listed in the index
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # [[parts]]: (title, transcript file names)
    corrections: tuple = ()  # of corrections.Correction
    lint_ignore: tuple[str, ...] = ()
    lint_strict: bool = False
    print: PrintOptions = PrintOptions()


def load_config(path: Path) -> Config:
    """Read and validate publication.toml; raise one PublishError listing every problem."""
    shown = display_path(path)
    try:
        text = read_limited(path, shown, what="settings file").decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise PublishError(Problem("error", "config", "not valid UTF-8; save the file as UTF-8", shown, line))
    except OSError as exc:
        raise PublishError(Problem("error", "config", f"cannot read: {exc.strerror}", shown))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(match.group(1)) if match else None
        raise PublishError(Problem("error", "config", f"invalid TOML: {message}", shown, line))
    return validate_config(data, text, path)


def validate_config(data: dict, text: str, path: Path) -> Config:
    """Check keys, types and values; collect every problem before failing."""
    problems: list[Problem] = []
    shown = display_path(path)

    def report(key: str, message: str) -> None:
        line = find_key_line(text, key)
        if line is None and (match := re.match(r"^(\w+)\[(\d+)\]", key)):
            headers = table_lines(text, match.group(1))
            index = int(match.group(2))
            line = headers[index] if index < len(headers) else None
            if line is not None and "." in key:
                field_name = key.rsplit(".", 1)[1]
                following = text.splitlines()[line:]
                line = next((line + 1 + n for n, raw in enumerate(following)
                             if re.match(rf"^\s*{re.escape(field_name)}\s*=", raw)), line)
        if line is None:  # a whole table: its [name] or first [[name]] header
            line = next((number for number, raw in enumerate(text.splitlines(), start=1)
                         if re.match(rf"^\s*\[\[?\s*{re.escape(key)}\s*\]\]?", raw)), None)
        problems.append(Problem("error", "config", f"{key}: {message}", shown, line))

    check_keys(data, TOP_KEYS, "", report)
    for key in strings_with_unsafe_characters(data):
        report(key, "holds control characters or noncharacters that cannot appear in a book")
    table = data.get("print", {})
    if isinstance(table, dict):
        check_keys(table, PRINT_KEYS, "print.", report)

    values: dict = {}
    for key in ("title", "subtitle", "publisher", "rights", "description", "identifier", "output", "edition", "cover", "url"):
        value = data.get(key)
        if isinstance(value, str):
            if not value.strip():
                report(key, f'expected some text, found an empty string "{value}"')
            else:
                values[key] = value.strip()
    language = data.get("language")
    if isinstance(language, str):
        if _LANGUAGE.match(language):
            values["language"] = language
        else:
            report("language", f'expected a BCP 47 language tag such as "en" or "pt-BR", found "{language}"')
    values["date"] = parse_date(data.get("date"), report)
    values["modified"] = parse_modified(data.get("modified"), report)
    if values.get("cover"):
        check_files(path.parent, "cover", [values["cover"]], report, contained=False)
    url = values.get("url")
    if url and not re.match(r"^https?://[^\s/]+(/\S*)?$", url):
        report("url", f'expected the web address where the HTML edition will live, such as '
                      f'"https://example.org/books/talk.html", found "{url}"')
        values.pop("url")
    output = values.get("output")
    if output and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", output):
        report("output", f'expected a file name stem of letters, digits, ".", "_" or "-", found "{output}"')
    transcripts = data.get("transcripts")
    if isinstance(transcripts, list):
        if not transcripts or not all(isinstance(t, str) and t.strip() for t in transcripts):
            report("transcripts", 'expected a non-empty list of file names such as ["part1.txt"], '
                                  f"found {transcripts!r}")
        else:
            values["transcripts"] = tuple(transcripts)
            check_files(path.parent, "transcripts", transcripts, report)
    reader = data.get("reader")
    if isinstance(reader, str):
        if reader in READER_NAMES:
            values["reader"] = reader
        else:
            guess = close_matches(reader, READER_NAMES)
            report("reader", f'expected one of {", ".join(READER_NAMES)}, found "{reader}"'
                   + (f'; did you mean "{guess[0]}"?' if guess else ""))
    encoding = data.get("encoding")
    if isinstance(encoding, str):
        import codecs

        try:
            values["encoding"] = codecs.lookup(encoding).name
        except LookupError:
            report("encoding", f'unknown encoding "{encoding}" (try utf-8, windows-1251, latin-1, utf-16)')
    values["participants"] = parse_participants(data.get("participants"), text, report)
    values["corrections"] = parse_corrections(data.get("corrections"), text, report)
    if isinstance(data.get("typography"), bool):
        values["typography"] = data["typography"]
    if isinstance(data.get("clean_verbatim"), bool):
        values["clean_verbatim"] = data["clean_verbatim"]
    for key in ("front", "back"):
        files = data.get(key)
        if isinstance(files, list):
            if all(isinstance(f, str) and f.strip() for f in files):
                values[key] = tuple(files)
                check_files(path.parent, key, files, report)
            else:
                report(key, f'expected a list of file names such as ["foreword.md"], found {files!r}')
    index = data.get("index")
    if isinstance(index, dict):
        check_keys(index, {"terms": list}, "index.", report)
        terms = index.get("terms", [])
        if isinstance(terms, list) and all(isinstance(term, str) and term.strip() for term in terms):
            values["index_terms"] = tuple(dict.fromkeys(term.strip() for term in terms))
        else:
            report("index.terms", 'expected a list of names such as ["NATO", "Lisbon"]')
    if isinstance(data.get("about_interviewees"), bool):
        values["about_interviewees"] = data["about_interviewees"]
    series = data.get("series")
    if isinstance(series, dict):
        check_keys(series, SERIES_KEYS, "series.", report)
        if isinstance(series.get("name"), str) and series["name"].strip():
            position = series.get("position")
            if position is not None and (not isinstance(position, int) or position < 1):
                report("series.position", f"expected a whole number from 1, found {position!r}")
            else:
                values["series"] = (series["name"].strip(), position)
        else:
            report("series.name", 'expected the series name, such as name = "Conversations on defence"')
    lint = data.get("lint", {})
    if isinstance(lint, dict):
        check_keys(lint, LINT_KEYS, "lint.", report)
        from .lint import CODES

        ignore = lint.get("ignore", [])
        if isinstance(ignore, list):
            for code in ignore:
                if code not in CODES:
                    guess = close_matches(str(code), CODES)
                    report("lint.ignore", f'unknown lint code "{code}"' + (f'; did you mean "{guess[0]}"?' if guess
                                                                          else f"; codes: {', '.join(CODES)}"))
            values["lint_ignore"] = tuple(str(c) for c in ignore)
        if isinstance(lint.get("strict"), bool):
            values["lint_strict"] = lint["strict"]
    values["speaker_fixes"] = parse_fixes(data.get("speaker_fixes"), text, report)
    parts = []
    for entry, where, _ in each_table(data.get("parts"), text, "parts", {"title": str, "transcripts": list},
                                      "title and transcripts", report):
        files = entry.get("transcripts")
        if not entry.get("title") or not isinstance(files, list) or not files or \
                not all(isinstance(f, str) and f.strip() for f in files):
            report(where, 'expected title = "..." and transcripts = ["a.txt", ...]')
            continue
        parts.append((entry["title"], tuple(files)))
    if parts:
        values["parts"] = tuple(parts)
        if "transcripts" not in data:
            values["transcripts"] = tuple(f for _, files in parts for f in files)
        elif tuple(data["transcripts"]) != tuple(f for _, files in parts for f in files):
            report("parts", "list the transcripts either in transcripts or in [[parts]], in one order")
    if isinstance(table, dict):
        values["print"] = parse_print(table, report, path.parent)
    if problems:
        raise PublishError(sorted(problems, key=lambda problem: problem.line or 0))
    return Config(path=path, **{k: v for k, v in values.items() if v is not None})


def each_table(value, text: str, name: str, schema: dict, hint: str, report):
    """Yield (entry, where, line) for each [[name]] table, reporting entries that are not tables."""
    if not isinstance(value, list):
        return
    lines = table_lines(text, name)
    for index, entry in enumerate(value):
        where = f"{name}[{index}]"
        if not isinstance(entry, dict):
            report(where, f"expected a table with {hint}")
            continue
        check_keys(entry, schema, where + ".", report)
        yield entry, where, lines[index] if index < len(lines) else None


def parse_participants(value, text: str, report) -> tuple[ParticipantSetting, ...]:
    """[[participants]] tables: name, role, description, labels, key."""
    people = []
    for entry, where, line in each_table(value, text, "participants", PARTICIPANT_KEYS, "name, role, labels", report):
        role = entry.get("role")
        if role is not None and role not in ("interviewer", "interviewee", "other"):
            report(f"{where}.role", f'expected interviewer, interviewee or other, found "{role}"'
                   + did_you_mean(role, ("interviewer", "interviewee", "other")))
        labels = entry.get("labels", [])
        if not isinstance(labels, list) or not all(isinstance(label, str) and label.strip() for label in labels):
            report(f"{where}.labels", 'expected a list of labels such as ["THE PRESIDENT"]')
            labels = []
        if not entry.get("name") and not labels:
            report(where, "give a name or labels")
        people.append(ParticipantSetting(entry.get("name"), role, entry.get("description"), tuple(labels),
                                         entry.get("key"), line))
    return tuple(people)


def parse_corrections(value, text: str, report) -> tuple:
    """[[corrections]] tables: find, replace, why (required); where, count, transcript (optional)."""
    from .corrections import Correction

    found = []
    for entry, where, line in each_table(value, text, "corrections", CORRECTION_KEYS, "find, replace and why",
                                         report):
        if not entry.get("find") or "replace" not in entry or not entry.get("why"):
            report(where, 'expected find = "...", replace = "..." and why = "..." (why the text was changed)')
            continue
        found.append(Correction(entry["find"], entry["replace"], entry["why"], entry.get("where"),
                                entry.get("count"), entry.get("transcript"), line))
    return tuple(found)


def parse_fixes(value, text: str, report) -> tuple[SpeakerFix, ...]:
    """[[speaker_fixes]] tables: line, speaker, transcript (optional)."""
    fixes = []
    for entry, where, line in each_table(value, text, "speaker_fixes", FIX_KEYS, "line and speaker", report):
        if not isinstance(entry.get("line"), int) or entry["line"] < 1 or not isinstance(entry.get("speaker"), str):
            report(where, 'expected line = N (a line number) and speaker = "interviewee" (a role, name or key)')
            continue
        fixes.append(SpeakerFix(entry["line"], entry["speaker"], entry.get("transcript"), line))
    return tuple(fixes)


def table_lines(text: str, name: str) -> list[int]:
    """The line of each [[name]] header, in order."""
    return [number for number, line in enumerate(text.splitlines(), start=1)
            if re.match(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]", line)]


def check_keys(data: dict, schema: dict, prefix: str, report) -> None:
    """Report unknown keys (with a did-you-mean, also for a key that belongs in another table) and values
    of the wrong type."""
    for key, value in data.items():
        if key not in schema:
            guess = close_matches(key, list(schema))
            elsewhere = [f"{table}.{key}" for table, keys in NESTED_TABLES.items()
                         if key in keys and not prefix.startswith(table)]
            if not prefix and elsewhere:
                hint = f'; did you mean "{elsewhere[0]}" (under [{elsewhere[0].split(".")[0]}])?'
            elif guess:
                hint = f'; did you mean "{prefix}{guess[0]}"?'
            elif prefix and (top := close_matches(key, list(TOP_KEYS))):
                hint = f'; did you mean "{top[0]}"? It is a top-level setting: put it above the first [table]'
            else:
                hint = f"; known keys here: {', '.join(sorted(schema))}"
            report(prefix + key, "unknown setting" + hint)
        elif not isinstance(value, schema[key]) or (schema[key] is int and isinstance(value, bool)):
            expected = {str: "a string", list: "a list", dict: "a table", int: "a whole number", bool: "true or false",
                        (str, Date): "a date", (str, datetime): "a date-time"}[schema[key]]
            report(prefix + key, f"expected {expected}, found {describe(value)}")


def describe(value) -> str:
    """A TOML value as the user wrote it, with its kind: "yes" (a string), 3 (a whole number), true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, str):
        return f'"{value}" (a string)'
    kinds = {int: "a whole number", float: "a number", list: "a list", Date: "a date", datetime: "a date-time"}
    shown = value.isoformat() if hasattr(value, "isoformat") else repr(value)
    kind = kinds.get(type(value)) or ("a time" if type(value).__name__ == "time" else type(value).__name__)
    return f"{shown} ({kind})"


def did_you_mean(value, choices) -> str:
    """'; did you mean "x"?' for a near miss among ``choices``, else nothing."""
    guess = close_matches(str(value).lower(), list(choices))
    return f'; did you mean "{guess[0]}"?' if guess else ""


def check_files(folder: Path, key: str, names, report, contained: bool = True) -> None:
    """Report every named file that is missing from the content folder (or, if ``contained``, lies outside it)."""
    base = folder.resolve()
    for name in names:
        candidate = (folder / name).resolve()
        if contained and not candidate.is_relative_to(base):
            report(key, f'expected a file inside the content folder, found "{name}" outside it')
        elif not candidate.is_file():
            report(key, f'"{name}" not found in {display_path(folder)}')


def parse_date(value, report) -> str | None:
    """A publication date as YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, str) and _PARTIAL_DATE.match(value):
        try:
            datetime.strptime(value + "-01-01"[len(value) - 4:], "%Y-%m-%d")
            return value
        except ValueError:
            pass
    report("date", f'expected a date such as 2011-03-22, found "{value}"')
    return None


def parse_modified(value, report) -> datetime | None:
    """The last-modified date-time, in UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            report("modified", f'expected a date-time such as 2024-05-01T12:00:00Z, found "{value}"')
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def parse_print(table: dict, report, folder: Path) -> PrintOptions:
    """The [print] table: trim size, PDF variant, bleed, crop marks, margins, output profile."""
    options: dict = {}
    profile = table.get("output_profile")
    if isinstance(profile, str):
        resolved = (folder / profile).resolve()
        if not resolved.is_relative_to(folder.parent.resolve()):
            report("print.output_profile", f'"{profile}" lies outside the project')
        elif not resolved.is_file():
            report("print.output_profile", f'"{profile}" not found (paths are relative to publication.toml)')
        else:
            options["output_profile"] = resolved
    trim = table.get("trim")
    if isinstance(trim, str):
        parsed = parse_trim(trim)
        if parsed is None:
            report("print.trim", f'expected A5, A4, Letter, US-Trade or "WIDTH x HEIGHT" (e.g. "5.5in x 8.5in"), '
                                 f'found "{trim}"')
        else:
            options["trim"] = parsed
    variant = table.get("variant")
    if isinstance(variant, str):
        if variant.lower() in PDF_VARIANTS:
            options["variant"] = variant.lower()
        else:
            report("print.variant", f'expected one of {", ".join(PDF_VARIANTS)}, found "{variant}"'
                   + did_you_mean(variant, PDF_VARIANTS))
    for key in ("bleed", "inner", "outer", "top", "bottom"):
        value = table.get(key)
        if isinstance(value, str):
            if re.fullmatch(_LENGTH, value.strip().lower()) or value.strip() == "0":
                options[key] = value.strip().lower()
            else:
                report(f"print.{key}", f'expected a length such as "3mm", "0.125in" or "9pt", found "{value}"')
    if isinstance(table.get("marks"), bool):
        options["marks"] = table["marks"]
    if isinstance(table.get("identifier"), str) and table["identifier"].strip():
        options["identifier"] = table["identifier"].strip()
    if options.get("variant", "").startswith("pdf/x") and "output_profile" not in options and not (
            isinstance(profile, str)):
        report("print.variant", "PDF/X needs the printer's CMYK ICC profile: set print.output_profile")
    return PrintOptions(**options)


def parse_trim(value: str) -> TrimSize | None:
    """A named trim size or "WIDTH x HEIGHT" with units mm, cm, in or pt."""
    named = TRIM_SIZES.get(value.strip().lower().replace(" ", "-").replace("_", "-"))
    if named:
        return TrimSize(value.strip(), *named)
    match = _CUSTOM_TRIM.match(value)
    if match:
        return TrimSize(value.strip(), match.group(1).lower(), match.group(2).lower())
    return None


def config_error(config: "Config", key: str, message: str):
    """A PublishError about one setting of publication.toml, pointing at its line."""
    from .errors import error

    line = None
    if config.path is not None:
        try:
            line = find_key_line(config.path.read_text(encoding="utf-8-sig"), key)
        except OSError:
            pass
    return error("config", f"{key}: {message}", config.path, line)


def find_key_line(text: str, dotted: str) -> int | None:
    """The line where a (possibly dotted) key is set, so errors can point at it."""
    *tables, key = dotted.split(".")
    in_table = not tables
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):
            in_table = line.strip("[] ") == ".".join(tables)
            continue
        if in_table and re.match(rf'^"?{re.escape(key)}"?\s*=', line):
            return number
    return None
