"""The real app in headless Chromium, at a phone and a desktop viewport."""

from __future__ import annotations

import json
import re

import pytest

from app.content.loader import load_bundle
from app.i18n import Translator
from app.settings import ALLOWED_KEYS
from app.ui.indicators import visible_groups
from app.ui.sections import section_at

pytestmark = pytest.mark.browser


def shown(language: str, child_only: bool) -> str:
    content = load_bundle(language).indicators
    n = sum(len(items) for _g, items in visible_groups(content, child_only))
    tr = Translator(language)
    return tr.ngettext("{count} indicator shown", "{count} indicators shown", n).format(count=n)


def choose_language(app, native_name: str) -> None:
    app.page.get_by_role("radio", name=native_name).click()


@pytest.mark.both_viewports  # layout is what it checks
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
    app.see("Source:")
    app.see("ICMEC toolkit, 2nd edition, Table 3, Physical exam")


@pytest.mark.both_viewports  # layout is what it checks
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


@pytest.mark.both_viewports  # layout is what it checks
def test_text_size_scales_text(app):
    app.open("/settings")
    heading = app.text("Text size").first
    before = app.box(heading)["height"]
    app.page.get_by_role("button", name="160%").click()

    def grown() -> bool:
        box = heading.bounding_box()  # none for a moment while the screen is redrawn
        return box is not None and box["height"] > before * 1.4

    app.wait_until(grown, "the heading is 1.6 times as tall")
    app.wait_for_storage("text_scale", "1.6")
    app.shot("settings-160-en")


def test_settings_survive_a_reload_and_only_settings_are_stored(app):
    app.open("/settings")
    choose_language(app, "العربية")
    app.see("حجم النص")
    app.page.get_by_role("switch", name="المظهر الداكن").click()
    app.wait_for_storage("theme", "dark")
    app.page.get_by_role("button", name=Translator("ar")._("{percent}%").format(percent=130)).click()
    app.wait_for_storage("text_scale", "1.3")

    app.relaunch()
    app.see("حجم النص")
    assert app.page.get_by_role("switch", name="المظهر الداكن").is_checked()
    stored = app.local_storage()
    assert set(stored) == {f"flutter.{key}" for key in ALLOWED_KEYS} - {"flutter.jurisdiction"}  # not chosen yet
    assert stored["flutter.language"] == '"ar"' and stored["flutter.text_scale"] == '"1.3"'  # strings, for every client
    app.shot("settings-ar-dark-130")


ACTIVE = """() => { const e = document.activeElement, r = e?.getBoundingClientRect();
    return JSON.stringify([e?.getAttribute('role'), e?.getAttribute('aria-label') || e?.innerText, r?.x, r?.y]); }"""


def focus_by_tab(app, role: str, name: str, limit: int = 15) -> None:
    for _ in range(limit):
        before = app.page.evaluate(ACTIVE)
        app.page.keyboard.press("Tab")
        # Focus moves on the next frame: wait until it has left the element it was on.
        app.page.wait_for_function(f"(before) => ({ACTIVE})() !== before", arg=before)
        active = json.loads(app.page.evaluate(ACTIVE))
        if active[0] == role and (active[1] or "").startswith(name):
            return
    raise AssertionError(f"Tab never reached {role} {name!r}")


@pytest.mark.parametrize("app", ["desktop"], indirect=True)  # keyboards are a desktop and web concern
def test_keyboard_alone_filters_and_opens_a_group(app):
    app.open("/indicators")
    app.see(shown("en", child_only=False))
    focus_by_tab(app, "switch", "Child and adolescent only")
    app.page.keyboard.press("Space")
    app.see(shown("en", child_only=True))
    app.page.keyboard.press("Space")
    app.see(shown("en", child_only=False))
    focus_by_tab(app, "button", "Companion behaviour")
    app.page.keyboard.press("Enter")
    app.see("Will not leave the patient alone with you")


@pytest.mark.both_viewports  # layout is what it checks
def test_every_control_has_a_name_in_the_current_language(app):
    """Switched to Arabic in Settings, then loaded again (the stored language), each screen's
    controls have names, in Arabic."""
    tr = Translator("ar")
    app.open("/settings")
    choose_language(app, "العربية")
    app.see("حجم النص")
    app.wait_for_storage("language", "ar")
    app.page.goto(app.base_url + "/")
    app.enable_semantics()
    for route in ("/", "/indicators", "/settings"):
        app.route_to(route, tr._(section_at(route).label))
        app.button("خروج").wait_for()  # the app bar is drawn: the screen is complete
        controls = app.page.evaluate(
            """() => [...document.querySelectorAll('[role=button],[role=switch],[role=radio],[role=tab]')]
                   .map(e => [e.getAttribute('role'), e.getAttribute('aria-label') || e.innerText || ''])"""
        )
        assert controls, f"no interactive controls found on {route}"
        for role, name in controls:
            assert name.strip(), f"{role} without an accessible name on {route}"
            if role != "radio":  # language choices are deliberately each in their own language
                assert re.search("[\u0600-\u06FF\u0660-\u0669]|\\d", name), f"{role} {name!r} not in Arabic on {route}"


@pytest.mark.parametrize("app", ["desktop"], indirect=True)
def test_the_renderer_draws_on_the_pages_own_thread(app):
    """Flutter 3.44's two-thread renderer corrupts its heap under text churn and freezes the tab for
    good (flutter/flutter#190039; here about one language switch in ten). The page is still
    cross-origin isolated, which would choose it, so app.web.client_patches asks for one thread."""
    app.open("/settings")
    app.see("Text size")
    assert app.page.evaluate("crossOriginIsolated") is True
    choose_language(app, "العربية")
    app.see("حجم النص")
    assert app.page.workers == []
