"""Where the clinician practises: asked the first time the reporting aid or Contacts needs it,
since rules and numbers depend on the country, and stored as a setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.datafiles.problems import DataError
from app.settings import jurisdictions
from app.ui.widgets import heading, scrolling

if TYPE_CHECKING:
    from app.ui.shell import Shell


def jurisdiction_name(shell: Shell, pack: str) -> str:
    # Settings must stay usable even when content or a pack is broken: it is the way out. So the
    # choices come from the packs' file names, and a name falls back to the id.
    try:
        return shell.bundle.reporting.item(f"pack_{pack}").title
    except (DataError, StopIteration):
        return pack


def jurisdiction_order(ids: set[str]) -> list[str]:
    """The United States and Canada first, other packs by id, "another country" last."""
    return sorted(ids, key=lambda pack: ({"us": 0, "ca": 1, "generic": 3}.get(pack, 2), pack))


def choose_jurisdiction(shell: Shell, why: str, packs: set[str] | None = None, after: list[ft.Control] = ()) -> ft.Control:
    """One card per jurisdiction with what its rules cover; choosing one stores it."""
    _ = shell.tr._

    def option(pack_id: str) -> ft.Control:
        async def choose() -> None:
            await shell.change_settings(jurisdiction=pack_id)

        try:
            detail = shell.bundle.reporting.item(f"pack_{pack_id}").detail or ""
        except (DataError, StopIteration):
            detail = ""
        return ft.Card(
            ft.ListTile(
                title=ft.Text(jurisdiction_name(shell, pack_id), theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                              weight=ft.FontWeight.W_600),
                subtitle=ft.Text(detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM),
                on_click=choose,
            ),
            key=f"pack-{pack_id}",
        )  # fmt: skip

    choices = jurisdiction_order(packs if packs is not None else jurisdictions())
    return scrolling(
        [heading(_("Where do you practise?")), ft.Text(why, theme_style=ft.TextThemeStyle.BODY_LARGE),
         *map(option, choices), *after],
        spacing=12,
    )  # fmt: skip
