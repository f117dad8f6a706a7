"""Benchmark: our build of each format and of all three against Pandoc 3.9 (EPUB, HTML, and PDF through
WeasyPrint), with Pandoc's Typst writer then Typst as a reference for the PDF, on collections of 1, 10 and
100 interviews made from the sample, in the same run, interleaved.

    bench/setup && .venv/bin/python bench/run.py [--sizes 1,10,100] [--runs 3] [--quick-runs 9]

The benchmark drives the command line only: Pandoc's Markdown is made from `interview-publish dump` (see
markdown.py), and every build is `python -m interview_publish build`. Each command runs in a fresh process,
with our modules compiled to bytecode beforehand as an installed package's are (a machine that sets
PYTHONDONTWRITEBYTECODE would make every run compile them again, about 70 ms; the benchmark unsets it).
Wall time is the median of the runs: every case runs --runs times, and the EPUB and HTML ones (ours and
Pandoc's, a second or less each) --quick-runs times, still interleaved, since on a shared machine three runs
of a half-second command can differ by a quarter (the long cases vary by up to a quarter too, Pandoc's as
well as ours: run on a quiet machine). CPU is user + system time of the command's whole process tree. Peak
memory is the largest sum of the resident sets of the whole process tree (Pandoc and its WeasyPrint, our
build and its layout processes), sampled every 10 ms. Our builds run with --no-cache (a cold build), except
"no-op", a build with nothing changed. Pandoc's "all" is its three commands one after another; the Typst
reference is two commands, `pandoc -t typst` then the `typst` package compiling in a fresh Python, timed
together. Every PDF is opened with pypdf and its pages counted. Results go to bench/results.json and
bench/results.md (one current table: the file is rewritten by every run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"
SEED = REPO / "content" / "000_fb07e9f3176c4b84.txt"
FONTS = REPO / "styles" / "fonts"  # the typeface of our print edition, for Typst
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
sys.path.insert(0, str(BENCH))

# The targets of issue 20: (case, interviews) -> the largest ratio ours / Pandoc's.
TIME_TARGETS = {("all", 1): 0.75, ("all", 100): 0.6, ("epub", 100): 0.3}
NO_OP_TARGET = (100, 0.3)  # interviews, seconds
QUICK = ("ours epub", "ours html", "pandoc epub", "pandoc html")  # a second or less: worth more runs


def make_collection(size: int) -> Path:
    """``size`` interviews from the sample, each with its own title; the same files every time."""
    project = WORK / f"collection-{size}"
    shutil.rmtree(project, ignore_errors=True)
    content = project / "content"
    content.mkdir(parents=True)
    seed = SEED.read_text(encoding="utf-8")
    for number in range(1, size + 1):
        text = seed if size == 1 else seed.replace("Russia and US", f"Conversation {number}: Russia and US", 1)
        (content / f"{number:03}.txt").write_text(text, encoding="utf-8")
    title = "Russia and US have mutual desire to develop cooperation" if size == 1 else f"{size} conversations"
    (content / "publication.toml").write_text(f'title = "{title}"\nlanguage = "en"\ndate = 2011-03-22\n'
                                              'output = "book"\n', encoding="utf-8")
    from markdown import publication_markdown

    (project / "book.md").write_text(publication_markdown(project), encoding="utf-8")
    return project


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as stream:
                total += int(stream.read().split()[1]) * PAGE_SIZE
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as stream:
                    stack.extend(int(child) for child in stream.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure_one(command: list[str], cwd: Path) -> tuple[float, int, float]:
    """Wall seconds, peak resident bytes of the process tree, and CPU seconds (user + system) of the tree."""
    env = {**os.environ, "PATH": f"{REPO / '.venv' / 'bin'}:{os.environ['PATH']}"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed Python runs: modules compiled once (see main())
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    sink = tempfile.TemporaryFile()  # not /dev/null: a shared machine's tests have been seen replacing it
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        sink.seek(0)
        raise SystemExit(f"{shlex.join(command)} failed:\n{sink.read().decode()}")
    sink.close()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, peak, cpu


def measure(sequence: list[list[str]], cwd: Path) -> tuple[float, int, float]:
    """A sequence of commands run one after another: the sum of their times, the largest of their peaks."""
    samples = [measure_one(command, cwd) for command in sequence]
    return (sum(t for t, _, _ in samples), max(m for _, m, _ in samples), sum(c for _, _, c in samples))


def cases(project: Path) -> dict[str, list[list[str]]]:
    """Each case's commands, run in the project's folder."""
    ours = [sys.executable, "-m", "interview_publish", "build", str(project), "--no-cache", "-q"]
    pandoc = [pandoc_path(), "book.md", "--toc", "--standalone"]
    # Pandoc's own Typst writer, on the page of our print edition and of pandoc.css: A5, the same margins,
    # Charis SIL at 10 pt, folios.
    typst_page = ["-V", "papersize=a5", "--variable-json",
                  'margin={"top": "16mm", "right": "15mm", "bottom": "19mm", "left": "18mm"}',
                  "-V", "mainfont=Charis SIL", "-V", "fontsize=10pt", "-V", "page-numbering=1"]
    compile_typst = (f"import typst; typst.compile('out/book.typ', output='out/typst.pdf', "
                     f"font_paths=[{str(FONTS)!r}])")
    return {
        "ours epub": [ours + ["-f", "epub"]],
        "ours html": [ours + ["-f", "html"]],
        "ours pdf": [ours + ["-f", "pdf"]],
        "ours all": [ours],
        "pandoc epub": [pandoc + ["-o", "out/book.epub"]],
        "pandoc html": [pandoc + ["-o", "out/book.html"]],
        "pandoc pdf": [pandoc + ["--pdf-engine=weasyprint", f"--css={BENCH / 'pandoc.css'}", "-o", "out/book.pdf"]],
        "typst pdf": [pandoc + ["-t", "typst", *typst_page, "-o", "out/book.typ"],
                      [sys.executable, "-c", compile_typst]],
    }


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run(sizes: list[int], runs: int, quick_runs: int) -> dict:
    results = {}
    for size in sizes:
        project = make_collection(size)
        (project / "out").mkdir()
        commands = cases(project)
        samples: dict[str, list[tuple[float, int, float]]] = {name: [] for name in commands}
        samples["ours no-op"] = []
        samples["pandoc all"] = []
        for number in range(max(runs, quick_runs)):
            full = number < runs  # the first rounds run every case; the further ones only the quick cases
            for name, sequence in commands.items():  # interleaved: one of each, then again
                if full or name in QUICK:
                    samples[name].append(measure(sequence, project))
            if not full:
                continue
            pandoc = [samples[f"pandoc {f}"][-1] for f in ("epub", "html", "pdf")]
            samples["pandoc all"].append((sum(t for t, _, _ in pandoc), max(m for _, m, _ in pandoc),
                                          sum(c for _, _, c in pandoc)))
            warm = [sys.executable, "-m", "interview_publish", "build", str(project), "-q"]
            measure_one(warm, project)  # fills the cache
            samples["ours no-op"].append(measure_one(warm, project))
        results[size] = {name: {"seconds": statistics.median(t for t, _, _ in values),
                                "cpu_seconds": statistics.median(c for _, _, c in values),
                                "peak_mib": max(m for _, m, _ in values) / 2**20, "runs": [t for t, _, _ in values]}
                         for name, values in samples.items()}
        results[size]["pages"] = {"ours": pdf_pages(project / "dist" / "book.pdf"),
                                  "pandoc": pdf_pages(project / "out" / "book.pdf"),
                                  "typst": pdf_pages(project / "out" / "typst.pdf")}
        results[size]["words"] = len((project / "book.md").read_text(encoding="utf-8").split())
        print(f"{size} interviews: " + ", ".join(f"{n} {v['seconds']:.2f}s" for n, v in results[size].items()
                                                 if isinstance(v, dict) and "seconds" in v)
              + "; PDF pages: " + ", ".join(f"{n} {p}" for n, p in results[size]["pages"].items()), flush=True)
    return results


def pdf_pages(path: Path) -> int:
    """The pages of a PDF, as pypdf reads them; a file that is not a PDF with pages stops the benchmark."""
    from pypdf import PdfReader

    if not path.is_file() or path.read_bytes()[:5] != b"%PDF-":
        raise SystemExit(f"{path}: not a PDF")
    pages = len(PdfReader(path).pages)
    if pages == 0:
        raise SystemExit(f"{path}: a PDF without pages")
    return pages


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def rows(results: dict) -> tuple[list[str], int, list[str]]:
    """The table's rows, how many targets they check, and those missed."""
    lines = ["| interviews | words | case | ours (s) | Pandoc (s) | ratio | time target | ours CPU (s) | "
             "Pandoc CPU (s) | ours peak MiB | Pandoc peak MiB | memory target | PDF pages (ours / theirs) |",
             "|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---|---:|"]
    checked, missed = 0, []
    for size, found in results.items():
        size = int(size)
        pages = found["pages"]
        for case, label, theirs in [("epub", "epub", "pandoc epub"), ("html", "html", "pandoc html"),
                                    ("pdf", "pdf (Pandoc → WeasyPrint)", "pandoc pdf"),
                                    ("pdf", "pdf (Pandoc → Typst, reference)", "typst pdf"),
                                    ("all", "all three", "pandoc all")]:
            ours, peer = found[f"ours {case}"], found[theirs]
            ratio = ours["seconds"] / peer["seconds"]
            target = TIME_TARGETS.get((case, size)) if theirs != "typst pdf" else None
            time_verdict = memory_verdict = ""
            if target is not None:
                checked += 1
                time_verdict = f"≤ {target}× {verdict(ratio <= target)}"
                if ratio > target:
                    missed.append(f"{label} of {size}: {ratio:.2f}× (target {target}×)")
            if case == "all":
                checked += 1
                memory_verdict = f"≤ Pandoc's {verdict(ours['peak_mib'] <= peer['peak_mib'])}"
                if ours["peak_mib"] > peer["peak_mib"]:
                    missed.append(f"peak memory of {size}: {ours['peak_mib']:.0f} MiB against "
                                  f"{peer['peak_mib']:.0f} MiB")
            page_cell = ""
            if theirs in ("pandoc pdf", "typst pdf"):
                page_cell = f"{pages['ours']} / {pages['pandoc' if theirs == 'pandoc pdf' else 'typst']}"
            lines.append(f"| {size} | {found['words']} | {label} | {ours['seconds']:.2f} | {peer['seconds']:.2f} | "
                         f"{ratio:.2f}× | {time_verdict} | {ours['cpu_seconds']:.2f} | {peer['cpu_seconds']:.2f} | "
                         f"{ours['peak_mib']:.0f} | {peer['peak_mib']:.0f} | {memory_verdict} | {page_cell} |")
        noop = found["ours no-op"]
        time_verdict = ""
        if size == NO_OP_TARGET[0]:
            checked += 1
            time_verdict = f"≤ {NO_OP_TARGET[1]} s {verdict(noop['seconds'] <= NO_OP_TARGET[1])}"
            if noop["seconds"] > NO_OP_TARGET[1]:
                missed.append(f"no-op rebuild of {size}: {noop['seconds']:.2f} s (target {NO_OP_TARGET[1]} s)")
        lines.append(f"| {size} | | no-op rebuild | {noop['seconds']:.2f} | | | {time_verdict} | "
                     f"{noop['cpu_seconds']:.2f} | | {noop['peak_mib']:.0f} | | | |")
    return lines, checked, missed


def cpu_model() -> str:
    with open("/proc/cpuinfo") as stream:
        for line in stream:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def our_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with uncommitted changes in src/" if git("status", "--porcelain", "--", "src") else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3, help="runs of every case")
    parser.add_argument("--quick-runs", type=int, default=9,
                        help="runs of the EPUB and HTML cases, ours and Pandoc's (a second or less each)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # Our modules compiled to bytecode first, as pip does on install: the runs measure the build, not Python
    # compiling its modules (which a machine setting PYTHONDONTWRITEBYTECODE would make it do every time).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=True)
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    load_before = os.getloadavg()[0]
    results = run(sizes, args.runs, args.quick_runs)
    import pypandoc

    machine = {"cpu": cpu_model(), "cores": os.cpu_count(), "python": platform.python_version(),
               "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}
    peers = {"pandoc": pypandoc.get_pandoc_version(), "weasyprint": version("weasyprint"),
             "typst": version("typst")}
    command = (f"bench/setup && .venv/bin/python bench/run.py --sizes {args.sizes} --runs {args.runs} "
               f"--quick-runs {args.quick_runs}")
    (BENCH / "results.json").write_text(json.dumps({"date": started, "commit": our_commit(), "machine": machine,
                                                    "peers": peers, "command": command, "results": results},
                                                   indent=2) + "\n")
    lines, checked, missed = rows(results)
    text = "\n".join([
        "# Benchmark results",
        "",
        f"{started}, our build at {our_commit()}; {machine['cpu']}, {machine['cores']} cores, Python "
        f"{machine['python']}, load average {machine['load_before']:.1f} before and {machine['load_after']:.1f} "
        f"after the run; Pandoc {peers['pandoc']}, WeasyPrint {peers['weasyprint']}, Typst (PyPI `typst`) "
        f"{peers['typst']}. Reproduce with `{command}` (method: the docstring of bench/run.py).",
        "",
        *lines,
        "",
        f"Wall seconds are the median of {args.runs} interleaved runs ({max(args.runs, args.quick_runs)} for the "
        f"EPUB and HTML cases), CPU is user + system and peak MiB the resident sets of the whole process tree; "
        f"ratio is ours / Pandoc's, whose \"all three\" is its three commands one after another.",
        "The Typst row is a reference without a target: our PDF against Pandoc's Typst writer then Typst; our "
        "builds are cold (`--no-cache`) except the no-op rebuild, the targets are issue 20's.",
        "",
        f"Targets: {checked - len(missed)} of the {checked} in this run met" + ("." if not missed else
                                                                         "; missed: " + "; ".join(missed) + "."),
        "",
    ])
    (BENCH / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
