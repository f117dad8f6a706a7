"""Loaded at start-up by every Python process of an audited build (test_containment.py puts this folder on
PYTHONPATH): the build itself and the layout processes it starts. Records every file opened, folder
listed, process started, socket used and URL fetched, one JSON line per event as it happens (a layout
process may be ended by a signal), into a file of its own in $AUDIT_DIR."""

import json
import os
import sys

if os.environ.get("AUDIT_DIR"):
    _log = open(os.path.join(os.environ["AUDIT_DIR"], f"{os.getpid()}.jsonl"), "w", encoding="utf-8",
                buffering=1)  # opened before the hook: not recorded
    WATCHED = {"open", "os.listdir", "os.scandir", "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn",
               "os.spawn", "urllib.Request", "http.client.connect", "ftplib.connect", "shutil.copyfile"}

    def _record(event, target) -> None:
        _log.write(json.dumps([event, target]) + "\n")

    def _hook(event, args):
        if event == "interview_publish.fetch":  # asked of the PDF's fetcher (perhaps refused: not a touch)
            _record("fetch", args[0])
        elif event in WATCHED or event.startswith("socket."):
            first = args[0] if args else ""
            _record(event, first if isinstance(first, int) else str(first))

    sys.addaudithook(_hook)
