"""flet-web's index.html as the app serves it (written to assets/index.html by app.web.generate):

- a neutral title and description, and a Content Security Policy that lets the page talk only to
  the server it came from (app.web.server also sends it as a header, with the rules a meta tag
  cannot carry);
- a loading screen in the stored theme with no framework logo;
- keys typed into a text field in the frame after it is tapped kept, and a select-all (Flutter's
  web engine overwrote them: issue 27, tests/browser/test_typing.py). Only with the accessibility
  tree on: without it Flutter makes and focuses its own <input> while handling the tap, so no key
  can come between (measured, and tested there too).
"""

from __future__ import annotations

import json

from app.i18n import LANGUAGES
from app.web.policy import CSP, TITLE

# Chromium's preload scanner stops at a CSP in a meta tag, so the client's bootstrap script, at the
# end of the body, was requested only once the parser got there: ~90 ms later than on Flet's own
# page. Asked for before the policy, it loads at once. (It is the page's own file: the policy
# allows it anyway.)
BOOTSTRAP = '\n  <link rel="preload" href="flutter_bootstrap.js" as="script">'
# The loading screen: the stored theme's background and nothing else (the picture is blank, see
# scripts/make-icons), instead of the system's preference and a framework logo. Flet's page
# removes it at Flutter's first frame, which is only the client's waiting screen (a spinner, its
# "Working..." blanked by app.web.client_patches, in the system's theme). Renamed "cover", it stays
# until the app's first screen has been sent, which sets the page's title (after Flutter itself
# set it to ""), and drawn. The timer only guards against a client that never does.
THEMED_LOADING = """<script>
    // Before the client reads its settings: a stored value the app does not recognise must never stop
    // it from opening (a nested list in flutter.language threw in the client before any Python ran),
    // so only plain JSON strings are kept. With no language stored, the browser's own, if the app has it.
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i), value = null;
        if (!key || key.indexOf("flutter.") !== 0) continue;
        try { value = JSON.parse(localStorage.getItem(key)); } catch (e) {}
        if (typeof value !== "string") localStorage.removeItem(key);
      }
      if (localStorage.getItem("flutter.language") === null) {
        var wanted = navigator.languages || [navigator.language];
        for (var j = 0; j < wanted.length; j++) {
          var code = String(wanted[j]).slice(0, 2).toLowerCase();
          if (["en", "es", "ar"].indexOf(code) >= 0) { localStorage.setItem("flutter.language", JSON.stringify(code)); break; }
        }
      }
    } catch (e) {}
    try {
      if (JSON.parse(localStorage.getItem("flutter.theme")) === "dark") document.documentElement.className = "dark";
    } catch (e) {}
    (function () {
      var said = { es: "Cargando", ar: "\u062c\u0627\u0631\u064d \u0627\u0644\u062a\u062d\u0645\u064a\u0644" };
      document.addEventListener("DOMContentLoaded", function () {
        try { var label = said[JSON.parse(localStorage.getItem("flutter.language"))]; } catch (e) {}
        if (label) document.getElementById("cover")?.setAttribute("aria-label", label);
      });
      var cleared = false, painted = false, ready = false;
      function uncover() { if (painted && ready) { document.getElementById("cover")?.remove(); } }
      window.addEventListener("flutter-first-frame", function () { painted = true; uncover(); }, { once: true });
      // The app sets its title in the message that builds its first screen, so the next frame put on
      // screen shows that screen: the renderer draws a frame within one animation frame and hands it
      // over with transferFromImageBitmap. The cover goes with that frame (170-240 ms sooner than
      // two animation frames later, which waited for the next frame; bench/README.md), or two
      // animation frames later if the renderer draws some other way.
      var present = window.ImageBitmapRenderingContext && ImageBitmapRenderingContext.prototype;
      var transfer = present && present.transferFromImageBitmap;
      if (transfer) present.transferFromImageBitmap = function (bitmap) {
        transfer.call(this, bitmap);
        if (ready) { present.transferFromImageBitmap = transfer; uncover(); }
      };
      document.addEventListener("DOMContentLoaded", function () {
        new MutationObserver(function () {
          if (!document.title) cleared = true;
          else if (cleared && !ready) { ready = true; requestAnimationFrame(function () { requestAnimationFrame(uncover); }); }
          // Quick exit titles the page "Clock": the address then says nothing of where the user was.
          if (__CLOCK_TITLES__.indexOf(document.title) >= 0 && location.pathname !== "/") history.replaceState(null, "", "/");
        }).observe(document.head, { childList: true, subtree: true, characterData: true });
      });
      setTimeout(function () { painted = ready = true; uncover(); }, 15000);
    })();
  </script>
  <script>
    // Keys typed into a text field just after it is tapped. With the accessibility tree on, a tap
    // focuses the field's own <input> at once, but Flutter takes that input over only with its next
    // frame, and then writes its own editing state into it: what was typed in between was in the
    // input, never reached Flutter, and is overwritten ("35" became "5", "child" "hild"). So from a
    // tap (or Tab) on a field until Flutter's first write, remember what is typed there, and after
    // that write type it again, now through Flutter (an "input" event, which it reads from the input).
    (function () {
      var FIELD = "flt-semantics input, flt-semantics textarea", tabbing = false;
      var EDITABLE = "input, textarea";  // a field of the tree, or the one Flutter makes without it
      function ownValue(field) {  // the element's own value property, beneath any hold of ours
        var proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        return Object.getOwnPropertyDescriptor(proto, "value");
      }
      function arm(field, focused) {
        // A field that has the focus already is Flutter's (it gives it up on blur): nothing to hold.
        if (!field || field.__heldKeys || (!focused && field === document.activeElement)) return;
        var own = ownValue(field);
        var held = field.__heldKeys = { before: own.get.call(field), typed: null };
        function typed() { held.typed = { value: own.get.call(field), caret: field.selectionEnd }; }
        function selectsAll(e) {  // Ctrl+A (Cmd+A): Flutter's first write would put the cursor back
          if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "a" || e.key === "A")) held.all = true;
        }
        function disarm() {
          delete field.value;
          delete field.__heldKeys;
          field.removeEventListener("input", typed, true);
          field.removeEventListener("keydown", selectsAll, true);
          clearTimeout(timer);
        }
        var timer = setTimeout(disarm, 5000);  // a tap that never gave the field to Flutter (disabled)
        field.addEventListener("input", typed, true);
        field.addEventListener("keydown", selectsAll, true);
        Object.defineProperty(field, "value", {
          configurable: true,
          get: function () { return own.get.call(this); },
          set: function (value) {  // Flutter's first write: it has the field now
            own.set.call(this, value);
            disarm();
            if (held.typed && held.typed.value !== value) queueMicrotask(function () { retype(field, own, held); });
            // All of it selected and nothing typed yet: select it all again after the cursor Flutter
            // set with its write (Flutter reads the selection from the page's "selectionchange").
            else if (held.all && !held.typed) queueMicrotask(function () { field.setSelectionRange(0, own.get.call(field).length); });
          },
        });
      }
      function retype(field, own, held) {
        var before = held.before, after = held.typed.value, start = 0, end = 0;
        while (start < before.length && start < after.length && before[start] === after[start]) start++;
        while (end < before.length - start && end < after.length - start
               && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
        var text = after.slice(start, after.length - end), now = own.get.call(field), caret;
        // What the person saw, when Flutter still holds what was there before: also when what was
        // typed over a selection is shorter ("1" over "11" has nothing new to insert, yet is "1").
        if (now === before) { now = after; caret = held.typed.caret; }
        else if (!text) return;
        else {  // Flutter's text differs: insert what was typed at Flutter's cursor
          var from = field.selectionStart ?? now.length, to = field.selectionEnd ?? now.length;
          now = now.slice(0, from) + text + now.slice(to);
          caret = from + text.length;
        }
        own.set.call(field, now);
        field.setSelectionRange(caret, caret);
        field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
      }
      // Keys typed before a field has the focus at all: the magnifier tapped and "child" typed at
      // once. Until Flutter gives the search field the focus, the keys reach the button or the page,
      // where a letter does nothing, and were lost ("hild", "ild"). So letters typed outside a field
      // since the last tap or other key are kept for a moment, and typed into the field that Flutter
      // then focuses by itself (not a tap, not Tab), once it has written its own state. The same
      // without the accessibility tree, where the field's <input> is made as it takes the focus.
      var early = "", earlyAt = 0;
      function typeEarlyKeys(field) {
        var text = early, now = performance.now();
        early = "";
        if (!text || now - earlyAt > 2000) return;
        queueMicrotask(function () { retype(field, ownValue(field), { before: "", typed: { value: text, caret: text.length } }); });
      }
      document.addEventListener("pointerdown", function (e) { early = ""; arm(e.target.closest && e.target.closest(FIELD)); }, true);
      document.addEventListener("keydown", function (e) {
        if (e.key === "Tab") tabbing = true;
        if (e.target.matches && e.target.matches(EDITABLE)) return;
        if (e.key.length === 1 && e.key !== " " && !e.ctrlKey && !e.metaKey && !e.altKey) { early += e.key; earlyAt = performance.now(); }
        else if (e.key !== "Shift") early = "";  // Enter, Space, Escape...: the keys were for something else
      }, true);
      document.addEventListener("keyup", function (e) { if (e.key === "Tab") tabbing = false; }, true);
      document.addEventListener("focusin", function (e) {
        if (!e.target.matches || !e.target.matches(EDITABLE)) return;
        if (tabbing && e.target.matches(FIELD)) arm(e.target, true);
        else if (!e.target.__heldKeys) typeEarlyKeys(e.target);
      }, true);
    })();
  </script>
  <style>#cover { z-index: 2147483647; } html.dark, html.dark body, html.dark #cover { background: #191c1b !important; }</style>
</head>"""


def clock_titles() -> list[str]:
    """The quick-exit title in every language, as the page shows it."""
    from app.i18n import Translator

    return sorted({Translator(code)._("Clock") for code in LANGUAGES})


def patched_index(original: str) -> str:
    replacements = [
        ('<meta charset="UTF-8">', f'<meta charset="UTF-8">{BOOTSTRAP}\n  <meta http-equiv="Content-Security-Policy" content="{CSP}">'),
        ("<title>Flet</title>", f"<title>{TITLE}</title>"),
        ('content="Flet application."', f'content="{TITLE}"'),
        ('name="apple-mobile-web-app-title" content="Flet"', f'name="apple-mobile-web-app-title" content="{TITLE}"'),
        # Pyodide's loader: this app runs on the server, the page never needs it.
        ('  <script src="python.js"></script>\n', ""),
        ("      @media (prefers-color-scheme: dark) {\n        #loading {\n          background: #222222;\n        }\n      }\n", ""),
        ("</head>", THEMED_LOADING.replace("__CLOCK_TITLES__", json.dumps(clock_titles(), ensure_ascii=False))),
    ]  # fmt: skip
    for old, new in replacements:
        if old not in original:
            raise ValueError(f"flet-web's index.html changed: {old!r} not found")
        original = original.replace(old, new)
    return original.replace('id="loading"', 'id="cover"').replace("#loading", "#cover")

