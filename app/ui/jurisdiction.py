"""Where the clinician practises: asked the first time the reporting aid or Contacts needs it,
since rules and numbers depend on the country, and stored as a setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.datafiles.problems import DataError
from app.rules.packs import offered
from app.ui.widgets import heading, scrolling

if TYPE_CHECKING:
    from app.ui.context import Context


def jurisdiction_name(ctx: Context, pack: str) -> str:
    # Settings must stay usable even when content is broken: it is the way out. So a name falls
    # back to the pack's id.
    try:
        return ctx.bundle.reporting.item(f"pack_{pack}").title
    except (DataError, StopIteration):
        return pack


def choose_jurisdiction(ctx: Context, why: str, after: list[ft.Control] = ()) -> ft.Control:
    """One card per jurisdiction the packs offer, with what its rules cover; choosing one stores it."""
    _ = ctx.tr._

    def option(pack_id: str) -> ft.Control:
        async def choose() -> None:
            await ctx.change_settings(jurisdiction=pack_id)

        try:
            detail = ctx.bundle.reporting.item(f"pack_{pack_id}").detail or ""
        except (DataError, StopIteration):
            detail = ""
        return ft.Card(
            ft.ListTile(
                title=ft.Text(jurisdiction_name(ctx, pack_id), theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                              weight=ft.FontWeight.W_600),
                subtitle=ft.Text(detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM),
                on_click=choose,
            ),
            key=f"pack-{pack_id}",
            variant=ft.CardVariant.OUTLINED,  # the focus fill stands out from the page, not a tint
        )  # fmt: skip

    return scrolling(
        [heading(_("Where do you practise?")), ft.Text(why, theme_style=ft.TextThemeStyle.BODY_LARGE),
         *map(option, offered()), *after],
        spacing=12,
    )  # fmt: skip
