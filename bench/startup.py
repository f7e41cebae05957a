"""Start-up: from starting the server process to the first screen painted in headless Chromium,
for the app and for Flet's hello world started the same way in the same run (alternating, so
neither benefits from warm caches more than the other). The ratio is the figure that matters:
absolute times on a shared two-core machine vary from run to run.

The end is the moment a person sees the first screen: the first frame put on screen after the
screen's text entered the page, with no loading screen left over it, all timed inside the page
(Playwright's own polling is late when the page's main thread is busy). The accessibility tree
alone, used until 2026-12-01, is filled in before the frame is drawn, and the app's first frame
took 160-200 ms longer to draw than the hello world's (bench/README.md).

A third row, not judged, serves the hello world with the app's own server (bench/bare_app.py
--app-server): the app needs that server's single-threaded renderer (app/web/client_patches.py, a
freeze in Flutter 3.44's two-thread renderer), which the stock hello world does not use. The app's
ratio to that row is what the app itself adds; that row's ratio to the stock one is the server's
and renderer's share."""

from __future__ import annotations

import json
import statistics
import time
from contextlib import contextmanager

from figures import figure, show
from served import APP, BARE, BARE_ON_APP_SERVER, VIEWPORTS, WATCH_FRAMES, WATCH_TEXT, Served, chromium, serve

RUNS = 7  # alternating; 11 took the whole bench past six minutes
FIRST_TEXT = {"app": "Point-of-care guidance for clinicians.", "bare": "Hello, world"}
COMMANDS = {"bare": (BARE, FIRST_TEXT["bare"]), "bare_app_server": (BARE_ON_APP_SERVER, FIRST_TEXT["bare"]),
            "app": (APP, FIRST_TEXT["app"])}  # fmt: skip


# Flutter builds its accessibility tree only once its placeholder is clicked: clicked from inside
# the page as soon as it exists, so the text is seen in the frame that first shows it. (Clicked by
# Playwright after polling for it, a hello world was painted before its tree was even asked for.)
ENABLE_SEMANTICS = """() => { const observer = new MutationObserver(() => {
    const placeholder = document.querySelector('flt-semantics-placeholder');
    if (placeholder) { observer.disconnect(); placeholder.click(); } });
    observer.observe(document, {childList: true, subtree: true}); }"""
# A promise of the page time at which no loading screen is left over the page: index.html's
# #cover for the app, Flet's #loading for the hello world.
WATCH_COVERS = """() => { window.__uncovered = new Promise((resolve) => {
    let seen = false;
    const observer = new MutationObserver(() => {
        const cover = document.querySelector('#cover, #loading');
        if (cover) seen = true; else if (seen) { observer.disconnect(); resolve(performance.now()); } });
    observer.observe(document, {childList: true, subtree: true}); }); }"""


@contextmanager
def first_screen(browser, served: Served, text: str, *init_scripts: str):
    """A new page on a just-started server, once its first screen is in view: the first frame put
    on screen after the first screen's `text` entered the page, with no loading screen left over
    it. Yields the page, the process start on the page's clock, the page time the text appeared
    at and the page time the screen was in view (ms)."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    for script in (f"({WATCH_TEXT})({json.dumps(text)})", f"({WATCH_FRAMES})()", f"({ENABLE_SEMANTICS})()",
                   f"({WATCH_COVERS})()", *init_scripts):  # fmt: skip
        context.add_init_script(script)
    try:
        page = context.new_page()
        page.goto(served.url + "/", wait_until="commit")
        shown = page.evaluate("window.__shown")  # page time, ms since the page's time origin
        in_view = page.evaluate("async (shown) => Math.max(await window.__frameAfter(shown), await window.__uncovered)", shown)
        # The page's clock and ours are both the wall clock: place the process start on it.
        process_start = time.time() - (time.perf_counter() - served.started)
        yield page, page.evaluate("performance.timeOrigin") - process_start * 1000, shown, in_view
    finally:
        context.close()


def first_screen_ms(browser, command: list[str], text: str) -> float:
    """Process start to the moment the first screen is in view."""
    with serve(command) as served, first_screen(browser, served, text) as (_page, origin, _shown, in_view):
        return origin + in_view


def measure() -> list[dict]:
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    with chromium() as browser:
        for command, text in COMMANDS.values():  # warm the disk cache for each, untimed
            first_screen_ms(browser, command, text)
        for run in range(RUNS):
            for name in list(COMMANDS) if run % 2 else list(COMMANDS)[::-1]:
                times[name].append(first_screen_ms(browser, *COMMANDS[name]))
    median = {name: statistics.median(samples) for name, samples in times.items()}
    return [
        figure("start-up: process start -> first screen, bare Flet hello world", times["bare"], RUNS),
        figure("start-up: the same hello world on the app's server and renderer", times["bare_app_server"], RUNS,
               to_bare=round(median["bare_app_server"] / median["bare"], 3)),  # fmt: skip
        figure("start-up: process start -> first screen, this app", times["app"], RUNS,
               ratio=round(median["app"] / median["bare"], 3),
               to_same_server=round(median["app"] / median["bare_app_server"], 3)),  # fmt: skip
    ]


if __name__ == "__main__":
    for row in measure():
        print(show(row))
