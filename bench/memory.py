"""Server memory (resident set) after a browser has walked through every section, opening a
group or two on each, compared with Flet's hello world after one visit, in the same run."""

from __future__ import annotations

import re
import statistics

from figures import figure, show
from served import APP, BARE, chromium, serve
from tests.browser.driver import desktop_app

RUNS = 3
# How a user walks the app in one visit: the control to press, text that shows the screen is
# drawn, a group to open there (or None). One tab is one Flet session, as in the bare app's
# visit; reloading the page for each section would keep a dozen sessions alive instead.
WALK = [
    ("Indicators", "Most indicators are nonspecific", re.compile("^Presentation and demeanour")),
    ("Care approach", "Mistrust is a survival skill", re.compile("^The toolkit's eleven concepts")),
    ("Asking", "Say this first", re.compile("^Environment and daily life")),
    ("Guidance", "Your own safety comes first", re.compile("^Documentation")),
    ("Next steps", "Verify local law", None),
    ("Contacts", "Card language", None),
    ("Study", "True or false?", None),
    ("Settings", "Text size", None),
    ("Privacy", "Reset settings", None),
    ("Home", "Point-of-care guidance for clinicians.", None),
    ("Search", "Type at least two letters.", None),
]


def walk(browser, url: str) -> None:
    with desktop_app(browser, url) as app:
        app.use_language("en", jurisdiction="us").open("/")  # a returning user: Contacts shows its numbers
        app.see("Point-of-care guidance for clinicians.")
        for control, marker, group in WALK:
            app.go(control)
            app.see(marker)
            if group is not None:
                nodes = app.page.locator("flt-semantics")  # the accessibility tree, drawn with the screen
                before = nodes.count()
                app.page.get_by_role("button", name=group).first.click()
                app.wait_until(lambda: nodes.count() > before, "the group's items")  # drawn when opened
        app.type_into(app.page.get_by_role("textbox", name="Search"), "interpreter")  # results follow each key
        app.see("Use a professional interpreter")


def visit_bare(browser, url: str) -> None:
    with desktop_app(browser, url) as app:
        app.open("/")
        app.see("Hello, world")


def measure() -> list[dict]:
    app_mb, bare_mb = [], []
    with chromium() as browser:
        for _ in range(RUNS):
            with serve(BARE) as served:
                visit_bare(browser, served.url)
                bare_mb.append(served.rss_mb())
            with serve(APP) as served:
                walk(browser, served.url)
                app_mb.append(served.rss_mb())
    ratio = statistics.median(app_mb) / statistics.median(bare_mb)
    return [
        figure("server memory (RSS, MB), bare Flet hello world after one visit", bare_mb, RUNS, unit="MB"),
        figure("server memory (RSS, MB), this app after a walk through every section", app_mb, RUNS,
               unit="MB", ratio=round(ratio, 3)),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in measure():
        print(show(row))
