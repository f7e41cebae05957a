"""Tap -> updated screen in Chromium, timed inside the page: from the click to the first frame put
on screen after the new text entered the page (Flutter fills in its accessibility tree while it
builds a frame, before the frame is drawn: until 2026-12-01 the end was that earlier moment)."""

from __future__ import annotations

import re

from figures import figure, show
from served import APP, WATCH_FRAMES, WATCH_TEXT, chromium, click_centre, serve
from tests.browser.driver import desktop_app

RUNS = 9
# (name, route to start from, what to tap, text that shows the tap took effect)
TAPS = [
    ("open an indicator group", "/indicators",
     lambda app: app.page.get_by_role("button", name=re.compile("^Presentation and demeanour")).first, "Avoids eye contact"),
    ("switch section (rail: Guidance)", "/indicators", lambda app: app.nav("Guidance"), "Your own safety comes first"),
    ("answer a study question", "/study", None, "The statement is"),
]  # fmt: skip


def one_tap(browser, url: str, route: str, target, shown: str) -> float:
    with desktop_app(browser, url) as app:
        app.open(route)
        if target is None:  # the study: start a session first, then tap "True"
            app.page.get_by_role("button", name="Start 10 questions").click()
            target = lambda app: app.page.get_by_role("button", name="True", exact=True).first  # noqa: E731
        box = app.box(target(app))
        app.settle()
        app.page.evaluate(WATCH_TEXT, shown)
        app.page.evaluate(WATCH_FRAMES)
        start = click_centre(app.page, box)
        return app.page.evaluate("async () => window.__frameAfter(await window.__shown)") - start


def measure() -> list[dict]:
    rows = []
    with serve(APP) as served, chromium() as browser:
        for name, route, target, shown in TAPS:
            one_tap(browser, served.url, route, target, shown)  # first use in this process: untimed
            times = [one_tap(browser, served.url, route, target, shown) for _ in range(RUNS)]
            rows.append(figure(f"tap -> updated screen: {name}", times, RUNS))
    return rows


if __name__ == "__main__":
    for row in measure():
        print(show(row))
