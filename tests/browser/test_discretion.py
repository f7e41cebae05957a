"""Quick exit from any screen, by the control or by Shift three times, with no way back; typing
never exits; idle and going to the background forget the visit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.driver import App, Wizard, desktop_app, serve_app

pytestmark = pytest.mark.browser

SCREENS = [("/", "Care Reference"), ("/indicators", "Most indicators are nonspecific"), ("/next", "Verify local law")]
CLOCK = re.compile(r"^\s*\d{1,2}:\d{2}")


def assert_neutral(app: App) -> None:
    app.gone(app.button("Exit"))
    app.see(CLOCK)
    assert app.page.title() == "Clock"
    body = app.page.locator("body").aria_snapshot()
    for leftover in ("Care Reference", "Indicators", "Next steps", "Settings", "Verify local law"):
        assert leftover not in body


def focus_app(app: App) -> None:
    """Click the (inert) title so the keyboard goes to the app, as it would for a user."""
    box = app.box(app.page.get_by_role("heading").first)
    app.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.both_viewports  # layout is what it checks
@pytest.mark.parametrize("route, marker", SCREENS)
def test_exit_control_on_every_screen_and_no_way_back(app, route, marker):
    app.use_language("en").open(route)
    app.see(marker)
    if route == "/next":
        Wizard(app, "en").enter_age("15")
    app.button("Exit").click()
    assert_neutral(app)
    app.page.wait_for_url(app.base_url + "/")  # the address no longer says where the user was
    app.shot(f"quick-exit{route.replace('/', '-') if route != '/' else '-home'}")
    if route == "/next":  # where something was entered (once per layout: each reload costs a load)
        # Neither the browser's history nor a reload leads back into the app: the server session
        # stays on the clock, so reopening any address of this tab shows it again.
        app.page.goto(app.base_url + "/next")
        app.enable_semantics()
        assert_neutral(app)


def open_overlay(app: App, overlay: str) -> str:
    """Open one of the things the app can show over a screen; return the words it shows."""
    app.use_language("en", jurisdiction="us").open("/contacts")
    if overlay == "ask-first":  # "Before you give the card": the moment a patient or companion is there
        app.button("Show card").click()
        words = "Ask whether carrying a card is safe"
    else:  # a message at the foot of the screen
        app.page.get_by_role("button", name="Copy").first.click()
        words = "Number copied"
    app.see(words)
    return words


@pytest.mark.both_viewports  # layout is what it checks
@pytest.mark.full_motion  # Exit as the overlay opens, as at the bedside
@pytest.mark.parametrize("overlay", ["ask-first", "message"])
def test_exit_button_works_over_everything_the_app_shows(app, overlay):
    words = open_overlay(app, overlay)
    app.button("Exit").click()
    assert_neutral(app)
    app.gone(app.text(words))  # the message slides away with the rest


@pytest.mark.parametrize("app", ["desktop"], indirect=True)
@pytest.mark.full_motion  # Exit as the overlay opens, as at the bedside
@pytest.mark.parametrize("overlay", ["ask-first", "message"])
def test_shift_three_times_works_over_everything_the_app_shows(app, overlay):
    words = open_overlay(app, overlay)
    focus_app(app)
    for _ in range(3):
        app.page.keyboard.press("Shift")
    assert_neutral(app)
    app.gone(app.text(words))  # the message slides away with the rest


@pytest.mark.parametrize("app", ["desktop"], indirect=True)  # a hardware keyboard is a desktop concern
@pytest.mark.parametrize("route, marker", SCREENS)
def test_shift_three_times_leaves_any_screen(app, route, marker):
    app.use_language("en").open(route)
    app.see(marker)
    focus_app(app)
    for _ in range(3):
        app.page.keyboard.press("Shift")
    assert_neutral(app)


@pytest.mark.parametrize("app", ["desktop"], indirect=True)
@pytest.mark.full_motion  # keys as fast as a typist's
def test_typing_capitals_and_arabic_shift_letters_in_search_does_not_exit(app):
    app.open("/search")
    field = app.page.get_by_role("textbox", name="Search")
    app.type_into(field, "ABC")  # Shift held for each capital: three Shift releases, none alone
    for letter, key in zip("أإآ", ("KeyH", "KeyY", "KeyN")):  # the Shift layer of an Arabic keyboard
        app.type_shifted(letter, key)
    app.wait_until(lambda: field.input_value() == "ABCأإآ", "the letters are typed")
    # Something the server answers after the last key: had any Shift counted, the app would be gone.
    app.page.get_by_role("switch", name="Search all three languages").click()
    app.see(re.compile(r"^\d+ results?$|^Nothing found"))
    app.button("Exit").wait_for()
    assert app.page.title() == "Care Reference"


@pytest.fixture(scope="module")
def quick_idle_url(tmp_path_factory):
    """A short idle limit, yet longer than a busy machine takes to open a screen and take the next
    answer (with 3 s, a page still opening under load was reset before the first answer)."""
    with serve_app(tmp_path_factory.mktemp("cwd"), CARE_REFERENCE_IDLE_SECONDS="6") as url:
        yield url


@pytest.mark.waits
def test_idle_reset_forgets_the_visit(browser, quick_idle_url):
    with desktop_app(browser, quick_idle_url) as app:
        app.use_language("en").open("/next")
        wizard = Wizard(app, "en")
        wizard.fill("15", sexual_exploitation="Yes")
        app.see("Point-of-care guidance for clinicians.", timeout=20_000)  # idle: back on the first screen
        app.go("Next steps")
        field = wizard.age_field()
        field.wait_for()
        assert field.input_value() == ""


@pytest.mark.waits
def test_idle_reset_forgets_search_text_and_patient_language(browser, quick_idle_url):
    with desktop_app(browser, quick_idle_url) as app:
        app.open("/asking")
        app.choose("العربية")
        app.see("English: ")  # each Arabic line has its English version beneath it
        app.button("Search").click()
        app.type_into(app.page.get_by_role("textbox", name="Search"), "tattoo")
        app.see("What does that tattoo mean or represent?")
        app.see("Point-of-care guidance for clinicians.", timeout=20_000)
        app.button("Search").click()
        field = app.page.get_by_role("textbox", name="Search")
        field.wait_for()
        assert field.input_value() == ""
        app.go("Asking")
        app.see("Say this first")
        assert app.text("English: ").count() == 0  # questions back in the app's own language


VISIBILITY = """(state) => {
    Object.defineProperty(document, 'visibilityState', {value: state, configurable: true});
    Object.defineProperty(document, 'hidden', {value: state === 'hidden', configurable: true});
    document.dispatchEvent(new Event('visibilitychange'));
}"""


def test_going_to_the_background_forgets_the_visit(app):
    app.use_language("en").open("/next")
    wizard = Wizard(app, "en")
    wizard.fill("15", sexual_exploitation="Yes")
    # What a phone does when the app is put away: the page becomes hidden, then visible again.
    app.page.evaluate(VISIBILITY, "hidden")
    app.page.evaluate(VISIBILITY, "visible")
    app.see("Point-of-care guidance for clinicians.")  # back on the first screen
    app.go("Next steps")
    field = wizard.age_field()
    field.wait_for()
    assert field.input_value() == ""


def test_privacy_screen_resets_settings(app):
    app.use_language("es").open("/privacy")
    app.see("Qué guarda esta aplicación")
    app.button("Restablecer ajustes").click()
    app.see("What this app keeps")
    app.wait_for_empty_storage()
    assert app.local_storage() == {}


@pytest.fixture(scope="module")
def bad_directory_url(tmp_path_factory):
    bad = Path(__file__).parent.parent / "directory" / "fixtures" / "invalid_number.yaml"
    with serve_app(tmp_path_factory.mktemp("cwd"), CARE_REFERENCE_DIRECTORY=str(bad)) as url:
        yield url


def test_bad_directory_file_is_named_in_the_app_and_built_ins_remain(browser, bad_directory_url):
    with desktop_app(browser, bad_directory_url) as app:
        app.use_language("en").open("/contacts")
        app.see("Some of your facility's services could not be read and are not shown.")
        app.button("Show card").click()
        app.see("Ask whether carrying a card is safe")
        app.button("Continue").click()
        app.see("1 (888) 373-7888")  # the built-in entries still make the card
        app.button("Close").click()
        app.open("/settings")  # the file and line, for whoever sets the app up, at the bottom
        size = app.page.viewport_size
        app.page.mouse.move(size["width"] / 2, size["height"] / 2)
        app.page.mouse.wheel(0, 3000)
        app.see("invalid_number.yaml:6: entries.0.phone: invalid phone number 'call reception'")


def test_reloading_at_other_addresses_is_quiet_and_shows_them(browser, tmp_path_factory):
    """Leaving a page sends 'hidden' as its socket closes: the app forgets the visit then but
    draws nothing until it is seen again (drawing at once failed in Flet's send loop on most
    departures), and a reload at another address shows that address."""
    server_log = tmp_path_factory.mktemp("log") / "server.log"
    walk = [("/care", "Mistrust is a survival skill", "The toolkit's eleven concepts", "Screen for trauma"),
            ("/asking", "Say this first", "Environment and daily life", "What does a usual day look like"),
            ("/guidance", "Your own safety comes first", "Documentation", "Neutral, objective, factual language"),
            ("/next", "Verify local law", None, None), ("/indicators", "Most indicators are nonspecific", None, None)]  # fmt: skip
    with serve_app(tmp_path_factory.mktemp("cwd"), APP_SERVER_LOG=str(server_log)) as url:
        with desktop_app(browser, url) as app:
            for route, marker, group, inside in walk:
                app.open(route)  # the same tab: Flet reconnects it to its session
                app.see(marker)
                if group:
                    app.page.get_by_role("button", name=re.compile("^" + group)).first.click()
                    app.see(inside)
    log = server_log.read_text()
    assert "Traceback" not in log and "exception" not in log.lower(), log[-2000:]
