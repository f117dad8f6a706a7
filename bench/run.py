"""Benchmark: our build of each format and of all three against Pandoc 3.9 (EPUB, HTML, and PDF through
WeasyPrint), on collections of 1, 10 and 100 interviews made from the sample, in the same run, interleaved.

    bench/setup && .venv/bin/python bench/run.py [--sizes 1,10,100] [--runs 3] [--quick-runs 9]

Each command runs in a fresh process, with our modules compiled to bytecode beforehand as an installed
package's are (this machine sets PYTHONDONTWRITEBYTECODE, which the benchmark unsets); wall time is the
median of the runs: every case runs --runs times, and the EPUB and HTML ones (ours and Pandoc's, a second or
less each) --quick-runs times, still interleaved, since on a shared machine three runs of a half-second
command can differ by a quarter. Peak memory is the largest sum of the resident sets of the command's whole
process tree (Pandoc and its WeasyPrint, our build and its layout processes), sampled every 10 ms. Our
builds run with --no-cache (a cold build), except "no-op", a build with nothing changed. Results go to
bench/results.json and bench/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"
SEED = REPO / "content" / "000_fb07e9f3176c4b84.txt"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
sys.path.insert(0, str(BENCH))


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


def measure(command: list[str], cwd: Path) -> tuple[float, int, float]:
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
        raise SystemExit(f"{' '.join(command)} failed:\n{sink.read().decode()}")
    sink.close()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, peak, cpu


def commands(project: Path) -> dict[str, list[str]]:
    ours = [sys.executable, "-m", "interview_publish", "build", str(project), "--no-cache", "-q"]
    pandoc = [pandoc_path(), "book.md", "--toc", "--standalone"]
    return {
        "ours epub": ours + ["-f", "epub"],
        "ours html": ours + ["-f", "html"],
        "ours pdf": ours + ["-f", "pdf"],
        "ours all": ours,
        "pandoc epub": pandoc + ["-o", "out/book.epub"],
        "pandoc html": pandoc + ["-o", "out/book.html"],
        "pandoc pdf": pandoc + ["--pdf-engine=weasyprint", f"--css={BENCH / 'pandoc.css'}", "-o", "out/book.pdf"],
    }


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


QUICK = ("ours epub", "ours html", "pandoc epub", "pandoc html")  # a second or less: worth more runs


def run(sizes: list[int], runs: int, quick_runs: int) -> dict:
    results = {}
    for size in sizes:
        project = make_collection(size)
        (project / "out").mkdir()
        cases = commands(project)
        samples: dict[str, list[tuple[float, int, float]]] = {name: [] for name in cases}
        samples["ours no-op"] = []
        samples["pandoc all"] = []
        for number in range(max(runs, quick_runs)):
            full = number < runs  # the first rounds run every case; the further ones only the quick cases
            for name, command in cases.items():  # interleaved: one of each, then again
                if full or name in QUICK:
                    samples[name].append(measure(command, project))
            if not full:
                continue
            pandoc = [samples[f"pandoc {f}"][-1] for f in ("epub", "html", "pdf")]
            samples["pandoc all"].append((sum(t for t, _, _ in pandoc), max(m for _, m, _ in pandoc),
                                          sum(c for _, _, c in pandoc)))
            warm = [sys.executable, "-m", "interview_publish", "build", str(project), "-q"]
            measure(warm, project)  # fills the cache
            samples["ours no-op"].append(measure(warm, project))
        results[size] = {name: {"seconds": statistics.median(t for t, _, _ in values),
                                "cpu_seconds": statistics.median(c for _, _, c in values),
                                "peak_mib": max(m for _, m, _ in values) / 2**20, "runs": [t for t, _, _ in values]}
                         for name, values in samples.items()}
        results[size]["pages"] = pdf_pages(project / "dist" / "book.pdf")
        results[size]["words"] = len(" ".join((project / "book.md").read_text().split()).split())
        print(f"{size} interviews: " + ", ".join(f"{n} {v['seconds']:.2f}s" for n, v in results[size].items()
                                                 if isinstance(v, dict)), flush=True)
    return results


def pdf_pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def table(results: dict) -> str:
    rows = ["| interviews | words | our pages | case | ours (s) | Pandoc (s) | ratio | target | ours CPU (s) | "
            "Pandoc CPU (s) | ours peak MiB | Pandoc peak MiB |",
            "|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|"]
    targets = {("all", 1): 0.75, ("all", 100): 0.6, ("epub", 100): 0.2}
    for size, found in results.items():
        size = int(size)
        for case in ("epub", "html", "pdf", "all"):
            ours, theirs = found[f"ours {case}"], found[f"pandoc {case}"]
            ratio = ours["seconds"] / theirs["seconds"]
            target = targets.get((case, size))
            verdict = "" if target is None else f"≤ {target} {'met' if ratio <= target else 'MISSED'}"
            rows.append(f"| {size} | {found['words']} | {found['pages']} | {case} | {ours['seconds']:.2f} | "
                        f"{theirs['seconds']:.2f} | {ratio:.2f}× | {verdict} | {ours['cpu_seconds']:.2f} | "
                        f"{theirs['cpu_seconds']:.2f} | {ours['peak_mib']:.0f} | "
                        f"{theirs['peak_mib']:.0f} |")
        noop = found["ours no-op"]["seconds"]
        verdict = f"≤ 0.3 s {'met' if noop <= 0.3 else 'MISSED'}" if size == 100 else ""
        rows.append(f"| {size} | | | no-op rebuild | {noop:.2f} | | | {verdict} | "
                    f"{found['ours no-op']['cpu_seconds']:.2f} | | {found['ours no-op']['peak_mib']:.0f} | |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3, help="runs of every case")
    parser.add_argument("--quick-runs", type=int, default=9,
                        help="runs of the EPUB and HTML cases, ours and Pandoc's (a second or less each)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # Our modules compiled to bytecode first, as pip does on install: the runs measure the build, not Python
    # compiling 40 modules (which a machine setting PYTHONDONTWRITEBYTECODE would make it do every time).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=True)
    load_before = os.getloadavg()[0]
    results = run(sizes, args.runs, args.quick_runs)
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load average "
               f"{load_before:.1f} before and {os.getloadavg()[0]:.1f} after the run")
    (BENCH / "results.json").write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")
    text = (f"# Benchmark results\n\n{machine}; median of {args.runs} interleaved runs ({max(args.runs, args.quick_runs)} "
            f"for the EPUB and HTML cases, ours and Pandoc's); peak memory is the whole process tree's. Pandoc's "
            f"\"all\" is its three commands one after another.\n\n"
            f"{table(results)}\n")
    (BENCH / "results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
