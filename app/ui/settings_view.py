"""Settings: language, text size, theme, jurisdiction. The only values the app stores."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.content.errors import ContentError
from app.i18n import LANGUAGES
from app.rules import load_packs
from app.settings import TEXT_SCALES
from app.ui.icons import Icons
from app.ui.widgets import scrolling, subheading

if TYPE_CHECKING:
    from app.ui.shell import Shell


def pack_name(shell: Shell, pack: str) -> str:
    # Settings must stay usable even when this language's content is broken: it is the way out.
    try:
        return shell.bundle.reporting.item(f"pack_{pack}").title
    except (ContentError, StopIteration):
        return pack


def build(shell: Shell) -> ft.Control:
    _ = shell.tr._
    settings = shell.settings

    async def on_language(e) -> None:
        await shell.change_settings(language=e.control.value)

    async def on_scale(e) -> None:
        await shell.change_settings(text_scale=float(e.control.selected[0]))

    async def on_jurisdiction(e) -> None:
        await shell.change_settings(jurisdiction=e.control.value)

    async def on_theme(e) -> None:
        await shell.change_settings(theme="dark" if e.control.value else "light")

    languages = ft.RadioGroup(
        value=settings.language,
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
    jurisdictions = ft.RadioGroup(
        value=settings.jurisdiction,
        on_change=on_jurisdiction,
        content=ft.Column([ft.Radio(value=pack, label=pack_name(shell, pack)) for pack in load_packs()], spacing=0),
    )
    dark = ft.Switch(label=_("Dark theme"), value=settings.theme == "dark", on_change=on_theme)
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
            subheading(_("Jurisdiction for the reporting rules")),
            jurisdictions,
            ft.Divider(),
            ft.Text(
                _("Only these settings are saved, on this device. Nothing about patients is ever stored."),
                theme_style=ft.TextThemeStyle.BODY_SMALL,
                color=ft.Colors.ON_SURFACE_VARIANT,
            ),
            ft.OutlinedButton(_("Privacy"), icon=Icons.LOCK_OUTLINE, on_click=lambda: shell.navigate("/privacy")),
        ],
        spacing=10,
    )
