"""Quick exit in Chromium: from the trigger (the Exit click, or the third Shift) to the neutral
screen on screen, timed inside the page: the first frame put on screen after the title turned to
"Clock", which comes in the same update as the neutral screen (until 2026-12-01 the end was the
title itself, before the screen was drawn)."""

from __future__ import annotations

from figures import figure, show
from served import APP, WATCH_FRAMES, chromium, click_centre, serve

from tests.browser.driver import desktop_app

RUNS = 5
WATCH_TITLE = """() => { window.__exitDone = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
        if (document.title === "Clock") { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(document.head, {childList: true, characterData: true, subtree: true});
    setTimeout(() => reject(new Error("no neutral screen within 10 s")), 10000);
}); }"""


def one_run(browser, url: str, by_keyboard: bool) -> float:
    with desktop_app(browser, url) as app:
        app.open("/next")
        app.see("Verify local law")
        heading = app.box(app.page.get_by_role("heading").first)
        app.page.mouse.click(heading["x"] + 5, heading["y"] + 5)
        app.page.evaluate(WATCH_TITLE)
        app.page.evaluate(WATCH_FRAMES)
        if by_keyboard:
            app.page.keyboard.press("Shift")
            app.page.keyboard.press("Shift")
            start = app.page.evaluate("performance.now()")
            app.page.keyboard.press("Shift")
        else:
            start = click_centre(app.page, app.box(app.page.get_by_role("button", name="Exit")))
        end = app.page.evaluate("async () => window.__frameAfter(await window.__exitDone)")
        return end - start


def measure() -> list[dict]:
    results = []
    with serve(APP) as served, chromium() as browser:
        for by_keyboard, name in ((False, "Exit control"), (True, "Shift x3")):
            times = [one_run(browser, served.url, by_keyboard) for _ in range(RUNS)]
            results.append(figure(f"quick exit in Chromium ({name}) -> neutral screen", times, RUNS))
    return results


if __name__ == "__main__":
    for row in measure():
        print(show(row))
