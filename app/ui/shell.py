"""The app shell: one per browser session. Holds the settings, routes between screens and
lays them out with a bottom bar on narrow screens and a rail on wide ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import flet as ft

from app.content import Bundle, load_bundle
from app.content.loader import ContentError
from app.i18n import LANGUAGES, N_, Translator
from app.settings import Settings
from app.ui import home, indicators, reporting, settings_view
from app.ui.settings_store import SettingsStore
from app.ui.theme import FONTS, build_theme
from app.ui.widgets import content_error

NARROW_BELOW = 640  # px: phones get a bottom navigation bar, wider screens a rail


@dataclass(frozen=True)
class Section:
    route: str
    label: str  # marked with N_, translated when shown
    icon: ft.IconData
    selected_icon: ft.IconData
    build: Callable[[Shell], ft.Control]


SECTIONS = (
    Section("/", N_("Home"), ft.Icons.HOME_OUTLINED, ft.Icons.HOME, home.build),
    Section("/indicators", N_("Indicators"), ft.Icons.CHECKLIST_OUTLINED, ft.Icons.CHECKLIST, indicators.build),
    Section("/report", N_("Next steps"), ft.Icons.ALT_ROUTE_OUTLINED, ft.Icons.ALT_ROUTE, reporting.build),
    Section("/settings", N_("Settings"), ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS, settings_view.build),
)


class Shell:
    def __init__(self, page: ft.Page, store: SettingsStore, settings: Settings) -> None:
        self.page = page
        self.store = store
        self.settings = settings
        self.child_only = False  # a view filter, kept in memory for this session only
        self.answers: reporting.Answers | None = None  # wizard answers: memory only, dropped on leaving
        self._narrow: bool | None = None
        # One view whose contents are swapped: replacing views would animate a page transition
        # on every tap and leave half-painted screens behind.
        self.view = ft.View(route="/", padding=0, spacing=0)

    @property
    def tr(self) -> Translator:
        return Translator(self.settings.language)

    @property
    def bundle(self) -> Bundle:
        return load_bundle(self.settings.language)

    def start(self) -> None:
        self.page.fonts = FONTS
        self.page.on_route_change = lambda e: self.render()
        self.page.on_resize = self._on_resize
        self._apply_settings()
        self.page.views.clear()
        self.page.views.append(self.view)
        self.render()

    # Settings -----------------------------------------------------------------------------

    async def change_settings(self, **changes) -> None:
        self.settings = self.settings.with_changes(**changes)
        self._apply_settings()
        self.render()  # show the change at once; saving is a few round trips to the client
        await self.store.save(self.settings)

    def _apply_settings(self) -> None:
        page, language = self.page, LANGUAGES[self.settings.language]
        page.title = self.tr._("Care Reference")
        page.rtl = language.rtl  # the Flutter locale alone does not mirror the layout
        page.locale_configuration = ft.LocaleConfiguration(
            supported_locales=[ft.Locale(*lang.flutter_locale) for lang in LANGUAGES.values()],
            current_locale=ft.Locale(*language.flutter_locale),
        )
        page.theme = page.dark_theme = build_theme(language, self.settings.text_scale)
        page.theme_mode = ft.ThemeMode.DARK if self.settings.theme == "dark" else ft.ThemeMode.LIGHT

    # Navigation ---------------------------------------------------------------------------

    def navigate(self, route: str) -> None:
        self.page.navigate(route)

    def _current(self) -> Section:
        route = (self.page.route or "/").split("?")[0].rstrip("/") or "/"
        return next((s for s in SECTIONS if s.route == route), SECTIONS[0])

    def _on_resize(self, e) -> None:
        if self._is_narrow() != self._narrow:
            self.render()

    def _is_narrow(self) -> bool:
        return (self.page.width or NARROW_BELOW) < NARROW_BELOW

    def render(self) -> None:
        _ = self.tr._
        section = self._current()
        if section.route != "/report":
            self.answers = None  # leaving the wizard forgets every answer
        index = SECTIONS.index(section)
        self._narrow = narrow = self._is_narrow()
        try:
            screen = section.build(self)
        except ContentError as error:  # broken content: say where, never show an empty screen
            screen = content_error(self.tr, error)
        body = ft.Container(screen, expand=True, padding=ft.Padding.symmetric(horizontal=16, vertical=8))
        on_change = lambda e: self.navigate(SECTIONS[e.control.selected_index].route)  # noqa: E731
        view = self.view
        view.appbar = ft.AppBar(title=ft.Text(_(section.label), theme_style=ft.TextThemeStyle.TITLE_LARGE))
        if narrow:
            view.navigation_bar = ft.NavigationBar(
                selected_index=index,
                on_change=on_change,
                destinations=[
                    ft.NavigationBarDestination(icon=s.icon, selected_icon=s.selected_icon, label=_(s.label))
                    for s in SECTIONS
                ],
            )
            view.controls = [body]
        else:
            rail = ft.NavigationRail(
                selected_index=index,
                on_change=on_change,
                label_type=ft.NavigationRailLabelType.ALL,
                destinations=[
                    ft.NavigationRailDestination(icon=s.icon, selected_icon=s.selected_icon, label=_(s.label))
                    for s in SECTIONS
                ],
            )
            view.navigation_bar = None
            view.controls = [ft.Row([rail, ft.VerticalDivider(width=1), body], expand=True, spacing=0)]
        self.page.update()
