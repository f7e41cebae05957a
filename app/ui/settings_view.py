"""Settings: language, text size, theme, jurisdiction. The only values the app stores."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.i18n import LANGUAGES
from app.rules.packs import offered
from app.settings import TEXT_SCALES
from app.ui.icons import Icons
from app.ui.jurisdiction import jurisdiction_name
from app.ui.widgets import labelled_switch, scrolling, subheading

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    _ = ctx.tr._
    settings = ctx.settings

    async def on_language(e) -> None:
        await ctx.change_settings(language=e.control.value)

    async def on_scale(e) -> None:
        await ctx.change_settings(text_scale=float(e.control.selected[0]))

    async def on_jurisdiction(e) -> None:
        await ctx.change_settings(jurisdiction=e.control.value)

    async def on_theme(e) -> None:
        await ctx.change_settings(theme="dark" if e.control.value else "light")

    languages = ft.RadioGroup(
        value=ctx.tr.language.code,
        on_change=on_language,
        content=ft.Column(
            [ft.Radio(value=code, label=lang.native_name) for code, lang in LANGUAGES.items()], spacing=0
        ),
    )
    scales = ft.SegmentedButton(
        selected=[str(settings.text_scale)],
        allow_multiple_selection=False,
        on_change=on_scale,
        segments=[
            ft.Segment(value=str(scale), label=ft.Text(_("{percent}%").format(percent=round(scale * 100))))
            for scale in TEXT_SCALES
        ],
    )
    where = ft.RadioGroup(
        value=settings.jurisdiction,
        on_change=on_jurisdiction,
        content=ft.Column(
            [ft.Radio(value=pack, label=jurisdiction_name(ctx, pack)) for pack in offered()], spacing=0
        ),
    )
    dark = labelled_switch(_("Dark theme"), settings.theme == "dark", on_theme)
    return scrolling(
        [
            subheading(_("Language")),
            languages,
            ft.Divider(),
            subheading(_("Text size")),
            scales,
            ft.Divider(),
            dark,
            ft.Divider(),
            subheading(_("Where you practise (for the reporting rules)")),
            where,
            ft.Divider(),
            ft.Text(
                _("Only these settings are saved, on this device. Nothing about patients is ever stored."),
                theme_style=ft.TextThemeStyle.BODY_SMALL,
                color=ft.Colors.ON_SURFACE_VARIANT,
            ),
            ft.OutlinedButton(_("Privacy"), icon=Icons.LOCK_OUTLINE, on_click=lambda: ctx.navigate("/privacy")),
            ft.Divider(),
            for_your_facility(ctx),
        ],
        spacing=10,
    )


def for_your_facility(ctx: Context) -> ft.Control:
    """How a facility adds its own services, and what is wrong with its files: folded away, as it is
    for whoever sets the app up, not for the clinician at the bedside."""
    from app.directory import load_directory
    from app.directory.load import local_path
    from app.rules.packs import pack_problems

    tr = ctx.tr
    _ = tr._
    directory = load_directory()
    local = sum(1 for entry in directory.entries if entry.source is None)
    problems = [*directory.problems, *pack_problems()]
    small = {"theme_style": ft.TextThemeStyle.BODY_MEDIUM}
    lines: list[ft.Control] = [
        ft.Text(_("Local services (shelters, health, legal help, interpreters, protection services, police) are "
                  "added by the facility in a file on the computer that serves the app:"), **small),
        ft.Text(tr.ltr(str(local_path())), key="facility-file", **small),
        ft.Text(_("Start from the example file beside it. Every entry needs a phone number or a web address and "
                  "the date someone last checked it. The README explains every field."), **small),
        ft.Text(tr.ngettext("{count} local service added.", "{count} local services added.", local).format(count=local),
                weight=ft.FontWeight.W_600),
    ]  # fmt: skip
    if problems:
        lines.append(ft.Text(_("Problems found in the facility's files:"), color=ft.Colors.ERROR, weight=ft.FontWeight.W_600))
        lines += [ft.Text(tr.ltr(str(problem)), color=ft.Colors.ERROR, **small) for problem in problems]
    return ft.ExpansionTile(
        title=ft.Text(_("For your facility"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600),
        controls=[ft.Column(lines, spacing=8)],
        expanded=bool(problems),
        key="for-your-facility",
    )
