"""Driving the real app in headless Chromium (Debian's, never a download): the server, the browser,
and `App`, a page of the app with the helpers tests and benchmarks need. A plain module, imported by
tests/browser and bench/ alike.

Every wait here is on a condition (a text present, a field focused, storage holding a key, two
identical frames), never on a clock alone."""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, sync_playwright

from app import paths
from tests.serving import free_port, serve_app  # noqa: F401 - tests and bench take them from here

# Debian's Chromium as a headless shell: the same engine (Blink, V8, Skia) without the browser's
# own window, which cost the browser process a quarter of the tier's CPU (the tier ran in 349 s
# instead of 429 s on two cores). CHROMIUM=/usr/bin/chromium runs the full browser.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")
SHOTS = paths.ROOT / "tests" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    # This machine has no network: without these Chromium keeps dialling out and being refused.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 30_000
# What moved the focus, and when: every focus change, tap and key the page sees, with its target
# (App.happened_since reads them for a failure's message).
EVENT_LOG = """window.__events = [];
const describe = (t) => t && t.tagName ? t.tagName.toLowerCase() + (t.id ? '#' + t.id : '')
    + (t.getAttribute && t.getAttribute('aria-label') ? '[' + t.getAttribute('aria-label') + ']' : '') : String(t);
const log = (what) => {
    window.__events.push([Date.now(), what]);
    if (window.__events.length > 400) window.__events.splice(0, 200);
};
for (const type of ['focusin', 'focusout', 'pointerdown', 'keydown', 'input']) {
    document.addEventListener(type, (e) => log(`${type}${e.key ? ' ' + e.key : ''}`
        + `${type === 'input' ? ' ' + JSON.stringify(e.target.value) : ''} ${describe(e.target)}`
        + `${type === 'focusout' && e.relatedTarget ? ' to ' + describe(e.relatedTarget) : ''}`), true);
}
// Who moves the focus: the page's own calls, and where they came from.
for (const name of ['focus', 'blur']) {
    const own = HTMLElement.prototype[name];
    HTMLElement.prototype[name] = function (...args) {
        const from = (new Error().stack || '').split('\\n').slice(2, 5).map((line) => line.trim()).join(' < ');
        log(`${name}() ${describe(this)} from ${from}`);
        return own.apply(this, args);
    };
}
// A field taken out of the page, or disabled, loses the focus.
new MutationObserver((records) => {
    for (const record of records) {
        if (record.type === 'attributes') log(`disabled=${record.target.disabled} ${describe(record.target)}`);
        else for (const node of record.removedNodes) {
            if (node.nodeType === 1 && (node.matches('input, textarea') || node.querySelector('input, textarea'))) {
                log(`removed ${describe(node)} holding a field`);
            }
        }
    }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['disabled']});
// Each frame Flutter asks the browser for (App.at_rest): the page's own requests, counted.
const askForFrame = window.requestAnimationFrame.bind(window);
window.__framesAsked = 0;
window.__ownFrame = askForFrame;
window.requestAnimationFrame = (callback) => { window.__framesAsked++; return askForFrame(callback); };"""
# Ask for the accessibility tree the moment Flutter offers it, as a screen reader running before
# the page opens would, not after the first screen: a field that took the focus before the tree
# was on kept Flutter's hidden <input>, and the tree's own showed "" while the field held "ABC"
# (1 in 25 loads of /search on a busy machine; the app itself had every key).
ASK_FOR_TREE = """new MutationObserver((_, observer) => {
    const placeholder = document.querySelector('flt-semantics-placeholder');
    if (placeholder) { observer.disconnect(); placeholder.click(); }
}).observe(document, {childList: true, subtree: true});"""


@contextmanager
def chromium(playwright: Playwright | None = None) -> Iterator[Browser]:
    """The browser the tests and the benchmarks drive (on `playwright`, or one of its own)."""
    if playwright is None:
        with sync_playwright() as own, chromium(own) as browser:
            yield browser
        return
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


# V8 keeps the app's compiled WebAssembly in a profile's code cache only a while after it stops
# compiling (and never for an off-the-record context, as each test's fresh one was): written at
# once, the next page load reuses it (1.5 -> 1.35 CPU-s a load on two cores).
CACHE_WASM_AT_ONCE = "--js-flags=--wasm-caching-threshold=1 --wasm-caching-timeout-ms=50"
# Every tab of the app in one renderer process, kept alive between tests by a tab of its own
# (`keeper`): a new tab then starts no process and finds the app's WebAssembly already compiled in
# it. Twelve loads took 15.2 CPU-s of the machine instead of 19.4, and 0.60 s each instead of 0.93.
ONE_PROCESS_PER_SITE = "--process-per-site"


@contextmanager
def profile(playwright: Playwright, user_data_dir: Path) -> Iterator[BrowserContext]:
    """One browser profile kept on disk for many tests, so that its cache (and V8's compiled code
    for the app) carries from one test's page load to the next; each test clears the app's storage
    (`fresh_page`), so settings still start from defaults."""
    context = playwright.chromium.launch_persistent_context(
        user_data_dir, executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, CACHE_WASM_AT_ONCE, ONE_PROCESS_PER_SITE],
        locale="en-US")  # fmt: skip
    try:
        yield context
    finally:
        context.close()


def keeper(context: BrowserContext, origin: str) -> Page:
    """A tab at the app's origin that holds nothing of the app (its manifest, as text), left open
    so that the renderer process the app's tabs share outlives each test's tab."""
    page = context.new_page()
    page.goto(origin + "/manifest.json")
    return page


def fresh_page(context: BrowserContext, origin: str, viewport: str, reduced_motion: bool = False) -> Page:
    """A new tab at `viewport` with nothing stored for the app: no setting, no cookie, no database.
    (The test before closed its tabs: tests/browser/conftest.py `app`.)"""
    context.clear_cookies()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    cdp.detach()
    dress(page, viewport, reduced_motion)
    return page


def dress(page: Page, viewport: str, reduced_motion: bool) -> None:
    """The tab's size, and whether its user asked the system for reduced motion (as iOS's Reduce
    Motion, Android's Remove animations or Windows' animation effects switched off do): Flutter
    then runs its animation controllers (ripples, openings, a destination's mark) at a twentieth
    of their length, so that a tap's ripple is one or two frames rather than a dozen. Scrolling,
    a message's time on screen and the cursor's blink keep theirs. tests/browser/conftest.py says
    which tests run so; `desktop_app` pages keep full motion."""
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(reduced_motion="reduce" if reduced_motion else "no-preference")
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches") == reduced_motion


class App:
    """A page of the running app, with the helpers tests need. Finds controls by accessible name."""

    def __init__(self, page: Page, base_url: str, viewport: str, reduced_motion: bool = False) -> None:
        self.page, self.base_url, self.viewport, self.reduced_motion = page, base_url, viewport, reduced_motion
        self._asks_for_tree = False
        self.socket_log: list[tuple[float, str]] = []  # record_changes: (monotonic time, what)

    # Opening ------------------------------------------------------------------------------

    def open(self, route: str = "/", semantics: bool = True) -> App:
        """Open the app at `route`, with its accessibility tree (what the tests search), or without,
        as most sighted people use it: Flutter builds the tree only when asked."""
        # Several contexts share one browser: a tab left in the background gets no frames.
        self.page.bring_to_front()
        if semantics and not self._asks_for_tree:
            self.page.add_init_script(ASK_FOR_TREE)
            self._asks_for_tree = True
        self.page.goto(self.base_url + route)
        if semantics:
            self.enable_semantics()
        else:
            self.wait_uncovered()
        return self

    def route_to(self, route: str, title: str) -> None:
        """Move to another address of the open app as the browser's Back and Forward do (a
        popstate), and wait for its screen, whose app bar says `title`: the app draws it without
        loading again, which costs a second or two."""
        self.page.evaluate(
            "(route) => { history.pushState(history.state, '', route);"
            " window.dispatchEvent(new PopStateEvent('popstate', {state: history.state})); }",
            route,
        )
        self.page.get_by_role("heading", name=title, exact=True).wait_for(timeout=WAIT_MS)

    def store(self, **settings: str) -> App:
        """Start with stored settings, as a returning user would (they live in localStorage)."""
        script = "".join(f"localStorage.setItem('flutter.{key}', JSON.stringify({value!r}));" for key, value in settings.items())
        self.page.add_init_script(script)
        return self

    def use_language(self, code: str, jurisdiction: str | None = "us") -> App:
        """A returning user of this language (who has already said where they practise)."""
        return self.store(language=code, **({"jurisdiction": jurisdiction} if jurisdiction else {}))

    def relaunch(self) -> None:
        """Close the app and open it again in the same browser profile (same localStorage).
        A fresh tab, not page.reload(): Flutter's reload sometimes never reaches 'load'."""
        route = "/" + self.page.url.split("/", 3)[-1]
        context = self.page.context
        self.page.close()
        self.page = context.new_page()
        dress(self.page, self.viewport, self.reduced_motion)
        self.open(route)

    def enable_semantics(self) -> None:
        """Flutter builds its accessibility tree only once asked; tests then find controls by name.
        Then wait for the loading cover (index.html) to go, as a person would: the tree is there
        before the first frame is drawn (175-236 ms before on /next, 6 loads), and a click on a
        control under the cover lands on the cover (CI saw a field that never took the focus; Playwright's
        forced clicks do not check)."""
        self.page.wait_for_selector("flt-semantics-placeholder, flt-semantics", state="attached", timeout=WAIT_MS)
        self.page.evaluate("document.querySelector('flt-semantics-placeholder')?.click()")  # if not asked already
        self.wait_uncovered()

    def wait_uncovered(self) -> None:
        """Until the loading cover (index.html) is gone: the app's first screen is drawn."""
        self.page.wait_for_function("() => document.getElementById('cover') === null", timeout=WAIT_MS)

    # Finding and waiting ------------------------------------------------------------------

    def text(self, text: str | re.Pattern) -> Locator:
        """Text anywhere on screen. Substring match: Flutter merges a tile's lines into one node,
        and into the name of a group when the tile also holds a button (a link, say)."""
        return self.page.get_by_text(text).or_(self.page.get_by_role("group", name=text))

    def see(self, text: str | re.Pattern, timeout: float = WAIT_MS) -> None:
        self.text(text).first.wait_for(state="attached", timeout=timeout)

    def gone(self, locator: Locator, timeout: float = WAIT_MS) -> None:
        locator.first.wait_for(state="detached", timeout=timeout)

    def wait_until(self, condition: Callable[[], bool], what: str | Callable[[], str], timeout: float = WAIT_MS) -> None:
        """Poll a condition the page has no event for (a layout box, a stored value)."""
        deadline = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting until {what() if callable(what) else what}")
            self.page.wait_for_timeout(50)  # the polling interval, not a wait for something to happen

    def wait_for_storage(self, key: str, value: str | None = None) -> None:
        """Until localStorage holds the setting (saving is a round trip after the screen changes)."""
        self.page.wait_for_function(
            "([key, value]) => { const v = localStorage.getItem('flutter.' + key);"
            " return v !== null && (value === null || JSON.parse(v) === value); }",
            arg=[key, value],
            timeout=WAIT_MS,
        )

    def wait_for_empty_storage(self) -> None:
        self.page.wait_for_function("() => localStorage.length === 0", timeout=WAIT_MS)

    def nav(self, label: str) -> Locator:
        """A navigation destination: a tab in the bottom bar; in the rail a button whose name
        Flutter extends with its position ('Tab 1 of 3', in the page's language); on a phone,
        Settings is an app-bar button."""
        tab = self.page.get_by_role("tab", name=label, exact=True)
        rail = self.page.get_by_role("button", name=re.compile(rf"^{re.escape(label)}\s"))
        action = self.page.get_by_role("button", name=label, exact=True)
        return tab.or_(rail).or_(action).first

    def go(self, label: str) -> None:
        self.nav(label).click()

    def choose(self, name: str) -> None:
        """One of a few choices (a language, a form of address, a card size): a chip, which a
        screen reader hears as a checkbox."""
        self.page.get_by_role("checkbox", name=name, exact=True).click()

    def button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=name, exact=True)

    def box(self, locator: Locator) -> dict:
        locator.wait_for(state="attached", timeout=WAIT_MS)
        box = locator.bounding_box()
        assert box is not None, f"{locator} has no layout box"
        return box

    # Typing -------------------------------------------------------------------------------

    def type_into(self, field: Locator, text: str) -> None:
        """Type as a user would: tap the field and type at once, then wait until it holds the text.
        (Keys typed in the frame after a tap used to be lost, issue 27: the app's index.html keeps
        them now, and tests/browser/test_typing.py checks that no key is lost.)"""
        self.page.bring_to_front()  # a tab in the background gets no frames
        field.click(force=True)  # force: a scroll still settling keeps the box "unstable" for a while
        if field.input_value():
            self.page.keyboard.press("ControlOrMeta+A")  # typing replaces what is there
        self.keys(text)
        self.wait_until(lambda: field.input_value() == text, lambda: f"the field holds {text!r} (it holds {field.input_value()!r})")

    def keys(self, text: str, delay: int = 30) -> None:
        """Type into whatever has the focus, a key every `delay` ms: the one place tests send text
        (tests/test_architecture.py holds every test to it), so none types in a way people do not."""
        self.page.keyboard.type(text, delay=delay)

    def record_changes(self) -> list[str]:
        """What the browser tells the server a text field now holds, in order (each "change" event
        on the page's websocket), from before the page is opened: what the app itself received."""
        import msgpack

        changes: list[str] = []

        def frame(payload: bytes | str) -> None:
            if isinstance(payload, bytes) and payload[:1] == b"\x00":  # [0x00][msgpack body]
                try:
                    kind, body = msgpack.unpackb(payload[1:], strict_map_key=False, ext_hook=lambda code, data: None)
                except (ValueError, TypeError, msgpack.UnpackException):
                    return
                if kind == 3 and isinstance(body, dict) and body.get("name") == "change" and isinstance(body.get("data"), str):
                    changes.append(body["data"])
                if kind == 3 and isinstance(body, dict) and body.get("name") == "route_change":
                    self.socket_log.append((time.monotonic(), f"route reported {body.get('data')}"))

        def received(payload: bytes | str) -> None:  # what the server sent, when (a failure's message; drawn)
            # [0x00][msgpack [action, body]]: a patch (2) changes what is drawn; a call (5), e.g. push_route
            kind = {2: " (patch)", 5: " (call)"}.get(payload[2]) if isinstance(payload, bytes) and payload[1:2] == b"\x92" else ""
            self.socket_log.append((time.monotonic(), f"{len(payload)} bytes in{kind or ''}"))

        def watch(socket) -> None:
            socket.on("framesent", frame)
            socket.on("framereceived", received)

        self.page.on("websocket", watch)
        self.page.add_init_script(EVENT_LOG)
        return changes

    def drawn_since(self, since: float) -> None:
        """Until a patch from the server has arrived since `since` (monotonic) and two frames have
        passed, the first of which draws it: without the accessibility tree, what says a tap's screen
        is on the page. The address alone does not: the browser is told it before the screen is
        sent (push_route_at_once). (Waiting for Flutter to be at rest instead also waited out each
        tap's ripple: 90 times a trial, under load.)"""
        self.wait_until(lambda: any(at >= since and what.endswith("(patch)") for at, what in self.socket_log), "a patch")
        self.next_frames()

    def happened_since(self, since: float) -> str:
        """What passed since `since` (monotonic), in one timeline, for a failure's message: on the
        socket, the route reports and the messages received (record_changes keeps them); in the
        page, its focus moves, taps and keys (record_changes has the page log them)."""
        start_ms = (time.time() - (time.monotonic() - since)) * 1000  # `since` on the page's clock
        page = self.page.evaluate("(start) => (window.__events || []).filter((e) => e[0] >= start)", start_ms)
        events = [((at - since) * 1000, what) for at, what in self.socket_log if at >= since]
        events += [(at - start_ms, what) for at, what in page]
        return "; ".join(f"+{after:.0f} ms {what}" for after, what in sorted(events))

    def type_shifted(self, char: str, code: str) -> None:
        """A character typed with Shift held on a physical key (`code`, e.g. "KeyH"), as an Arabic
        keyboard sends أ: real key events through the DevTools protocol, which knows any layout
        (Playwright's keyboard knows only the US one)."""
        cdp = self.page.context.new_cdp_session(self.page)
        shift = {"key": "Shift", "code": "ShiftLeft", "windowsVirtualKeyCode": 16, "modifiers": 8}
        key = {"key": char, "code": code, "windowsVirtualKeyCode": ord(code[-1]), "modifiers": 8}
        cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **shift})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": char, "unmodifiedText": char, **key})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **key})
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **{**shift, "modifiers": 0}})
        cdp.detach()

    # Pictures -----------------------------------------------------------------------------

    def next_frames(self) -> None:
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def at_rest(self, frames: int = 300) -> None:
        """Until Flutter has asked for no frame during three of the browser's frames in a row: all it
        had to draw is drawn (needs record_changes, which counts the page's requests for frames)."""
        self.page.evaluate(
            """(frames) => new Promise((resolve, reject) => {
                if (window.__ownFrame === undefined) return reject(new Error('record_changes() first'));
                let asked = window.__framesAsked, quiet = 0, left = frames;
                const step = () => {
                    quiet = window.__framesAsked === asked ? quiet + 1 : 0;
                    asked = window.__framesAsked;
                    if (quiet === 3) return resolve();
                    if (--left === 0) return reject(new Error('Flutter kept drawing'));
                    window.__ownFrame(step);
                };
                window.__ownFrame(step);
            })""",
            frames,
        )

    def tree_settled(self, frames: int = 120) -> None:
        """Until the accessibility tree (every node's name and box) is the same three frames in a row:
        a screen's layout has come to rest. Read from the tree, not from screenshots (a still
        picture takes a second of screenshots, which the CPU-bound tier can ill afford)."""
        self.page.evaluate(
            """(frames) => new Promise((resolve, reject) => {
                const signature = () => [...document.querySelectorAll('flt-semantics')].map((node) => {
                    const box = node.getBoundingClientRect();
                    return `${node.getAttribute('aria-label') ?? node.textContent}@${box.x},${box.y},${box.width},${box.height}`;
                }).join('|');
                let previous = signature(), same = 0, left = frames;
                const step = () => {
                    const current = signature();
                    same = current === previous ? same + 1 : 0;
                    previous = current;
                    if (same === 2) return resolve();
                    if (--left === 0) return reject(new Error('the accessibility tree kept changing'));
                    requestAnimationFrame(step);
                };
                requestAnimationFrame(step);
            })""",
            frames,
        )

    def settle(self, tries: int = 40, clip: dict | None = None) -> bytes:
        """The renderer paints a little after the accessibility tree changes (200-300 ms with
        skwasm): wait until three frames in a row are the same picture (of `clip` alone, if given)."""
        previous, same = self.page.screenshot(clip=clip), 0
        for _ in range(tries):
            self.next_frames()
            current = self.page.screenshot(clip=clip)
            same = same + 1 if current == previous else 0
            if same == 2:
                return current
            previous = current
        return previous

    def shot(self, name: str) -> Path | None:
        """A screenshot for people to look at (docs/screenshots), taken only when asked for with
        CARE_REFERENCE_SHOTS=1: waiting for a still frame costs ~1 s a shot. A failing test's page
        is always captured (tests/browser/conftest.py)."""
        if os.environ.get("CARE_REFERENCE_SHOTS") != "1":
            return None
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}-{self.viewport}.png"
        path.write_bytes(self.settle())
        return path

    def local_storage(self) -> dict[str, str]:
        return self.page.evaluate("Object.fromEntries(Object.entries(window.localStorage))")


@contextmanager
def desktop_app(browser: Browser, url: str, viewport: str = "desktop") -> Iterator[App]:
    """A fresh browser context on a server the caller started itself."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-US")
    try:
        yield App(context.new_page(), url, viewport)
    finally:
        context.close()


class Wizard:
    """The "Must I report?" form, driven by the words a clinician sees in a given language."""

    def __init__(self, app: App, language: str) -> None:
        from app.content.loader import load_bundle
        from app.i18n import Translator

        self.app, self.page = app, app.page
        self.text = load_bundle(language).reporting
        self._ = Translator(language)._

    def question(self, question_id: str) -> Locator:
        """The answers of one question: a group named by the question."""
        return self.page.get_by_role("group", name=self.text.item(question_id).title, exact=True)

    def choice(self, question_id: str, label: str) -> Locator:
        """"Yes", "No" or "Not sure" (English labels, shown in the wizard's language)."""
        name = re.compile("^" + re.escape(self._(label)) + r"(\n|$)")  # "No", not "Not sure" nor "No lo sé"
        return self.question(question_id).get_by_role("checkbox", name=name)

    def answer(self, question_id: str, label: str) -> None:
        self.choice(question_id, label).click()

    def button(self, label: str) -> Locator:
        return self.page.get_by_role("button", name=self._(label), exact=True)

    def press(self, label: str) -> None:
        """A button of the form or the result, most of them at the foot of a long screen: scrolled
        to, and tapped once the screen has stopped moving, as a person taps it. (Once, with three
        workers, a "Show result" tap after "Use this result" went nowhere and the form was still
        at its top: a tap made while Flutter was still scrolling is the likely cause.)"""
        button = self.button(label)
        button.scroll_into_view_if_needed(timeout=WAIT_MS)
        self.app.tree_settled()
        button.click()

    def age_field(self) -> Locator:
        return self.page.get_by_role("textbox", name=self._("Age in years"))

    def enter_age(self, age: str) -> None:
        self.app.type_into(self.age_field(), age)

    def fill(self, age: str, **answers: str) -> None:
        """Age, then each question id (without its q_rpt_ prefix) and its answer label."""
        self.enter_age(age)
        for question, label in answers.items():
            self.answer(f"q_rpt_{question}", label)

    def expect_status(self, status: str, agencies: list[str], pack: str = "us") -> None:
        from app.rules.wording import worded

        self.app.see(self.text.item(f"status_{status}").title)
        for agency in agencies:
            self.app.see(worded(self.text, f"agency_{agency}", pack).title)
        self.app.see(self.text.item("rpt_verify_local_law").detail)

    def start_again(self) -> None:
        self.press("Start again")
        self.button("Show result").wait_for(timeout=WAIT_MS)
