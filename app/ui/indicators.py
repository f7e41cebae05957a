"""Indicators: grouped by category, a child/adolescent filter, and the framing always in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.content.models import Group, IndicatorsFile
from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import labelled_switch, scrolling

if TYPE_CHECKING:
    from app.ui.context import Context


def visible_groups(content: IndicatorsFile, child_only: bool) -> list[tuple[Group, list]]:
    """Groups and the items the filter keeps; groups left empty are dropped."""
    pairs = [(group, [i for i in group.items if i.child or not child_only]) for group in content.groups]
    return [(group, items) for group, items in pairs if items]


def build(ctx: Context) -> ft.Control:
    tr, content, opened = ctx.tr, ctx.bundle.indicators, ctx.opened
    _ = tr._
    if opened and not any(item.id == opened for _g, items in visible_groups(content, ctx.visit.child_only) for item in items):
        ctx.visit.child_only = False  # a search result the filter would hide: show everything

    def tiles() -> list[ft.Control]:
        # A filtered list is short: show it open.
        return group_tiles(ctx, visible_groups(content, ctx.visit.child_only), opened, expanded=ctx.visit.child_only)

    def shown_count() -> str:
        n = sum(len(items) for _group, items in visible_groups(content, ctx.visit.child_only))
        return tr.ngettext("{count} indicator shown", "{count} indicators shown", n).format(count=n)

    groups = scrolling(tiles(), spacing=2)
    summary = ft.Text(shown_count(), theme_style=ft.TextThemeStyle.BODY_SMALL)

    def toggle(e) -> None:
        ctx.visit.child_only = bool(e.control.value)
        groups.controls = tiles()
        summary.value = shown_count()

    child_switch = labelled_switch(_("Child and adolescent only"), ctx.visit.child_only, toggle)
    reveal_opened(ctx, groups, opened)
    return ft.Column(
        [
            framing_banner(content.framing, compact=ctx.compact),
            ft.Row([child_switch, summary], wrap=True, alignment=ft.MainAxisAlignment.SPACE_BETWEEN),
            groups,
        ],
        expand=True,
        spacing=8,
    )
