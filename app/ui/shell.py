"""The app shell: one per browser session. Holds the settings and the patient visit, routes between
screens and lays them out with a bottom bar on narrow screens and a rail on wide ones.

It knows no screen's state: everything entered during an encounter lives in `self.visit`
(app.visit), which quick exit and idle replace with a fresh one."""

from __future__ import annotations

import asyncio
import time
from functools import partial
from typing import TYPE_CHECKING, Callable

import flet as ft

from app.datafiles.problems import DataError
from app.i18n import LANGUAGES, Translator
from app.settings import Settings
from app.ui import navigation
from app.ui.sections import BAR, HOME, RAIL, Section, screen_module, section_at, section_of
from app.ui.icons import Icons
from app.ui.settings_store import SettingsStore
from app.ui.theme import build_theme
from app.ui.widgets import FullScreen, content_error
from app.discretion import IdleStep, IdleTimer, QuickExitKeys, idle_reset_seconds
from app.visit import Visit

if TYPE_CHECKING:
    from app.content.models import Bundle

NARROW_BELOW = 640  # px: phones get a bottom navigation bar, wider screens a rail
READING_WIDTH = 760  # px: lines longer than this are hard to read; wider screens leave the rest blank
IDLE_RESET_S = idle_reset_seconds()




def icon_action(icon: ft.IconData, label: str, on_click: Callable) -> ft.Control:
    """An app-bar icon with a name, given by its icon: a tooltip alone leaves the button nameless
    to screen readers, and covers the content after a tap."""
    return ft.IconButton(ft.Icon(icon, semantics_label=label), on_click=on_click)


class Shell:
    def __init__(
        self, page: ft.Page, store: SettingsStore, settings: Settings, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.page = page
        self.store = store
        self.settings = settings
        self.clock = clock
        self.visit = Visit()  # everything entered about the patient in front of the clinician
        self.exit_keys = QuickExitKeys()
        self.idle = IdleTimer(IDLE_RESET_S, clock())
        self.exited = False  # after quick exit only the neutral screen is shown, whatever the route
        self._after_render: list[Callable] = []
        self._route = "/"  # the route drawn; the browser's address follows it
        self._came_from = "/"  # where Search's Back returns
        self._narrow: bool | None = None
        self._clock_running = False
        self._field_takes_focus = False  # set by a screen while it is built (field_takes_focus)
        self._connected = True  # False while the browser is away; the session lives on for a while
        self._closed = False  # the session has expired: background loops must end
        self._reset_on_return = False  # the visit was forgotten unseen: draw the first screen when seen again
        # One view whose contents are swapped, the page's own: replacing views would animate a page
        # transition on every tap and leave half-painted screens behind, and replacing even the
        # first cost the browser ~35 ms before the first screen.
        self.view = page.views[0]
        self.view.padding, self.view.spacing = 0, 0

    @property
    def tr(self) -> Translator:
        return Translator(self.settings.language)

    @property
    def compact(self) -> bool:
        """A phone at a large text size: banners fold, so the content keeps the screen."""
        return self._is_narrow() and self.settings.text_scale > 1.0

    @property
    def bundle(self) -> Bundle:
        from app.content.loader import load_bundle  # pydantic and the models: not before the first screen

        return load_bundle(self.settings.language)

    def start(self) -> None:
        self._route = self.page.route or "/"  # the address the browser opened
        self.page.on_route_change = self._on_route_change
        self.page.on_resize = self._on_resize
        self.page.on_app_lifecycle_state_change = self._on_lifecycle
        self.page.on_disconnect = lambda e: setattr(self, "_connected", False)
        self.page.on_connect = self._on_connect
        self.page.on_close = lambda e: setattr(self, "_closed", True)
        self._track_activity()
        self.page.run_task(self._idle_watch)
        self._apply_settings()
        self.render()

    # Settings -----------------------------------------------------------------------------

    async def reset_settings(self) -> None:
        self.settings = Settings()
        self._apply_settings()
        self.render()
        await self.store.clear()

    async def change_settings(self, **changes) -> None:
        try:
            self.settings = self.settings.with_changes(**changes)
        except ValueError:  # not one of the choices on screen: a tampered event changes nothing
            return
        self._apply_settings()
        self.render()  # show the change at once; saving is a few round trips to the client
        await self.store.save(self.settings)

    def _apply_settings(self) -> None:
        page, language = self.page, LANGUAGES[self.settings.language]
        page.title = self.tr._("Clock") if self.exited else self.tr._("Care Reference")
        page.locale_configuration = ft.LocaleConfiguration(
            supported_locales=[ft.Locale(*lang.flutter_locale) for lang in LANGUAGES.values()],
            current_locale=ft.Locale(*language.flutter_locale),
        )
        # The app's direction is its language's, always: a card or patient view in another
        # language lays itself out inside it, so Exit never changes corner.
        page.rtl = language.rtl
        page.theme = page.dark_theme = build_theme(language, self.settings.text_scale)
        page.theme_mode = ft.ThemeMode.DARK if self.settings.theme == "dark" else ft.ThemeMode.LIGHT
        # Flutter eases from one theme to the next over 200 ms; the first screen was drawn in its
        # default blue and font, then again in the app's, and each change of setting redraws the
        # whole screen several times, ~200 ms a frame on one thread. Shown at once instead.
        page.theme_animation_style = ft.AnimationStyle.no_animation()

    # Discretion: quick exit and idle reset -------------------------------------------------

    def forget_visit(self) -> None:
        """Drop everything entered about a patient. Settings are not patient data and stay."""
        self.visit = Visit()

    def close_overlays(self) -> None:
        """A message or dialog left open would show over the clock, or over the first screen."""
        while self.page.pop_dialog():
            pass

    def quick_exit(self) -> None:
        self.forget_visit()
        self.exited = True
        self.close_overlays()
        self.render()

    def _on_key_down(self, e: ft.KeyDownEvent) -> None:
        self.exit_keys.key_down(e.key, self.clock())

    async def _on_key_up(self, e: ft.KeyUpEvent) -> None:
        remaining = self.exit_keys.key_up(e.key, self.clock())
        if remaining == 0:
            self.quick_exit()
        elif remaining:
            message = self.tr.ngettext(
                "Shift, press {count} more time to exit.", "Shift, press {count} more times to exit.", remaining
            ).format(count=remaining)
            await ft.SemanticsService().announce_message(message, rtl=self.tr.language.rtl)

    def _on_lifecycle(self, e) -> None:
        if e.state in (ft.AppLifecycleState.HIDE, ft.AppLifecycleState.PAUSE):
            # Backgrounded: a hidden page paints nothing, and a closing tab would be sent to as
            # its socket goes.
            self._forget_unseen()
        elif e.state in (ft.AppLifecycleState.SHOW, ft.AppLifecycleState.RESUME) and self._reset_on_return:
            self._reset_on_return = False
            self._reset_to_start()

    def _track_activity(self) -> None:
        # Every event the client sends counts as activity; wrap this session's dispatcher once.
        session, dispatch = self.page.session, self.page.session.dispatch_event

        async def tracked(*args, **kwargs):
            self.idle.touch(self.clock())
            return await dispatch(*args, **kwargs)

        session.dispatch_event = tracked

    async def _idle_watch(self) -> None:
        while not self._closed:
            await asyncio.sleep(min(5.0, self.idle.limit_s / 4))
            self.check_idle()

    def check_idle(self) -> None:
        """After the idle limit without input: forget the visit and go back to the first screen."""
        now = self.clock()
        if self.exited:
            return
        if self._connected and self.visit.patient_view is not None:
            self._warn_before_idle_reset(now)
        step = self.idle.step(now, seen=self._connected, at_start=self.visit.is_fresh() and self._current() is HOME)
        if step is IdleStep.FORGET_UNSEEN:
            self._forget_unseen()  # nobody is looking: redraw only if the browser returns
        elif step is IdleStep.RESET:
            self._reset_to_start()

    def _warn_before_idle_reset(self, now: float) -> None:
        """In the patient view, say on screen that it will close, with a way to keep it, once."""
        remaining = self.idle.warning_due(now)
        if remaining is None:
            return
        message = self.tr._("This screen closes soon if nothing is touched.")
        self.page.show_dialog(ft.SnackBar(
            ft.Text(message), duration=ft.Duration(seconds=int(remaining)), persist=False,
            action=ft.SnackBarAction(self.tr._("Keep it open"), on_click=lambda: None),  # any tap counts as activity
            key="idle-warning",
        ))  # fmt: skip

    def _forget_unseen(self) -> None:
        """Forget the visit now; draw the first screen when the app is seen again."""
        self.forget_visit()
        self._reset_on_return = True

    def _on_connect(self, e) -> None:
        self._connected = True
        self.idle.touch(self.clock())
        if self._reset_on_return:
            self._reset_on_return = False
            if self.page.route and self.page.route != self._route:
                # Reloaded at another address: show it (the visit is already forgotten).
                self._route = self.page.route
                self.render()
            else:
                self._reset_to_start()

    def _reset_to_start(self) -> None:
        if self.exited:
            return
        self.forget_visit()
        self.close_overlays()
        if self._current() is HOME:
            self.render()
        else:
            self.navigate(HOME.route)

    # Navigation ---------------------------------------------------------------------------

    def navigate(self, route: str) -> None:
        """Show the route at once, then tell the browser (address bar, history). Waiting for the
        browser to report the change back would add two round trips to every tap."""
        self._came_from, self._route = self._current().route, route
        self.render()
        self.page.navigate(route)

    def _on_route_change(self, e) -> None:
        if e.route != self._route:  # Back, Forward or a typed address; our own changes are drawn already
            self._route = e.route
            self.render()

    def section_of(self, topic: str) -> Section:
        return section_of(topic)

    def open_item(self, topic: str, item_id: str) -> None:
        """Show an item where it stands in its section: its group open, the item marked and in view."""
        route, here = self.section_of(topic).route, self._current().route
        self.visit.open_item(route, item_id, came_from=None if here in ("/search", route) else here)
        self.navigate(route)

    def opened_item(self) -> str | None:
        """The item a search result or link opened on the section being drawn, if any."""
        return self.visit.opened_item(self._current().route)

    def after_render(self, action: Callable) -> None:
        """Run a coroutine function once the screen being built has reached the browser."""
        self._after_render.append(action)

    def field_takes_focus(self) -> None:
        """The screen being built opens with the focus in a field of its own (`autofocus`). Flutter
        gives the focus to the first widget asking for it, and the key listener around the screen
        asks first: without this the field never had it, and keys typed after opening search went
        nowhere until the field was tapped."""
        self._field_takes_focus = True

    def _back_route(self, section: Section) -> str | None:
        """Where Back goes from a screen that is not a destination of its own: its parent, or, for
        Search, the section it was opened from; and from an item a link opened, back to the link."""
        opened = self.visit.opened
        if opened and opened.route == section.route and opened.came_from:
            return opened.came_from
        if section.parent:
            return section.parent
        if not section.in_nav:
            return self._came_from if self._came_from != section.route else "/"
        return None

    def _current(self) -> Section:
        return section_at(self._route)

    def _on_resize(self, e) -> None:
        if self._is_narrow() != self._narrow:
            self.render()

    def _is_narrow(self) -> bool:
        return (self.page.width or NARROW_BELOW) < NARROW_BELOW

    def render(self) -> None:
        if self.exited:
            return self._render_neutral()
        _ = self.tr._
        section = self._current()
        self.visit.enter(section.route)  # leaving a section forgets what was entered there
        self._narrow = narrow = self._is_narrow()
        self._after_render.clear()
        self._field_takes_focus = False
        try:
            screen = screen_module(section.screen).build(self)
        except DataError as error:  # broken content: say where, never show an empty screen
            screen = content_error(self.tr, error)
        view = self.view
        rtl = self.tr.language.rtl
        # The way out points out of the page in the reading direction: mirrored in right-to-left.
        exit_icon = ft.Icon(Icons.LOGOUT, scale=ft.Scale(scale_x=-1) if rtl else None)
        exit_button = ft.TextButton(_("Exit"), icon=exit_icon, on_click=self.quick_exit, key="quick-exit")
        if isinstance(screen, FullScreen):
            # Shown to the patient or handed over: the screen alone, Close where Back would be and
            # Exit where it always is.
            view.appbar = ft.AppBar(
                leading=ft.TextButton(_("Close"), icon=Icons.CLOSE, on_click=screen.on_close),
                leading_width=140,
                title=ft.Text(screen.title, theme_style=ft.TextThemeStyle.TITLE_LARGE),
                actions=[exit_button],
            )
            view.navigation_bar = None
            view.controls = [self._listening(screen.content)]
        else:
            body = self._reading_area(screen, narrow)
            actions: list[ft.Control] = [icon_action(Icons.SEARCH, _("Search"), lambda: self.navigate("/search"))]
            if narrow:  # the bottom bar has no room for Settings
                actions.append(icon_action(Icons.SETTINGS_OUTLINED, _("Settings"), lambda: self.navigate("/settings")))
            # A plain "Exit" on every screen, always last; Shift three times does the same from the keyboard.
            actions.append(exit_button)
            back = self._back_route(section)
            language = self.tr.language
            title = navigation.app_bar_title(_(section.label), _("Exit"), language.font, self.settings.text_scale,
                                             language.size_adjust, self.page.width or NARROW_BELOW,
                                             icon_actions=len(actions) - 1, back=back is not None)  # fmt: skip
            view.appbar = ft.AppBar(
                leading=icon_action(Icons.ARROW_BACK, _("Back"), lambda: self.navigate(back)) if back else None,
                automatically_imply_leading=False,
                title=ft.Text(_(section.label), size=title.size, max_lines=2, weight=ft.FontWeight.W_500),
                toolbar_height=title.bar_height,
                actions=actions,
            )
            current = section.parent or section.route
            entries = [
                (s.icon, s.selected_icon, _(s.label), self.tr.pgettext("bar", s.bar_label or s.label), s.route == current,
                 partial(self.navigate, s.route))
                for s in (BAR if narrow else RAIL)
            ]  # fmt: skip
            scale = self.settings.text_scale
            if narrow:
                view.navigation_bar = None
                view.controls = [self._listening(ft.Column([body, navigation.bottom_bar(entries, self.page.width or 390, scale)],
                                                           expand=True, spacing=0))]  # fmt: skip
            else:
                view.navigation_bar = None
                rail = navigation.rail(entries, scale, self.tr.language.font, self.tr.language.size_adjust)
                view.controls = [self._listening(ft.Row([rail, ft.VerticalDivider(width=1), body], expand=True, spacing=0))]
        self.page.update()
        for action in self._after_render:
            self.page.run_task(action)
        self._after_render.clear()

    def _reading_area(self, screen: ft.Control, narrow: bool) -> ft.Control:
        body = ft.Container(screen, expand=True, padding=ft.Padding.symmetric(horizontal=16, vertical=8))
        if narrow or (self.page.width or 0) < READING_WIDTH + 2 * 200:
            return body
        # On a wide screen the text keeps a readable width, from the start of the line.
        body.expand, body.width = False, READING_WIDTH
        return ft.Row([body], expand=True, vertical_alignment=ft.CrossAxisAlignment.STRETCH)

    def _listening(self, content: ft.Control) -> ft.Control:
        # page.on_keyboard_event never reports a lone Shift; a KeyboardListener around the screen does.
        listener = ft.KeyboardListener(
            content=content,
            # The listener hears keys from any focused widget inside it; with no such widget it
            # needs the focus itself, or the first Shift would go nowhere.
            autofocus=not self._field_takes_focus,
            include_semantics=False,
            on_key_down=self._on_key_down,
            on_key_up=self._on_key_up,
        )
        return ft.Container(listener, expand=True)  # the listener itself cannot expand

    def _render_neutral(self) -> None:
        screen, keep_current = screen_module("neutral").clock(self.tr)
        self.page.title = self.tr._("Clock")
        self.view.appbar = None
        self.view.navigation_bar = None
        self.view.controls = [screen]
        self.page.update()
        if not self._clock_running:  # Back and history re-render this screen; one clock task is enough
            self._clock_running = True
            self.page.run_task(keep_current, self.page, lambda: self.exited)
