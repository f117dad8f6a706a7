"""The same text as our build reads, as Pandoc Markdown: a heading per interview, questions in bold
italics, answers with the speaker in bold. It takes the content model from the command line's `dump`
(its documented JSON), so the benchmark imports nothing of the package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\*_`#[]<>|$~^@" else ch for ch in text)


def dumped(project_dir: Path) -> dict:
    """The content model of the project, as `interview-publish dump` prints it."""
    done = subprocess.run([sys.executable, "-m", "interview_publish", "dump", str(project_dir)],
                          capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise SystemExit(f"interview-publish dump {project_dir} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def publication_markdown(project_dir: Path) -> str:
    publication = dumped(project_dir)
    lines = ["---", f"title: {json.dumps(publication['title'], ensure_ascii=False)}",
             f"lang: {publication['language']}", "---", ""]
    for interview in publication["interviews"]:
        people = {person["key"]: person for person in interview["participants"]}
        lines += [f"# {escape(interview['title'])}", ""]
        if interview["standfirst"]:
            lines += [f"*{escape(interview['standfirst'])}*", ""]
        for turn in interview["turns"]:
            person = people[turn["speaker"]]
            label = person["label"] or person["name"] or person["role"].capitalize()
            for number, paragraph in enumerate(turn["paragraphs"]):
                text = escape(paragraph)
                if person["role"] == "interviewer":
                    text = f"***{text}***"
                lines += [f"**{escape(label)}:** {text}" if number == 0 else text, ""]
    return "\n".join(lines)
