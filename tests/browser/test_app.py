"""The real app in headless Chromium, at a phone and a desktop viewport."""

from __future__ import annotations

import re

import pytest

from app.content import load_bundle
from app.i18n import Translator
from app.ui.indicators import visible_groups

pytestmark = pytest.mark.browser


def shown(language: str, child_only: bool) -> str:
    content = load_bundle(language).indicators
    n = sum(len(items) for _g, items in visible_groups(content, child_only))
    tr = Translator(language)
    return tr.ngettext("{count} indicator shown", "{count} indicators shown", n).format(count=n)


def choose_language(app, native_name: str) -> None:
    app.page.get_by_role("radio", name=native_name).click()


def test_first_screen_is_neutral(app):
    app.open("/")
    app.see("Care Reference")
    assert app.page.title() == "Care Reference"
    body = app.page.locator("flt-semantics-host, body").first.inner_text().lower()
    for alarming in ("trafficking", "abuse", "exploitation", "victim"):
        assert alarming not in body
    app.shot("home-en")


def test_indicators_child_filter(app):
    app.open("/")
    app.go("Indicators")
    app.see(shown("en", child_only=False))
    for framing in load_bundle("en").indicators.framing:  # always in view, filtered or not
        app.see(framing.title)
    app.page.get_by_role("switch", name="Child and adolescent only").click()
    app.see(shown("en", child_only=True))
    app.see("The patient is under 18")  # a child item, its group opened by the filter
    assert app.text("Companion behaviour").count() == 0  # a group with no child item is hidden
    for framing in load_bundle("en").indicators.framing:
        app.see(framing.title)
    app.shot("indicators-child-en")


def test_group_opens_and_shows_sources(app):
    app.open("/indicators")
    app.page.get_by_role("button", name=re.compile("^Examination findings")).click()
    app.see("Patterned injuries, or injuries in protected areas")
    app.see(re.compile(r"Source: .*ICMEC toolkit, 2nd edition, Table 3, Physical exam"))


def test_switch_language_to_spanish_and_arabic_mirrors_layout(app):
    app.open("/settings")
    home_en, settings_en = app.box(app.nav("Home")), app.box(app.nav("Settings"))
    if app.viewport == "phone":
        assert home_en["x"] < settings_en["x"]  # bottom bar: first destination on the left
    choose_language(app, "Español")
    app.see("Tamaño del texto")
    app.go("Indicadores")
    app.see(shown("es", child_only=False))
    app.shot("indicators-es")

    app.go("Ajustes")
    choose_language(app, "العربية")
    app.see("حجم النص")
    assert app.page.title() == "مرجع الرعاية"
    app.go("المؤشرات")
    app.see(shown("ar", child_only=False))
    app.see(load_bundle("ar").indicators.framing[0].title)

    home_ar, settings_ar = app.box(app.nav("الرئيسية")), app.box(app.nav("الإعدادات"))
    banner = app.box(app.text(load_bundle("ar").indicators.framing[0].title))
    if app.viewport == "phone":
        assert home_ar["x"] > settings_ar["x"]  # the bottom bar runs right to left
    else:
        assert home_ar["x"] > banner["x"] + banner["width"]  # the rail moved to the right edge
        assert home_en["x"] < 100
    app.shot("indicators-ar")
    app.page.get_by_role("button", name=re.compile("^المظهر والسلوك")).click()
    app.see(load_bundle("ar").indicators.groups[1].items[0].title)
    app.shot("indicators-ar-open")


def test_text_size_scales_text(app):
    app.open("/settings")
    before = app.box(app.text("Text size"))["height"]
    app.page.get_by_role("button", name="160%").click()
    app.page.wait_for_timeout(300)
    after = app.box(app.text("Text size"))["height"]
    assert after > before * 1.4
    app.shot("settings-160-en")


def test_settings_survive_a_reload_and_only_settings_are_stored(app):
    app.open("/settings")
    choose_language(app, "العربية")
    app.see("حجم النص")
    app.page.get_by_role("switch", name="المظهر الداكن").click()
    app.page.get_by_role("button", name="130٪").click()
    app.page.wait_for_timeout(500)

    app.reload()
    app.see("حجم النص")
    assert app.page.get_by_role("switch", name="المظهر الداكن").is_checked()
    stored = app.local_storage()
    assert set(stored) == {"flutter.language", "flutter.text_scale", "flutter.theme"}
    assert stored["flutter.language"] == '"ar"' or stored["flutter.language"] == "ar"
    app.shot("settings-ar-dark-130")
