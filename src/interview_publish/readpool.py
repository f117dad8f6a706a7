"""A collection's transcripts read in forked processes and in this one: each is read, corrected and typeset
on its own (project.read_one), so a long collection reads on every core; the results come back by index.

Forked, not spawned: a child starts at once with everything imported and the project loaded. Only from a
single-threaded process (fork copies the calling thread alone; a lock another thread held, say on stderr,
would stay held in the child forever): `serve` builds from threads, and so reads in order, in-process.
Every process takes the next index from one queue, a pipe that holds them all, so that none waits for
another to hand out work; each child sends its results up as pickled messages (channel.py). This process
first does what it was given to do meanwhile (load what rendering will use), then reads too.
A process that fails in any way (a transcript's error, a crash, a kill) stops; the caller reads what is
missing itself, in order, so the error of the first failing transcript is raised as and where it would be
without processes. Ctrl-C reaches only the parent (the children ignore it), which ends the children.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from pathlib import Path
from typing import Callable

# A collection is read in processes from this many transcripts and this many bytes of them: below, starting
# them (about 5 ms) costs what they save. Measured on 2 cores with bench/run.py's collections (5.3 kB each):
# even at 8, ahead from 10.
MIN_TRANSCRIPTS = 8
MIN_BYTES = 48_000
PER_PROCESS = 4  # transcripts at least per process


def read_processes(transcripts: tuple[Path, ...], jobs: int | None) -> int:
    """How many processes should read these transcripts: 1 (read in-process, in order) for a short
    collection, with ``jobs`` 1, where fork is missing, or when this process runs other threads."""
    if jobs == 1 or len(transcripts) < MIN_TRANSCRIPTS or not can_fork():
        return 1
    try:
        size = sum(path.stat().st_size for path in transcripts)
    except OSError:
        return 1  # reading will report it, in order
    if size < MIN_BYTES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(jobs or cores, len(transcripts) // PER_PROCESS))


def can_fork() -> bool:
    """Fork is safe here: the system has it and this is the main thread, running alone."""
    return (hasattr(os, "fork") and threading.current_thread() is threading.main_thread()
            and threading.active_count() == 1)


def run_forked(work: Callable[[int], object], count: int, processes: int,
               meanwhile: Callable[[], None] | None = None) -> dict:
    """``work(index)`` for each index below ``count``, by index, in ``processes`` processes: this one and
    ``processes`` - 1 forked children. Stops at the first failure (an exception in ``work``, a child that
    ends), so the result may lack some. ``meanwhile`` as in Readers.collect."""
    with Readers(work, processes) as readers:
        return readers.collect(count, meanwhile)


class Queue:
    """The indices still to run, in a pipe: every process takes the next from it (take), so that none
    waits for another to hand out work. All are written before the writing end is closed, each in one
    piece of INDEX_BYTES; a pipe hands each reader whole pieces, one reader at a time."""

    INDEX_BYTES = 4

    def __init__(self):
        self.reading, self.writing = os.pipe()

    def fill(self, count: int) -> int:
        """Write the indices 0, 1, ... below ``count``, as many as the pipe holds without waiting (16,384 at
        least: what is left over, the caller reads itself), then close the writing end; return how many."""
        size = 4096  # PIPE_BUF: every pipe holds that much
        try:
            import fcntl

            size = fcntl.fcntl(self.writing, fcntl.F_GETPIPE_SZ)
            if size < count * self.INDEX_BYTES:
                with contextlib.suppress(OSError):  # more than this user may have: what the pipe holds
                    size = fcntl.fcntl(self.writing, fcntl.F_SETPIPE_SZ, count * self.INDEX_BYTES)
        except (ImportError, AttributeError, OSError):  # no F_GETPIPE_SZ here
            pass
        fits = min(count, size // self.INDEX_BYTES)
        os.write(self.writing, b"".join(index.to_bytes(self.INDEX_BYTES, "little") for index in range(fits)))
        self.close_writing()
        return fits

    def take(self) -> int | None:
        """The next index, or None once the queue is empty and its writing end closed everywhere."""
        data = os.read(self.reading, self.INDEX_BYTES)
        return int.from_bytes(data, "little") if data else None

    def close_writing(self) -> None:
        if self.writing >= 0:
            os.close(self.writing)
            self.writing = -1

    def close(self) -> None:
        self.close_writing()
        if self.reading >= 0:
            os.close(self.reading)
            self.reading = -1


class Readers:
    """Forked children that take the indices to run ``work`` on from one queue, which this process takes
    from too (collect); all ended on leaving. ``processes`` counts this one: processes - 1 are forked."""

    def __init__(self, work: Callable[[int], object], processes: int):
        self.work, self.processes = work, processes
        self.children: list[_Child] = []
        self.queue: Queue | None = None
        self.busy = False

    def __enter__(self):
        try:
            self.queue = Queue()
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # until the child ignores it
            try:
                while len(self.children) < self.processes - 1:
                    self.children.append(_fork(self.work, self.children, self.queue))
            except OSError:  # no more processes to be had: those started do the work, or the caller does
                pass
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        except BaseException:
            self.end(kill=True)
            raise
        return self

    def collect(self, count: int, meanwhile: Callable[[], None] | None = None) -> dict:
        """The results by index (what a failure left out, the caller reads). Once the children have their
        work, this process runs ``meanwhile()`` (a head start on later work: what fails in it is left for
        that work to meet), then takes from the queue too. (It used to run in a thread beside two reading
        children: three things on two cores, the two threads taking turns, and slower.)"""
        results: dict = {}
        if self.children:
            self.busy = True
            queued = self.queue.fill(count)
            if meanwhile is not None:
                # Ctrl-C waits till it is done: raised inside a library's import, it can come out as an
                # import error (lxml's does), which the preloading would then pass over
                blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
                try:
                    meanwhile()
                except Exception:
                    pass
                finally:
                    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            _share_out(self.children, self.queue, queued, results, self.work)
            self.busy = len(results) < count
        return results

    def end(self, kill: bool = False) -> None:
        """Close the queue and wait for every child (done, it ends); ``kill`` those that may be working."""
        if self.queue is not None:
            self.queue.close()
        _end(self.children, kill=kill or self.busy)
        self.children = []

    def __exit__(self, *exc):
        self.end(kill=exc[0] is not None)
        return False


_started: list[tuple[object, Readers]] = []  # children forked ahead of the read by started_early()


@contextlib.contextmanager
def started_early(key, work: Callable[[int], object], processes: int):
    """Fork the children now, while this process runs one thread, for the read that comes later and takes
    them (take_started) with the same ``key``; they are ended on leaving, used or not."""
    if processes < 2:
        yield
        return
    with Readers(work, processes) as readers:
        entry = (key, readers)
        _started.append(entry)
        try:
            yield
        finally:
            if entry in _started:
                _started.remove(entry)


def take_started(key) -> Readers | None:
    """The children started early for ``key`` (compared by identity), handed over once."""
    for entry in _started:
        if all(a is b for a, b in zip(entry[0], key)):
            _started.remove(entry)
            return entry[1]
    return None


class _Child:
    """A forked child, and the pipe its results come up, as pickled messages (channel.py: imported when
    first read from, not before forking: the child imports it itself)."""

    def __init__(self, pid: int, results: int):
        self.pid, self.results = pid, results
        self._channel = None
        self.status: int | None = None  # its exit status, once waited for

    def ended_well(self) -> bool:
        """Wait for it to end (its results have ended: it is ending); whether it ran out of work, rather
        than failed."""
        try:
            self.status = os.waitpid(self.pid, 0)[1]
        except ChildProcessError:
            pass
        return self.status == 0

    @property
    def channel(self):
        if self._channel is None:
            from .channel import Channel

            self._channel = Channel(self.results, None)
        return self._channel

    def close(self) -> None:
        if self._channel is not None:
            self._channel.close()
        elif self.results >= 0:
            os.close(self.results)
        self.results = -1


def _fork(work, siblings: list[_Child], queue: Queue) -> _Child:
    """A child that runs ``work`` on each index it takes from ``queue``."""
    result_read, result_write = os.pipe()
    try:  # room for the results sent while this process does something else (meanwhile, in collect)
        import fcntl

        fcntl.fcntl(result_write, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass
    try:
        pid = os.fork()
    except OSError:
        for fd in (result_read, result_write):
            os.close(fd)
        raise
    if pid == 0:  # the child: serves until the queue ends, and never returns into the caller
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            os.close(result_read)
            for sibling in siblings:
                sibling.close()  # its results are the parent's to read
            from .channel import Channel

            queue.close_writing()  # else the queue would never end
            _serve(work, queue, Channel(None, result_write))
            code = 0
        except BaseException:
            pass
        finally:
            os._exit(code)
    os.close(result_write)
    return _Child(pid, result_read)


def _serve(work, queue: Queue, channel) -> None:
    """In a child: run each index taken from the queue and send back (index, result); return when the
    queue has ended, or (a failure) raise."""
    while (index := queue.take()) is not None:
        channel.send((index, work(index)))


def _share_out(children: list[_Child], queue: Queue, count: int, results: dict, work) -> None:
    """Take indices from the queue and run ``work`` on them here too, and collect the children's results,
    until the ``count`` queued are in, or a process fails (the caller then reads what is missing)."""
    from multiprocessing.connection import wait

    listening = {child.channel: child for child in children}
    mine = True  # this process still takes from the queue
    while len(results) < count and (mine or listening):
        if mine:
            index = queue.take()
            if index is None:
                mine = False
            else:
                try:
                    results[index] = work(index)
                except Exception:  # read again by the caller, in order: the first failure is the one raised
                    return
        for channel in wait(list(listening), 0 if mine else None):
            child = listening[channel]
            while True:  # every result it has sent by now
                try:
                    index, result = channel.recv()
                except (EOFError, OSError):  # it ended: the queue is done, or it failed
                    del listening[channel]
                    if not child.ended_well():
                        return
                    break
                results[index] = result
                if not channel.incoming.poll():
                    break


def _end(children: list[_Child], kill: bool) -> None:
    """Close the pipes and wait for every child (idle, it ends); ``kill`` those that may be working (after
    a failure, on Ctrl-C)."""
    for child in children:
        if kill:
            try:
                os.kill(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    for child in children:
        child.close()
        if child.status is None:
            try:
                os.waitpid(child.pid, 0)
            except ChildProcessError:
                pass
