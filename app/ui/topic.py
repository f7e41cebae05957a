"""Building blocks of a content section: the framing banner, groups as expandable tiles, and
the item a search result opened, expanded, marked and scrolled into view."""

from __future__ import annotations

import asyncio
import dataclasses
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

    A closed group holds no item controls when the section is drawn: its update then carries a few
    dozen controls instead of several hundred, which kept a section switch waiting ~90 ms on the
    server alone. Once the section is on screen the closed groups are filled in the background
    (`fill_in_background`), so that opening one is the browser's work alone, with no round trip;
    a group opened before that is filled when opened."""
    from app.ui.links import glossary_links

    tr = ctx.tr
    fillers: list[Callable[[], list[ft.Control]]] = []
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
                e.control.on_change = None  # filled: opening it again needs nothing from here
                e.control.update()

        fillers.append(children)
        tiles.append(
            ft.ExpansionTile(
                # A group stands out from its items: coloured and bolder than an item's title.
                title=ft.Text(group.title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_800,
                              color=ft.Colors.PRIMARY),
                subtitle=ft.Text(count, theme_style=ft.TextThemeStyle.BODY_SMALL),
                controls=children() if is_open else [],
                expanded=is_open,
                animation_style=EXPAND,
                on_change=fill,
                expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,  # start = right in Arabic
                key=group.id,
            )
        )
    fill_in_background(ctx, list(zip(tiles, fillers)))
    return tiles


# After the section's first frame (0.1-0.3 s to draw here): the fill's message then never delays it.
FILL_AFTER_S = 0.5


async def first_frame_drawn() -> None:
    await asyncio.sleep(FILL_AFTER_S)


def fill_in_background(ctx: Context, tiles: list[tuple[ft.ExpansionTile, Callable[[], list[ft.Control]]]]) -> None:
    """Fill the closed groups once the section is drawn, one update for them all, and drop their
    open handlers in the same update: opening one is then drawn by the browser alone."""
    if not tiles:
        return

    async def fill() -> None:
        await first_frame_drawn()
        closed = [(tile, children) for tile, children in tiles if not tile.controls and on_screen(tile)]
        if not closed:
            return  # all opened already, or the section is no longer shown
        for tile, children in closed:
            tile.controls = children()
            tile.on_change = None
        parent = closed[0][0].parent
        if all(tile.parent is parent for tile, _c in closed):
            parent.update()
        else:
            for tile, _c in closed:
                tile.update()

    ctx.after_render(fill)


def on_screen(control: ft.Control) -> bool:
    """Whether the control is still in its view: a screen replaced keeps its parent links, but
    the control above it no longer holds it."""
    child, parent = control, control.parent
    while parent is not None:
        if not holds(parent, child):
            return False
        if isinstance(parent, ft.View):
            return True
        child, parent = parent, parent.parent
    return False


def holds(parent: ft.Control, child: ft.Control) -> bool:
    for field in dataclasses.fields(parent):
        value = getattr(parent, field.name, None)
        if value is child or (isinstance(value, list) and any(v is child for v in value)):
            return True
    return False


def reveal_opened(ctx: Context, body: ft.Column, opened: str | None) -> None:
    """Scroll the item a search result opened into view once the screen is drawn."""
    if not opened:
        return

    async def scroll() -> None:
        await body.scroll_to(scroll_key=ft.ScrollKey(opened), duration=300)

    ctx.after_render(scroll)
