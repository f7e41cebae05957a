"""Contacts: the referral directory and a card to show or hand to the patient, in the patient's
language (chosen apart from the app's language), full size or as a small "shoe card"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft
from babel import Locale

from app.directory import Directory, load_directory
from app.directory.models import Entry
from app.i18n import Translator, isolate_ltr
from app.ui.icons import Icons
from app.ui.widgets import FullScreen, directed_text, labelled_switch, language_choice, scrolling, subheading
from app.visit import CardChoice

if TYPE_CHECKING:
    from app.ui.shell import Shell


def card_entries(directory: Directory) -> list[Entry]:
    """What goes on a patient's card: services reachable by phone, hotlines first."""
    return sorted((e for e in directory.entries if e.phone), key=lambda e: (e.category != "hotline", e.name))


def build(shell: Shell) -> ft.Control | FullScreen:
    tr = shell.tr
    _ = tr._
    directory = load_directory()
    if shell.visit.card is None:
        shell.visit.card = CardChoice(language=shell.settings.language)
    choice = shell.visit.card
    if choice.showing:
        return card_screen(shell)

    def set_language(e) -> None:
        choice.language = e.control.selected[0]

    def set_layout(e) -> None:
        choice.shoe = e.control.selected[0] == "shoe"

    def set_named(e) -> None:
        choice.named = bool(e.control.value)

    def open_card() -> None:
        choice.showing = True
        shell.page.pop_dialog()
        shell.render()

    def ask_first() -> None:
        # Seed 002: visible referral information can endanger the patient if a trafficker finds it.
        shell.page.show_dialog(
            ft.AlertDialog(
                modal=True,
                title=ft.Text(_("Before you show the card")),
                content=ft.Text(
                    _("Ask whether carrying a card is safe for the patient. Memorising the number is an alternative.")
                ),
                actions=[
                    ft.TextButton(_("Cancel"), on_click=lambda: shell.page.pop_dialog()),
                    ft.FilledButton(_("Show card"), on_click=open_card),
                ],
            )
        )

    rows: list[ft.Control] = [
        ft.Text(_("Card language"), theme_style=ft.TextThemeStyle.TITLE_SMALL),
        language_choice(choice.language, set_language),
        ft.SegmentedButton(
            selected=["shoe" if choice.shoe else "full"],
            allow_multiple_selection=False,
            on_change=set_layout,
            segments=[
                ft.Segment(value="full", label=ft.Text(_("Full card"))),
                ft.Segment(value="shoe", label=ft.Text(_("Small card (fits in a shoe)"))),
            ],
        ),
        labelled_switch(_("Say on the card what the numbers are for"), choice.named, set_named),
        ft.FilledButton(_("Show card"), icon=Icons.BADGE_OUTLINED, on_click=ask_first),
        ft.Divider(),
        subheading(_("Directory")),
    ]
    if not directory.has_local:
        rows.append(
            ft.Container(
                ft.Text(
                    _(
                        "Only the numbers given in the sources are built in. Your facility must add and verify "
                        "local services (shelters, health, legal help, interpreters, child and adult protection, "
                        "police) in content/directory/local.yaml."
                    ),
                    color=ft.Colors.ON_TERTIARY_CONTAINER,
                ),
                bgcolor=ft.Colors.TERTIARY_CONTAINER,
                padding=12,
                border_radius=ft.BorderRadius.all(12),
            )
        )
    for problem in directory.problems:
        rows.append(ft.Text(tr.ltr(str(problem)), color=ft.Colors.ERROR, theme_style=ft.TextThemeStyle.BODY_SMALL))
    rows += [directory_row(tr, entry) for entry in directory.entries]
    return scrolling(rows, spacing=10)


def directory_row(tr: Translator, entry: Entry) -> ft.Control:
    _ = tr._
    lines = [ft.Text(entry.name, theme_style=ft.TextThemeStyle.TITLE_SMALL, weight=ft.FontWeight.W_600)]
    if entry.phone:
        lines.append(ft.Text(isolate_ltr(entry.phone), theme_style=ft.TextThemeStyle.BODY_LARGE))
    if entry.url:
        lines.append(ft.Text(tr.ltr(entry.url), theme_style=ft.TextThemeStyle.BODY_MEDIUM))
    verified = entry.verified.isoformat()
    lines.append(
        ft.Text(
            _("Last verified: {date}").format(date=tr.ltr(verified)),
            theme_style=ft.TextThemeStyle.BODY_SMALL,
            color=ft.Colors.ON_SURFACE_VARIANT,
        )
    )
    return ft.Semantics(content=ft.Column(lines, spacing=2), container=True)


def card_screen(shell: Shell) -> FullScreen:
    def close() -> None:
        shell.visit.card.showing = False
        shell.render()

    content = ft.Container(card_view(shell), alignment=ft.Alignment.TOP_CENTER, padding=16)
    return FullScreen(shell.tr._("Card"), content, close)


def card_view(shell: Shell) -> ft.Control:
    """The card itself, in the patient's language, large enough to read at arm's length, laid out
    in that language's direction inside the app's."""
    choice = shell.visit.card
    tr = Translator(choice.language)
    language = tr.language
    _ = tr._
    title = _("Help with trafficking and exploitation") if choice.named else _("Useful numbers")
    scale = 0.7 if choice.shoe else 1.0
    lines: list[ft.Control] = [directed_text(title, language, size=28 * scale, weight=ft.FontWeight.W_700)]
    for entry in card_entries(load_directory()):
        label = entry.name if choice.named or not entry.card_label else entry.card_label.get(choice.language, entry.name)
        lines.append(directed_text(label, language, size=20 * scale, weight=ft.FontWeight.W_600))
        # Digits stay left to right inside Arabic; the tel: link would use entry.dial (ASCII digits).
        lines.append(directed_text(isolate_ltr(entry.phone), language, size=34 * scale, weight=ft.FontWeight.W_700,
                                   key=f"phone-{entry.id}"))  # fmt: skip
        details = []
        if entry.hours and not choice.shoe:
            details.append(_("Hours: {hours}").format(hours=entry.hours))
        if entry.languages and not choice.shoe:
            names = ", ".join(Locale.parse(code).get_display_name(choice.language) for code in entry.languages)
            details.append(_("Languages: {languages}").format(languages=names))
        lines += [directed_text(line, language, size=16 * scale) for line in details]
    return ft.Container(
        ft.Column(lines, spacing=6 * scale, scroll=ft.ScrollMode.AUTO, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        padding=24 * scale,
        border=ft.Border.all(2, ft.Colors.OUTLINE),
        border_radius=ft.BorderRadius.all(16),
        width=320 if choice.shoe else None,
        key="referral-card",
    )
