"""What the web edition tells search engines and social sites: schema.org JSON-LD and OpenGraph."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..model import Interview, Publication


def person(participant) -> dict:
    data = {"@type": "Person", "name": participant.name}
    if participant.description:
        data["description"] = participant.description
    return data


def interview_ld(interview: Interview, publication: Publication) -> dict:
    """One interview as a schema.org Article of genre Interview: who was interviewed (about), who asked
    (author), in which language, when."""
    meta = publication.meta
    data = {
        "@type": "Article",
        "genre": "Interview",
        "headline": interview.title,
        "inLanguage": interview.language or meta.language,
        "about": [person(p) for p in interview.with_role("interviewee") if p.name],
        "author": [person(p) for p in interview.with_role("interviewer") if p.name],
    }
    if interview.standfirst:
        data["description"] = interview.standfirst
    if interview.date or meta.date:
        data["datePublished"] = interview.date or meta.date
    return {key: value for key, value in data.items() if value}


def json_ld(publication: Publication, canonical: str | None, image: str | None) -> Markup:
    """The JSON-LD block, safe inside <script> (no "</" can close it early)."""
    meta = publication.meta
    if len(publication.interviews) == 1:
        data = interview_ld(publication.interviews[0], publication)
    else:
        data = {"@type": "Book", "name": meta.title, "inLanguage": meta.language,
                "hasPart": [interview_ld(i, publication) for i in publication.interviews]}
        if meta.date:
            data["datePublished"] = meta.date
    data = {"@context": "https://schema.org", **data, "identifier": meta.identifier,
            "dateModified": meta.modified.strftime("%Y-%m-%dT%H:%M:%SZ")}
    if meta.publisher:
        data["publisher"] = {"@type": "Organization", "name": meta.publisher}
    if meta.rights:
        data["copyrightNotice"] = meta.rights
    if canonical:
        data["url"] = canonical
    if image:
        data["image"] = image
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return Markup(text.replace("</", "<\\/").replace("<!--", "<\\!--"))


def opengraph(publication: Publication, canonical: str | None, image: str | None) -> list[tuple[str, str]]:
    """OpenGraph properties for link previews."""
    meta = publication.meta
    tags = [("og:type", "article"), ("og:title", meta.title), ("og:locale", meta.language.replace("-", "_"))]
    if meta.description:
        tags.append(("og:description", meta.description))
    if meta.publisher:
        tags.append(("og:site_name", meta.publisher))
    if canonical:
        tags.append(("og:url", canonical))
    if image:
        tags.append(("og:image", image))
    if meta.date:
        tags.append(("article:published_time", meta.date))
    return tags
