"""Talk with a helper process (a PDF layout process, a process reading transcripts): pickled messages
over a pair of pipes, framed by multiprocessing's Connection."""

from __future__ import annotations

from multiprocessing.connection import Connection  # here, so that processes forked later need not import it


class Channel:
    """Both directions of talk with one process: what is sent down one pipe, what is received up the other.
    ``multiprocessing.connection.wait`` waits on it (by its reading end)."""

    def __init__(self, reading: int | None, writing: int | None):
        """Either end may be None: a channel that only sends, or only receives."""
        self.incoming = Connection(reading, writable=False) if reading is not None else None
        self.outgoing = Connection(writing, readable=False) if writing is not None else None

    def send(self, message) -> None:
        self.outgoing.send(message)

    def send_pickled(self, data: bytes) -> None:
        """Send a message pickled beforehand (to send one message to several processes, pickled once)."""
        self.outgoing.send_bytes(data)

    def recv(self):
        return self.incoming.recv()

    def fileno(self) -> int:
        return self.incoming.fileno()

    def close(self) -> None:
        for end in (self.incoming, self.outgoing):
            if end is not None:
                end.close()
