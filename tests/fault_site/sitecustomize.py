"""Loaded at start-up by every Python process of a faulty build (test_faults.py puts this folder on
PYTHONPATH): the build and its PDF layout processes. Injects one fault, chosen by $FAULT (nothing in the
package itself knows about it):
  pause-in-pdf      the PDF layout starts, writes its process id to $MARKER, and waits to be killed
  die-in-pdf        the process laying out the PDF is killed (SIGKILL) as the layout starts
  pause-before-rename  every temporary file is written; the first rename touches $MARKER and waits
  pause-mid-rename  the first file has been renamed into place; the second rename touches $MARKER and waits
  enospc            writes fail with ENOSPC ("No space left on device") once 100 KB have been written"""

import errno
import os
import signal
import sys
import time
from pathlib import Path

FAULT = os.environ.get("FAULT")


def wait_to_be_killed() -> None:
    marker = Path(os.environ["MARKER"])
    marker.with_suffix(".part").write_text(str(os.getpid()))
    os.rename(marker.with_suffix(".part"), marker)  # whole when seen (os.replace may be the fault)
    time.sleep(600)
    sys.exit("not killed")


if FAULT in ("pause-in-pdf", "die-in-pdf"):
    import importlib.util

    def fault_the_layout(weasyprint) -> None:
        original_render = weasyprint.HTML.render

        def render(self, *args, **kwargs):
            if FAULT == "die-in-pdf":  # as the kernel's out-of-memory killer would
                os.kill(os.getpid(), signal.SIGKILL)
            wait_to_be_killed()
            return original_render(self, *args, **kwargs)

        weasyprint.HTML.render = render

    class FaultOnImport:
        """Faults WeasyPrint's layout once some code of the process imports WeasyPrint (importing it here
        would tell the build that this process has it loaded already)."""

        def find_spec(self, name, path=None, target=None):
            if name != "weasyprint":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            execute = spec.loader.exec_module

            def exec_module(module):
                execute(module)
                fault_the_layout(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, FaultOnImport())
elif FAULT in ("pause-before-rename", "pause-mid-rename"):
    original_replace = os.replace
    calls = []

    def replace(source, target, *args, **kwargs):
        calls.append(target)
        if len(calls) == (1 if FAULT == "pause-before-rename" else 2):
            wait_to_be_killed()
        return original_replace(source, target, *args, **kwargs)

    os.replace = replace
elif FAULT == "enospc":
    original_fdopen = os.fdopen
    written = [0]

    class FillingDisk:
        def __init__(self, stream):
            self.stream = stream

        def write(self, data):
            if written[0] + len(data) > 100_000:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            written[0] += len(data)
            return self.stream.write(data)

        def __getattr__(self, name):
            return getattr(self.stream, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

    def fdopen(fd, *args, **kwargs):
        return FillingDisk(original_fdopen(fd, *args, **kwargs))

    os.fdopen = fdopen
elif FAULT:
    sys.exit(f"unknown fault {FAULT}")
