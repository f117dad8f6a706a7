"""A large collection's transcripts read in forked processes (readpool.py) give the model, the problems and
the lint findings a single process gives, and the same error for a broken transcript; the processes are used
only from a single-threaded process and never with --jobs 1."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from helpers import FIXTURES, SEED, make_project, run_cli

RLO, PDF = "\u202e", "\u202c"

# Runs in a fresh interpreter (single-threaded, as the CLI is; a pytest worker may run threads): reads the
# project with --jobs 1 and with --jobs 2, noting each use of the processes, and pickles what it got.
PROBE = """
import pickle, sys
from interview_publish import readpool
from interview_publish.errors import PublishError
from interview_publish.project import load_project, read_and_lint

readpool.MIN_BYTES = 0  # the thresholds are measured for speed; this is about sameness
calls = []
run_forked = readpool.run_forked
def recording(work, count, processes, meanwhile=None):
    done = run_forked(work, count, processes, meanwhile)
    calls.append((count, processes, sorted(done)))
    return done
readpool.run_forked = recording
project = load_project(sys.argv[1])
got = {}
for jobs in (1, 2):
    calls.clear()
    try:
        got[jobs] = (read_and_lint(project, jobs), None, list(calls))
    except PublishError as exc:
        got[jobs] = (None, [str(p) for p in exc.problems], list(calls))
with open(sys.argv[2], "wb") as stream:
    pickle.dump(got, stream)
"""


def probe(tmp_path, project):
    out = tmp_path / "probe.pickle"
    result = subprocess.run([sys.executable, "-c", PROBE, str(project), str(out)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning from fork, nothing printed by a process
    return pickle.loads(out.read_bytes())


def words(interview) -> str:
    return " ".join(p.text for t in interview.turns for p in t.paragraphs)


def varied_collection(root, broken: dict[int, bytes] | None = None):
    """Twelve transcripts of every shape, with corrections, warnings (web leftovers, an unbalanced
    right-to-left override, name variants), a Russian one, front and back matter, parts and index terms;
    ``broken`` replaces transcript N (from 1) with the given bytes."""
    content = root / "content"
    content.mkdir(parents=True)
    seed = SEED.read_text(encoding="utf-8")
    sources = ["seed", "web_pasted.txt", "captions.vtt", "front_matter.md", "russian_utf8.txt", "rlo",
               "several_interviewees.txt", "subtitles.srt", "podcast_notes.txt", "label_variants.txt", "qa_bold.md",
               "seed2"]
    names = []
    for number, source in enumerate(sources, start=1):
        suffix = "." + source.rsplit(".", 1)[1] if "." in source else ".txt"
        name = f"{number:02}{suffix}"
        names.append(name)
        if source == "seed":
            text = seed
        elif source == "seed2":
            text = seed.replace("Russia and US", "Again, Russia and US", 1).replace(
                "on Tuesday.", 'on Tuesday -- "finally"...', 1)
        elif source == "rlo":
            text = (seed.replace("Medevedev", f"Medevedev {RLO}reversed", 1).replace("US have", f"US {RLO}have", 1)
                    .replace("President Medvedev", f"President Med{PDF}vedev", 1))  # and a stray closer
        else:
            text = (FIXTURES / source).read_text(encoding="utf-8")
            text = text.replace("Людей.", '"Людей" - вот чего.', 1).replace("больнице врач", 'больнице "врач"', 1)
        (content / name).write_text(text, encoding="utf-8")
    for number, data in (broken or {}).items():
        (content / names[number - 1]).write_bytes(data)
    (content / "foreword.md").write_text("# Foreword\n\nTwelve \"conversations\" -- one book...\n", encoding="utf-8")
    (content / "thanks.md").write_text("# Thanks\n\nTo everyone's patience.\n", encoding="utf-8")
    (content / "publication.toml").write_text(
        'title = "Twelve conversations"\nfront = ["foreword.md"]\nback = ["thanks.md"]\nabout_interviewees = true\n'
        f'transcripts = {json.dumps(names)}\n'
        f'[[parts]]\ntitle = "Part one"\ntranscripts = {json.dumps(names[:6])}\n'
        f'[[parts]]\ntitle = "Part two"\ntranscripts = {json.dumps(names[6:])}\n'
        '[[corrections]]\nfind = "Medevedev"\nreplace = "Medvedev"\nwhy = "misspelt"\ntranscript = "01.txt"\n'
        '[[corrections]]\nfind = "Medevedev"\nreplace = "Medvedev"\nwhy = "misspelt"\ntranscript = "12.txt"\n'
        '[[corrections]]\nfind = "fridge"\nreplace = "refrigerator"\nwhy = "house style"\ntranscript = "07.txt"\n'
        '[[participants]]\nname = "Tom Becker"\ndescription = "cook"\n'
        '[lint]\nignore = ["cues"]\n[index]\nterms = ["NATO", "Medvedev"]\n', encoding="utf-8")
    return root


def test_the_processes_read_what_one_process_reads(tmp_path):
    project = varied_collection(tmp_path / "p")
    got = probe(tmp_path, project)
    (serial, serial_error, serial_calls), (pooled, pooled_error, pooled_calls) = got[1], got[2]
    assert serial_error is None and pooled_error is None, (serial_error, pooled_error)
    assert serial_calls == []  # --jobs 1: read here
    assert pooled_calls == [(12, 2, list(range(12)))]  # every transcript read by the two processes
    publication, problems, findings = pooled
    assert publication == serial[0]
    assert problems == serial[1] and findings == serial[2]
    # the collection is as varied as meant: the problems and findings below are in both
    codes = [p.code for p in problems]
    assert "boilerplate" in codes and codes[-3:] == ["bidi-control"] * 3  # the title's, then two paragraphs'
    assert [p.line for p in problems[-3:]] == [None, 13, 15] and problems[-3].path.endswith("06.txt")
    assert all(RLO not in p.text or p.text.endswith(PDF) for t in publication.interviews[5].turns for p in t.paragraphs)
    assert {"name-variant", "index-candidates"} <= {f.code for f in findings}
    # linted as published: with the stray closer dropped, "Medvedev" is a word again, and a variant
    assert [f.line for f in findings if f.code == "name-variant" and f.path.endswith("06.txt")] == [13]
    assert "cues" not in {f.code for f in findings}  # [lint] ignore
    assert [c.find for c in publication.corrections] == ["Medevedev", "fridge", "Medevedev"]
    languages = [i.language for i in publication.interviews]
    assert languages[4] == "ru" and languages[0] == "en"
    assert "«Людей»\u00a0— вот" in words(publication.interviews[4])  # typeset in its own language
    assert "Tuesday — “finally”…" in words(publication.interviews[11])
    about = publication.back[-1]  # in the book's language (English), from the titles as written
    assert about.title == "About the interviewees"
    assert any("“В районной больнице “врач” должен" in p.text for p in about.paragraphs)
    assert publication.interviews[4].title == "В районной больнице «врач» должен уметь всё"
    assert [i.id for i in publication.interviews][-1] == "interview-12"
    assert publication.interviews[11].blocks[0].id.startswith("interview-12-")


def test_the_processes_read_what_one_process_reads_without_typography(tmp_path):
    project = varied_collection(tmp_path / "p")
    config = project / "content" / "publication.toml"
    config.write_text("typography = false\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    got = probe(tmp_path, project)
    assert got[2][2] == [(12, 2, list(range(12)))]
    assert got[2][0] == got[1][0]
    assert 'Tuesday -- "finally"...' in words(got[2][0][0].interviews[11])


@pytest.mark.parametrize("broken", [
    {5: b""},  # empty
    {5: b"\x00\x01\x02\xff" * 200, 9: b""},  # binary, and a later failure that must not be the one reported
    {5: b"Title\n\nJust one paragraph, nobody speaks.\n"},  # no turns
    {7: (FIXTURES / "several_interviewees.txt").read_bytes().replace(b"fridge", b"icebox")},  # a correction fails
])
def test_an_error_in_one_transcript_is_the_error_read_in_one_process(tmp_path, broken):
    project = varied_collection(tmp_path / "p", broken)
    got = probe(tmp_path, project)
    (_, serial_error, _), (pooled, pooled_error, pooled_calls) = got[1], got[2]
    assert serial_error and pooled is None
    assert pooled_error == serial_error
    assert pooled_calls and pooled_calls[0][1] == 2  # the processes were used, and failed
    first = min(broken)
    assert f"{first:02}." in serial_error[0] or "publication.toml" in serial_error[0]
    # the command line says it the same way, with the same exit code and no traceback
    serial_cli = run_cli("build", str(project), "-f", "epub", "--no-cache", "--jobs", "1")
    pooled_cli = run_cli("build", str(project), "-f", "epub", "--no-cache")
    assert serial_cli.returncode == pooled_cli.returncode == 1
    assert pooled_cli.stderr == serial_cli.stderr and "Traceback" not in pooled_cli.stderr
    assert pooled_cli.stdout == serial_cli.stdout == ""


def test_the_processes_are_not_used_from_another_thread_or_with_one_job(tmp_path, monkeypatch):
    from interview_publish import readpool
    from interview_publish.project import load_project, read_and_lint

    monkeypatch.setattr(readpool, "MIN_BYTES", 0)
    project = load_project(varied_collection(tmp_path / "p"))
    used = []
    monkeypatch.setattr(readpool, "run_forked", lambda *args: used.append(args) or {})
    monkeypatch.setattr(readpool.threading, "active_count", lambda: 1)  # as if alone: only the thread is seen
    assert readpool.read_processes(project.transcripts, 1) == 1
    assert readpool.read_processes(project.transcripts, 2) == 2  # the control: from this thread, alone
    got = {}
    worker = threading.Thread(target=lambda: got.update(result=read_and_lint(project, 2)))
    worker.start()
    worker.join()
    assert "result" in got and used == []  # read in that thread, in order
    read_and_lint(project, 1)
    assert used == []
    monkeypatch.undo()
    monkeypatch.setattr(readpool, "MIN_BYTES", 0)
    monkeypatch.setattr(readpool.threading, "active_count", lambda: 2)  # another thread running (serve, a ticker)
    assert readpool.read_processes(project.transcripts, 2) == 1


def test_a_short_collection_is_read_in_one_process(tmp_path):
    from interview_publish import readpool

    project = make_project(tmp_path / "p")
    assert readpool.read_processes((SEED,) * (readpool.MIN_TRANSCRIPTS - 1), None) == 1
    assert readpool.read_processes((project / "content" / SEED.name,), 4) == 1


RUN_FORKED = """
import os, signal, sys, time
from interview_publish.readpool import run_forked

PARENT = os.getpid()
def work(index):
    if sys.argv[1] == "fail" and index in (3, 7):
        raise ValueError(index)
    if sys.argv[1] == "die" and index >= 4 and os.getpid() != PARENT:  # a child dies at its first from 4 on
        os._exit(3)
    if sys.argv[1] == "die":
        time.sleep(0.05)  # so that the children take some of the work
    if sys.argv[1] == "interrupt":
        time.sleep(0.2)
    return index * index

if sys.argv[1] == "interrupt":
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGINT))
    try:
        run_forked(work, 40, 2)
        print("finished")
    except KeyboardInterrupt:
        print("interrupted")
else:
    print(sorted(run_forked(work, 12, 3).items()))
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child is left")
except ChildProcessError:
    print("no child left")
"""


@pytest.mark.parametrize("how", ["ok", "fail", "die", "interrupt"])
def test_run_forked_ends_every_process(how):
    result = subprocess.run([sys.executable, "-c", RUN_FORKED, how], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "no child left"
    if how == "ok":
        assert lines[0] == str([(i, i * i) for i in range(12)])
    elif how == "interrupt":
        assert lines[0] == "interrupted"
    else:  # stopped at the failure: what is missing includes the failed index, and what came is right
        done = dict(eval(lines[0]))
        assert len(done) < 12 and (3 not in done if how == "fail" else set(range(4, 12)) - set(done))
        assert all(value == index * index for index, value in done.items())


def test_ctrl_c_while_reading_leaves_no_process(tmp_path):
    content = tmp_path / "p" / "content"
    content.mkdir(parents=True)
    for number in range(1, 41):
        shutil.copy(SEED, content / f"{number:02}.txt")
    slow = ("import sys, time\nfrom interview_publish import project\nread = project.read_one\n"
            "def slow(*a, **k):\n    time.sleep(0.3)\n    return read(*a, **k)\nproject.read_one = slow\n"
            "from interview_publish.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    process = subprocess.Popen([sys.executable, "-c", slow, "build", str(content.parent), "-f", "epub", "--no-cache"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    children, deadline = [], time.monotonic() + 60
    while not children and time.monotonic() < deadline:  # wait till it reads (0.3 s a transcript)
        time.sleep(0.1)
        children = [int(pid) for pid in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                                       text=True).stdout.split()]
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to the whole group
    _, err = process.communicate(timeout=30)
    assert children  # the reading processes were there (this one reads too)
    assert process.returncode == 130 and err == "interrupted; dist/ is unchanged\n", err
    for pid in children:
        assert not os.path.exists(f"/proc/{pid}"), pid


LIVE = """
import io, sys, threading
from pathlib import Path
from interview_publish import readpool
from interview_publish.build import build
from interview_publish.progress import Progress

readpool.MIN_BYTES = 0
collected, threads = [], []
collect = readpool.Readers.collect
def recording(self, count, meanwhile=None):
    threads.append(threading.active_count())  # the progress display's thread runs by now
    done = collect(self, count, meanwhile)
    collected.append((count, len(self.children) == self.processes - 1 >= 1, sorted(done)))
    return done
readpool.Readers.collect = recording
progress = Progress(io.StringIO(), live=True)
try:
    build(sys.argv[1], ("epub", "html"), cache=False, progress=progress, dist=Path(sys.argv[2]))
finally:
    progress.close()
build(sys.argv[1], ("epub", "html"), cache=False, jobs=1, dist=Path(sys.argv[3]))
print(collected, threads)
"""


def test_a_live_progress_display_still_reads_in_processes(tmp_path):
    """The display draws from a thread, started when reading starts: the processes are forked before."""
    project = varied_collection(tmp_path / "p")
    live, serial = tmp_path / "live", tmp_path / "serial"
    result = subprocess.run([sys.executable, "-c", LIVE, str(project), str(live), str(serial)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.strip() == f"[(12, True, {list(range(12))})] [2]"
    names = sorted(p.name for p in live.iterdir())
    assert names == sorted(p.name for p in serial.iterdir()) and len(names) == 2
    for name in names:
        assert (live / name).read_bytes() == (serial / name).read_bytes(), name


MEANWHILE = """
import os, threading, time
from interview_publish.readpool import run_forked

events = []
def meanwhile():
    time.sleep(0.2)  # longer than the child takes for all of them
    events.append(("meanwhile", threading.current_thread() is threading.main_thread(), os.getpid()))

def work(index):
    if os.getpid() == PARENT:
        events.append(("work", index))
    return os.getpid()

PARENT = os.getpid()
done = run_forked(work, 12, 2, meanwhile)
children = set(done.values()) - {PARENT}
print(len(done), len(children), events[0] == ("meanwhile", True, PARENT), threading.active_count())
"""


def test_meanwhile_runs_here_first_while_the_child_reads():
    """This process does what it has to do meanwhile first, in its own thread, while the child reads; then
    it takes from the queue too (here the child, 0.2 s ahead, has read everything by then)."""
    result = subprocess.run([sys.executable, "-c", MEANWHILE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.split() == ["12", "1", "True", "1"]  # one child read; no thread left, to fork again


def test_preload_loads_the_templates_of_the_formats_built(tmp_path, monkeypatch):
    from interview_publish.renderers.preload import preload
    from interview_publish.theme import Theme

    project = make_project(tmp_path / "p")
    (project / "templates" / "epub").mkdir(parents=True)
    (project / "templates" / "epub" / "chapter.xhtml.j2").write_text("{% broken", encoding="utf-8")
    theme = Theme.for_project(project)
    preload(theme, ("epub",))  # the project's broken chapter is left for rendering to report
    loaded = {template.name for template in theme.env.cache.values()}
    default = theme.default_dir / "templates"
    names = {p.relative_to(default).as_posix() for p in default.rglob("*.j2")}
    assert loaded == {n for n in names if n.startswith(("epub/", "partials/"))} - {"epub/chapter.xhtml.j2"}
    assert "ebooklib.epub" in sys.modules and "PIL.PngImagePlugin" in sys.modules
    stylesheets = []
    monkeypatch.setattr(Theme, "stylesheet_paths", lambda self, medium: stylesheets.append(medium) or [])
    assert "body" in theme.css_for("epub") and stylesheets == []  # read already


@pytest.mark.parametrize("name, text, message", [
    ("templates/partials/turn.html.j2", "<div>{{ turn.id }</div>\n", "template syntax error"),
    ("styles/epub.css", "body { background: url(file:///etc/hostname); }\n", "error[refused]"),
])
def test_a_broken_theme_gives_the_error_it_gives_without_processes(tmp_path, name, text, message):
    """The build preloads the theme while the transcripts are read in processes; what fails there is
    reported by rendering, as when the build reads them itself."""
    content = tmp_path / "p" / "content"
    content.mkdir(parents=True)
    for number in range(1, 11):  # 53 kB: read in processes
        shutil.copy(SEED, content / f"{number:02}.txt")
    (tmp_path / "p" / name).parent.mkdir(parents=True)
    (tmp_path / "p" / name).write_text(text, encoding="utf-8")
    pooled = run_cli("build", str(tmp_path / "p"), "-f", "epub", "--no-cache", "-q")
    serial = run_cli("build", str(tmp_path / "p"), "-f", "epub", "--no-cache", "-q", "--jobs", "1")
    assert pooled.returncode == serial.returncode == 1
    assert pooled.stderr == serial.stderr and message in pooled.stderr
    assert "Traceback" not in pooled.stderr


def test_the_queue_hands_out_every_index_once_in_order_then_ends():
    from interview_publish.readpool import Queue

    queue = Queue()
    try:
        queued = queue.fill(50_000)  # more than a pipe holds at first (16,384 indices): it is enlarged
        assert 16_384 <= queued <= 50_000  # what does not fit, the caller reads itself
        assert [queue.take() for _ in range(queued)] == list(range(queued))
        assert queue.take() is None and queue.take() is None  # ended: the writing end is closed
    finally:
        queue.close()


def test_a_queue_that_cannot_grow_holds_what_the_pipe_holds(monkeypatch):
    """Where this user may not enlarge a pipe that much, the queue holds what the pipe does (the caller
    reads the rest itself), not less."""
    import fcntl

    from interview_publish.readpool import Queue

    real = fcntl.fcntl

    def refusing(fd, command, *args):
        if command == fcntl.F_SETPIPE_SZ:
            raise PermissionError("not that much")
        return real(fd, command, *args)

    monkeypatch.setattr(fcntl, "fcntl", refusing)
    queue = Queue()
    try:
        size = real(queue.writing, fcntl.F_GETPIPE_SZ)
        queued = queue.fill(10 * size)
        assert queued == size // Queue.INDEX_BYTES >= 1024
        assert [queue.take() for _ in range(queued)] == list(range(queued)) and queue.take() is None
    finally:
        queue.close()


SWALLOWED = """
import os, signal, time
from interview_publish.readpool import run_forked

def meanwhile():  # Ctrl-C while it runs, in code that passes over whatever is raised (as lxml's import did)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.3)
    except BaseException:
        pass

try:
    run_forked(lambda index: time.sleep(0.05) or index, 40, 2, meanwhile)
    print("finished")
except KeyboardInterrupt:
    print("interrupted")
"""


def test_ctrl_c_during_the_preloading_is_not_lost():
    """What this process does meanwhile runs with Ctrl-C held back, and Ctrl-C takes effect right after:
    raised inside a library's import, it could come out as an import error, which preloading passes over."""
    result = subprocess.run([sys.executable, "-c", SWALLOWED], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.strip() == "interrupted"
