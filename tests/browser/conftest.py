"""Fixtures for the browser tests: one app server for the session, a browser profile kept for the
session in which each test opens a new tab with nothing stored, and a plain Chromium for the tests
that make contexts of their own. The driving itself is in tests/browser/driver.py."""

from __future__ import annotations

import os
import zlib
from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.browser.driver import SHOTS, VIEWPORTS, App, chromium, fresh_page, keeper, profile, serve_app


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> str:
    with serve_app(tmp_path_factory.mktemp("cwd")) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Playwright:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Browser:
    with chromium(playwright) as browser:
        yield browser


@pytest.fixture(scope="session")
def kept_profile(playwright: Playwright, app_url: str, tmp_path_factory) -> Iterator[tuple[BrowserContext, Page]]:
    """The worker's browser profile, and the tab in it that keeps the app's process (`keeper`)."""
    with profile(playwright, tmp_path_factory.mktemp("profile")) as context:
        yield context, keeper(context, app_url)


@pytest.fixture(params=list(VIEWPORTS))
def app(request, kept_profile: tuple[BrowserContext, Page], app_url: str) -> Iterator[App]:
    """A new tab in the worker's kept profile, with nothing stored for the app: settings start from
    defaults, while the browser's cache of the app carries over from the test before.

    The tab asks for reduced motion, as some users' systems do, unless the test is about timing
    (@pytest.mark.full_motion: keys typed at once after a tap, quick exit as an overlay opens, the
    frames before the loading cover goes): the app is the same, its ripples and openings are over
    in a frame or two, and a test's taps cost the CPU-bound tier about 15 % less (bench/README.md,
    the suite's wall time, round six)."""
    context, kept = kept_profile
    reduced = request.node.get_closest_marker("full_motion") is None
    yield App(fresh_page(context, app_url, request.param, reduced), app_url, request.param, reduced)
    for page in context.pages:
        if page is not kept:
            page.close()


def pytest_collection_modifyitems(config, items):
    """Mark the browser tests, and run each at one viewport unless layout is what it checks
    (@pytest.mark.both_viewports): phone and desktop alternate from one case of a test to the
    next (by language, say), so both stay covered at half the cost. CARE_REFERENCE_ALL_VIEWPORTS=1
    runs every test at both."""
    viewports = list(VIEWPORTS)
    present: dict[str, set[str]] = {}
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if "app" in getattr(getattr(item, "callspec", None), "params", {}):
                present.setdefault(item.originalname, set()).add(item.callspec.params["app"])
    if os.environ.get("CARE_REFERENCE_ALL_VIEWPORTS") == "1":
        return
    cases: dict[str, dict[tuple, int]] = {}
    kept, dropped = [], []
    for item in items:
        name = item.originalname if "tests/browser" in str(item.fspath) else None
        if name is None or len(present.get(name, ())) < 2 or item.get_closest_marker("both_viewports"):
            kept.append(item)
            continue
        params = item.callspec.params
        case = tuple(sorted((key, repr(value)) for key, value in params.items() if key != "app"))
        index = cases.setdefault(name, {}).setdefault(case, len(cases[name]))
        wanted = viewports[(index + zlib.crc32(name.encode())) % len(viewports)]
        (kept if params["app"] == wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    # The tier runs on two workers (Makefile), each taking the next test as it ends one. The long
    # tests go first, so that neither worker is left with one of them at the end while the other
    # has finished; after each, a test that mostly waits on a timer, so that the other worker's long
    # test keeps the cores busy through the wait (the two idle resets side by side left the machine
    # 62 % busy for 11 s).
    waits = [item for item in items if item.get_closest_marker("waits")]
    longs = [item for item in items if item.get_closest_marker("long")]
    rest = [item for item in items if item not in waits and item not in longs]
    items[:] = [one for pair in zip(longs, waits) for one in pair] + longs[len(waits):] + waits[len(longs):] + rest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test's page as the browser last showed it: a screenshot beside the others, and
    the accessibility tree (what the tests search) in the report, so a failure on CI can be read."""
    report = yield
    app = item.funcargs.get("app") if call.when == "call" and report.failed else None
    if isinstance(app, App) and not app.page.is_closed():
        try:
            SHOTS.mkdir(parents=True, exist_ok=True)
            path = SHOTS / f"failed-{item.name}.png"
            app.page.screenshot(path=path)
            report.sections.append(("page when it failed", f"{path}\n{app.page.locator('body').aria_snapshot()[:6000]}"))
        except Exception as error:  # the page may be gone with the failure
            report.sections.append(("page when it failed", f"not captured: {error}"))
    return report
