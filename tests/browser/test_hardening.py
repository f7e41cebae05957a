"""Tampered storage and broken facility files never keep the app from opening, and Settings (the
way out) always works."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import paths
from app.settings import ALLOWED_KEYS
from tests.browser.driver import App, Wizard, desktop_app, serve_app
from tests.tampered import TAMPERED, as_stored_text

pytestmark = pytest.mark.browser

# Each boot stores four tampered values, one in each key, so four boots hold every value
# (tests/ui/test_stored_values.py puts every value in every key, through the app itself on the
# fake client).
RAW = [as_stored_text(value) for value in TAMPERED.values()]
BOOTS = [RAW[start : start + len(ALLOWED_KEYS)] for start in range(0, len(RAW), len(ALLOWED_KEYS))]


@pytest.mark.parametrize("stored", BOOTS, ids=[f"boot{index + 1}" for index in range(len(BOOTS))])
def test_any_stored_value_opens_the_app_with_defaults(browser, app_url, stored):
    with desktop_app(browser, app_url) as app:
        script = "".join(f"localStorage.setItem('flutter.{key}', {json.dumps(raw)});" for key, raw in zip(ALLOWED_KEYS, stored))
        app.page.add_init_script(script)
        app.open("/next")
        app.button("Exit").wait_for()
        app.see("Where do you practise?")  # English, and the jurisdiction fell back to "not chosen yet"
        app.go("Settings")
        app.see("Text size")


@pytest.mark.parametrize("locale, words", [("es-ES", "Próximos pasos"), ("ar-EG", "الخطوات التالية"), ("fr-FR", "Next steps")])
def test_first_open_uses_the_browsers_language_when_the_app_has_it(browser, app_url, locale, words):
    """Issue 27: with nothing stored, an es-ES or ar-EG browser opens in its language (and another
    in English); the choice is then a stored setting like any other."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale=locale)
    try:
        app = App(context.new_page(), app_url, "desktop")
        app.open("/next")
        app.see(words)
    finally:
        context.close()


@pytest.fixture(scope="module")
def broken_pack_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(paths.CONTENT_DIR, root)
    shutil.copy(Path(__file__).parent.parent / "rules" / "fixtures" / "packs" / "impossible_date.yaml", root / "rules")
    with serve_app(tmp_path_factory.mktemp("cwd"), CARE_REFERENCE_CONTENT_DIR=str(root)) as url:
        yield url


def test_a_broken_pack_is_named_and_settings_still_work(browser, broken_pack_url):
    with desktop_app(browser, broken_pack_url) as app:
        app.store(jurisdiction="impossible_date").open("/next")  # the facility's broken pack was chosen
        app.see("impossible_date.yaml:5: invalid value: impossible date '2026-02-30'")
        app.go("Settings")
        app.see("Text size")
        app.page.get_by_role("radio", name="Canada").click()  # the way out still works
        app.wait_for_storage("jurisdiction", "ca")
        app.go("Next steps")  # and the other packs were never affected
        app.see("Rules for:")
        app.page.get_by_role("checkbox", name="Canada", checked=True).wait_for()


def test_two_users_at_once_never_see_each_others_visit(browser, app_url):
    with desktop_app(browser, app_url) as first, desktop_app(browser, app_url, viewport="phone") as second:
        first.use_language("en").open("/next")
        Wizard(first, "en").fill("15", sexual_exploitation="Yes")
        second.use_language("ar").open("/next")
        field = Wizard(second, "ar").age_field()
        field.wait_for()
        assert field.input_value() == ""
        first.button("Search").click()
        first.type_into(first.page.get_by_role("textbox", name="Search"), "tattoo")
        second.button("بحث").click()
        other = second.page.get_by_role("textbox", name="بحث")
        other.wait_for()
        assert other.input_value() == ""
        assert second.page.title() == "مرجع الرعاية" and first.page.title() == "Care Reference"
