"""Run the CLI with an audit hook (PEP 578) that records every file opened, folder listed, process
started, socket used and URL fetched, then write them as JSON to $AUDIT_LOG. Used by test_containment."""

import json
import os
import sys

log = open(os.environ["AUDIT_LOG"], "w", encoding="utf-8")  # opened before the hook: not recorded
events = []
WATCHED = {"open", "os.listdir", "os.scandir", "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn",
           "os.spawn", "urllib.Request", "http.client.connect", "ftplib.connect", "shutil.copyfile"}


def hook(event, args):
    if event in WATCHED or event.startswith("socket."):
        first = args[0] if args else ""
        events.append([event, first if isinstance(first, int) else str(first)])


fetchers = []


def main() -> int:
    sys.addaudithook(hook)
    from interview_publish.renderers import fetcher as module

    original = module.contained_fetcher

    def recording(roots):
        made = original(roots)
        fetchers.append(made)
        return made

    module.contained_fetcher = recording
    from interview_publish.cli import main as cli

    try:
        return cli(sys.argv[1:])
    finally:
        events.extend(["fetch", url] for made in fetchers for url in made.requested)
        json.dump(events, log)
        log.close()


sys.exit(main())
