"""Command line: `interview-publish new|build|serve|check|dump|theme`. User errors are one line each and exit 1,
never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .config import PDF_VARIANTS, parse_trim
from .errors import Problem, PublishError, display_path, human_size

FORMATS = ("epub", "pdf", "html")  # the default set
KNOWN_FORMATS = FORMATS + ("kepub",)
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

    new = commands.add_parser("new", help="start a project in DIR: an example transcript, a commented "
                                          "publication.toml, templates/ and styles/ for overrides")
    new.add_argument("dir", metavar="DIR")

    build = commands.add_parser("build", help="build every format (or those given) into dist/")
    build.add_argument("path", nargs="?", default=".", metavar="PATH")
    build.add_argument("--format", "-f", default=",".join(FORMATS), type=parse_formats,
                       help="comma-separated formats to build: epub, pdf, html, kepub (default: epub,pdf,html)")
    build.add_argument("--trim", type=parse_trim_option, help="PDF trim size: A5, A4, Letter, US-Trade or "
                       '"WIDTH x HEIGHT" (overrides print.trim)')
    build.add_argument("--pdf-variant", choices=PDF_VARIANTS, help="PDF standard (overrides print.variant; "
                       "default pdf/ua-1)")
    build.add_argument("--strict", action="store_true", help="lint warnings stop the build")
    build.add_argument("--jobs", "-j", type=parse_jobs, metavar="N",
                       help="processes that lay out the PDF of a long book (default: the machine's cores; "
                            "1: in the build's own process); the PDF is the same either way")
    build.add_argument("--no-cache", action="store_true", help="render everything; neither read nor write the "
                       "build cache in .interview-publish/")
    add_verbosity(build)

    serve = commands.add_parser("serve", help="preview the HTML edition in a browser on this machine, rebuilt and "
                                              "reloaded on every change; EPUB and PDF follow in the background")
    serve.add_argument("path", nargs="?", default=".", metavar="PATH")
    serve.add_argument("--port", "-p", type=parse_port, default=8000, help="port (default 8000; 0 picks a free one)")
    serve.add_argument("--host", type=parse_host, default="127.0.0.1",
                       help="a loopback address: 127.0.0.1 (default), ::1 or localhost")
    add_verbosity(serve, "also print each change seen and each request")

    check = commands.add_parser("check", help="editorial lint of the transcripts, then EPUBCheck and Ace on "
                                               "the built EPUB")
    check.add_argument("path", nargs="?", default=".", metavar="PATH")
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output_format",
                       help="json prints every finding as one JSON document on stdout")
    check.add_argument("--strict", action="store_true", help="warnings make the exit code 1")
    check.add_argument("--no-validators", action="store_true", help="lint only; skip EPUBCheck and Ace")

    dump = commands.add_parser("dump", help="print the content model as JSON")
    dump.add_argument("path", nargs="?", default=".", metavar="PATH")

    theme = commands.add_parser("theme", help="list the theme file each output uses and where it comes from "
                                              "(the project's templates/ and styles/, or the default theme)")
    theme.add_argument("path", nargs="?", default=".", metavar="PATH")
    return parser


def add_verbosity(command: argparse.ArgumentParser, verbose: str = "also print the time of each step") -> None:
    """--quiet and --verbose, which exclude each other."""
    group = command.add_mutually_exclusive_group()
    group.add_argument("--quiet", "-q", action="store_true", help="print only warnings and errors")
    group.add_argument("--verbose", "-v", action="store_true", help=verbose)


def parse_port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, found {value!r}")
    return int(value)


def parse_host(value: str) -> str:
    from .serve import loopback_host

    try:
        return loopback_host(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc))


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
    unknown = [fmt for fmt in chosen if fmt not in KNOWN_FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or value!r}; "
                                         f"choose from {', '.join(KNOWN_FORMATS)}")
    return chosen


def run() -> None:
    """The command line's entry point (`interview-publish`, `python -m interview_publish`)."""
    sys.exit(main())


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        if args.command == "build":
            return run_build(args)
        if args.command == "check":
            return run_check(args)
        if args.command == "serve":
            return run_serve(args)
        if args.command == "new":
            return run_new(args)
        if args.command == "theme":
            return run_theme(args)
        return run_dump(args)
    except PublishError as exc:
        report(exc.problems)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("interrupted; dist/ is unchanged", file=sys.stderr)
        return 130
    except Exception:  # a bug of ours: say so plainly, keep the traceback for those who ask
        if os.environ.get("INTERVIEW_PUBLISH_DEBUG"):
            import traceback

            traceback.print_exc()
        else:
            kind, value, _ = sys.exc_info()
            print(f"interview-publish: internal error: {kind.__name__}: {value}\n"
                  "Please report it; set INTERVIEW_PUBLISH_DEBUG=1 to see the traceback.", file=sys.stderr)
        return EXIT_INTERNAL


def run_build(args) -> int:
    from .build import build
    from .progress import Progress

    overrides = {key: value for key, value in (("trim", args.trim), ("variant", args.pdf_variant)) if value}
    progress = Progress(verbose=args.verbose, quiet=args.quiet)
    try:
        result = build(Path(args.path), args.format, overrides, strict=args.strict, jobs=args.jobs,
                       cache=not args.no_cache, progress=progress)
    finally:
        progress.close()
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
    from .project import load_project, read_and_lint

    project = load_project(Path(args.path))
    publication, read_problems, findings = read_and_lint(project)
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
        print(", ".join(counted(sum(p.severity == kind for p in problems), kind)
                        for kind in ("error", "warning", "note")))
    return EXIT_INPUT if failed else 0


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def run_dump(args) -> int:
    from .dump import dump_json
    from .project import load_project, read_publication

    publication, problems = read_publication(load_project(Path(args.path)))
    report(problems)  # stderr: the JSON on stdout stays clean
    sys.stdout.write(dump_json(publication))
    return 0


def run_serve(args) -> int:
    from .serve import serve

    return serve(Path(args.path), args.host, args.port, quiet=args.quiet, verbose=args.verbose)


def run_new(args) -> int:
    from .scaffold import new_project, next_steps

    new_project(Path(args.dir))
    sys.stdout.write(next_steps(Path(args.dir)))
    return 0


def run_theme(args) -> int:
    from .errors import error
    from .theme import Theme
    from .theme_files import format_report

    path = Path(args.path)
    if not path.exists():
        raise error("project", "no such file or folder", path)
    sys.stdout.write(format_report(Theme.for_project(path if path.is_dir() else path.parent)))
    return 0


def report(problems: list[Problem], quiet: bool = False) -> None:
    """Print problems compiler-style on stderr; notes only when not quiet."""
    for problem in problems:
        if not (quiet and problem.severity == "note"):
            print(problem, file=sys.stderr)
