"""The content model as JSON, in the documented shape that tests and other tools rely on."""

from __future__ import annotations

import json

from .model import Publication


def dump_publication(publication: Publication) -> dict:
    """The model as plain data: title, language, and each interview's participants, turns and removals."""
    return {
        "title": publication.meta.title,
        "language": publication.meta.language,
        "identifier": publication.meta.identifier,
        "interviews": [
            {
                "id": interview.id,
                "source": interview.source,
                "title": interview.title,
                "standfirst": interview.standfirst,
                "participants": [
                    {"key": p.key, "name": p.name, "role": p.role, "description": p.description, "label": p.label}
                    for p in interview.participants
                ],
                "turns": [
                    {
                        "id": turn.id,
                        "speaker": turn.speaker,
                        "role": interview.participant(turn.speaker).role,
                        "paragraphs": [paragraph.text for paragraph in turn.paragraphs],
                        "line": turn.line,
                        "how": turn.how,
                    }
                    for turn in interview.turns
                ],
                "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in interview.removed],
            }
            for interview in publication.interviews
        ],
    }


def dump_json(publication: Publication) -> str:
    """Pretty, stable JSON of the model."""
    return json.dumps(dump_publication(publication), ensure_ascii=False, indent=2) + "\n"
