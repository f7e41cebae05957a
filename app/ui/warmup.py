"""Start-up work moved off the way to the first screen, in two steps.

On two cores every millisecond of CPU counts: the server's and the browser's work before the
first screen add up (bench/startup.py measures it). So the first screen loads only what it needs,
and each step runs where it delays that screen least:

1. While the browser loads the Flutter client: the modules of Home and the shell around it, and
   the Flet controls they use (Flet imports each control's module on first use; the theme's
   alone takes ~60 ms). Done here, they cost the first screen less than on its own path, where
   nothing else can proceed (11 runs each, before the font manifest: 1.13 against 1.18 times
   the bare app's start-up).
2. Once the first screen has been sent and painted: every other screen's module with what it
   imports (pydantic models, rules, search), their controls, the session language's content
   and the jurisdiction packs, so that the first tap into a section does not wait for them.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
import time
import urllib.request
from pathlib import Path

_UI = Path(__file__).parent
_NAME = re.compile(r"\bft\.([A-Z]\w+)")
# What Home and the shell around it are built from.
FIRST_SCREEN = ("shell", "guard", "navigation", "sections", "home", "widgets", "theme", "icons", "settings_store")
# Long enough for the browser to paint the first screen (0.1-0.2 s here), short enough to be
# done before a person has read it and chosen where to go.
PAUSE_S = 0.4
_after_first_screen = threading.Lock()


def used_names(modules: tuple[str, ...] | None = None) -> set[str]:
    """Every `ft.Name` these UI modules (default: all) refer to; none if the sources are not shipped."""
    paths = [_UI / f"{name}.py" for name in modules] if modules else _UI.glob("*.py")
    return {name for path in paths if path.exists() for name in _NAME.findall(path.read_text(encoding="utf-8"))}


def _touch_controls(modules: tuple[str, ...] | None = None) -> None:
    import flet as ft

    for name in sorted(used_names(modules)):
        getattr(ft, name, None)


def warm_first_screen() -> None:
    for name in FIRST_SCREEN:
        importlib.import_module(f"app.ui.{name}")
    _touch_controls(FIRST_SCREEN)  # theme.py is among them: the theme's modules are imported here
    importlib.import_module("app.ui.text_width").warm()  # the rail and the title are sized from it


def warm_the_rest(language: str) -> None:
    from app.datafiles.problems import DataError
    from app.content.loader import load_bundle
    from app.rules import load_packs
    from app.ui.sections import SECTIONS, screen_module

    for name in ("neutral", *sorted({section.screen for section in SECTIONS}), "reporting_result"):  # quick exit's screen first
        screen_module(name)
    _touch_controls()
    for load in (lambda: load_bundle(language), load_packs):
        try:
            load()
        except DataError:  # reported by the screen that shows it, not here
            pass


# While a warm-up thread runs, the server's event loop waits for the GIL at each hand-over: up to
# Python's default 5 ms each time, and a response takes many. Handed over every 0.5 ms instead,
# index.html was answered in 23 ms rather than 104 during step 1 (median of 7 loads).
SWITCH_INTERVAL_S = 0.0005


def while_client_loads(host: str, port: int) -> None:
    """Step 1, in a thread, as soon as the server answers: any earlier would slow its start."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)  # for step 2 too, which runs while a person taps

    def run() -> None:
        _when_serving(host, port)
        warm_first_screen()

    threading.Thread(target=run, name="warm-up: first screen", daemon=True).start()


def after_first_screen(language: str) -> None:
    """Step 2, once per process, in a thread, after a pause for the browser to paint."""
    if not _after_first_screen.acquire(blocking=False):
        return

    def run() -> None:
        time.sleep(PAUSE_S)
        warm_the_rest(language)

    threading.Thread(target=run, name="warm-up: the rest", daemon=True).start()


def _when_serving(host: str, port: int, timeout: float = 30.0) -> None:
    """Wait (without holding the GIL) until the server has answered a first request: Flet prepares
    its web files for the first one, and warming up alongside would slow that answer."""
    host = "127.0.0.1" if host in ("", "0.0.0.0", "::", "*") else f"[{host}]" if ":" in host else host
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{host}:{port}/", timeout=5):
                return
        except OSError:
            time.sleep(0.02)
