"""A collection's transcripts read in forked processes: each is read, corrected and typeset on its own
(project.read_one), so a long collection reads on every core; the results come back in order.

Forked, not spawned: a child starts at once with everything imported and the project loaded. Only from a
single-threaded process (fork copies the calling thread alone; a lock another thread held, say on stderr,
would stay held in the child forever): `serve` builds from threads, and so reads in order, in-process.
A child that fails in any way (a transcript's error, a crash, a kill) just ends; the caller reads what is
missing itself, in order, so the error of the first failing transcript is raised as and where it would be
without processes. Ctrl-C reaches only the parent (the children ignore it), which ends the children.
Indices go down and results come up as pickled messages (channel.py).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections import deque
from pathlib import Path
from typing import Callable

# A collection is read in processes from this many transcripts and this many bytes of them: below, starting
# them (about 5 ms) costs what they save. Measured on 2 cores with bench/run.py's collections (5.3 kB each):
# even at 8, ahead from 10.
MIN_TRANSCRIPTS = 8
MIN_BYTES = 48_000
PER_PROCESS = 4  # transcripts at least per process
AHEAD = 2  # transcripts handed to a process ahead of its results, so it never waits for the next


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
    """``work(index)`` for each index below ``count``, in ``processes`` forked children, by index. Stops at
    the first failure (an exception in ``work``, a child that ends), so the result may lack some.
    ``meanwhile`` as in Readers.collect."""
    with Readers(work, processes) as readers:
        return readers.collect(count, meanwhile)


class Readers:
    """Forked children that wait for indices to run ``work`` on (collect); all ended on leaving."""

    def __init__(self, work: Callable[[int], object], processes: int):
        self.work, self.processes = work, processes
        self.children: list[_Child] = []
        self.busy = False

    def __enter__(self):
        try:
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # until the child ignores it
            try:
                for _ in range(self.processes):
                    self.children.append(_fork(self.work, self.children))
            except OSError:  # no more processes to be had: those started do the work, or the caller does
                pass
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        except BaseException:
            _end(self.children, kill=True)
            raise
        return self

    def collect(self, count: int, meanwhile: Callable[[], None] | None = None) -> dict:
        """The results by index; ``meanwhile()`` runs in a thread of this process while the children work
        (they are forked: threads may start now), and has ended when this returns."""
        results: dict = {}
        if self.children:
            self.busy = True
            side = threading.Thread(target=meanwhile, name="meanwhile", daemon=True) if meanwhile else None
            if side:
                side.start()
            try:
                _share_out(self.children, count, results)
            finally:
                if side:
                    side.join()
            self.busy = len(results) < count
        return results

    def __exit__(self, *exc):
        _end(self.children, kill=self.busy or exc[0] is not None)
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
    def __init__(self, pid: int, channel):
        self.pid, self.channel = pid, channel  # layoutpool.Channel: pickled messages over two pipes
        self.pending: deque[int] = deque()
        self.handing_out = True  # until its task pipe is closed (nothing more to do)


def _fork(work, siblings: list[_Child]) -> _Child:
    from .channel import Channel

    task_read, task_write = os.pipe()
    result_read, result_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (task_read, task_write, result_read, result_write):
            os.close(fd)
        raise
    if pid == 0:  # the child: serves until its tasks end, and never returns into the caller
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            os.close(task_write)
            os.close(result_read)
            for sibling in siblings:
                sibling.channel.close()  # else a sibling would never see the end of its tasks
            _serve(work, Channel(task_read, result_write))
            code = 0
        except BaseException:
            pass
        finally:
            os._exit(code)
    os.close(task_read)
    os.close(result_write)
    return _Child(pid, Channel(result_read, task_write))


def _serve(work, channel) -> None:
    """In the child: run each index the parent sends and send back (index, result); return when the parent
    has no more, or (a failure) raise."""
    while True:
        try:
            index = channel.recv()
        except EOFError:
            return
        channel.send((index, work(index)))


def _share_out(children: list[_Child], count: int, results: dict) -> None:
    """Hand out the indices in order, a few ahead to each child, and collect the results until all are
    in or a child fails."""
    from multiprocessing.connection import wait

    upcoming = iter(range(count))
    for child in children:
        if not _hand_out(child, upcoming, AHEAD):
            return
    listening = {child.channel: child for child in children}
    while len(results) < count and listening:
        for channel in wait(list(listening)):
            child = listening[channel]
            try:
                index, result = channel.recv()
            except (EOFError, OSError):  # it ended: done, or failed or ended mid-task
                if child.pending:
                    return
                del listening[channel]
                continue
            if not child.pending or child.pending.popleft() != index:
                return
            results[index] = result
            if not _hand_out(child, upcoming, 1):
                return


def _hand_out(child: _Child, upcoming, number: int) -> bool:
    """Send the child up to ``number`` more indices; with none left, close its tasks so it ends once idle."""
    for _ in range(number):
        index = next(upcoming, None)
        if index is None:
            if not child.pending and child.handing_out:
                child.channel.outgoing.close()
                child.handing_out = False
            return True
        try:
            child.channel.send(index)
        except OSError:  # it ended
            return False
        child.pending.append(index)
    return True


def _end(children: list[_Child], kill: bool) -> None:
    """Close the pipes and wait for every child (idle, it ends); ``kill`` those that may be working (after
    a failure, on Ctrl-C)."""
    for child in children:
        if child.handing_out:
            child.channel.outgoing.close()
            child.handing_out = False
        if kill:
            try:
                os.kill(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    for child in children:
        child.channel.close()
        try:
            os.waitpid(child.pid, 0)
        except ChildProcessError:
            pass
