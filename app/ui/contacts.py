"""Contacts: numbers for where the clinician practises, each to call or copy with one tap, and a
card for the patient in the patient's language (chosen apart from the app's), shown on screen or
saved as a PDF to print, full size or small enough to hide in a shoe."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import flet as ft

from app.directory import Directory, load_directory
from app.directory.card import Card, card_entries, make_card
from app.directory.models import Entry
from app.i18n import LANGUAGES, isolate_ltr
from app.ui.icons import Icons
from app.ui.jurisdiction import choose_jurisdiction, jurisdiction_name
from app.ui.widgets import FullScreen, badge, choices, directed_text, labelled_switch, language_choice, scrolling, subheading
from app.visit import CardChoice

if TYPE_CHECKING:
    from app.ui.context import Context

# The directory's kinds of service, by where the clinician meets them on this screen.
REFERRAL = ("hotline", "anti_trafficking", "shelter", "health", "related", "legal_immigration", "interpreters", "embassy")
PROTECTION = ("child_protection", "adult_protection", "law_enforcement")


def build(ctx: Context) -> ft.Control | FullScreen:
    _ = ctx.tr._
    if ctx.settings.jurisdiction is None:
        return choose_jurisdiction(ctx, _("The numbers depend on the country. You can change this later in Settings."))
    if ctx.visit.card is None:
        ctx.visit.card = CardChoice(language=ctx.tr.language.code)
    if ctx.visit.card.showing:
        return card_screen(ctx)
    directory = load_directory()
    return scrolling([*card_options(ctx, directory), ft.Divider(), *numbers(ctx, directory)], spacing=10)


# -- the card ----------------------------------------------------------------------------------


def current_card(ctx: Context, directory: Directory) -> Card:
    choice = ctx.visit.card
    return make_card(card_entries(directory, ctx.settings.jurisdiction), choice.language, named=choice.named, shoe=choice.shoe)


def card_options(ctx: Context, directory: Directory) -> list[ft.Control]:
    _ = ctx.tr._
    choice = ctx.visit.card

    def set_language(code: str | None) -> None:
        choice.language = code

    def set_layout(layout: str | None) -> None:
        choice.shoe = layout == "shoe"

    def set_named(e) -> None:
        choice.named = bool(e.control.value)

    def ask(what: str) -> None:
        choice.asking = what
        ctx.redraw()

    async def proceed() -> None:
        what, choice.asking = choice.asking, None
        if what == "show":
            choice.showing = True
            ctx.redraw()
        else:
            ctx.redraw()
            await save_card_pdf(ctx, current_card(ctx, directory))

    def cancel() -> None:
        choice.asking = None
        ctx.redraw()

    buttons = ft.Row(
        [
            ft.FilledButton(_("Show card"), icon=Icons.BADGE_OUTLINED, on_click=lambda: ask("show")),
            ft.OutlinedButton(_("Save card as PDF"), icon=Icons.DOWNLOAD, key="save-card-pdf", on_click=lambda: ask("pdf")),
        ],
        wrap=True,
    )
    return [
        subheading(_("Card for the patient")),
        ft.Text(_("Card language"), theme_style=ft.TextThemeStyle.LABEL_LARGE),
        language_choice(choice.language, set_language),
        choices({"full": _("Full card"), "shoe": _("Small card")}, "shoe" if choice.shoe else "full", set_layout),
        labelled_switch(_("Say on the card what the numbers are for"), choice.named, set_named),
        ask_first(ctx, proceed, cancel) if choice.asking else buttons,
        ft.Text(
            _("The PDF is made on this device to print. The app keeps no copy; delete the file once it is printed."),
            theme_style=ft.TextThemeStyle.BODY_SMALL,
            color=ft.Colors.ON_SURFACE_VARIANT,
        ),
    ]


def ask_first(ctx: Context, proceed, cancel) -> ft.Control:
    """Seed 002: visible referral information can endanger the patient if a trafficker finds it.
    Asked on the page, not in a dialog: a dialog would cover Exit and take the keys that leave."""
    _ = ctx.tr._
    return ft.Container(
        ft.Column(
            [
                ft.Text(_("Before you give the card"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600),
                ft.Text(_("Ask whether carrying a card is safe for the patient. Memorising the number is an alternative.")),
                ft.Row([ft.TextButton(_("Cancel"), on_click=cancel), ft.FilledButton(_("Continue"), on_click=proceed)],
                       wrap=True),
            ],
            spacing=8,
        ),
        bgcolor=ft.Colors.TERTIARY_CONTAINER,
        border_radius=ft.BorderRadius.all(12),
        padding=16,
        key="ask-first",
    )  # fmt: skip


async def save_card_pdf(ctx: Context, card: Card) -> None:
    """Made in memory and handed to the browser or the system's save dialog: nothing stays here."""
    from app.directory.card_pdf import CardTooLong, card_pdf  # fpdf2 and HarfBuzz load on first use

    _ = ctx.tr._
    try:
        pdf = await asyncio.to_thread(card_pdf, card)
    except CardTooLong:
        ctx.show_dialog(ft.SnackBar(ft.Text(_("Too many numbers for the small card: choose the full card."))))
        return
    await ft.FilePicker().save_file(file_name="card.pdf", src_bytes=pdf)  # a name that says nothing


def card_screen(ctx: Context) -> FullScreen:
    def close() -> None:
        ctx.visit.card.showing = False
        ctx.redraw()

    card = current_card(ctx, load_directory())
    content = ft.Container(card_view(card), alignment=ft.Alignment.TOP_CENTER, padding=16)
    return FullScreen(ctx.tr._("Card"), content, close)


def card_view(card: Card) -> ft.Control:
    """The card itself, large enough to read at arm's length, laid out in the card's direction
    inside the app's. The small card has a bank card's proportions and no details."""
    language = LANGUAGES[card.language]
    if card.shoe:
        rows: list[ft.Control] = [directed_text(card.title, language, size=15, weight=ft.FontWeight.W_700)]
        for line in card.lines:
            rows.append(directed_text(line.label, language, size=12, max_lines=2))
            rows.append(directed_text(isolate_ltr(line.phone), language, size=19, weight=ft.FontWeight.W_700,
                                      key=f"phone-{line.dial}"))  # fmt: skip
        body = ft.Column(rows, spacing=2, scroll=ft.ScrollMode.AUTO, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        return framed(body, padding=12, width=340, height=214)
    rows = [directed_text(card.title, language, size=28, weight=ft.FontWeight.W_700)]
    for line in card.lines:
        rows.append(directed_text(line.label, language, size=20, weight=ft.FontWeight.W_600))
        rows.append(directed_text(isolate_ltr(line.phone), language, size=34, weight=ft.FontWeight.W_700,
                                  key=f"phone-{line.dial}"))  # fmt: skip
        rows += [directed_text(detail, language, size=16) for detail in line.details]
    body = ft.Column(rows, spacing=6, scroll=ft.ScrollMode.AUTO, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    return framed(body, padding=24)


def framed(body: ft.Control, padding: float, width: float | None = None, height: float | None = None) -> ft.Container:
    return ft.Container(
        body,
        padding=padding,
        border=ft.Border.all(2, ft.Colors.OUTLINE),
        border_radius=ft.BorderRadius.all(12),
        width=width,
        height=height,
        key="referral-card",
    )


# -- the numbers -------------------------------------------------------------------------------


def numbers(ctx: Context, directory: Directory) -> list[ft.Control]:
    tr = ctx.tr
    _ = tr._
    jurisdiction = ctx.settings.jurisdiction
    where = jurisdiction_name(ctx, jurisdiction)
    rows: list[ft.Control] = [
        ft.Row(
            [
                subheading(_("Numbers for {jurisdiction}").format(jurisdiction=where)),
                ft.TextButton(_("Change"), on_click=lambda: ctx.navigate("/settings")),
            ],
            wrap=True,
        )
    ]
    if directory.problems:
        rows.append(notice(_("Some of your facility's services could not be read and are not shown. "
                             "Settings, under \"For your facility\", says where.")))  # fmt: skip
    referral = [e for c in REFERRAL for e in directory.by_category(c, jurisdiction)]
    rows += [entry_row(ctx, e) for e in referral]
    if not directory.has_local:
        rows.append(notice(_("Your facility has not added its local services yet (shelters, health, legal help, "
                             "interpreters, child and adult protection, police).")))  # fmt: skip
    protection = [e for c in PROTECTION for e in directory.by_category(c, jurisdiction)]
    if protection:
        rows += [ft.Divider(), subheading(_("Protection services and police")), *map(lambda e: entry_row(ctx, e), protection)]
    international = directory.by_category("international", jurisdiction)
    if international:
        rows += [ft.Divider(), subheading(_("International organisations")), *map(lambda e: entry_row(ctx, e), international)]
    return rows


def notice(text: str) -> ft.Control:
    return ft.Container(
        ft.Text(text, color=ft.Colors.ON_TERTIARY_CONTAINER),
        bgcolor=ft.Colors.TERTIARY_CONTAINER,
        padding=12,
        border_radius=ft.BorderRadius.all(12),
    )


def entry_row(ctx: Context, entry: Entry) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    name = (entry.names or {}).get(tr.language.code, entry.name)  # in the app's language where given
    lines: list[ft.Control] = [ft.Text(name, theme_style=ft.TextThemeStyle.TITLE_SMALL, weight=ft.FontWeight.W_600)]
    if entry.jurisdiction:  # a national line: say whose
        lines.append(badge(jurisdiction_name(ctx, entry.jurisdiction)))
    if entry.phone:
        number = isolate_ltr(entry.phone)
        lines.append(
            ft.Row(
                [
                    # Opened only by this explicit tap: the phone's dialler, with ASCII digits.
                    ft.FilledTonalButton(number, icon=Icons.CALL, action=ft.OpenUrl(f"tel:{entry.dial}"),
                                         key=f"call-{entry.id}"),
                    ft.TextButton(_("Copy"), icon=Icons.CONTENT_COPY, action=ft.CopyToClipboard(entry.phone),
                                  on_click=lambda: copied(ctx), key=f"copy-{entry.id}"),
                ],
                wrap=True,
            )  # fmt: skip
        )
    if entry.link:  # an http(s) address with a host, never a scheme left to the browser to guess
        lines.append(
            ft.TextButton(tr.ltr(entry.site), icon=Icons.OPEN_IN_NEW, key=f"open-{entry.id}",
                          action=ft.OpenUrl(entry.link, target=ft.UrlTarget.BLANK))  # fmt: skip
        )
    details = [entry.hours, entry.eligibility]
    lines += [ft.Text(detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM) for detail in details if detail]
    lines.append(
        ft.Text(
            _("Last verified: {date}").format(date=tr.ltr(entry.verified.isoformat())),
            theme_style=ft.TextThemeStyle.BODY_SMALL,
            color=ft.Colors.ON_SURFACE_VARIANT,
        )
    )
    return ft.Semantics(content=ft.Column(lines, spacing=4), container=True)


def copied(ctx: Context) -> None:
    ctx.show_dialog(ft.SnackBar(ft.Text(ctx.tr._("Number copied"))))
