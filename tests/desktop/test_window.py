"""The app in Flet's desktop client, under Xvfb: a neutral window, Arabic drawn right to left in the
bundled font (and shown not to be without it), settings stored and read back across a restart,
quick exit by three Shifts, and closing the window ends the app."""

from __future__ import annotations

import pytest
from PIL import ImageChops

from app.i18n import LANGUAGES
from app.paths import ASSETS_DIR
from tests.desktop.glyph_check import check_text
from tests.desktop.harness import poll

# One worker runs them all, under one Xvfb: two Xvfbs starting at once on two workers raced for a
# display, and a window was refused ":0" (make test-under-load, 1 of 3 runs).
pytestmark = [pytest.mark.desktop, pytest.mark.xdist_group("one-display")]

ARABIC_FONT = ASSETS_DIR / "fonts" / "NotoSansArabic-Regular.ttf"
ENGLISH_FONT = ASSETS_DIR / "fonts" / "NotoSans-Regular.ttf"
HOME_AR = "الرئيسية"


def arabic_title_in_bundled_font(shot):
    """The app bar's title, "Home", at its right end in Arabic, set at the theme's title size."""
    size = 22 * LANGUAGES["ar"].size_adjust
    return check_text(shot, (shot.width - 280, 4, shot.width, 52), HOME_AR, str(ARABIC_FONT), size)


def test_arabic_window_is_neutral_and_drawn_in_the_bundled_font(desktop):
    with desktop().store(language="ar", jurisdiction="us") as app:
        app.wait_window("مرجع الرعاية")  # "Care Reference", and nothing else, in the title
        match = arabic_title_in_bundled_font(app.wait_rendered())
        assert match.ok, match


def test_without_the_bundled_fonts_the_check_fails(desktop):
    """The glyph check is not a formality: the system's fallback face is told apart."""
    with desktop(no_fonts=True).store(language="ar", jurisdiction="us") as app:
        app.wait_window("مرجع الرعاية")
        match = arabic_title_in_bundled_font(app.wait_rendered())
        assert not match.ok, match


def english_title(shot, title: str):
    """The app bar's title at its left end in English, set at the theme's title size."""
    return check_text(shot, (0, 4, 400, 52), title, str(ENGLISH_FONT), 22)


def test_a_setting_is_stored_as_text_and_read_after_a_restart(desktop, tmp_path):
    home = tmp_path / "home"
    with desktop(home) as app:
        app.wait_window("Care Reference")
        app.wait_rendered()
        app.click(60, 440)  # the rail's "Next steps" (left side in English)
        chooser = app.wait_rendered()  # first use: "Where do you practise?"
        assert english_title(chooser, "Next steps").ok, english_title(chooser, "Next steps")
        app.click(300, 380)  # "Another country"
        stored = poll(lambda: (settings := app.stored()).get("jurisdiction") == "generic" and settings, "the jurisdiction stored")
        assert all(isinstance(value, str) for value in stored.values())
    with desktop(home) as app:
        app.wait_window("Care Reference")
        assert english_title(app.wait_rendered(), "Home").ok  # a restart opens at Home
        app.click(60, 440)
        shown = app.wait_rendered()
        # Asked only once: Next steps opens on the wizard, with the stored answer, not the chooser.
        assert english_title(shown, "Next steps").ok, english_title(shown, "Next steps")
        below_the_bar = (100, 56, 840, 720)
        assert ImageChops.difference(chooser.crop(below_the_bar), shown.crop(below_the_bar)).getbbox() is not None


def test_three_shifts_leave_for_the_clock_and_closing_the_window_ends_the_app(desktop):
    with desktop() as app:
        app.wait_window("Care Reference")
        app.wait_rendered()
        app.key("shift", "shift", "shift")
        app.wait_window("Clock")
        app.close_window()
        poll(app.ended, "the app to end with its window")
