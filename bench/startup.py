"""Start-up: from starting the server process to the first screen painted in headless Chromium,
for the app and for Flet's hello world started the same way in the same run (alternating, so
neither benefits from warm caches more than the other). The ratio is the figure that matters:
absolute times on a shared two-core machine vary from run to run."""

from __future__ import annotations

import statistics
import time

from playwright.sync_api import sync_playwright

from figures import figure, show
from served import APP, BARE, CHROMIUM, CHROMIUM_ARGS, VIEWPORTS, serve

RUNS = 11
FIRST_TEXT = {"app": "Point-of-care guidance for clinicians.", "bare": "Hello, world"}


def first_screen_ms(browser, command: list[str], text: str) -> float:
    """Process start to the first screen's text in the page (Flutter updates its accessibility
    tree in the frame it paints)."""
    with serve(command) as served:
        context = browser.new_context(viewport=VIEWPORTS["desktop"])
        try:
            page = context.new_page()
            page.goto(served.url + "/", wait_until="commit")
            page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
            page.evaluate("document.querySelector('flt-semantics-placeholder')?.click()")
            page.get_by_text(text).first.wait_for(state="attached", timeout=60_000)
            return (time.perf_counter() - served.started) * 1000
        finally:
            context.close()


def measure() -> list[dict]:
    times: dict[str, list[float]] = {"app": [], "bare": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first_screen_ms(browser, BARE, FIRST_TEXT["bare"])  # warm the disk cache for both, untimed
        first_screen_ms(browser, APP, FIRST_TEXT["app"])
        for run in range(RUNS):
            order = ("app", "bare") if run % 2 else ("bare", "app")
            for name in order:
                times[name].append(first_screen_ms(browser, APP if name == "app" else BARE, FIRST_TEXT[name]))
        browser.close()
    ratio = statistics.median(times["app"]) / statistics.median(times["bare"])
    return [
        figure("start-up: process start -> first screen, bare Flet hello world", times["bare"], RUNS),
        figure("start-up: process start -> first screen, this app", times["app"], RUNS, ratio=round(ratio, 3)),
    ]


if __name__ == "__main__":
    for row in measure():
        print(show(row))
