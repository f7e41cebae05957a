"""The keyboard's place is plain to see (WCAG 2.4.11 / 2.4.13): a ring of at least 3:1 against
the background around the focused button, in light and dark."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from app.content.loader import load_bundle
from tests.browser.driver import VIEWPORTS, WAIT_MS, App, Wizard

pytestmark = pytest.mark.browser


def luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def focused_name(app: App) -> str:
    app.next_frames()  # the page's focus follows Flutter's a frame later
    return app.page.evaluate("document.activeElement && (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent) || ''")


def picture(app: App, clip: dict) -> Image.Image:
    """The page within `clip` once it holds still."""
    return Image.open(io.BytesIO(app.settle(clip=clip))).convert("RGB")


def tab_to(app: App, label: str, presses: int = 80) -> None:
    """Press Tab, as a keyboard user does, until the named control has the focus."""
    for _ in range(presses):
        app.page.keyboard.press("Tab")
        if label in focused_name(app):
            return
    raise AssertionError(f"{label!r} never took the focus in {presses} presses of Tab")


@pytest.mark.parametrize("app", ["desktop"], indirect=True)
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_focused_button_has_a_ring_that_stands_out(app, theme):
    app.store(theme=theme).use_language("en").open("/next")
    wizard = Wizard(app, "en")
    button = wizard.button("Show result")
    if theme == "dark":  # the walk from the top is the light case's; here from the answer above it
        wizard.choice("q_rpt_elder", "Not sure").focus()
    tab_to(app, "Show result")
    box = app.box(button)
    # The button and 8 px around it: a picture of that alone is quick to take again and again.
    left, top = int(box["x"]) - 8, int(box["y"]) - 8
    clip = {"x": left, "y": top, "width": int(box["width"]) + 16, "height": int(box["height"]) + 16}
    focused = picture(app, clip)
    app.page.keyboard.press("Shift+Tab")  # back to the answer above it, in view: nothing scrolls
    unfocused = picture(app, clip)
    assert app.box(button) == box  # the same pixels, focused and not
    # WCAG 2.4.13: the indicator changes pixels at least 2 px thick by 3:1 between the two states.
    y = int(box["y"]) - top  # the button's top edge in the clipped pictures
    for fraction in (0.3, 0.5, 0.7):
        x = int(box["x"] + box["width"] * fraction) - left
        changed = [dy for dy in range(-2, 5) if contrast(focused.getpixel((x, y + dy)), unfocused.getpixel((x, y + dy))) >= 3]
        assert len(changed) >= 2, (theme, fraction, changed)


@pytest.mark.parametrize(("language", "route"), [("en", "/"), ("ar", "/"), ("es", "/next")])
def test_exit_is_among_the_first_tab_stops(app, language, route):
    """Exit before the navigation and the page, as GOV.UK puts it (WCAG 2.4.3): at most the app
    bar's other buttons (Back, Search, Settings) come first, in the reading direction."""
    from app.i18n import Translator

    _ = Translator(language)._
    app.use_language(language).open(route)
    app.see(_("Exit"))
    stops = []
    for _press in range(4):
        app.page.keyboard.press("Tab")
        stops.append(focused_name(app))
        if _("Exit") in stops[-1]:
            break
    assert _("Exit") in stops[-1], f"the first {len(stops)} stops were {stops}"
    assert all(any(_(name) in stop for name in ("Back", "Search", "Settings")) for stop in stops[:-1]), stops
    app.page.keyboard.press("Enter")  # Exit from the keyboard, as from a tap
    app.gone(app.button(_("Exit")))
    assert app.page.title() == _("Clock")


def tab_walk(app: App, key: str, presses: int) -> list[str]:
    stops = []
    for _press in range(presses):
        app.page.keyboard.press(key)
        stops.append(focused_name(app))
    return stops


def assert_filled_when_focused(app: App, name: str, stop, theme: str, from_here: bool = False,
                               text_in: tuple[float, float, float, float] = (0, 0, 1, 1)) -> None:  # fmt: skip
    """What is not a button (a destination, a tile, a chip, a group) shows the keyboard's place as a
    fill: 3:1 from the same pixels unfocused (WCAG 2.4.13), its text 4.5:1 on it (1.4.3). Reached
    by Tab, or (`from_here`) focused already, then shown by Tab and Shift+Tab as a keyboard user
    would see it."""
    if from_here:
        app.page.keyboard.press("Tab")
        app.page.keyboard.press("Shift+Tab")
    else:
        tab_to(app, name)
    box = app.box(stop)
    clip = {"x": int(box["x"]), "y": int(box["y"]), "width": int(box["width"]), "height": int(box["height"])}
    focused = picture(app, clip)
    app.page.keyboard.press("Tab")
    unfocused = picture(app, clip)
    # 6 px in from the start edge (the right one in Arabic), at mid-height: clear of icon and text.
    y = int(box["height"] / 2)
    x = 6 if box["x"] < VIEWPORTS["desktop"]["width"] / 2 else int(box["width"]) - 7
    fill, before = focused.getpixel((x, y)), unfocused.getpixel((x, y))
    assert contrast(fill, before) >= 3, (name, fill, before)
    # A glyph's core, in `text_in` (fractions of the box) where one text is measured apart from the
    # others (a group's title, beside its count and chevron).
    left, top, right, bottom = text_in
    area = focused.crop((int(left * focused.width), int(top * focused.height), int(right * focused.width), int(bottom * focused.height)))
    text = (min if theme == "light" else max)(area.get_flattened_data(), key=luminance)
    assert contrast(text, fill) >= 4.5, (name, text, fill)


@pytest.mark.parametrize("app", ["desktop"], indirect=True)
@pytest.mark.parametrize(("language", "route", "theme"), [("en", "/", "dark"), ("ar", "/next", "light")])
def test_tab_goes_from_exit_through_the_rail_then_the_page_and_shows_where_it_is(app, language, route, theme):
    """WCAG 2.4.3 on a wide screen: the app bar (Exit among its first stops), then every section of
    the rail in order, then the page; never back and forth between the rail and the page. Shift+Tab
    retraces the same stops. A rail destination, a Home tile, an answer chip and a group's header
    show the focus plainly, and Space opens or chooses what has it."""
    from app.i18n import Translator
    from app.ui.sections import RAIL

    tr = Translator(language)
    _ = tr._
    rail = [_(section.label) for section in RAIL]
    app.store(theme=theme).use_language(language).open(route)
    app.see(_("Exit"))
    forward = tab_walk(app, "Tab", len(rail) + 10)
    exit_at = next((i for i, stop in enumerate(forward) if _("Exit") in stop), None)
    assert exit_at is not None and exit_at <= 2, forward
    after_exit = forward[exit_at + 1:]
    assert after_exit[: len(rail)] == rail, after_exit
    page = after_exit[len(rail):]
    # Ten stops into the page, each a named control of the app (not the page's body, had the focus
    # left the app), none of them the rail's.
    assert all(page) and not set(page) & set(rail), page
    assert app.page.evaluate("document.activeElement.closest('flt-semantics') !== null")
    backward = tab_walk(app, "Shift+Tab", len(forward) - 1)
    assert backward == forward[-2::-1]

    assert_filled_when_focused(app, _("Indicators"), app.button(_("Indicators")), theme)
    if route == "/":
        tile = app.page.get_by_role("button", name=re.compile(rf"^{_('Asking')}\s"))
        assert_filled_when_focused(app, _("Open questions, and what to say first, in the patient's language."), tile, theme)
        app.button(_("Glossary")).focus()  # Space opens a rail destination, as Enter does
        app.page.keyboard.press("Space")
        app.page.get_by_role("heading", name=_("Glossary"), exact=True).wait_for(timeout=WAIT_MS)
    else:  # an answer's chip, then a group's header
        chip = Wizard(app, language).choice("q_rpt_elder", "Not sure")
        chip.focus()
        assert_filled_when_focused(app, _("Not sure"), chip, theme, from_here=True)
        app.page.keyboard.press("Shift+Tab")  # back on the chip, then Space chooses it as Enter would
        app.page.keyboard.press("Space")
        app.wait_until(lambda: chip.is_checked(), "Space chose the focused answer")
        app.go(_("Indicators"))
        group = app.page.get_by_role("button", name=re.compile("^" + re.escape(load_bundle(language).topic("indicators").groups[0].title)))
        group.focus()
        # The title, above the count, clear of the chevron at the line's end.
        title_area = (0.2, 0, 1, 0.55) if tr.language.rtl else (0, 0, 0.8, 0.55)
        assert_filled_when_focused(app, group.get_attribute("aria-label") or "", group, theme, from_here=True,
                                   text_in=title_area)  # fmt: skip
