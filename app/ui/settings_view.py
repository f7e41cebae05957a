"""Settings: language, text size, theme, jurisdiction. The only values the app stores."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.datafiles.problems import DataError
from app.i18n import LANGUAGES
from app.settings import TEXT_SCALES, jurisdictions
from app.ui.icons import Icons
from app.ui.widgets import labelled_switch, scrolling, subheading

if TYPE_CHECKING:
    from app.ui.shell import Shell


def pack_name(shell: Shell, pack: str) -> str:
    # Settings must stay usable even when content or a pack is broken: it is the way out. So the
    # choices come from the packs' file names, and a name falls back to the id.
    try:
        return shell.bundle.reporting.item(f"pack_{pack}").title
    except (DataError, StopIteration):
        return pack


def pack_order(ids: set[str]) -> list[str]:
    """The United States and Canada first, other packs by id, "another country" last."""
    return sorted(ids, key=lambda pack: ({"us": 0, "ca": 1, "generic": 3}.get(pack, 2), pack))


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
    where = ft.RadioGroup(
        value=settings.jurisdiction,
        on_change=on_jurisdiction,
        content=ft.Column(
            [ft.Radio(value=pack, label=pack_name(shell, pack)) for pack in pack_order(jurisdictions())], spacing=0
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
            ft.OutlinedButton(_("Privacy"), icon=Icons.LOCK_OUTLINE, on_click=lambda: shell.navigate("/privacy")),
        ],
        spacing=10,
    )
