"""The first screen: deliberately plain, so nothing on it alarms someone looking over a shoulder."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.ui.icons import Icons
from app.ui.widgets import heading, scrolling

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    _ = ctx.tr._

    # Tiles rather than cards around tiles: no shadows to draw, the first screen's frame took ~20 ms
    # less (12 loads each), and 20 controls fewer. Outlined rather than tinted: in dark, the focus
    # fill can stand 3:1 from the page's background but not from a tint (app.ui.theme).
    def tile(route: str, icon: ft.IconData, title: str, text: str) -> ft.ListTile:
        return ft.ListTile(
            leading=icon,
            title=ft.Text(title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            subtitle=ft.Text(text, theme_style=ft.TextThemeStyle.BODY_MEDIUM),
            on_click=lambda: ctx.navigate(route),
            shape=ft.RoundedRectangleBorder(radius=12, side=ft.BorderSide(1, ft.Colors.OUTLINE_VARIANT)),
        )

    return scrolling(
        [
            heading(_("Care Reference")),
            ft.Text(_("Point-of-care guidance for clinicians."), theme_style=ft.TextThemeStyle.BODY_LARGE),
            tile(
                "/indicators",
                Icons.CHECKLIST,
                _("Indicators"),
                _("Signs that may prompt careful, private follow-up questions."),
            ),
            tile(
                "/asking",
                Icons.QUESTION_ANSWER,
                _("Asking"),
                _("Open questions, and what to say first, in the patient's language."),
            ),
            tile(
                "/care",
                Icons.VOLUNTEER_ACTIVISM,
                _("Care approach"),
                _("Respectful, patient-led care: principles and what they look like in practice."),
            ),
            tile(
                "/guidance",
                Icons.MENU_BOOK,
                _("Guidance"),
                _("Safety, immediate care, records, handoffs, interpreters and children."),
            ),
            tile(
                "/next",
                Icons.ALT_ROUTE,
                _("Next steps"),
                _("What to do next and whom to contact, with the reasons."),
            ),
            tile("/study", Icons.SCHOOL, _("Study"), _("True or false, and practice cases that train judgement. Nothing is saved.")),
            tile("/glossary", Icons.LIBRARY_BOOKS, _("Glossary"), _("Definitions, as the sources give them.")),
            tile("/yourself", Icons.SPA, _("Looking after yourself"), _("When hearing about trauma affects you.")),
            tile("/contacts", Icons.CONTACT_PHONE, _("Contacts"), _("Useful numbers, and a card to hand over.")),
            tile("/settings", Icons.SETTINGS, _("Settings"), _("Language, text size, theme and jurisdiction.")),
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
