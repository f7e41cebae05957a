"""The desktop window under a virtual display: one Xvfb for the session, and for each test its
own HOME (where the client keeps the stored settings) and its own client process.

Needs Xvfb, xdotool and ImageMagick's `import` (scripts/ensure-test-tools installs them where it
may) and the Linux client that scripts/fetch-desktop-client caches (or FLET_VIEW_PATH). Without
them these tests are skipped, each saying which is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.desktop.harness import DesktopApp, missing_x_tools, xvfb

CACHED_CLIENT = Path.home() / ".cache/carereference/flet-client-0.82.2/flet"


def _client() -> Path | None:
    folder = Path(os.environ.get("FLET_VIEW_PATH") or CACHED_CLIENT)
    return folder if (folder / "flet").is_file() else None


@pytest.fixture(scope="session")
def display():
    if missing := missing_x_tools():
        pytest.skip(f"the desktop tests need {', '.join(missing)} (see scripts/ensure-test-tools)")
    if _client() is None:
        pytest.skip("no desktop client: run scripts/fetch-desktop-client once (it needs PyPI)")
    with xvfb() as name:
        yield name


@pytest.fixture
def desktop(display, tmp_path):
    """Start the app with `desktop(no_fonts=...)`; every window is closed after the test."""
    started: list[DesktopApp] = []

    def start(home: Path = tmp_path / "home", **options) -> DesktopApp:
        app = DesktopApp(display=display, home=home, client=_client(), **options)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()
