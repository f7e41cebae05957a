"""No key is lost when typing starts the moment a text field is there (issue 27): the tap, or the
search screen opening, and then the keys at once, 80 ms apart, as a quick typist's. Before the fix
a key in the first frame after the tap was overwritten ("35" arrived as "5" in 4-8 of 30 tries,
"child" as "hild" in 11-13 of 30), and keys after opening search went nowhere (30 of 30). Keys
typed at once after the magnifier, before the field was there, lost the first one or two ("hild",
"ild": 5 of 6 with the tree, 8 of 8 without it; on a busy machine 1 in 30 even when typing began as
the field appeared): index.html now types them into the field Flutter focuses.

Every text field of the app is here (search's and the reporting aid's age: `grep -rn TextField
app/`), each 30 times per layout, and each try checks both what the field shows and what the
app's server received. The same again without the accessibility tree, as most sighted people use
the app (Flutter builds it only when asked), where the field's <input> is made only as the field
takes the focus: found by where it is drawn, read from what the server received."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from app.content.loader import load_bundle
from tests.browser.driver import WAIT_MS, App, desktop_app

pytestmark = pytest.mark.browser
# The trials run in full motion: keys typed while a tap's ripple is still being drawn are part of
# what they check. The test of a screen drawn once is not about timing, and runs in reduced motion.
TRIES = 30
DELAY_MS = 80
SELECTIONS = 20  # a tap, Ctrl+A and an age: 5 of 40 lost the selection on a busy machine, 1 of 60 the keys
SWITCHES = 12  # a third of the switches drew the form twice: 12 miss it once in about 100 runs


def away(app: App) -> tuple[str, str]:
    """Where a try steps out to between tries: the lightest screen to draw that the layout's bar
    reaches (a round trip from the form costs 0.60 CPU-s to Glossary, 0.76 to Contacts, 0.89 to
    Home), so that the tries take the time, not the screens between them."""
    return ("Glossary", "/glossary") if app.viewport == "desktop" else ("Contacts", "/contacts")


def typed(app: App, field, text: str, received: list[str], since: float) -> str | None:
    """Type `text` now; what went wrong, if anything, once the field and the server have settled
    (with what passed on the socket and in the page since the try began at `since`)."""
    app.keys(text, delay=DELAY_MS)
    try:
        app.wait_until(lambda: field.input_value() == text and received[-1:] == [text], "typed", timeout=3000)
    except AssertionError:
        # What had the focus and where the field was, to tell a key typed elsewhere from a field
        # that moved under the tap.
        focused = app.page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 160)")
        return (f"shown {field.input_value()!r}, received {received[-1:]}, focus on {focused}, field at {field.bounding_box()}, "
                f"since the try began: {app.happened_since(since)}")  # fmt: skip
    return None


@pytest.mark.full_motion
@pytest.mark.long
@pytest.mark.both_viewports  # issue 27: 30 tries per field and per layout (desktop lost most)
def test_search_takes_every_key_typed_as_it_opens_and_after_a_tap(app):
    received = app.record_changes()
    label, route = away(app)
    app.use_language("en").open(route)
    field = app.page.get_by_role("textbox", name="Search")
    lost, since = [], time.monotonic()
    for attempt in range(TRIES):
        app.page.get_by_role("heading", name=label, exact=True).wait_for(timeout=WAIT_MS)
        app.button("Search").click()
        if attempt % 3:  # a third of the time the keys come at once after the magnifier, before the field
            field.wait_for(timeout=WAIT_MS)
        if attempt % 3 == 2:  # and a third of the time the field is tapped first, as people often do
            field.click(force=True)
        if problem := typed(app, field, "child", received, since):
            lost.append(f"try {attempt + 1}: {problem}")
        # The visit keeps what was searched: empty the field for the next try, then leave.
        app.page.keyboard.press("ControlOrMeta+A")
        app.page.keyboard.press("Backspace")
        app.wait_until(lambda: field.input_value() == "" and received[-1:] == [""], "the field is empty again")
        since = time.monotonic()  # a failure says what happened from here on
        app.go(label)
    assert lost == [], f"{len(lost)} of {TRIES} lost a key: {lost}"


@pytest.mark.full_motion
@pytest.mark.long
@pytest.mark.both_viewports  # issue 27: 30 tries per field and per layout (desktop lost most)
def test_the_age_takes_every_key_typed_right_after_the_tap(app):
    received = app.record_changes()
    app.use_language("en", jurisdiction=None).open("/next")
    # The first time, just after saying where the clinician practises (as issue 27 saw it).
    app.see("Where do you practise?")
    app.text(load_bundle("en").reporting.item("pack_us").title).first.click()
    field = app.page.get_by_role("textbox", name="Age in years")
    label, _route = away(app)
    lost, since = [], time.monotonic()
    for attempt in range(TRIES):
        field.wait_for(timeout=WAIT_MS)
        tapped = field.bounding_box()
        field.click(force=True)
        if problem := typed(app, field, "35", received, since):
            lost.append(f"try {attempt + 1}: {problem}, tapped at {tapped}")
        since = time.monotonic()  # a failure says what happened from here on
        app.go(label)  # leaving the section forgets the age: the field is empty on return
        app.page.get_by_role("heading", name=label, exact=True).wait_for(timeout=WAIT_MS)
        app.go("Next steps")
    assert lost == [], f"{len(lost)} of {TRIES} lost a key: {lost}"


@pytest.mark.full_motion
def test_select_all_at_once_after_the_tap_replaces_what_the_field_holds(app):
    """Tap a field that holds an age, Ctrl+A and type at once: the new age replaces the old. Before
    index.html kept the selection too, Flutter's first write after the tap put the cursor back, and
    the keys went beside the old text ("1817"): 5 of 40 tries on a busy machine, and one suite run
    (the driver's own type_into typed "84" over "84" as "8484"). And a first key typed over the
    selection before that write, sharing the old text's first digit ("1" over "11"), was not typed
    again at all ("112"): 1 of 60."""
    received = app.record_changes()
    app.use_language("en").open("/next")
    field = app.page.get_by_role("textbox", name="Age in years")
    app.type_into(field, "9")
    wrong = []
    for attempt in range(SELECTIONS):
        # A tap beside the field takes the focus from it, as a person's would, who sees the field
        # let go (its cursor and colour) before tapping it again: Flutter has drawn all it had to.
        # (The page's focus moves at once. A tap 20 ms later, no person's, came before Flutter had
        # handled the first, whose blur then took the focus from the field again: 2 of 60 tries.)
        since = time.monotonic()
        app.page.get_by_role("heading", name="Next steps", exact=True).click(force=True)
        app.at_rest()
        age = str(10 + attempt)
        field.click(force=True)
        app.page.keyboard.press("ControlOrMeta+A")
        if problem := typed(app, field, age, received, since):
            wrong.append(f"try {attempt + 1}, {age!r}: {problem}")
    assert wrong == [], f"{len(wrong)} of {SELECTIONS} did not replace the age: {wrong}"


def test_a_screen_with_a_field_is_drawn_once(app):
    """The cause of the age trial's rare lost key: told the new address after it had drawn the
    screen, the client rebuilt its scrolling list, and the accessibility tree took every node of the
    screen out of the page and back over two frames. A field tapped in those frames lost the focus,
    and the keys went to the page. Before the fix, 9 of 20 switches to the form drew it twice, and
    this test failed 3 runs in 3 (1-3 of 8 switches); the trials above, tapping at one moment of
    many, met it about once in 500 tries."""
    app.record_changes()  # the page's log notes each node holding a field taken out of the page
    app.use_language("en", jurisdiction="us").open("/next")
    field = app.page.get_by_role("textbox", name="Age in years")
    label, _route = away(app)
    moved = []
    for attempt in range(SWITCHES):
        app.go(label)
        app.page.get_by_role("heading", name=label, exact=True).wait_for(timeout=WAIT_MS)  # the form is gone
        since = time.monotonic()
        app.go("Next steps")
        field.wait_for(timeout=WAIT_MS)
        # The address the client was told, and the frames after it, when the list was rebuilt.
        app.page.wait_for_url(lambda url: urlsplit(url).path == "/next", timeout=WAIT_MS)
        app.at_rest()
        if (log := app.happened_since(since)).count("holding a field"):
            moved.append(f"switch {attempt + 1}: {log}")
    assert moved == [], f"{len(moved)} of {SWITCHES} switches drew the form twice: {moved}"


def centres(browser, app_url: str, viewport: str) -> dict[str, tuple[float, float]]:
    """Where the two fields, and the buttons that lead to them, are drawn at this layout: read from
    the accessibility tree of another page of the same size (the page under test has no tree)."""
    with desktop_app(browser, app_url, viewport) as app:
        app.use_language("en").open("/next")

        def centre(locator) -> tuple[float, float]:
            box = app.box(locator)
            return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

        places = {"age": centre(app.page.get_by_role("textbox", name="Age in years")), "away": centre(app.nav(away(app)[0])),
                  "next": centre(app.nav("Next steps")), "magnifier": centre(app.button("Search"))}  # fmt: skip
        app.go("Search")
        places["search"] = centre(app.page.get_by_role("textbox", name="Search"))
    return places


@pytest.mark.full_motion
@pytest.mark.long
def test_no_key_is_lost_without_the_accessibility_tree(app, browser, app_url):
    """Without the tree, Flutter makes the field's <input> and focuses it while the browser is
    still handling the tap's own pointer event (pointerdown for a mouse; pointerup for a touch,
    measured once with a touchscreen), and, as search opens, in the frame that builds the screen,
    before that frame is shown. A key typed after that always reaches it (0 of 30 per field and
    layout, before any change); keys typed before the search screen is drawn went to the page and
    were lost until index.html kept them. A test that dropped every fourth first key failed here."""
    at = centres(browser, app_url, app.viewport)
    _label, away_route = away(app)
    received = app.record_changes()
    app.use_language("en").open(away_route, semantics=False)
    page = app.page
    lost: dict[str, list[str]] = {"search": [], "age": []}

    def shown(route: str, since: float) -> None:  # the app's address is the screen's, and it has been drawn
        page.wait_for_url(lambda url: urlsplit(url).path == route, timeout=WAIT_MS)
        app.drawn_since(since)

    def click(place: str) -> float:
        tapped = time.monotonic()
        page.mouse.click(*at[place])
        return tapped

    def type_at_once(field: str, text: str, attempt: int) -> None:
        app.keys(text, delay=DELAY_MS)
        try:
            app.wait_until(lambda: received[-1:] == [text], "typed", timeout=3000)
        except AssertionError:
            lost[field].append(f"try {attempt + 1}: received {received[-1:]}")

    for attempt in range(TRIES):
        opened = click("magnifier")
        if attempt % 3:  # a third of the time the keys come at once after the magnifier, before the field
            shown("/search", opened)
        if attempt % 3 == 2:  # and a third of the time the field is tapped first
            click("search")
        type_at_once("search", "child", attempt)
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.press("Backspace")
        app.wait_until(lambda: received[-1:] == [""], "the field is empty again")
        shown(away_route, click("away"))
    for attempt in range(TRIES):
        shown("/next", click("next"))
        click("age")  # the field has no focus: it is new each time
        type_at_once("age", "35", attempt)
        shown(away_route, click("away"))
    assert page.locator("flt-semantics").count() == 0, "the tree was turned on: not the case meant"
    assert lost == {"search": [], "age": []}, f"of {TRIES} tries per field, some lost a key: {lost}"
