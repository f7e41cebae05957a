"""The screen quick exit leaves behind: a plain clock, nothing else, no way back into the app."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Callable

import flet as ft
from babel.dates import format_date, format_time

from app.i18n import Translator


def clock(tr: Translator) -> tuple[ft.Control, Callable]:
    """The clock and a coroutine that keeps it current while it is shown."""
    time_text = ft.Text("", theme_style=ft.TextThemeStyle.DISPLAY_LARGE, weight=ft.FontWeight.W_300)
    date_text = ft.Text("", theme_style=ft.TextThemeStyle.TITLE_LARGE, color=ft.Colors.ON_SURFACE_VARIANT)

    def show_now() -> None:
        now = dt.datetime.now()
        time_text.value = format_time(now, format="short", locale=tr.language.code)
        date_text.value = format_date(now, format="full", locale=tr.language.code)

    async def keep_current(page: ft.Page, still_shown) -> None:
        while still_shown():
            await asyncio.sleep(20)
            show_now()
            page.update()

    show_now()
    screen = ft.Container(
        ft.Column(
            [time_text, date_text],
            alignment=ft.MainAxisAlignment.CENTER,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            spacing=8,
        ),
        alignment=ft.Alignment.CENTER,
        expand=True,
        key="neutral",
    )
    return screen, keep_current
