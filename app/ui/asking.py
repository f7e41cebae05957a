"""Asking: the confidentiality script, the lines for every patient and the question bank, each in
the patient's language and form of address (chosen apart from the app's language, in memory only),
with guidance in the app's language beside it; and a view to turn towards the patient that shows
only what is said to them, in large type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import flet as ft

from app.content.loader import load_bundle
from app.content.models import Item, Question, QuestionsFile, SpokenItem
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


@dataclass(frozen=True)
class Patient:
    """Whom the lines are said to: in their language (chosen apart from the app's, in memory only)
    and, where the language has such forms, their form of address."""

    language: Language
    questions: QuestionsFile  # the lines, in the patient's language
    address: str | None  # "woman" or "man"; None: the form that assumes no gender
    address_varies: bool  # whether the choice of address changes any line in this language

    @classmethod
    def of(cls, ctx: Context) -> Patient:
        language = LANGUAGES[ctx.visit.patient_language or ctx.tr.language.code]
        questions = load_bundle(language.code).questions
        varies = bool(language.address_forms) and address_matters(questions)
        return cls(language, questions, ctx.visit.patient_address if varies else None, varies)

    def says(self, item: Item) -> str:
        return said_to(self.questions.item(item.id), self.address)


def build(ctx: Context) -> ft.Control | FullScreen:
    if ctx.visit.patient_view is not None:
        return patient_view(ctx)
    _, content, opened, patient = ctx.tr._, ctx.bundle.questions, ctx.opened, Patient.of(ctx)
    categories = group_tiles(ctx, [(g, g.items) for g in content.groups], opened,
                             view=lambda item, is_opened: question_tile(ctx, patient, item, is_opened))  # fmt: skip
    advice = group_tiles(
        ctx, [(g, g.items) for g in content.advice], opened,
        view=lambda item, o: item_tile(ctx.tr, item, highlighted=o, extra=glossary_links(ctx, item.id)),
    )  # fmt: skip
    body = scrolling(
        [framing_banner(content.framing, compact=ctx.compact), ft.Column(patient_chooser(ctx, patient), spacing=4),
         said_block(ctx, patient, _("Say this first"), content.script, "script"), *categories,
         said_block(ctx, patient, _("For every patient"), content.universal, "universal"), ft.Divider(), *advice],
        spacing=6,
    )  # fmt: skip
    lists = {item.id: name for name in ("script", "universal") for item in getattr(content, name)}
    reveal_opened(ctx, body, lists.get(opened, opened))
    return body


def patient_chooser(ctx: Context, patient: Patient) -> list[ft.Control]:
    """The patient's language, and their form of address where it changes what is said."""
    _ = ctx.tr._

    def choose_language(code: str | None) -> None:
        ctx.visit.patient_language = code
        ctx.redraw()

    def choose_address(chosen: str | None) -> None:
        ctx.visit.patient_address = None if chosen == "unspecified" else chosen
        ctx.redraw()

    chooser: list[ft.Control] = [
        ft.Text(_("Patient's language"), theme_style=ft.TextThemeStyle.TITLE_SMALL),
        language_choice(patient.language.code, choose_language),
    ]
    if patient.address_varies:
        forms = {"unspecified": _("Not assumed"), "woman": _("A woman"), "man": _("A man")}
        chooser += [
            ft.Text(_("Speak to the patient as"), theme_style=ft.TextThemeStyle.TITLE_SMALL),
            choices(forms, patient.address or "unspecified", choose_address),
        ]
    return chooser


def show_button(ctx: Context, part: str, item_id: str | None = None) -> ft.Control:
    """Turns the screen towards the patient: `part` ("script", "universal" or "question") alone, full screen."""

    def open_view() -> None:
        ctx.visit.patient_view = PatientView(part, item_id)
        ctx.redraw()

    return ft.OutlinedButton(ctx.tr._("Show to the patient"), icon=Icons.FULLSCREEN, on_click=open_view)


def said(ctx: Context, patient: Patient, item: Item, size: ft.TextThemeStyle) -> list[ft.Control]:
    """The line in the patient's language and, when the app's differs, in the app's too."""
    lines = [spoken(patient.says(item), patient.language, ctx.tr.language, size)]
    if patient.language != ctx.tr.language:
        lines.append(in_app_language(ctx.tr, item.title))
    return lines


def question_tile(ctx: Context, patient: Patient, item: Question, is_opened: bool) -> ft.Control:
    _ = ctx.tr._
    lines = said(ctx, patient, item, ft.TextThemeStyle.TITLE_LARGE)
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
        lines.append(child_badge(ctx.tr))
    lines += glossary_links(ctx, item.id)
    lines += [show_button(ctx, "question", item.id), source_line(ctx.tr, item)]
    return tile_frame(item.id, lines, is_opened)


def said_block(ctx: Context, patient: Patient, title: str, items: Sequence[Item], part: str) -> ft.Container:
    """The script, or the lines for every patient: said in order, and shown to the patient together."""
    lines: list[ft.Control] = [subheading(title)]
    for item in items:
        lines += said(ctx, patient, item, ft.TextThemeStyle.BODY_LARGE)
    lines.append(show_button(ctx, part))
    return ft.Container(
        ft.Column(lines, spacing=6),
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=ft.BorderRadius.all(12),
        padding=12,
        key=ft.ScrollKey(part),
    )


def patient_view(ctx: Context) -> FullScreen:
    """Only what is said to the patient, in their language and form of address, in large type:
    no clinician notes, banners or sources. The app keeps its direction, so Exit stays in place."""
    view, patient = ctx.visit.patient_view, Patient.of(ctx)
    if view.part == "question":
        items = [patient.questions.item(view.item_id)]
    else:
        items = list(getattr(patient.questions, view.part))
    scale = ctx.settings.text_scale
    lines = [
        ft.Container(directed_text(patient.says(item), patient.language, size=round(PATIENT_SIZE * scale),
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
