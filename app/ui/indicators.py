"""Indicators: grouped by category, a child/adolescent filter, and the framing always in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.content.models import Group, IndicatorsFile
from app.i18n import Translator
from app.ui.widgets import item_tile

if TYPE_CHECKING:
    from app.ui.shell import Shell


def visible_groups(content: IndicatorsFile, child_only: bool) -> list[tuple[Group, list]]:
    """Groups and the items the filter keeps; groups left empty are dropped."""
    pairs = [(group, [i for i in group.items if i.child or not child_only]) for group in content.groups]
    return [(group, items) for group, items in pairs if items]


def framing_banner(tr: Translator, content: IndicatorsFile) -> ft.Container:
    # Pinned above the list, never scrolled away: indicators are cues to ask, not a diagnosis.
    rows = [
        ft.Row(
            [
                ft.Icon(ft.Icons.INFO_OUTLINE, size=18, color=ft.Colors.ON_SECONDARY_CONTAINER),
                ft.Text(
                    item.title,
                    theme_style=ft.TextThemeStyle.BODY_MEDIUM,
                    weight=ft.FontWeight.W_600,
                    color=ft.Colors.ON_SECONDARY_CONTAINER,
                    expand=True,
                ),
            ],
            vertical_alignment=ft.CrossAxisAlignment.START,
        )
        for item in content.framing
    ]
    return ft.Container(
        ft.Column(rows, spacing=4),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=ft.BorderRadius.all(12),
        padding=ft.Padding.symmetric(horizontal=12, vertical=10),
        key="framing",
    )


def group_tiles(tr: Translator, content: IndicatorsFile, child_only: bool) -> list[ft.Control]:
    tiles = []
    for group, items in visible_groups(content, child_only):
        count = tr.ngettext("{count} item", "{count} items", len(items)).format(count=len(items))
        children: list[ft.Control] = []
        if group.intro:
            children.append(
                ft.Container(
                    ft.Text(group.intro, theme_style=ft.TextThemeStyle.BODY_MEDIUM, italic=True),
                    padding=ft.Padding.symmetric(horizontal=16),
                )
            )
        children.extend(item_tile(tr, item) for item in items)
        tiles.append(
            ft.ExpansionTile(
                title=ft.Text(group.title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600),
                subtitle=ft.Text(count, theme_style=ft.TextThemeStyle.BODY_SMALL),
                controls=children,
                expanded=child_only,  # a filtered list is short: show it open
                expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,  # start = right in Arabic
                key=group.id,
            )
        )
    return tiles


def build(shell: Shell) -> ft.Control:
    tr, content = shell.tr, shell.bundle.indicators
    _ = tr._
    groups = ft.ListView(group_tiles(tr, content, shell.child_only), expand=True, spacing=2)

    def shown_count() -> str:
        n = sum(len(items) for _group, items in visible_groups(content, shell.child_only))
        return tr.ngettext("{count} indicator shown", "{count} indicators shown", n).format(count=n)

    summary = ft.Text(shown_count(), theme_style=ft.TextThemeStyle.BODY_SMALL)

    def toggle(e) -> None:
        shell.child_only = bool(e.control.value)
        groups.controls = group_tiles(tr, content, shell.child_only)
        summary.value = shown_count()

    child_switch = ft.Switch(label=_("Child and adolescent only"), value=shell.child_only, on_change=toggle)
    return ft.Column(
        [
            framing_banner(tr, content),
            ft.Row([child_switch, summary], wrap=True, alignment=ft.MainAxisAlignment.SPACE_BETWEEN),
            groups,
        ],
        expand=True,
        spacing=8,
    )
