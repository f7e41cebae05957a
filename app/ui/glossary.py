"""Glossary: terms and their definitions, grouped, each with the items that use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.content.models import GlossaryItem
from app.ui.links import where_used
from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import item_tile, scrolling

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    tr, content, opened = ctx.tr, ctx.bundle.glossary, ctx.opened

    def view(term: GlossaryItem, is_opened: bool) -> ft.Control:
        return item_tile(tr, term, highlighted=is_opened, extra=where_used(ctx, term))

    groups = [(group, group.items) for group in content.groups]
    body = scrolling([framing_banner(content.framing, compact=ctx.compact), *group_tiles(ctx, groups, opened, view=view)], spacing=4)
    reveal_opened(ctx, body, opened)
    return body
