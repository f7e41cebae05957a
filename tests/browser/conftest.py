"""Serve the real app in a subprocess and drive it in headless Chromium (Debian's, never a download)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from app import paths

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = paths.ROOT / "tests" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    # This machine has no network: without these Chromium keeps dialling out and being refused.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"app did not serve {url} within {timeout}s")


@contextmanager
def serve_app(cwd: Path, module: str = "app", **env: str):
    """The app as `make run` starts it, on a free port, from an unrelated working directory
    (bundled files must be found relative to the package). Its output goes to APP_SERVER_LOG,
    given here or in the environment, or nowhere."""
    port = free_port()
    log = env.get("APP_SERVER_LOG") or os.environ.get("APP_SERVER_LOG") or os.devnull
    with open(log, "a") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", module, "--port", str(port)],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(paths.ROOT), "PYTHONUNBUFFERED": "1", **env},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(url + "/", process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> str:
    with serve_app(tmp_path_factory.mktemp("cwd")) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class App:
    """A page of the running app, with the helpers tests need. Finds controls by accessible name."""

    def __init__(self, page: Page, base_url: str, viewport: str) -> None:
        self.page, self.base_url, self.viewport = page, base_url, viewport

    def open(self, route: str = "/") -> App:
        # Several contexts share one browser: a tab left in the background gets no frames.
        self.page.bring_to_front()
        self.page.goto(self.base_url + route)
        self.enable_semantics()
        return self

    def use_language(self, code: str) -> App:
        """Start with a stored language, as a returning user would (settings live in localStorage)."""
        self.page.add_init_script(f"localStorage.setItem('flutter.language', JSON.stringify('{code}'))")
        return self

    def relaunch(self) -> None:
        """Close the app and open it again in the same browser profile (same localStorage).
        A fresh tab, not page.reload(): Flutter's reload sometimes never reaches 'load'."""
        route = "/" + self.page.url.split("/", 3)[-1]
        context = self.page.context
        self.page.close()
        self.page = context.new_page()
        self.open(route)

    def enable_semantics(self) -> None:
        # Flutter builds its accessibility tree only once asked; tests then find controls by name.
        self.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=30_000)
        self.page.evaluate("document.querySelector('flt-semantics-placeholder')?.click()")

    def text(self, text: str | re.Pattern):
        """Text anywhere on screen. Substring match: Flutter merges a tile's lines into one node."""
        return self.page.get_by_text(text)

    def see(self, text: str | re.Pattern, timeout: float = 30_000) -> None:
        self.text(text).first.wait_for(state="attached", timeout=timeout)

    def nav(self, label: str):
        """A navigation destination: a tab in the bottom bar; in the rail a button whose name
        Flutter extends with its position ('Tab 1 of 3', in the page's language); on a phone,
        Settings is an app-bar button."""
        tab = self.page.get_by_role("tab", name=label, exact=True)
        rail = self.page.get_by_role("button", name=re.compile(rf"^{re.escape(label)}\s"))
        action = self.page.get_by_role("button", name=label, exact=True)
        return tab.or_(rail).or_(action).first

    def go(self, label: str) -> None:
        self.nav(label).click()

    def box(self, locator) -> dict:
        locator.wait_for(state="attached", timeout=30_000)
        box = locator.bounding_box()
        assert box is not None, f"{locator} has no layout box"
        return box

    def settle(self, tries: int = 20) -> bytes:
        """The renderer paints a little after the accessibility tree changes: wait for two equal frames."""
        try:
            previous = self.page.screenshot(timeout=10_000)
        except PlaywrightTimeoutError:  # no frame came: the tab was not in front; bring it and retry
            self.page.bring_to_front()
            previous = self.page.screenshot()
        for _ in range(tries):
            self.page.wait_for_timeout(150)
            current = self.page.screenshot()
            if current == previous:
                return current
            previous = current
        return previous

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}-{self.viewport}.png"
        path.write_bytes(self.settle())
        return path

    def local_storage(self) -> dict[str, str]:
        return self.page.evaluate("Object.fromEntries(Object.entries(window.localStorage))")


@contextmanager
def desktop_app(browser: Browser, url: str):
    """A fresh desktop-sized browser context on a server the test started itself."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    try:
        yield App(context.new_page(), url, "desktop")
    finally:
        context.close()


@pytest.fixture(params=list(VIEWPORTS))
def app(request, browser: Browser, app_url: str) -> App:
    """A fresh browser context per test: empty storage, so settings start from defaults."""
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="en-US")
    page = context.new_page()
    yield App(page, app_url, request.param)
    context.close()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Known, rare: headless Chromium (software rendering, two cores) sometimes stops producing
            # frames for a Flutter tab, and a keystroke or screenshot then waits forever. One retry in
            # a fresh browser context; a test that fails twice still fails the run.
            item.add_marker(pytest.mark.flaky(reruns=1))
