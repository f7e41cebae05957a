"""The Flet side of discretion for one session: it hears the keys, the clock and the browser coming
and going, and does what the rules in app.discretion say (forget the visit, show the clock or the
first screen, warn the patient view). The shell is built on it: one object per session, whose
routing (`render`, `navigate`, `_current`) is the shell's own."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Callable

import flet as ft

from app.discretion import IdleStep, IdleTimer, QuickExitKeys, idle_reset_seconds
from app.ui.sections import HOME
from app.visit import Visit

if TYPE_CHECKING:
    from app.i18n import Translator


class Guard:
    # The shell's, used here; and its routing: render(), navigate(route), _current() -> Section.
    page: ft.Page
    clock: Callable[[], float]
    visit: Visit
    tr: Translator
    _route: str
    _field_takes_focus: bool

    def __init__(self, clock: Callable[[], float]) -> None:
        self.exit_keys = QuickExitKeys()
        self.idle = IdleTimer(idle_reset_seconds(), clock())
        self.exited = False  # after quick exit only the neutral screen is shown, whatever the route
        self._connected = True  # False while the browser is away; the session lives on for a while
        self._closed = False  # the session has expired: background loops must end
        self._reset_on_return = False  # the visit was forgotten unseen: draw the first screen when seen again

    def watch(self) -> None:
        """Hear the browser come and go, and every event as activity; check the idle rule."""
        page = self.page
        page.on_app_lifecycle_state_change = self._on_lifecycle
        page.on_disconnect = lambda e: setattr(self, "_connected", False)
        page.on_connect = self._on_connect
        page.on_close = lambda e: setattr(self, "_closed", True)
        # Every event the client sends counts as activity; wrap this session's dispatcher once.
        session, dispatch = page.session, page.session.dispatch_event

        async def tracked(*args, **kwargs):
            self.idle.touch(self.clock())
            return await dispatch(*args, **kwargs)

        session.dispatch_event = tracked
        page.run_task(self._idle_watch)

    def forget_visit(self) -> None:
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

    def listening(self, content: ft.Control) -> ft.Control:
        """The screen with an ear for the quick-exit keys: page.on_keyboard_event never reports a
        lone Shift; a KeyboardListener around the screen does."""
        listener = ft.KeyboardListener(
            content=content,
            # The listener hears keys from any focused widget inside it; with no such widget it
            # needs the focus itself, or the first Shift would go nowhere. A screen that opens with
            # the focus in a field of its own says so: Flutter gives the focus to the first widget
            # asking for it, and without this the keys typed after opening Search went nowhere.
            autofocus=not self._field_takes_focus,
            include_semantics=False,
            on_key_down=self._on_key_down,
            on_key_up=self._on_key_up,
        )
        return ft.Container(listener, expand=True)  # the listener itself cannot expand

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

    async def _idle_watch(self) -> None:
        while not self._closed:
            await asyncio.sleep(min(5.0, self.idle.limit_s / 4))
            self.check_idle()

    def check_idle(self) -> None:
        now = self.clock()
        if self.exited:
            return
        if self._connected and self.visit.patient_view is not None and (left := self.idle.warning_due(now)):
            # Said on screen, with a way to keep it: a patient may read for a while without a touch.
            message = self.tr._("This screen closes soon if nothing is touched.")
            self.page.show_dialog(ft.SnackBar(
                ft.Text(message), duration=ft.Duration(seconds=int(left)), persist=False,
                action=ft.SnackBarAction(self.tr._("Keep it open"), on_click=lambda: None),  # any tap counts as activity
                key="idle-warning",
            ))  # fmt: skip
        step = self.idle.step(now, seen=self._connected, at_start=self.visit.is_fresh() and self._current() is HOME)
        if step is IdleStep.FORGET_UNSEEN:
            self._forget_unseen()
        elif step is IdleStep.RESET:
            self._reset_to_start()

    def _on_lifecycle(self, e) -> None:
        # Backgrounded, a page paints nothing, and a closing tab would be sent to as its socket goes.
        if e.state in (ft.AppLifecycleState.HIDE, ft.AppLifecycleState.PAUSE):
            self._forget_unseen()
        elif e.state in (ft.AppLifecycleState.SHOW, ft.AppLifecycleState.RESUME) and self._reset_on_return:
            self._reset_on_return = False
            self._reset_to_start()

    def _forget_unseen(self) -> None:
        """Forget the visit now; draw the first screen when the app is seen again."""
        self.forget_visit()
        self._reset_on_return = True

    def _on_connect(self, e) -> None:
        self._connected = True
        self.idle.touch(self.clock())
        if self._reset_on_return:
            self._reset_on_return = False
            if self.page.route and self.page.route != self._route:  # reloaded at another address: show it
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
