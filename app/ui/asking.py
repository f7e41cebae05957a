"""Asking: the confidentiality script, the lines for every patient and the question bank, each in
the patient's language and form of address (chosen apart from the app's language, in memory only),
with guidance in the app's language beside it; and a view to turn towards the patient that shows
only what is said to them, in large type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import flet as ft

from app.content.loader import load_bundle
from app.content.models import Item, Question, SpokenItem
from app.i18n import LANGUAGES, Language, Translator, isolate
from app.ui.icons import Icons
from app.ui.links import glossary_links
from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import (
    FullScreen, badge, child_badge, choices, directed_text, item_tile, language_choice, scrolling, source_line, subheading,
    tile_frame,
)  # fmt: skip
from app.visit import PatientView

if TYPE_CHECKING:
    from app.ui.context import Context

PATIENT_SIZE = 28  # px at 100 %: read at arm's length


def address_matters(questions) -> bool:
    """Whether any line said to the patient changes with the form of address in this language (in
    Spanish, «usted» is the same to everyone: the choice would change nothing there)."""
    return any(form != item.title for item in questions.items() for form in (getattr(item, "forms", None) or {}).values())


def said_to(item: SpokenItem, address: str | None) -> str:
    """The line as said to this patient: their form of address when one was chosen, else the form
    that assumes no gender."""
    return (item.forms or {}).get(address, item.title) if address else item.title


def spoken(text: str, language: Language, ui: Language, size: ft.TextThemeStyle) -> ft.Control:
    """A sentence to say to the patient, in the patient's language and that language's direction.
    A language tag leads it when it differs from the app's, so the clinician sees which it is."""
    words = ft.Text(
        isolate(text, language),
        theme_style=size,
        weight=ft.FontWeight.W_600,
        font_family=language.font,
        text_align=ft.TextAlign.RIGHT if language.rtl else ft.TextAlign.LEFT,
        expand=True,
    )
    if language == ui:
        return ft.Row([words])
    tag = badge(language.native_name)
    # A subtree can be turned right to left; an Arabic question in the English app reads from the right.
    # Tag and words are separate accessibility nodes, so a screen reader (and a test) finds each.
    return ft.Row(
        [ft.Semantics(content=tag, container=True), ft.Semantics(content=words, container=True, expand=True)],
        rtl=language.rtl,
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def in_app_language(tr: Translator, text: str) -> ft.Text:
    """The same sentence in the app's language, small, for the clinician."""
    return ft.Text(
        f"{tr.language.native_name}: {text}",
        theme_style=ft.TextThemeStyle.BODY_SMALL,
        italic=True,
        color=ft.Colors.ON_SURFACE_VARIANT,
    )


def build(ctx: Context) -> ft.Control | FullScreen:
    if ctx.visit.patient_view is not None:
        return patient_view(ctx)
    tr, content, opened = ctx.tr, ctx.bundle.questions, ctx.opened
    _ = tr._
    ui = tr.language
    patient = LANGUAGES[ctx.visit.patient_language or ctx.tr.language.code]
    theirs = load_bundle(patient.code).questions
    varies = bool(patient.address_forms) and address_matters(theirs)
    address = ctx.visit.patient_address if varies else None

    def show(part: str, item_id: str | None = None):
        def open_view() -> None:
            ctx.visit.patient_view = PatientView(part, item_id)
            ctx.redraw()

        return open_view

    def show_button(part: str, item_id: str | None = None) -> ft.Control:
        return ft.OutlinedButton(_("Show to the patient"), icon=Icons.FULLSCREEN, on_click=show(part, item_id))

    def said(item: Item, size: ft.TextThemeStyle) -> list[ft.Control]:
        lines = [spoken(said_to(theirs.item(item.id), address), patient, ui, size)]
        if patient != ui:
            lines.append(in_app_language(tr, item.title))
        return lines

    def question(item: Question, is_opened: bool) -> ft.Control:
        lines = said(item, ft.TextThemeStyle.TITLE_LARGE)
        if item.detail:
            lines.append(ft.Text(item.detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
        if item.instead_of:
            lines.append(
                ft.Text(
                    _("Instead of: “{question}”").format(question=item.instead_of),
                    theme_style=ft.TextThemeStyle.BODY_MEDIUM,
                    weight=ft.FontWeight.W_600,
                )
            )
            lines.append(ft.Text(item.why, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
        if item.child:
            lines.append(child_badge(tr))
        lines += glossary_links(ctx, item.id)
        lines += [show_button("question", item.id), source_line(tr, item)]
        return tile_frame(item.id, lines, is_opened)

    def choose_language(code: str | None) -> None:
        ctx.visit.patient_language = code
        ctx.redraw()

    def choose_address(chosen: str | None) -> None:
        ctx.visit.patient_address = None if chosen == "unspecified" else chosen
        ctx.redraw()

    chooser: list[ft.Control] = [
        ft.Text(_("Patient's language"), theme_style=ft.TextThemeStyle.TITLE_SMALL),
        language_choice(patient.code, choose_language),
    ]
    if varies:
        forms = {"unspecified": _("Not assumed"), "woman": _("A woman"), "man": _("A man")}
        chooser += [
            ft.Text(_("Speak to the patient as"), theme_style=ft.TextThemeStyle.TITLE_SMALL),
            choices(forms, address or "unspecified", choose_address),
        ]

    def block(title: str, items: Sequence[Item], part: str, key: str) -> ft.Container:
        lines: list[ft.Control] = [subheading(title)]
        for item in items:
            lines += said(item, ft.TextThemeStyle.BODY_LARGE)
        lines.append(show_button(part))
        return ft.Container(
            ft.Column(lines, spacing=6),
            border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
            border_radius=ft.BorderRadius.all(12),
            padding=12,
            key=ft.ScrollKey(key),
        )

    categories = group_tiles(ctx, [(g, g.items) for g in content.groups], opened, view=question)
    advice = group_tiles(
        ctx, [(g, g.items) for g in content.advice], opened,
        view=lambda item, o: item_tile(tr, item, highlighted=o, extra=glossary_links(ctx, item.id)),
    )  # fmt: skip
    body = scrolling(
        [framing_banner(content.framing, compact=ctx.compact), ft.Column(chooser, spacing=4),
         block(_("Say this first"), content.script, "script", "script"), *categories,
         block(_("For every patient"), content.universal, "universal", "universal"), ft.Divider(), *advice],
        spacing=6,
    )  # fmt: skip
    lists = {item.id: name for name in ("script", "universal") for item in getattr(content, name)}
    reveal_opened(ctx, body, lists.get(opened, opened))
    return body


def patient_view(ctx: Context) -> FullScreen:
    """Only what is said to the patient, in their language and form of address, in large type:
    no clinician notes, banners or sources. The app keeps its direction, so Exit stays in place."""
    view = ctx.visit.patient_view
    patient = LANGUAGES[ctx.visit.patient_language or ctx.tr.language.code]
    theirs = load_bundle(patient.code).questions
    address = ctx.visit.patient_address if patient.address_forms and address_matters(theirs) else None
    if view.part == "question":
        items = [theirs.item(view.item_id)]
    else:
        items = list(getattr(theirs, view.part))
    scale = ctx.settings.text_scale
    lines = [
        ft.Container(directed_text(said_to(item, address), patient, size=round(PATIENT_SIZE * scale),
                                   weight=ft.FontWeight.W_600), key=f"patient-line-{item.id}")  # fmt: skip
        for item in items
    ]

    def close() -> None:
        ctx.visit.patient_view = None
        ctx.redraw()

    content = ft.Container(
        ft.Column(lines, spacing=24, scroll=ft.ScrollMode.AUTO, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        padding=24,
        expand=True,
        key="patient-view",
    )
    return FullScreen("", content, close)
