"""The stable JSON shape translators and reviewers read: sections -> items, each with id and source."""

from __future__ import annotations

from app.content.models import TOPICS, Bundle, Group, Item


def item_as_dict(item: Item) -> dict:
    # Every field the model has (answers, figures, paired questions...), sources with their files.
    return {
        **item.model_dump(exclude={"source"}),
        "source": [{"seed": s.seed, "file": s.file, "section": s.section} for s in item.source],
    }


def group_as_dict(group: Group) -> dict:
    return {"id": group.id, "title": group.title, "intro": group.intro, "items": [item_as_dict(i) for i in group.items]}


def bundle_as_dict(bundle: Bundle) -> dict:
    sections = {}
    for topic in TOPICS:
        content = bundle.topic(topic)
        sections[topic] = {
            "title": content.title,
            **{name: [item_as_dict(i) for i in getattr(content, name)] for name in content.ITEM_LISTS},
            **{name: [group_as_dict(g) for g in getattr(content, name)] for name in content.GROUP_LISTS},
        }
    return {"language": bundle.language, "schema_version": 1, "sections": sections}
