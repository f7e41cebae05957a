"""The first screen: deliberately plain, so nothing on it alarms someone looking over a shoulder."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.ui.widgets import heading, scrolling

if TYPE_CHECKING:
    from app.ui.shell import Shell


def build(shell: Shell) -> ft.Control:
    _ = shell.tr._

    def card(route: str, icon: ft.IconData, title: str, text: str) -> ft.Card:
        return ft.Card(
            ft.ListTile(
                leading=ft.Icon(icon),
                title=ft.Text(title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
                subtitle=ft.Text(text, theme_style=ft.TextThemeStyle.BODY_MEDIUM),
                on_click=lambda: shell.navigate(route),
            )
        )

    return scrolling(
        [
            heading(_("Care Reference")),
            ft.Text(_("Point-of-care guidance for clinicians."), theme_style=ft.TextThemeStyle.BODY_LARGE),
            card(
                "/indicators",
                ft.Icons.CHECKLIST,
                _("Indicators"),
                _("Signs that may prompt careful, private follow-up questions."),
            ),
            card(
                "/next",
                ft.Icons.ALT_ROUTE,
                _("Next steps"),
                _("What to do next and whom to contact, with the reasons."),
            ),
            card("/settings", ft.Icons.SETTINGS, _("Settings"), _("Language, text size, theme and jurisdiction.")),
            ft.Row(
                [
                    ft.Icon(ft.Icons.LOCK_OUTLINE, color=ft.Colors.ON_SURFACE_VARIANT),
                    ft.Text(
                        _("This app stores no patient information. Only your settings are kept on this device."),
                        theme_style=ft.TextThemeStyle.BODY_SMALL,
                        color=ft.Colors.ON_SURFACE_VARIANT,
                        expand=True,
                    ),
                ]
            ),
        ],
        spacing=12,
    )
