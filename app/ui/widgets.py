"""Small building blocks shared by screens."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable

import flet as ft

from app.i18n import LANGUAGES, Language, Translator, isolate, isolate_ltr
from app.ui.icons import Icons

if TYPE_CHECKING:
    from app.content.models import Item


@dataclass
class FullScreen:
    """What a screen returns to be shown alone, to hand or show to the patient: no navigation,
    Close where Back would be, Exit where it always is."""

    title: str
    content: ft.Control
    on_close: Callable


def scrolling(controls: list[ft.Control], spacing: float = 8) -> ft.Column:
    """A screen's scrolling body. A Column, not a lazy ListView: every control stays in the
    accessibility tree (screen readers, keyboard and tests find it) even when scrolled away."""
    return ft.Column(controls, spacing=spacing, expand=True, scroll=ft.ScrollMode.AUTO)


def heading(text: str) -> ft.Text:
    return ft.Text(text, theme_style=ft.TextThemeStyle.HEADLINE_SMALL, weight=ft.FontWeight.W_600)


def subheading(text: str) -> ft.Text:
    """A part of a screen, a group or an item's title."""
    return ft.Text(text, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600)


def source_line(tr: Translator, item) -> ft.Control:
    """Where an item comes from, small: each citation on its own line, kept left to right as one
    run (citations are English titles; run together inside Arabic, they wrapped out of order)."""
    style = {"theme_style": ft.TextThemeStyle.BODY_SMALL, "color": ft.Colors.ON_SURFACE_VARIANT}
    citations = [ft.Text(isolate_ltr(f"{s.label}, {s.section}"), **style) for s in item.source]
    return ft.Row(
        [ft.Text(tr._("Source:"), **style), ft.Column(citations, spacing=0, expand=True)],
        spacing=4,
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def labelled_switch(label: str, value: bool, on_change) -> ft.Control:
    """A switch with its label beside it, wrapping on a phone instead of being cut off (a Switch's own
    label does not wrap). The whole row toggles it, as the label of a native switch would; merged
    semantics keep the label as the switch's accessible name."""
    switch = ft.Switch(value=value, on_change=on_change)

    async def toggle() -> None:
        switch.value = not switch.value
        result = on_change(SimpleNamespace(control=switch, data=None))
        if inspect.isawaitable(result):
            await result

    # A gesture detector, not a clickable container: that would be a second focus stop for the
    # keyboard beside the switch itself.
    return ft.MergeSemantics(
        content=ft.GestureDetector(
            content=ft.Row([switch, ft.Text(label, expand=True)], vertical_alignment=ft.CrossAxisAlignment.CENTER),
            on_tap=toggle,
            mouse_cursor=ft.MouseCursor.CLICK,
        )
    )


def badge(text: str) -> ft.Container:
    """A short label on a tinted chip: the child flag, a language tag."""
    return ft.Container(
        ft.Text(text, theme_style=ft.TextThemeStyle.LABEL_MEDIUM, color=ft.Colors.ON_TERTIARY_CONTAINER),
        bgcolor=ft.Colors.TERTIARY_CONTAINER,
        padding=ft.Padding.symmetric(horizontal=8, vertical=2),
        border_radius=ft.BorderRadius.all(8),
    )


def child_badge(tr: Translator) -> ft.Container:
    return badge(tr._("Child or adolescent"))


def item_tile(tr: Translator, item: Item, highlighted: bool = False, extra: list[ft.Control] | None = None) -> ft.Semantics:
    lines: list[ft.Control] = [
        subheading(item.title),
    ]
    if item.detail:
        lines.append(ft.Text(item.detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
    lines.extend(app_note(tr, item))
    lines.extend(extra or [])
    if item.child:
        lines.append(child_badge(tr))
    lines.append(source_line(tr, item))
    return tile_frame(item.id, lines, highlighted)


def app_note(tr: Translator, item: Item) -> list[ft.Control]:
    """A precaution of the app's own, never passed off as the source's."""
    if not item.app_note:
        return []
    return [ft.Row([badge(tr._("This app's own precaution")), ft.Text(item.app_note, theme_style=ft.TextThemeStyle.BODY_MEDIUM,
                                                                   italic=True, expand=True)],
                   vertical_alignment=ft.CrossAxisAlignment.START, wrap=True)]  # fmt: skip


def tile_frame(item_id: str, lines: list[ft.Control], highlighted: bool = False) -> ft.Semantics:
    """An item's lines in one padded block; the item a search opened is tinted."""
    tile = ft.Container(
        ft.Column(lines, spacing=4, horizontal_alignment=ft.CrossAxisAlignment.START),
        padding=ft.Padding.symmetric(horizontal=16, vertical=10),
        bgcolor=ft.Colors.PRIMARY_CONTAINER if highlighted else None,
        border_radius=ft.BorderRadius.all(12),
    )
    # Its own accessibility node: otherwise a screen reader reads a whole group as one label.
    # A scroll key, so that a search result can bring it into view.
    return ft.Semantics(content=tile, container=True, key=ft.ScrollKey(item_id))


def content_error(tr: Translator, error) -> ft.Control:
    """Shown instead of a screen whose content failed validation, with every problem found."""
    return scrolling(
        [
            ft.Text(tr._("This section's content could not be loaded."), theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            ft.Text(tr._("Please report these problems to whoever maintains this app:")),
            *(ft.Text(tr.ltr(str(problem)), theme_style=ft.TextThemeStyle.BODY_SMALL) for problem in error.problems),
        ]
    )


def choices(options: dict[str, str], selected: str | None, on_change: Callable[[str | None], None],
            allow_none: bool = False) -> ft.Row:
    """One of a few choices, as chips that wrap onto the next line when they do not fit: a
    segmented button squeezes its labels instead, and at 160 % on a phone "Español" broke in two.
    With `allow_none`, tapping the chosen one again leaves nothing chosen (nothing is preset)."""
    chips: dict[str, ft.Chip] = {}

    def choose(value: str):
        async def handler(e) -> None:
            picked = value if e.control.selected or not allow_none else None
            for key, chip in chips.items():
                chip.selected = key == picked
            result = on_change(picked)
            if inspect.isawaitable(result):
                await result

        return handler

    for value, label in options.items():
        # The label in the text colour, not Material's grey, which is 2.6:1 on the focus fill (app.ui.theme).
        chips[value] = ft.Chip(label=ft.Text(label, color=ft.Colors.ON_SURFACE), selected=value == selected, show_checkmark=True,
                               on_select=choose(value))  # fmt: skip
    return ft.Row(list(chips.values()), wrap=True, spacing=8, run_spacing=8)


def language_choice(selected: str, on_change: Callable[[str | None], None]) -> ft.Row:
    """One of the three languages, each by its own name (for a patient, apart from the app's)."""
    return choices({code: lang.native_name for code, lang in LANGUAGES.items()}, selected, on_change)


def directed_text(text: str, language: Language, **style) -> ft.Text:
    """A text laid out in its own language's direction wherever it stands: an English card in the
    Arabic app, an Arabic question in the English app. The app keeps its own direction (so Exit
    never moves); the text is isolated and aligned to its language's side (put it in a column that
    stretches its children)."""
    return ft.Text(
        isolate(text, language),
        text_align=ft.TextAlign.RIGHT if language.rtl else ft.TextAlign.LEFT,
        font_family=language.font,
        **style,
    )


def verify_banner(note: Item, full: bool = False) -> ft.Container:
    """The reporting aid's "Verify local law. This is not legal advice." (content item
    rpt_verify_local_law): always on screen in that section; the result shows it whole."""
    lines: list[ft.Control] = [ft.Text(note.title, weight=ft.FontWeight.W_600, color=ft.Colors.ON_SECONDARY_CONTAINER)]
    if full:
        lines.append(ft.Text(note.detail, color=ft.Colors.ON_SECONDARY_CONTAINER, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
    return ft.Container(
        ft.Row(
            [ft.Icon(Icons.GAVEL, size=18, color=ft.Colors.ON_SECONDARY_CONTAINER), ft.Column(lines, spacing=2, expand=True)],
            vertical_alignment=ft.CrossAxisAlignment.START,
        ),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=ft.BorderRadius.all(12),
        padding=ft.Padding.symmetric(horizontal=12, vertical=8),
        key="verify-local-law",
    )
