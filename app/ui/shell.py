"""The app shell, one per browser session: it routes between screens. It holds the settings and the
patient visit (app.visit), and knows no screen's state: a screen is given a `Context` and keeps its
state in the visit, which quick exit and idle (app.ui.guard) replace with a fresh one. The frame
around a screen is app.ui.navigation's."""

from __future__ import annotations

import time
from collections import deque
from typing import Callable

import flet as ft

from app.datafiles.problems import DataError
from app.i18n import LANGUAGES, Translator
from app.settings import Settings
from app.ui.context import Context
from app.ui.guard import Guard
from app.ui.navigation import Drawn, Frame, is_narrow
from app.ui.sections import HOME, Section, screen_module, section_at, section_of
from app.ui.settings_store import SettingsStore
from app.ui.theme import dress_page
from app.ui.widgets import FullScreen, content_error
from app.visit import Visit
from app.web.internals import push_route_at_once


class Shell(Guard):
    def __init__(
        self, page: ft.Page, store: SettingsStore, settings: Settings, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(clock)  # quick exit and idle: app.ui.guard
        self.page, self.store, self.settings, self.clock = page, store, settings, clock
        self.visit = Visit()  # everything entered about the patient in front of the clinician
        self._after_render: list[Callable] = []
        self._route = "/"  # the route drawn; the browser's address follows it
        self._unreported: deque[str] = deque(maxlen=16)  # routes sent to the browser, not yet reported back
        self._narrow: bool | None = None
        self._drawn: Drawn | None = None  # the frame as drawn, while a screen of the same look keeps it
        self._drawn_for: tuple = ()  # that look: the settings and the layout (app.ui.navigation.Frame.look)
        # The focus anchor (see render), the app bar and the body, while the frame is drawn: what a
        # switch patches.
        self._framed: ft.Column | None = None
        self._clock_running = False
        self._field_takes_focus = False  # set by a screen while it is built (Context.field_takes_focus)
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
        return is_narrow(self.page.width) and self.settings.text_scale > 1.0

    def start(self) -> None:
        self._route = self.page.route or "/"  # the address the browser opened
        self.page.on_route_change, self.page.on_resize = self._on_route_change, self._on_resize
        self.watch()
        self._apply_settings()
        self.render()

    async def reset_settings(self) -> None:
        self._use(Settings())
        await self.store.clear()

    async def change_settings(self, **changes) -> None:
        try:
            settings = self.settings.with_changes(**changes)
        except ValueError:  # not one of the choices on screen: a tampered event changes nothing
            return
        self._use(settings)
        await self.store.save(settings)

    def _use(self, settings: Settings) -> None:
        self.settings = settings
        self._apply_settings()
        self.render()  # show the change at once; saving is a few round trips to the client

    def _apply_settings(self) -> None:
        self.page.title = self.tr._("Clock") if self.exited else self.tr._("Care Reference")
        dress_page(self.page, LANGUAGES[self.settings.language], self.settings.text_scale, self.settings.theme == "dark")

    # Routing ------------------------------------------------------------------------------

    def navigate(self, route: str) -> None:
        """Tell the browser (address bar, history), then show the route at once. Waiting for the
        browser to report the change back would add two round trips to every tap; telling it after
        the screen made the client draw the screen twice (see push_route_at_once)."""
        here = self._current().route
        if not section_at(route).in_nav and route != here:  # Search: Back returns where it was opened
            self.visit.came_from(section_at(route).route, here)
        if route != self._route:  # the browser reports a change of address, not the same one again
            self._unreported.append(route)
        self._route = route
        push_route_at_once(self.page, route)
        self.render()

    def _on_route_change(self, e) -> None:
        if e.route in self._unreported:
            # The browser reporting a route the app sent it, drawn already. After two quick taps the
            # first one's report comes after the second screen: drawing it again, then the second
            # afresh, wiped what had been typed there since (issue 27: an age, 1 try in ~300).
            while self._unreported.popleft() != e.route:
                pass
        elif e.route != self._route:  # Back, Forward or a typed address
            self._route = e.route
            self.render()
            return
        # Nothing to draw: Flet's own update after the event would diff the whole page for nothing.
        ft.context.disable_auto_update()

    def open_item(self, topic: str, item_id: str) -> None:
        """Show an item where it stands in its section: its group open, the item marked and in view."""
        route, here = section_of(topic).route, self._current().route
        self.visit.open_item(route, item_id)
        if here not in ("/search", route):  # from a link: Back returns to it
            self.visit.came_from(route, here)
        self.navigate(route)

    def _back_route(self, section: Section) -> str | None:
        """Back from a screen that is not a destination of its own: where a link or Search was
        opened from (the visit keeps it), else the screen's parent, else Home."""
        return self.visit.back_from(section.route) or section.parent or (None if section.in_nav else HOME.route)

    def _current(self) -> Section:
        return section_at(self._route)

    def _on_resize(self, e) -> None:
        if is_narrow(self.page.width) != self._narrow:
            self.render()

    def _context(self, section: Section) -> Context:
        return Context(
            visit=self.visit, tr=self.tr, settings=self.settings, navigate=self.navigate, open_item=self.open_item,
            opened=self.visit.opened_item(section.route), redraw=self.render, change_settings=self.change_settings,
            reset_settings=self.reset_settings, compact=self.compact, after_render=self._after_render.append,
            field_takes_focus=lambda: setattr(self, "_field_takes_focus", True), show_dialog=self.page.show_dialog,
        )  # fmt: skip

    def render(self) -> None:
        if self.exited:
            return self._render_neutral()
        section = self._current()
        self.visit.enter(section.route)  # leaving a section forgets what was entered there
        self._narrow = is_narrow(self.page.width)
        self._after_render.clear()
        self._field_takes_focus = False
        try:
            screen = screen_module(section.screen).build(self._context(section))
        except DataError as error:  # broken content: say where, never show an empty screen
            screen = content_error(self.tr, error)
        frame = Frame(self.tr, self.settings.text_scale, self.page.width, self.navigate, self.quick_exit)
        look = (self.settings, frame.look)
        if self._drawn and self._framed and look == self._drawn_for and self._keeps_frame(screen):
            # The same frame: only what differs is sent. A new listener would take the focus if
            # the control that had it went with the old screen; a fresh anchor above the app bar,
            # inside the listener, does the same (autofocus acts only where nothing holds it), so
            # Shift still reaches the listener and Tab goes on to the app bar. Asking the
            # listener for the focus instead (KeyboardListener.focus) costs a reply, and a reply
            # that comes after a whole render replaced the listener ends the session's socket.
            # (Flet compares controls by value and does not assign one equal to the one there, so
            # this anchor is sent on the first switch after a whole render only. Giving each one a
            # key of its own, so that every switch sent one, coincided with more keys lost in the
            # typing trials: left as it was, see bench/README.md, 2026-12-07.)
            anchor = self._framed.controls[0]
            anchor.content = ft.KeyboardListener(ft.Container(width=0, height=0), autofocus=True, include_semantics=False)
            frame.switch(self._drawn, screen, section, self._back_route(section))
            # One patch of what holds them all: the page gets the screen, the marks and the title in
            # one message, drawn in one frame. One patch each came in up to four messages, and a
            # frame drawn between two of them (15-50 ms without a GPU) held the next one back.
            self.page.update(self._framed)
        else:
            self._draw_whole(frame, screen, section)
        self._drawn_for = look
        for action in self._after_render:
            self.page.run_task(action)
        self._after_render.clear()

    def _keeps_frame(self, screen) -> bool:
        """A screen shown alone has no frame; a field taking the focus needs a new listener, which
        gives it up on mounting (Flutter's autofocus only acts where nothing holds the focus)."""
        return not isinstance(screen, FullScreen) and not self._field_takes_focus

    def _draw_whole(self, frame: Frame, screen, section: Section) -> None:
        bar, body, self._drawn = frame.around(screen, section, self._back_route(section))
        # The bar sits inside the key listener, not in the view's app-bar slot: the listener holds
        # the focus as a screen opens, and Tab goes on from it in reading order, so Exit is among
        # the first stops rather than after every control of the page (issue 27).
        self.view.appbar, self.view.navigation_bar = None, None
        anchor = ft.Container(width=0, height=0)  # where the focus goes when the frame stays (render)
        self._framed = ft.Column([anchor, bar, body], expand=True, spacing=0)
        self.view.controls = [self.listening(self._framed)]
        self.page.update()

    def _render_neutral(self) -> None:
        screen, keep_current = screen_module("neutral").clock(self.tr)
        self.page.title = self.tr._("Clock")
        self.view.appbar, self.view.navigation_bar, self.view.controls = None, None, [screen]
        self._drawn = self._framed = None
        self.page.update()
        if not self._clock_running:  # Back and history re-render this screen; one clock task is enough
            self._clock_running = True
            self.page.run_task(keep_current, self.page, lambda: self.exited)
