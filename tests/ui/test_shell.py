"""The shell's forgetting, through the real shell on a fake client: quick exit and idle replace the
whole visit (every field, whatever a screen added), and the quick-exit keys reach the policy."""

from __future__ import annotations

import asyncio
import dataclasses

import flet as ft

from app.visit import Visit
from tests.fake_client import walk
from tests.ui.harness import running_shell, used_visit


def assert_every_field_forgotten(visit: Visit) -> None:
    fresh = Visit()
    for spec in dataclasses.fields(Visit):
        assert getattr(visit, spec.name) == getattr(fresh, spec.name), f"{spec.name} survived"


def test_quick_exit_forgets_every_field_of_the_visit():
    async def run():
        async with running_shell("/asking") as (shell, client):
            shell.visit = used_visit()
            shell.quick_exit()
            await client.settle()
            assert_every_field_forgotten(shell.visit)
            assert shell.page.title == "Clock" and shell.view.appbar is None

    asyncio.run(run())


def test_idle_forgets_every_field_and_returns_to_the_first_screen():
    async def run():
        async with running_shell("/next", jurisdiction="us") as (shell, client):
            shell.visit = used_visit()
            client.clock.now += shell.idle.limit_s - 1
            shell.check_idle()
            assert not shell.visit.is_fresh()  # not yet
            client.clock.now += 1
            shell.check_idle()
            await client.settle()
            assert_every_field_forgotten(shell.visit)
            assert shell._current().route == "/"

    asyncio.run(run())


def test_idle_while_the_browser_is_away_forgets_at_once_and_redraws_on_return():
    async def run():
        async with running_shell("/next", jurisdiction="us") as (shell, client):
            shell.visit = used_visit()
            shell._connected = False
            client.clock.now += shell.idle.limit_s
            shell.check_idle()
            assert_every_field_forgotten(shell.visit)

    asyncio.run(run())


def listener(shell) -> ft.KeyboardListener:
    return next(node for node in walk(shell.view) if isinstance(node, ft.KeyboardListener))


async def keys(shell, client, *events: tuple[str, str]) -> None:
    for kind, key in events:
        client.clock.now += 0.1
        await client.event(listener(shell), kind, {"key": key})


def test_three_lone_shifts_exit_and_are_announced():
    async def run():
        async with running_shell("/indicators") as (shell, client):
            shell.visit.child_only = True
            await keys(shell, client, ("key_down", "Shift Left"), ("key_up", "Shift Left"),
                       ("key_down", "Shift Left"), ("key_up", "Shift Left"))  # fmt: skip
            announced = [args["message"] for name, args in client.calls if name == "announce_message"]
            assert announced == ["Shift, press 2 more times to exit.", "Shift, press 1 more time to exit."]
            assert not shell.exited
            await keys(shell, client, ("key_down", "Shift Right"), ("key_up", "Shift Right"))
            assert shell.exited and shell.visit.is_fresh()

    asyncio.run(run())


def test_typing_capitals_and_arabic_shift_letters_does_not_exit():
    async def run():
        async with running_shell("/search", language="ar") as (shell, client):
            for letter in ["A", "B", "C", "أ", "إ", "آ"]:
                await keys(shell, client, ("key_down", "Shift Left"), ("key_down", letter), ("key_up", letter),
                           ("key_up", "Shift Left"))  # fmt: skip
            assert not shell.exited
            assert not [name for name, _args in client.calls if name == "announce_message"]

    asyncio.run(run())


def test_settings_take_effect_at_once_without_a_theme_animation():
    """Flutter's default 200 ms ease between themes drew the first screen in its default colours and
    font, then again in the app's; every change of setting redrew the screen several times."""

    async def run():
        async with running_shell("/") as (shell, client):
            assert shell.page.theme_animation_style == ft.AnimationStyle.no_animation()
            await shell.change_settings(theme="dark", language="ar")
            await client.settle()
            assert shell.page.theme_animation_style == ft.AnimationStyle.no_animation()
            assert shell.page.theme_mode == ft.ThemeMode.DARK

    asyncio.run(run())


def test_the_patient_view_warns_before_the_idle_reset_and_a_tap_keeps_it():
    """Issue 27: the idle reset closed "Show to the patient" while the patient was reading. The
    visit's idle rule stays; the screen says so first, and a tap on "Keep it open" counts."""
    from app.discretion import IDLE_WARNING_S
    from app.visit import PatientView

    def warning(shell):
        return [d for d in shell.page._dialogs.controls if getattr(d, "key", None) == "idle-warning" and d.open]

    async def run():
        async with running_shell("/asking", language="en") as (shell, client):
            shell.visit.patient_view = PatientView("script", None)
            shell.render()
            await client.settle()
            client.clock.now += shell.idle.limit_s - IDLE_WARNING_S - 1
            shell.check_idle()
            assert not warning(shell)  # not yet
            client.clock.now += 2
            shell.check_idle()
            (shown,) = warning(shell)
            await client.event(shown.action, "click")  # a tap: activity, so the full time again
            client.clock.now += IDLE_WARNING_S
            shell.check_idle()
            assert shell.visit.patient_view is not None
            client.clock.now += shell.idle.limit_s  # nobody touches it: the rule holds
            shell.check_idle()
            await client.settle()
            assert shell.visit.patient_view is None and not warning(shell)

    asyncio.run(run())
