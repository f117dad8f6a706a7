"""Where a build's parallel work runs: the one seam between the build and its helper processes.

A build decides once (build.layout_workers) how its PDF is laid out: by ``processes`` new Pythons that
start importing WeasyPrint at once, while this process reads the transcripts and renders the other
formats; or, with ``processes`` 0, by one thread of this process (``--jobs 1``, or a process that has
WeasyPrint loaded already and a book too short to gain from more). Either way the work is given the
same way: each lane is a Channel, a pair of pipes carrying pickled messages, and at its other end the
same function, ``entry(channel)``, serves it. So there is one way to lay out a book, whatever runs it.

Helper processes are new Pythons, never forks (WeasyPrint's libraries never cross a fork), started
with -P (the current folder, perhaps someone else's project, is never searched for modules) and in a
session of their own (Ctrl-C reaches only the build, which ends them). On Linux they end with the
build, even one killed outright.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path

# What a pipe to a lane holds (Linux; elsewhere the system's default): a chunk's HTML is sent in one piece
# without waiting for the lane to read it, and the lane's PDF comes back the same way.
PIPE_BYTES = 1 << 20


class Channel:
    """Both directions of talk with one lane: what is sent down one pipe, what is received up the other.
    ``multiprocessing.connection.wait`` waits on it (by its reading end)."""

    def __init__(self, reading: int | None, writing: int | None):
        """Either end may be None: a channel that only sends, or only receives."""
        self.incoming = Connection(reading, writable=False) if reading is not None else None
        self.outgoing = Connection(writing, readable=False) if writing is not None else None

    def send(self, message) -> None:
        self.outgoing.send(message)

    def recv(self):
        return self.incoming.recv()

    def fileno(self) -> int:
        return self.incoming.fileno()

    def close(self) -> None:
        for end in (self.incoming, self.outgoing):
            if end is not None:
                end.close()


class Workers:
    """The lanes of one build: ``processes`` helper processes, or one thread of this process (0), each
    serving ``entry`` ("package.module:function", called with the lane's Channel); none without an
    ``entry`` (a build without a PDF). Started on entering, ended on leaving: an idle lane ends when its
    channel closes, a busy one is stopped."""

    def __init__(self, entry: str | None, processes: int = 0):
        self.entry, self.processes = entry, processes
        self.lanes: list[Channel] = []
        self._running: list = []  # subprocess.Popen objects, or the one thread

    @property
    def in_process(self) -> bool:
        return not self.processes

    def __enter__(self) -> "Workers":
        if self.entry is None:
            return self
        try:
            for _ in range(self.processes):
                self._start_process()
        except OSError:  # no Python to start (an embedded interpreter, say): lay out in this process
            self.close()
        if not self.lanes:
            self.processes = 0
            self._start_thread()
        return self

    def __exit__(self, *exc) -> bool:
        self.close(stop=exc[0] is not None)
        return False

    def close(self, stop: bool = False) -> None:
        """End every lane: closing its channel ends an idle one; a process still busy (or, on ``stop``,
        any) is terminated. A busy thread cannot be stopped: it finishes its chunk for nobody."""
        for lane in self.lanes:
            lane.close()
        for running in self._running:
            if isinstance(running, threading.Thread):
                running.join(timeout=None if not stop else 0)
            else:
                if stop or running.poll() is None:
                    running.terminate()
                running.wait()
        self.lanes, self._running = [], []

    def _start_thread(self) -> None:
        down, up = os.pipe(), os.pipe()  # (read, write): to the lane, from the lane
        for end in (down[1], up[1]):
            widen(end)
        serving = Channel(down[0], up[1])

        def serve() -> None:
            try:
                entry_function(self.entry)(serving)
            finally:
                serving.close()

        thread = threading.Thread(target=serve, name="interview-publish layout", daemon=True)
        thread.start()
        self._running.append(thread)
        self.lanes.append(Channel(up[0], down[1]))

    def _start_process(self) -> None:
        down, up = os.pipe(), os.pipe()
        for end in (down[1], up[1]):
            widen(end)
        package_root = str(Path(__file__).resolve().parents[1])
        code = (f"import sys; sys.path.insert(0, {package_root!r}); "
                f"from interview_publish.workers import serve_process; serve_process({self.entry!r}, "
                f"{down[0]}, {up[1]})")
        try:
            process = subprocess.Popen([sys.executable, "-P", "-c", code], pass_fds=(down[0], up[1]),
                                       stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError:
            for end in (*down, *up):
                os.close(end)
            raise
        os.close(down[0])
        os.close(up[1])
        self._running.append(process)
        self.lanes.append(Channel(up[0], down[1]))

    def exit_status(self, lane: Channel) -> int | None:
        """The exit status of the process behind ``lane`` once it has ended (None for a thread)."""
        running = self._running[self.lanes.index(lane)]
        return None if isinstance(running, threading.Thread) else running.wait()


def entry_function(entry: str):
    module, _, name = entry.partition(":")
    return getattr(importlib.import_module(module), name)


def serve_process(entry: str, reading: int, writing: int) -> None:
    """A helper process's start: serve ``entry`` over these pipes; on Linux, end with the parent."""
    if sys.platform == "linux":
        import ctypes
        import signal

        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    entry_function(entry)(Channel(reading, writing))


def widen(fd: int) -> None:
    """Let the pipe ``fd`` hold PIPE_BYTES (Linux; elsewhere, or above the system's limit, it stays as is)."""
    if sys.platform == "linux":
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)


def cores() -> int:
    return os.cpu_count() or 1
