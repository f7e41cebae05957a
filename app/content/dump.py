"""The stable JSON shape translators and reviewers read: sections -> items, each with id and source."""

from __future__ import annotations

from app.content.models import TOPICS, Bundle, Item


def item_as_dict(item: Item) -> dict:
    return {
        "id": item.id,
        "title": item.title,
        "detail": item.detail,
        "child": item.child,
        "source": [{"seed": s.seed, "file": s.file, "section": s.section} for s in item.source],
    }


def bundle_as_dict(bundle: Bundle) -> dict:
    sections = {}
    for topic in TOPICS:
        content = getattr(bundle, topic)
        sections[topic] = {
            "title": content.title,
            "framing": [item_as_dict(i) for i in content.framing],
            "groups": [
                {
                    "id": g.id,
                    "title": g.title,
                    "intro": g.intro,
                    "items": [item_as_dict(i) for i in g.items],
                }
                for g in content.groups
            ],
        }
    return {"language": bundle.language, "schema_version": 1, "sections": sections}
