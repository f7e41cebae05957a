"""At the bedside: a start that is neutral and asks nothing of other servers, and layouts that
hold at 160 % text in every language, at phone and desktop size, without a word broken in two."""

from __future__ import annotations

import re

import pytest

from app.i18n import LANGUAGES, Translator
from app.ui import navigation
from app.ui.sections import BAR, SECTIONS, section_at

pytestmark = pytest.mark.browser
FRAMEWORK = re.compile(r"flet|flutter|working\.\.\.", re.IGNORECASE)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_start_is_neutral_and_asks_nothing_of_other_servers(app, language):
    requests, failures, console = [], [], []
    app.page.on("request", lambda request: requests.append(request.url))
    app.page.on("response", lambda response: response.status >= 400 and failures.append(f"{response.status} {response.url}"))
    app.page.on("console", lambda message: console.append(message.text))
    # What the loading screen says, read as the page is parsed: before any script has run.
    app.page.add_init_script("""document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
        const cover = document.getElementById('cover');
        window.__cover = cover ? [cover.innerText.trim(), cover.getAttribute('aria-label'), document.title] : null;
    }));""")
    app.use_language(language).open("/")
    app.see(Translator(language)._("This app stores no patient information. Only your settings are kept on this device."))

    text, label, title = app.page.evaluate("window.__cover")
    assert text == "" and title == "Care Reference"
    assert not FRAMEWORK.search(label) and label == {"en": "Loading", "es": "Cargando", "ar": "جارٍ التحميل"}[language]
    assert app.page.evaluate("document.getElementById('cover')") is None  # gone (open() waited for it)
    # Its own server only (blob: URLs are the page's own workers).
    assert [url for url in requests if not url.removeprefix("blob:").startswith(app.base_url)] == []
    assert failures == []
    assert not [line for line in console if "Content Security Policy" in line or "Failed to load" in line], console


# Page times of the title the app sets, of each frame the renderer puts on screen, and of the
# loading cover's removal, recorded from before any script of the page runs.
WATCH_START = """() => {
    window.__start = {frames: [], title: null, uncovered: null};
    const present = ImageBitmapRenderingContext.prototype, transfer = present.transferFromImageBitmap;
    present.transferFromImageBitmap = function (bitmap) {
        window.__start.frames.push(performance.now());
        return transfer.call(this, bitmap);
    };
    let covered = false, cleared = false;  // the page's own title is cleared before the app sets its own
    new MutationObserver(() => {
        if (!document.title) cleared = true;
        else if (cleared && window.__start.title === null) window.__start.title = performance.now();
        if (document.getElementById('cover')) covered = true;
        else if (covered && window.__start.uncovered === null) window.__start.uncovered = performance.now();
    }).observe(document, {childList: true, subtree: true, characterData: true});
}"""


@pytest.mark.full_motion  # it counts frames
def test_the_cover_goes_with_the_first_frame_of_the_first_screen(app):
    """Never over a blank page (the screen is drawn before the cover goes), and not a frame later:
    the cover waited for the frame after, 170-240 ms more on a full screen (bench/README.md)."""
    app.page.add_init_script(f"({WATCH_START})()")
    app.open("/")
    start = app.page.evaluate("window.__start")
    assert start["title"] is not None and start["uncovered"] is not None, start
    drawn = [t for t in start["frames"] if start["title"] <= t <= start["uncovered"]]
    assert len(drawn) == 1, start  # the frame that shows the screen, and no other before the cover went


# Each screen where long words meet narrow room: the bar and rail, titles, choice chips
# (the languages), banners, and the reporting form.
ROUTES = ("/", "/indicators", "/asking", "/next", "/contacts", "/settings", "/glossary", "/yourself")
MEASURE = """async ([scale, adjust, unpainted]) => {
    // The app's own fonts, loaded into the page to measure with (the Flutter canvas has its own copy).
    for (const [family, file] of [['MeasureLatin', 'NotoSans-Regular'], ['MeasureArabic', 'NotoSansArabic-Regular']]) {
        const face = new FontFace(family, `url(/fonts/${file}.ttf)`);
        document.fonts.add(await face.load());
    }
    const context = document.createElement('canvas').getContext('2d');
    const smallest = 11 * scale;  // Material's smallest text style (label small), at this text size
    const width = (word) => {
        const arabic = /[\\u0600-\\u06FF]/.test(word);
        // Measured ten times larger: the headless shell rounds a canvas width to whole pixels.
        context.font = `${10 * smallest * (arabic ? adjust : 1)}px ${arabic ? 'MeasureArabic' : 'MeasureLatin'}`;
        return context.measureText(word).width / 10;
    };
    const broken = [];
    for (const node of document.querySelectorAll('flt-semantics')) {
        const label = (node.getAttribute('aria-label') || (node.childElementCount ? '' : node.textContent) || '').trim();
        const box = node.getBoundingClientRect();
        // A group's name is its question or its merged lines, laid out by its children, not by it.
        if (!label || box.width < 1 || unpainted.includes(label) || node.getAttribute('role') === 'group') continue;
        for (const word of label.replace(/[\\u2066-\\u2069]/g, '').split(/\\s+/)) {
            // Flutter breaks inside a word only when the word is wider than the line.
            if (width(word) > box.width + 1) broken.push(`${word} (${Math.round(width(word))} px in ${Math.round(box.width)} px)`);
        }
    }
    return broken;
}"""


def unpainted_names(language: str, width: float) -> list[str]:
    """Names a screen reader hears that are not painted as text: the app bar's icons and, where
    the bar is icon-only, its destinations."""
    tr = Translator(language)
    names = [tr._("Search"), tr._("Settings")]
    if not navigation.bar_shows_labels(width, 1.6):
        names += [tr._(section.label) for section in BAR]
    return names


@pytest.mark.both_viewports  # layout is what it checks
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_no_word_is_broken_at_160_percent(app, language):
    app.use_language(language).store(text_scale="1.6").open("/")
    unpainted = unpainted_names(language, app.page.viewport_size["width"])
    broken = {}
    for route in ROUTES:
        app.route_to(route, Translator(language)._(section_at(route).label))
        app.tree_settled()
        found = app.page.evaluate(MEASURE, [1.6, LANGUAGES[language].size_adjust, unpainted])
        if found:
            broken[route] = found
        app.shot(f"160-{language}-{route.strip('/') or 'home'}")
    assert broken == {}


TITLE_MEASURE = """async ([title, size, arabic]) => {
    if (!window.__titleFace) {  // loaded once a page, not once a screen
        window.__titleFace = new FontFace('MeasureTitle', `url(/fonts/${arabic ? 'NotoSansArabic' : 'NotoSans'}-Regular.ttf)`);
        document.fonts.add(await window.__titleFace.load());
    }
    const context = document.createElement('canvas').getContext('2d');
    // Measured ten times larger: the headless shell rounds a canvas width to whole pixels.
    context.font = `${size * 10}px MeasureTitle`;
    const width = (text) => context.measureText(text).width / 10;
    return [Math.max(...title.split(/\\s+/).map(width)), width(title)];
}"""


@pytest.mark.both_viewports  # layout is what it checks
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_screen_titles_are_whole_and_as_large_as_the_text_size_allows(app, language):
    """On a phone a long title at 160 % wraps to two lines in a taller bar: not a word broken, not
    a line cut off by the bar, and never smaller than the 100 % title."""
    tr, lang = Translator(language), LANGUAGES[language]
    app.use_language(language).store(text_scale="1.6").open("/")
    width = app.page.viewport_size["width"]
    for section in SECTIONS:
        label = tr._(section.label)
        app.route_to(section.route, label)
        app.tree_settled()
        back = app.button(tr._("Back")).count() > 0
        icons = 2 if app.viewport == "phone" else 1  # Search, and Settings where the bar has no room for it
        title = navigation.app_bar_title(label, tr._("Exit"), lang.font, 1.6, lang.size_adjust, width, icons, back)
        box = app.box(app.page.get_by_text(label, exact=True).first)
        exit_box = app.box(app.button(tr._("Exit")))
        search = app.box(app.button(tr._("Search")))  # the icons keep their 40 px as the text grows
        assert min(search["width"], search["height"]) > 39.5, (section.route, search)
        bar_bottom = 2 * (exit_box["y"] + exit_box["height"] / 2)  # Exit sits in the middle of the bar
        widest, whole = app.page.evaluate(TITLE_MEASURE, [label, title.size, lang.rtl])
        lines = 1 if whole <= box["width"] + 1 else 2
        assert widest <= box["width"] + 1, (section.route, label, title, box)  # no word broken
        # Every line drawn (a line is 1.27-1.28 ems), and inside the bar: none cut off.
        assert box["height"] >= 1.2 * title.size * lines and lines <= title.lines, (section.route, label, title, box)
        assert 0 <= box["y"] and box["y"] + box["height"] <= bar_bottom + 1, (section.route, label, title, box)
        assert title.size >= navigation.TITLE_PX * lang.size_adjust, (section.route, label, title)
