"""The PDF's layout processes: WeasyPrint processes that lay out the book, or chunks of it
(pdfparallel.py), while this process reads the transcripts and renders the other formats.

A fresh process needs about half a second to import WeasyPrint, longer than reading and rendering a short
book. So a build from the command line starts a layout process as soon as it knows it will render (the
build cache missed), before reading the transcripts, and a long book gets one per core. A library
caller (a test, `serve`) lays a short book out in its own process, where WeasyPrint stays imported from
one build to the next. Layout processes are new Pythons, never forks: WeasyPrint's libraries never cross
a fork.
"""

from __future__ import annotations

import contextlib
import os
import sys

from ..errors import PublishError, error

_active: list = []  # the pool of the build under way, set up for its theme and settings
_early: list = []  # layout processes started before the build knew it would need them (started_early)


class Pool:
    """Layout processes that run chunk jobs in order and number the body chunks as their page counts come
    in. ``setup`` tells them the theme and print settings to lay out with."""

    def __init__(self, size: int):
        self.size = max(1, size)
        self.workers: list = []  # (process, connection)
        self.setting = None  # (theme folders, print options) sent to the workers
        self.languages: tuple[str, ...] = ()  # hyphenation patterns wanted (hyphenation.py) ...
        self.patterns: dict = {}  # ... those sent, by path ...
        self.patterns_sent: dict = {}  # ... and the size of each parsed (0: not sent, too large for the pipes)

    def __enter__(self):
        try:
            self.grow(self.size)
        except BaseException:
            self.close()
            raise
        return self

    def grow(self, size: int) -> None:
        """Start processes until there are ``size``; new ones get the current setting."""
        while len(self.workers) < size:
            process, connection = _early.pop() if _early else launch()
            self.workers.append((process, connection))
            if self.setting is not None:
                connection.send(("setup", *self.setting))
            if self.patterns:
                connection.send(("hyphenation", self.patterns))
        self.size = max(self.size, size)

    def setup(self, theme_dirs, options) -> None:
        """Lay out with these theme folders and print settings from now on."""
        setting = (tuple(theme_dirs), options)
        if setting != self.setting:
            self.setting = setting
            for _, connection in self.workers:
                connection.send(("setup", *setting))

    def hyphenate(self, languages) -> None:
        """The layout will hyphenate in these languages: their patterns are parsed here and sent before the
        first job that is laid out (renderers/hyphenation.py)."""
        self.languages = tuple(dict.fromkeys(self.languages + tuple(languages)))

    def send_patterns(self) -> None:
        """Parse the patterns of the languages wanted and not sent yet, and send them to every process:
        those that fit in the pipes to them (PIPE_BYTES, less room for the jobs), so that sending never waits
        for a process still importing WeasyPrint; a process parses any other language itself, as needed.
        (English patterns are 250 kB pickled, German ones 1.7 MB.)"""
        import pickle

        from .hyphenation import parsed, pattern_files

        room = min((connection.capacity for _, connection in self.workers), default=0) - JOB_ROOM
        room -= sum(self.patterns_sent.values())
        for path in pattern_files(self.languages):
            if path in self.patterns_sent:
                continue
            self.patterns_sent[path] = 0
            if path.stat().st_size * PICKLED_PER_BYTE > room:  # not parsed here for nothing
                continue
            patterns = parsed(path)
            message = pickle.dumps(("hyphenation", {path: patterns}), protocol=pickle.HIGHEST_PROTOCOL)
            if len(message) <= room:
                room -= len(message)
                self.patterns_sent[path] = len(message)
                self.patterns[path] = patterns
                for _, connection in self.workers:
                    connection.send_pickled(message)

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self) -> None:
        """Stop the processes. Every result has been received by then (or the build failed), so they are
        ended at once: one may still be importing WeasyPrint, or laying out for a build that stopped."""
        for process, connection in self.workers:
            if process.poll() is None:
                process.terminate()
        for process, connection in self.workers:
            process.wait()
            connection.close()
        self.workers = []

    def run(self, jobs: list, cache=None, on_laid=None, meanwhile=None, follow=None, on_done=None) -> dict:
        """Run ``jobs`` (in this order) and return their results by index. A job whose first page is None
        gets it when the jobs before it have been counted. Jobs laid out by an earlier build at the same
        first page come from ``cache`` (chunkcache.py); a cached job whose first page moved is laid out
        again, its page count being known already.

        Callbacks, all in this process: ``on_laid(result)`` with what an ``early`` job found (its pages,
        page starts and anchors, no PDF yet) while it writes its PDF; ``meanwhile()`` once the first jobs
        are sent; ``on_done(result)`` with each result laid out now. ``follow(known)`` is asked after every
        message, with what is known of each job laid out (whether done, cached, or only laid out), for more
        jobs: it returns None, or (jobs, then), ``then()`` being called once every job is sent."""
        from dataclasses import replace
        from multiprocessing.connection import wait

        idle = [connection for _, connection in self.workers]
        busy: dict = {}
        counts: dict[int, int] = {}
        waiting: dict[int, object] = {}  # job index -> connection waiting for its first page
        firsts: dict[int, int] = {}
        order = [job.index for job in jobs]
        results: dict = {}
        known: dict = {}  # job index -> its ChunkResult, or what an early job reported before its PDF
        pending, cached = [], {}
        expected = 0

        def admit(job) -> None:
            nonlocal expected
            expected += 1
            if job.first_page is not None:
                firsts[job.index] = job.first_page
            found = cache.get(job) if cache is not None else None
            if found is not None and job.first_page in (None, found.first):
                cached[job.index] = (job, found)
                counts[job.index] = found.pages
            else:
                pending.append(job)

        def take_cached() -> None:
            self._number(order, counts, firsts, waiting)
            for index, (job, found) in list(cached.items()):
                if index in firsts:
                    del cached[index]
                    if firsts[index] == found.first:
                        results[index] = known[index] = found
                    else:
                        pending.append(replace(job, first_page=firsts[index]))

        for job in jobs:
            admit(job)
        thens: list = []
        while True:
            take_cached()
            while follow is not None and (more := follow(known)) is not None:
                more_jobs, then = more
                for job in more_jobs:
                    admit(job)
                take_cached()  # a cached one is known at once: follow may have more
                if then is not None:
                    thens.append(then)
            if pending and idle:
                self.send_patterns()
            while pending and idle:
                job = pending.pop(0)
                connection = idle.pop(0)
                connection.send(job)
                busy[connection] = job
            if meanwhile is not None:
                meanwhile, later = None, meanwhile
                later()
            while thens and not pending:  # once the jobs are sent: a process never waits for this one
                thens.pop(0)()
            if len(results) == expected:
                break
            if not busy:
                raise RuntimeError("PDF chunks left without a page number")
            for connection in wait(list(busy)):  # Channels, waited on by their reading end
                try:
                    message = connection.recv()
                except EOFError:
                    process = next(p for p, c in self.workers if c is connection)
                    raise error("pdf", f"a PDF layout process ended unexpectedly (exit status {process.wait()}; "
                                       "out of memory?); --jobs 1 lays the book out in the build's own process")
                kind, payload = message[0], message[1:]
                if kind == "laid":  # what a job found, sent before its PDF is written
                    result = payload[0]
                    result.first = firsts.get(result.index, 1)
                    known[result.index] = result
                    if on_laid is not None:
                        on_laid(result)
                elif kind == "counted":
                    counts[payload[0]] = payload[1]
                    if busy[connection].first_page is None:
                        waiting[payload[0]] = connection
                elif kind == "done":
                    result = payload[0]
                    result.first = firsts.get(result.index, 1)
                    results[result.index] = known[result.index] = result
                    if cache is not None:
                        cache.put(busy[connection], result)
                    del busy[connection]
                    idle.append(connection)
                    if on_done is not None:
                        on_done(result)
                elif kind == "error":
                    raise PublishError(payload[1])
                else:
                    raise RuntimeError(f"laying out PDF chunk {payload[0]} failed: {payload[1]}")
        return results

    def _number(self, order, counts, firsts, waiting) -> None:
        """Give each chunk its first page once every chunk before it is counted; send it to those waiting."""
        position = 1
        for index in order:
            if index not in counts:
                return
            firsts.setdefault(index, position)
            if index in waiting:
                waiting.pop(index).send(firsts[index])
            position = firsts[index] + counts[index]


@contextlib.contextmanager
def started_early(wanted: bool):
    """A layout process started now, when ``wanted``, before the project is even loaded: the first pool of
    the build takes it, importing WeasyPrint already. Unless taken (the build cache had everything, the
    build failed before), it is ended on leaving."""
    if wanted:
        with contextlib.suppress(OSError):  # no Python to start: the pool will say so, or lay out here
            _early.append(launch())
    try:
        yield
    finally:
        while _early:
            process, connection = _early.pop()
            process.terminate()
            process.wait()
            connection.close()


def launch():
    """A layout process (pdfworker.serve) and the Channel to it. It is a new Python, started with -P so
    that the current folder (a project, perhaps someone else's) is never searched for modules; it imports
    this package from where this process did. It runs in a session of its own, so Ctrl-C reaches only the
    build, which ends it (no traceback from a process interrupted mid-import)."""
    import subprocess
    import sys
    from pathlib import Path

    down, up = os.pipe(), os.pipe()  # (read, write): parent to child, child to parent
    capacity = widen(down[1])
    package_root = str(Path(__file__).resolve().parents[2])
    code = (f"import sys; sys.path.insert(0, {package_root!r}); "
            f"from interview_publish.renderers.pdfworker import serve; serve({down[0]}, {up[1]})")
    try:
        process = subprocess.Popen([sys.executable, "-P", "-c", code], pass_fds=(down[0], up[1]),
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    finally:
        os.close(down[0])
        os.close(up[1])
    from ..channel import Channel

    channel = Channel(up[0], down[1])
    channel.capacity = capacity
    return process, channel


# The hyphenation patterns (hyphenation.py) are 250 kB pickled for English: with the 64 kB a pipe holds by
# default, sending them would wait until the layout process, still importing WeasyPrint, reads them.
PIPE_BYTES = 1 << 20
JOB_ROOM = 64 * 1024  # what stays free in the pipe for the messages sent after the patterns
PICKLED_PER_BYTE = 3  # patterns pickled, for a byte of patterns file, at most (English 2.3, German 1.6)


def widen(fd: int) -> int:
    """Let the pipe ``fd`` hold PIPE_BYTES (Linux; elsewhere, or above the system's limit, it stays as
    is); what it holds."""
    if sys.platform == "linux":
        import fcntl

        with contextlib.suppress(OSError):
            return fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    return 65536


@contextlib.contextmanager
def layout_pool(theme_dirs, options, size: int, wanted: bool):
    """The layout processes of one build, made the active pool: the one already active for this theme and
    these settings (grown to ``size``), else ``size`` new ones when ``wanted``, else none."""
    current = active_pool(theme_dirs, options, size)
    if current is not None:  # the build's pool, taken by the PDF renderer
        yield current
        return
    pool = None
    if wanted:
        try:
            pool = Pool(size).__enter__()
        except OSError:  # no Python to start (an embedded interpreter, say): lay out in this process
            pool = None
    if pool is None:
        yield None
        return
    with pool:
        pool.setup(theme_dirs, options)
        _active.append(pool)
        try:
            yield pool
        finally:
            _active.remove(pool)


def active_pool(theme_dirs, options, size: int | None = None):
    """The active pool when it is set up for these theme folders and settings (grown to ``size``)."""
    for pool in _active:
        if pool.setting == (tuple(theme_dirs), options):
            if size:
                pool.grow(size)
            return pool
    return None


def cores() -> int:
    return os.cpu_count() or 1
