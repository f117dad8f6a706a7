"""What a build shows while it runs: a live line per step on a terminal, plain lines elsewhere (and in CI)."""

from __future__ import annotations

import os
import sys
import threading
import time

LABELS = {"read": "reading the transcripts", "pdf": "PDF", "epub": "EPUB", "kepub": "KEPUB", "html": "HTML",
          "kit": "distribution kit", "write": "writing the files"}


def is_live(stream) -> bool:
    """A live display only on a real terminal, and never in CI or on a dumb terminal."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return tty and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


class Progress:
    """A ``progress(event, step)`` callback for build(). On a terminal it shows the running step with its
    elapsed time and leaves one finished line per step; elsewhere it prints nothing unless ``verbose``, then
    one plain line per finished step with its time. ``quiet`` shows nothing."""

    def __init__(self, stream=None, *, verbose: bool = False, quiet: bool = False, live: bool | None = None):
        self.stream = stream or sys.stderr
        self.verbose = verbose
        self.quiet = quiet
        self.live = is_live(self.stream) if live is None else live
        self.started: dict[str, float] = {}
        self.timings: list[tuple[str, float]] = []
        self._running: str | None = None
        self._lock = threading.Lock()
        self._ticker: threading.Thread | None = None
        self._stop = threading.Event()

    def __call__(self, event: str, step: str) -> None:
        if event == "start":
            self.started[step] = time.monotonic()
            if self.live and not self.quiet:
                with self._lock:
                    self._running = step
                self._draw()
                self._start_ticker()
        elif event == "done":
            seconds = time.monotonic() - self.started.pop(step, time.monotonic())
            self.timings.append((step, seconds))
            with self._lock:
                self._running = next(reversed(self.started), None)  # the step this one ran inside, if any
                if self.quiet:
                    return
                if self.live:
                    self.stream.write(f"\r\033[K  ✓ {LABELS.get(step, step):<26} {seconds:6.1f} s\n")
                    self.stream.flush()
                elif self.verbose:
                    self.stream.write(f"{step}: done in {seconds:.2f} s\n")
                    self.stream.flush()

    def _draw(self) -> None:
        with self._lock:
            if self._running is None:
                return
            elapsed = time.monotonic() - self.started.get(self._running, time.monotonic())
            self.stream.write(f"\r\033[K  … {LABELS.get(self._running, self._running):<26} {elapsed:6.1f} s")
            self.stream.flush()

    def _start_ticker(self) -> None:
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, name="progress", daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(0.2):
            self._draw()

    def close(self) -> None:
        """Stop the live line and clear what is left of it (a failed step leaves no half line)."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=1)
        with self._lock:
            if self.live and self._running is not None and not self.quiet:
                self.stream.write("\r\033[K")
                self.stream.flush()
            self._running = None
