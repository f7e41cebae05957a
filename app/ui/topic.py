"""Building blocks of a content section: the framing banner, groups as expandable tiles, and
the item a search result opened, expanded, marked and scrolled into view."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

import flet as ft

from app.content.models import Group, Item
from app.ui.icons import Icons
from app.ui.theme import EXPAND
from app.ui.widgets import item_tile

if TYPE_CHECKING:
    from app.ui.context import Context

ItemView = Callable[[Item, bool], ft.Control]  # (item, is the opened one) -> tile


def framing_banner(items: Sequence[Item], key: str = "framing", compact: bool = False) -> ft.Container:
    """Points that are always in view, above everything the section lists. Compact (a phone at a
    large text size), only the first point and every safety line are shown until the banner is
    opened: pinned whole, it took 40 % of the screen, but "never ask with a companion present" is
    never hidden behind a "+2"."""
    colour = ft.Colors.ON_SECONDARY_CONTAINER
    rows = [
        ft.Row(
            [
                ft.Icon(Icons.INFO_OUTLINE, size=18, color=colour),
                ft.Text(item.title, theme_style=ft.TextThemeStyle.BODY_MEDIUM, weight=ft.FontWeight.W_600, color=colour,
                        expand=True),
            ],
            vertical_alignment=ft.CrossAxisAlignment.START,
        )
        for item in items
    ]  # fmt: skip
    column = ft.Column(rows, spacing=4)
    hidden = [row for index, (row, item) in enumerate(zip(rows, items)) if index and not item.safety]
    if compact and hidden:
        for row in hidden:
            row.visible = False
        toggle = ft.TextButton(f"+{len(hidden)}", icon=Icons.EXPAND_MORE, style=ft.ButtonStyle(color=colour))

        def flip() -> None:
            shown = not hidden[0].visible
            for row in hidden:
                row.visible = shown
            toggle.icon = Icons.EXPAND_LESS if shown else Icons.EXPAND_MORE
            toggle.content = "" if shown else f"+{len(hidden)}"

        toggle.on_click = flip
        rows[0].controls.append(toggle)
    return ft.Container(
        column,
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=ft.BorderRadius.all(12),
        padding=ft.Padding.symmetric(horizontal=12, vertical=10),
        key=key,
    )


def group_tiles(
    ctx: Context,
    groups: Sequence[tuple[Group, Sequence[Item]]],
    opened: str | None = None,
    expanded: bool = False,
    view: ItemView | None = None,
) -> list[ft.Control]:
    """One expandable tile per group. The group holding `opened` starts expanded.

    A closed group holds no item controls until it is first opened: a section's update then
    carries a few dozen controls instead of several hundred, which kept a section switch waiting
    ~90 ms on the server alone."""
    from app.ui.links import glossary_links

    tr = ctx.tr
    view = view or (lambda item, is_opened: item_tile(tr, item, highlighted=is_opened, extra=glossary_links(ctx, item.id)))
    tiles = []
    for group, items in groups:
        count = tr.ngettext("{count} item", "{count} items", len(items)).format(count=len(items))
        is_open = expanded or any(item.id == opened for item in items)

        def children(group=group, items=items) -> list[ft.Control]:
            lines: list[ft.Control] = []
            if group.intro:
                lines.append(
                    ft.Container(
                        ft.Text(group.intro, theme_style=ft.TextThemeStyle.BODY_MEDIUM, italic=True),
                        padding=ft.Padding.symmetric(horizontal=16),
                    )
                )
            return lines + [view(item, item.id == opened) for item in items]

        def fill(e, children=children) -> None:
            if e.control.expanded and not e.control.controls:
                e.control.controls = children()
                e.control.update()

        tiles.append(
            ft.ExpansionTile(
                # A group stands out from its items: bolder than an item's title. In the text colour,
                # not the theme's teal, which would be 1.8:1 on the focus fill (app.ui.theme).
                title=ft.Text(group.title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_800),
                subtitle=ft.Text(count, theme_style=ft.TextThemeStyle.BODY_SMALL),
                controls=children() if is_open else [],
                expanded=is_open,
                animation_style=EXPAND,
                on_change=fill,
                expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,  # start = right in Arabic
                key=group.id,
            )
        )
    return tiles


def reveal_opened(ctx: Context, body: ft.Column, opened: str | None) -> None:
    """Scroll the item a search result opened into view once the screen is drawn."""
    if not opened:
        return

    async def scroll() -> None:
        await body.scroll_to(scroll_key=ft.ScrollKey(opened), duration=300)

    ctx.after_render(scroll)
