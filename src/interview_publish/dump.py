"""The content model as JSON, in the documented shape that tests and other tools rely on."""

from __future__ import annotations

import json

from .model import Interview, Note, Publication, Section, Turn


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
                "header": list(interview.header),
                "reader": interview.reader,
                "layout": interview.layout,
                "date": interview.date,
                "place": interview.place,
                "source_url": interview.source_url,
                "participants": [
                    {"key": p.key, "name": p.name, "role": p.role, "description": p.description, "label": p.label,
                     "labels": list(p.labels), "reason": p.reason}
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
                        "confidence": turn.confidence,
                        "timestamp": turn.timestamp,
                        "starts": [p.start for p in turn.paragraphs],
                    }
                    for turn in interview.turns
                ],
                "sections": [{"id": b.id, "title": b.title, "line": b.line, "before": next_turn(interview, b)}
                             for b in interview.blocks if isinstance(b, Section)],
                "notes": [{"id": b.id, "paragraphs": [p.text for p in b.paragraphs], "line": b.line}
                          for b in interview.blocks if isinstance(b, Note)],
                "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in interview.removed],
            }
            for interview in publication.interviews
        ],
    }


def dump_json(publication: Publication) -> str:
    """Pretty, stable JSON of the model."""
    return json.dumps(dump_publication(publication), ensure_ascii=False, indent=2) + "\n"


def next_turn(interview: Interview, block) -> str | None:
    """The id of the first turn after a block, so a section's place is clear."""
    after = interview.blocks[interview.blocks.index(block):]
    return next((b.id for b in after if isinstance(b, Turn)), None)
