"""Start-up work done in the background while the browser loads the Flutter client (about half
a second in which the server is otherwise idle), so that neither the server's first answer nor
the first screen waits for it:

- the shell and everything it imports (pydantic models, Babel, the screens);
- the Flet controls the UI uses: Flet imports each control's module on first use, and the
  Theme alone pulls in 55 modules (~120 ms);
- the theme for each language.
"""

from __future__ import annotations

import importlib
import re
import socket
import threading
import time
from pathlib import Path

_UI = Path(__file__).parent
_NAME = re.compile(r"\bft\.([A-Z]\w+)")


def used_names() -> set[str]:
    """Every `ft.Name` the UI modules refer to (none if the sources are not shipped)."""
    return {name for path in _UI.glob("*.py") for name in _NAME.findall(path.read_text(encoding="utf-8"))}


def warm() -> None:
    import flet as ft

    importlib.import_module("app.ui.shell")  # everything the screens need
    from app.i18n import LANGUAGES
    from app.ui.theme import build_theme

    for name in sorted(used_names()):
        getattr(ft, name, None)
    for language in LANGUAGES.values():
        build_theme(language, 1.0)


def _when_serving(host: str, port: int, timeout: float = 30.0) -> None:
    """Wait (without holding the GIL) until the server accepts connections: warming up any
    earlier would slow the server's own start."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.02)


def start(host: str, port: int) -> None:
    def run() -> None:
        _when_serving(host, port)
        warm()

    threading.Thread(target=run, name="warm-up", daemon=True).start()
