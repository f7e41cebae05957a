"""Care approach: the toolkit's trauma-informed concepts, the guide's key principles mapped
onto them, and the behaviours in practice."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.content.models import Principle
from app.ui.links import glossary_links
from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import item_tile, scrolling

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    tr, content, opened = ctx.tr, ctx.bundle.principles, ctx.opened

    def view(item: Principle, is_opened: bool) -> ft.Control:
        extra = []
        if item.maps_to:
            concept = content.item(item.maps_to).title
            extra.append(
                ft.Text(
                    tr._("Part of: {concept}").format(concept=concept),
                    theme_style=ft.TextThemeStyle.LABEL_LARGE,
                    color=ft.Colors.PRIMARY,
                )
            )
        return item_tile(tr, item, highlighted=is_opened, extra=extra + glossary_links(ctx, item.id))

    groups = [(group, group.items) for group in content.groups]
    body = scrolling([framing_banner(content.framing, compact=ctx.compact), *group_tiles(ctx, groups, opened, view=view)], spacing=4)
    reveal_opened(ctx, body, opened)
    return body
