"""Privacy: exactly what the app keeps (settings only), what Exit cannot erase, how to come back,
and a way to reset the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.discretion import idle_reset_seconds
from app.ui.icons import Icons
from app.ui.widgets import heading, scrolling, subheading

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    minutes = max(1, round(idle_reset_seconds() / 60))

    def para(text: str) -> ft.Text:
        return ft.Text(text, theme_style=ft.TextThemeStyle.BODY_LARGE)

    async def reset() -> None:
        await ctx.reset_settings()

    return scrolling(
        [
            heading(_("What this app keeps")),
            para(_("Only your settings are stored, on this device: language, text size, theme and jurisdiction.")),
            para(_("Nothing about any patient is ever stored, logged or sent anywhere.")),
            para(
                tr.ngettext(
                    "Answers you enter stay in memory only, and are cleared when you leave that section, "
                    "press Exit, or leave the app idle for {minutes} minute.",
                    "Answers you enter stay in memory only, and are cleared when you leave that section, "
                    "press Exit, or leave the app idle for {minutes} minutes.",
                    minutes,
                ).format(minutes=minutes)
            ),
            para(_("The app makes no network requests of its own: everything it needs is bundled with it.")),
            para(_("Quick exit: press Exit at the top of any screen, or press Shift three times, to replace the screen with a plain clock.")),
            subheading(_("What Exit does not erase")),
            para(_("In a browser, the history still lists the pages of this app that were open. On a shared "
                   "device, anyone who opens the history or the list of recent tabs can see that the app was used.")),
            para(_("A card saved as a PDF stays where it was saved until someone deletes it.")),
            para(_("Where the app is used in a browser, open it in a private window: the browser then forgets "
                   "its history when the window is closed.")),
            subheading(_("Coming back after Exit")),
            para(_("The tab keeps showing the clock, even if it is reloaded. To use the app again, open its "
                   "address in a new tab, or start the app again on this device.")),
            ft.FilledTonalButton(_("Reset settings"), icon=Icons.RESTART_ALT, on_click=reset),
        ],
        spacing=12,
    )
