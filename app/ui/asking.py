"""Asking: the confidentiality script and the question bank, each shown in the patient's
language (chosen apart from the app's language), with guidance in the app's language beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.content.loader import load_bundle
from app.content.models import Item, Question
from app.i18n import LANGUAGES, Language, Translator, isolate
from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import badge, child_badge, item_tile, language_choice, scrolling, source_line, subheading, tile_frame

if TYPE_CHECKING:
    from app.ui.shell import Shell


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


def build(shell: Shell) -> ft.Control:
    tr, content, opened = shell.tr, shell.bundle.questions, shell.opened_item()
    _ = tr._
    ui = tr.language
    patient = LANGUAGES[shell.visit.patient_language or shell.settings.language]
    theirs = load_bundle(patient.code).questions

    def said(item: Item, size: ft.TextThemeStyle) -> list[ft.Control]:
        lines = [spoken(theirs.item(item.id).title, patient, ui, size)]
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
        lines.append(source_line(tr, item))
        return tile_frame(item.id, lines, is_opened)

    def choose(e) -> None:
        shell.visit.patient_language = e.control.selected[0]
        shell.render()

    chooser = ft.Column(
        [
            ft.Text(_("Patient's language"), theme_style=ft.TextThemeStyle.TITLE_SMALL),
            language_choice(patient.code, choose),
        ],
        spacing=4,
    )
    script_lines: list[ft.Control] = [
        subheading(_("Say this first")),
    ]
    for item in content.script:
        script_lines += said(item, ft.TextThemeStyle.BODY_LARGE)
    script = ft.Container(
        ft.Column(script_lines, spacing=6),
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=ft.BorderRadius.all(12),
        padding=12,
        key=ft.ScrollKey("script"),
    )
    categories = group_tiles(tr, [(g, g.items) for g in content.groups], opened, view=question)
    advice = group_tiles(
        tr, [(g, g.items) for g in content.advice], opened, view=lambda item, o: item_tile(tr, item, highlighted=o)
    )
    body = scrolling([framing_banner(content.framing), chooser, script, *categories, ft.Divider(), *advice], spacing=6)
    script_ids = {item.id for item in content.script}
    reveal_opened(shell, body, "script" if opened in script_ids else opened)
    return body
