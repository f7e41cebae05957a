"""Links between items: from an item to the glossary terms it uses, and from a term to the items
that use it. Built once per language from the glossary's `see_also`."""

from __future__ import annotations

from functools import partial

from functools import cache
from typing import TYPE_CHECKING

import flet as ft

from app.content.loader import load_bundle
from app.content.models import GlossaryItem, Item
from app.ui.icons import Icons

if TYPE_CHECKING:
    from app.ui.context import Context

# Topics whose sections show their items where a link can open them.
LINKABLE = ("indicators", "principles", "questions", "guidance", "reporting", "glossary", "selfcare")


@cache
def _terms_using(language: str) -> dict[str, tuple[GlossaryItem, ...]]:
    """item id -> the glossary terms whose `see_also` names it."""
    found: dict[str, list[GlossaryItem]] = {}
    for term in load_bundle(language).glossary.items():
        for item_id in getattr(term, "see_also", []) or []:
            found.setdefault(item_id, []).append(term)
    return {item_id: tuple(terms) for item_id, terms in found.items()}


@cache
def _topic_of(language: str) -> dict[str, tuple[str, Item]]:
    bundle = load_bundle(language)
    return {item.id: (topic, item) for topic in LINKABLE for item in bundle.topic(topic).items()}


def link(label: str, on_click) -> ft.Control:
    return ft.TextButton(label, icon=Icons.LINK, on_click=on_click, style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=4)))


def glossary_links(ctx: Context, item_id: str) -> list[ft.Control]:
    """"Glossary: <term>" for each term the item uses."""
    _ = ctx.tr._
    terms = _terms_using(ctx.tr.language.code).get(item_id, ())
    if not terms:
        return []
    buttons = [link(_("Glossary: {term}").format(term=term.title), partial(ctx.open_item, "glossary", term.id))
               for term in terms]  # fmt: skip
    return [ft.Row(buttons, wrap=True, spacing=0, run_spacing=0)]


def where_used(ctx: Context, term: GlossaryItem) -> list[ft.Control]:
    """The items a glossary term is used in, each opening where it stands."""
    found = _topic_of(ctx.tr.language.code)
    targets = [found[item_id] for item_id in getattr(term, "see_also", []) or [] if item_id in found]
    if not targets:
        return []
    buttons = [link(item.title if len(item.title) <= 60 else item.title[:57] + "…",
                    partial(ctx.open_item, topic, item.id)) for topic, item in targets]  # fmt: skip
    heading = ft.Text(ctx.tr._("Where this appears"), theme_style=ft.TextThemeStyle.LABEL_LARGE)
    return [heading, ft.Column(buttons, spacing=0, horizontal_alignment=ft.CrossAxisAlignment.START)]


def item_and_topic(language: str, item_id: str) -> tuple[str, Item] | None:
    """The topic an item is shown under and the item, when a section shows it."""
    return _topic_of(language).get(item_id)
