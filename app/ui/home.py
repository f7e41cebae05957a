"""The first screen: deliberately plain, so nothing on it alarms someone looking over a shoulder."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.ui.icons import Icons
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
                Icons.CHECKLIST,
                _("Indicators"),
                _("Signs that may prompt careful, private follow-up questions."),
            ),
            card(
                "/asking",
                Icons.QUESTION_ANSWER,
                _("Asking"),
                _("Open questions, and what to say first, in the patient's language."),
            ),
            card(
                "/care",
                Icons.VOLUNTEER_ACTIVISM,
                _("Care approach"),
                _("Respectful, patient-led care: principles and what they look like in practice."),
            ),
            card(
                "/guidance",
                Icons.MENU_BOOK,
                _("Guidance"),
                _("Safety, immediate care, records, handoffs, interpreters and children."),
            ),
            card(
                "/next",
                Icons.ALT_ROUTE,
                _("Next steps"),
                _("What to do next and whom to contact, with the reasons."),
            ),
            card("/study", Icons.SCHOOL, _("Study"), _("True or false, and practice cases that train judgement. Nothing is saved.")),
            card("/glossary", Icons.LIBRARY_BOOKS, _("Glossary"), _("Definitions, as the sources give them.")),
            card("/yourself", Icons.SPA, _("Looking after yourself"), _("When hearing about trauma affects you.")),
            card("/contacts", Icons.CONTACT_PHONE, _("Contacts"), _("Useful numbers, and a card to hand over.")),
            card("/settings", Icons.SETTINGS, _("Settings"), _("Language, text size, theme and jurisdiction.")),
            ft.Row(
                [
                    ft.Icon(Icons.LOCK_OUTLINE, color=ft.Colors.ON_SURFACE_VARIANT),
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
