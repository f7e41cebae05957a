"""Search across every section: results as you type, each opening its item where it stands.
What is typed stays in memory only and is forgotten with everything else on exit or idle."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.i18n import LANGUAGES, isolate
from app.search import Hit, default_index
from app.ui.icons import Icons
from app.ui.sections import section_of
from app.ui.widgets import labelled_switch, scrolling

if TYPE_CHECKING:
    from app.ui.context import Context

SHOWN = 30  # enough to scan on a phone; the index returns more only to rank them


def build(ctx: Context) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    results = ft.Column(spacing=0)
    count = ft.Text(theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT)

    def languages() -> tuple[str, ...]:
        ui = ctx.tr.language.code
        return (ui, *(code for code in LANGUAGES if code != ui)) if ctx.visit.search_all_languages else (ui,)

    def refresh() -> None:
        query = ctx.visit.search_text
        hits = default_index().search(query, languages()) if query.strip() else []
        results.controls = [result_tile(ctx, hit) for hit in hits[:SHOWN]]
        if not query.strip():
            count.value = _("Type at least two letters.")
        elif not hits and not ctx.visit.search_all_languages:
            count.value = _("Nothing found in this language. Try searching all three languages.")
        else:
            count.value = tr.ngettext("{count} result", "{count} results", len(hits)).format(count=len(hits))

    def typed(e) -> None:
        ctx.visit.search_text = e.control.value or ""
        refresh()
        results.update()
        count.update()

    def toggle_all(e) -> None:
        ctx.visit.search_all_languages = bool(e.control.value)
        refresh()

    field = ft.TextField(
        value=ctx.visit.search_text,
        label=_("Search"),
        prefix_icon=Icons.SEARCH,
        autofocus=True,
        on_change=typed,
        # Nothing typed here is suggested back, stored or sent anywhere.
        enable_suggestions=False,
        autocorrect=False,
    )
    ctx.field_takes_focus()  # opening search is to type: the keys go to the field at once
    every_language = labelled_switch(_("Search all three languages"), ctx.visit.search_all_languages, toggle_all)
    refresh()
    return ft.Column(
        [field, every_language, count, scrolling([results], spacing=0)],
        expand=True,
        spacing=8,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )


def result_tile(ctx: Context, hit: Hit) -> ft.Control:
    tr = ctx.tr
    language = LANGUAGES[hit.language]
    section = section_of(hit.topic)
    where = tr._(section.label)
    if hit.language != ctx.tr.language.code:
        where = f"{where} · {language.native_name}"
    lines = [
        ft.Text(isolate(hit.title, language), theme_style=ft.TextThemeStyle.TITLE_SMALL, weight=ft.FontWeight.W_600,
                font_family=language.font),
        ft.Text(where, theme_style=ft.TextThemeStyle.LABEL_MEDIUM, color=ft.Colors.PRIMARY),
    ]
    if hit.body:
        lines.insert(1, ft.Text(isolate(hit.body, language), theme_style=ft.TextThemeStyle.BODY_SMALL,
                                max_lines=2, overflow=ft.TextOverflow.ELLIPSIS, font_family=language.font))
    return ft.ListTile(
        title=ft.Column(lines, spacing=2),
        leading=ft.Icon(section.icon),
        on_click=lambda: ctx.open_item(hit.topic, hit.item_id),
        key=f"result-{hit.item_id}",
    )
