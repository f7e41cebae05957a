"""Quick exit from any screen, by the control or by Shift three times, with no way back; idle reset."""

from __future__ import annotations

import re
import time

import pytest

from tests.browser.conftest import App, desktop_app, serve_app
from tests.browser.test_reporting import Wizard

pytestmark = pytest.mark.browser

SCREENS = [("/", "Care Reference"), ("/indicators", "Most indicators are nonspecific"), ("/next", "Verify local law")]


def assert_neutral(app: App) -> None:
    app.page.get_by_role("button", name="Exit").wait_for(state="detached")
    assert app.page.title() == "Clock"
    body = app.page.locator("body").aria_snapshot()
    for leftover in ("Care Reference", "Indicators", "Next steps", "Settings", "Verify local law"):
        assert leftover not in body


def focus_app(app: App) -> None:
    """Click the (inert) title so the keyboard goes to the app, as it would for a user."""
    box = app.box(app.page.get_by_role("heading").first)
    app.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def press_shift_three_times(app: App) -> None:
    focus_app(app)
    for _ in range(3):
        app.page.keyboard.press("Shift")


@pytest.mark.parametrize("route, marker", SCREENS)
def test_exit_control_on_every_screen_and_no_way_back(app, route, marker):
    app.open("/")
    if route != "/":
        app.go({"/indicators": "Indicators", "/next": "Next steps"}[route])
    app.see(marker)
    if route == "/next":
        Wizard(app, "en").enter_age("15")
    app.page.get_by_role("button", name="Exit").click()
    assert_neutral(app)
    app.shot(f"quick-exit{route.replace('/', '-') or '-home'}")
    if route != "/":  # from the first screen, Back simply leaves the site
        app.page.go_back()  # browser history must not lead back into the app
        app.page.wait_for_timeout(500)
        assert_neutral(app)


@pytest.mark.parametrize("app", ["desktop"], indirect=True)  # a hardware keyboard is a desktop concern
@pytest.mark.parametrize("route, marker", SCREENS)
def test_shift_three_times_leaves_any_screen(app, route, marker):
    app.open(route)
    app.see(marker)
    press_shift_three_times(app)
    assert_neutral(app)


@pytest.mark.parametrize("app", ["desktop"], indirect=True)
def test_two_shifts_or_typing_do_not_exit(app):
    app.open("/next")
    wizard = Wizard(app, "en")
    wizard.enter_age("42")
    focus_app(app)
    app.page.keyboard.press("Shift")
    app.page.keyboard.press("Shift")
    app.page.wait_for_timeout(2500)  # the window has passed: a third press now starts a new count
    app.page.keyboard.press("Shift")
    app.page.wait_for_timeout(500)
    app.see("Verify local law")
    assert app.page.title() == "Care Reference"


@pytest.fixture(scope="module")
def quick_idle_url(tmp_path_factory):
    with serve_app(tmp_path_factory.mktemp("cwd"), CARE_REFERENCE_IDLE_SECONDS="3") as url:
        yield url


def test_idle_reset_clears_wizard_answers(browser, quick_idle_url):
    with desktop_app(browser, quick_idle_url) as app:
        app.open("/next")
        wizard = Wizard(app, "en")
        wizard.enter_age("15")
        wizard.switch("q_rpt_sexual_exploitation").click()
        app.page.wait_for_timeout(6000)  # idle for longer than the configured 3 s
        app.see("Point-of-care guidance for clinicians.")  # back on the first screen
        app.go("Next steps")
        box = app.page.get_by_role("textbox", name=wizard.text.item("q_rpt_age").title)
        box.wait_for()
        assert box.input_value() == ""
        assert not wizard.switch("q_rpt_sexual_exploitation").is_checked()


def test_idle_reset_forgets_search_text_and_patient_language(browser, quick_idle_url):
    with desktop_app(browser, quick_idle_url) as app:
        app.open("/asking")
        app.page.get_by_role("button", name="العربية", exact=True).click()
        app.see("English: ")  # each Arabic line has its English version beneath it
        app.page.get_by_role("button", name="Search", exact=True).click()
        field = app.page.get_by_role("textbox", name="Search")
        field.click()
        field.press_sequentially("tattoo", delay=40)
        app.see("What does that tattoo mean or represent?")
        app.page.wait_for_timeout(6000)  # idle for longer than the configured 3 s
        app.see("Point-of-care guidance for clinicians.")
        app.page.get_by_role("button", name="Search", exact=True).click()
        field = app.page.get_by_role("textbox", name="Search")
        field.wait_for()
        assert field.input_value() == ""
        app.go("Asking")
        app.see("Say this first")
        assert app.text("English: ").count() == 0  # questions back in the app's own language


def test_going_to_the_background_clears_answers(app):
    app.open("/next")
    wizard = Wizard(app, "en")
    wizard.enter_age("15")
    wizard.switch("q_rpt_sexual_exploitation").click()
    # What a phone does when the app is put away: the page becomes hidden.
    app.page.evaluate(
        """() => {
            Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
            Object.defineProperty(document, 'hidden', {value: true, configurable: true});
            document.dispatchEvent(new Event('visibilitychange'));
        }"""
    )
    app.page.wait_for_timeout(500)  # Flet holds screen updates while the app is hidden
    app.page.evaluate(
        """() => {
            Object.defineProperty(document, 'visibilityState', {value: 'visible', configurable: true});
            Object.defineProperty(document, 'hidden', {value: false, configurable: true});
            document.dispatchEvent(new Event('visibilitychange'));
        }"""
    )
    app.see("Point-of-care guidance for clinicians.")  # back on the first screen
    app.go("Next steps")
    box = app.page.get_by_role("textbox", name=wizard.text.item("q_rpt_age").title)
    box.wait_for()
    assert box.input_value() == ""


def test_privacy_screen_resets_settings(app):
    app.use_language("es").open("/privacy")
    app.see("Qué guarda esta aplicación")
    app.page.get_by_role("button", name="Restablecer ajustes").click()
    app.see("What this app keeps")
    app.page.wait_for_timeout(500)
    assert app.local_storage() == {}


@pytest.fixture(scope="module")
def bad_directory_url(tmp_path_factory):
    from pathlib import Path

    bad = Path(__file__).parent.parent / "directory" / "fixtures" / "invalid_number.yaml"
    with serve_app(tmp_path_factory.mktemp("cwd"), CARE_REFERENCE_DIRECTORY=str(bad)) as url:
        yield url


def test_bad_directory_file_is_named_in_the_app_and_built_ins_remain(browser, bad_directory_url):
    with desktop_app(browser, bad_directory_url) as app:
        app.open("/contacts")
        app.see("invalid_number.yaml:6: entries.0.phone: invalid phone number 'call reception'")
        app.page.get_by_role("button", name="Show card", exact=True).click()
        app.see("Ask whether carrying a card is safe")
        app.page.get_by_role("button", name="Show card", exact=True).last.click()
        app.see("1 (888) 373-7888")  # the built-in entries still make the card


def test_reloading_at_other_addresses_is_quiet_and_shows_them(browser, tmp_path_factory):
    """Leaving a page sends 'hidden' as its socket closes: the app forgets the answers then but
    draws nothing until it is seen again (drawing at once failed in Flet's send loop on most
    departures), and a reload at another address shows that address."""
    server_log = tmp_path_factory.mktemp("log") / "server.log"
    walk = [("/care", "Mistrust is a survival skill", "The toolkit's eleven concepts"),
            ("/asking", "Say this first", "Environment and daily life"),
            ("/guidance", "Your own safety comes first", "Documentation"),
            ("/next", "Verify local law", None), ("/indicators", "Most indicators are nonspecific", None)]  # fmt: skip
    with serve_app(tmp_path_factory.mktemp("cwd"), APP_SERVER_LOG=str(server_log)) as url:
        with desktop_app(browser, url) as app:
            for route, marker, group in walk:
                app.open(route)  # the same tab: Flet reconnects it to its session
                app.see(marker)
                if group:
                    app.page.get_by_role("button", name=re.compile("^" + group)).first.click()
                    app.page.wait_for_timeout(300)
        time.sleep(1)
    log = server_log.read_text()
    assert "Traceback" not in log and "exception" not in log.lower(), log[-2000:]
