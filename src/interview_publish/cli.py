"""Command line: `interview-publish build|dump`. User errors are one line each and exit 1, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from . import __version__
from .config import PDF_VARIANTS, parse_trim
from .errors import Problem, PublishError, display_path, human_size

FORMATS = ("epub", "pdf", "html")
EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 70


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interview-publish",
        description="Publish interview transcripts as EPUB 3, print-ready PDF and HTML.",
        epilog="PATH is a project folder (with content/ or transcripts in it) or a transcript file; "
               "it defaults to the current folder.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    build = commands.add_parser("build", help="build every format (or those given) into dist/")
    build.add_argument("path", nargs="?", default=".", metavar="PATH")
    build.add_argument("--format", "-f", default=",".join(FORMATS), type=parse_formats,
                       help="comma-separated formats to build (default: epub,pdf,html)")
    build.add_argument("--trim", type=parse_trim_option, help="PDF trim size: A5, A4, Letter, US-Trade or "
                       '"WIDTH x HEIGHT" (overrides print.trim)')
    build.add_argument("--pdf-variant", choices=PDF_VARIANTS, help="PDF standard (overrides print.variant; "
                       "default pdf/ua-1)")
    build.add_argument("--strict", action="store_true", help="lint warnings stop the build")
    build.add_argument("--quiet", "-q", action="store_true", help="print only warnings and errors")
    build.add_argument("--jobs", "-j", type=parse_jobs, metavar="N",
                       help="processes that lay out the PDF (default: the machine's cores, for long books)")
    build.add_argument("--no-cache", action="store_true", help="render everything; neither read nor write the "
                       "build cache in .interview-publish/")

    check = commands.add_parser("check", help="editorial lint of the transcripts, then EPUBCheck and Ace on "
                                               "the built EPUB")
    check.add_argument("path", nargs="?", default=".", metavar="PATH")
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output_format",
                       help="json prints every finding as one JSON document on stdout")
    check.add_argument("--strict", action="store_true", help="warnings make the exit code 1")
    check.add_argument("--no-validators", action="store_true", help="lint only; skip EPUBCheck and Ace")

    dump = commands.add_parser("dump", help="print the content model as JSON")
    dump.add_argument("path", nargs="?", default=".", metavar="PATH")
    return parser


def parse_trim_option(value: str):
    trim = parse_trim(value)
    if trim is None:
        raise argparse.ArgumentTypeError(f'unknown trim size "{value}"; use A5, A4, Letter, US-Trade or "WIDTH x HEIGHT"')
    return trim


def parse_jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of processes, 1 or more, not {value!r}")
    return int(value)


def parse_formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [fmt for fmt in chosen if fmt not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(FORMATS)}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        if args.command == "build":
            return run_build(args)
        if args.command == "check":
            return run_check(args)
        return run_dump(args)
    except PublishError as exc:
        report(exc.problems)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("interrupted; dist/ is unchanged", file=sys.stderr)
        return 130
    except Exception:  # a bug of ours: say so plainly, keep the traceback for those who ask
        if os.environ.get("INTERVIEW_PUBLISH_DEBUG"):
            traceback.print_exc()
        else:
            kind, value, _ = sys.exc_info()
            print(f"interview-publish: internal error: {kind.__name__}: {value}\n"
                  "Please report it; set INTERVIEW_PUBLISH_DEBUG=1 to see the traceback.", file=sys.stderr)
        return EXIT_INTERNAL


def run_build(args) -> int:
    from .build import build

    overrides = {key: value for key, value in (("trim", args.trim), ("variant", args.pdf_variant)) if value}
    result = build(Path(args.path), args.format, overrides, strict=args.strict, jobs=args.jobs,
                   cache=not args.no_cache)
    report(result.problems, quiet=args.quiet)
    if not args.quiet:
        if not result.rendered:
            print("up to date: no input changed since the last build, nothing rendered")
            for name in result.restored:
                print(f"restored dist/{name} from the build cache")
            return 0
        for fmt, path, size in result.outputs:
            print(f"wrote {display_path(path)} ({fmt.upper()}, {human_size(size)})")
        if result.kit:
            print(f"wrote the distribution kit: {', '.join(result.kit)}")
    return 0


def run_check(args) -> int:
    import json

    from .check import check_epubs
    from .lint import lint_publication
    from .project import load_project, read_publication

    project = load_project(Path(args.path))
    publication, read_problems = read_publication(project)
    findings = lint_publication(publication, project.config.lint_ignore)
    problems = read_problems + findings
    notes: list[str] = []
    if not args.no_validators:
        if any(project.dist_dir.glob("*.epub")):
            found, notes = check_epubs(project.dist_dir)
            problems += found
        else:
            notes.append("no EPUB in dist/ yet: build first to validate it with EPUBCheck and Ace")
    strict = args.strict or project.config.lint_strict
    failed = any(p.severity == "error" for p in problems) or (strict and any(
        p.severity == "warning" for p in problems if p not in read_problems))
    if args.output_format == "json":
        sys.stdout.write(json.dumps({"findings": [p.as_dict() for p in problems], "notes": notes,
                                     "failed": failed}, ensure_ascii=False, indent=2) + "\n")
    else:
        report(problems)
        for note in notes:
            print(note)
        print(f"{sum(p.severity == 'error' for p in problems)} errors, "
              f"{sum(p.severity == 'warning' for p in problems)} warnings, "
              f"{sum(p.severity == 'note' for p in problems)} notes")
    return EXIT_INPUT if failed else 0


def run_dump(args) -> int:
    from .dump import dump_json
    from .project import load_project, read_publication

    publication, problems = read_publication(load_project(Path(args.path)))
    report(problems)  # stderr: the JSON on stdout stays clean
    sys.stdout.write(dump_json(publication))
    return 0


def report(problems: list[Problem], quiet: bool = False) -> None:
    """Print problems compiler-style on stderr; notes only when not quiet."""
    for problem in problems:
        if not (quiet and problem.severity == "note"):
            print(problem, file=sys.stderr)
