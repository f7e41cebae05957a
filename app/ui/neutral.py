"""The screen quick exit leaves behind: a plain clock, nothing else, no way back into the app."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Callable

import flet as ft

from app.formats import date_text, time_text
from app.i18n import Translator


def clock(tr: Translator) -> tuple[ft.Control, Callable]:
    """The clock and a coroutine that keeps it current while it is shown."""
    shown_time = ft.Text("", theme_style=ft.TextThemeStyle.DISPLAY_LARGE, weight=ft.FontWeight.W_300)
    shown_date = ft.Text("", theme_style=ft.TextThemeStyle.TITLE_LARGE, color=ft.Colors.ON_SURFACE_VARIANT)

    def show_now() -> None:
        now = dt.datetime.now()
        shown_time.value = time_text(now, tr.language.code)
        shown_date.value = date_text(now, "full", tr.language.code)

    async def keep_current(page: ft.Page, still_shown) -> None:
        while still_shown():
            await asyncio.sleep(20)
            show_now()
            page.update()

    show_now()
    screen = ft.Container(
        ft.Column(
            [shown_time, shown_date],
            alignment=ft.MainAxisAlignment.CENTER,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            spacing=8,
        ),
        alignment=ft.Alignment.CENTER,
        expand=True,
        key="neutral",
    )
    return screen, keep_current
