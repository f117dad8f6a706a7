"""The same text as our build reads, as Pandoc Markdown: a heading per interview, questions in bold
italics, answers with the speaker in bold. Bench-only: it reads through the package's own model."""

from __future__ import annotations

from pathlib import Path


def escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\*_`#[]<>|$~^" else ch for ch in text)


def publication_markdown(project_dir: Path) -> str:
    from interview_publish.project import load_project, read_publication

    publication, _ = read_publication(load_project(project_dir))
    meta = publication.meta
    lines = ["---", f'title: "{meta.title}"', f"lang: {meta.language}", "---", ""]
    for interview in publication.interviews:
        lines += [f"# {escape(interview.title)}", ""]
        if interview.standfirst:
            lines += [f"*{escape(interview.standfirst)}*", ""]
        for turn in interview.turns:
            person = interview.participant(turn.speaker)
            label = person.label or person.name or person.role.capitalize()
            for number, paragraph in enumerate(turn.paragraphs):
                text = escape(paragraph.text)
                if person.role == "interviewer":
                    text = f"***{text}***"
                lines += [f"**{escape(label)}:** {text}" if number == 0 else text, ""]
    return "\n".join(lines)
