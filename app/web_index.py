"""The web page Flet serves, with three changes: a neutral title and description, and a Content
Security Policy that lets the page talk only to the server it came from.

Flet takes `index.html` from the assets folder when one is there. `assets/index.html` is generated
from the installed flet-web's own page by `python -m app.web_index`; a test fails when they drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app import paths

TITLE = "Care Reference"
# 'self' covers the page's own websocket; wasm and inline bootstrap code need the two 'unsafe-*'.
# Anything else (the Flutter client still asks a CDN for rive_native.js) is blocked in the browser.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; frame-src 'none'; object-src 'none'"
)


def flet_index() -> Path:
    import flet_web

    return Path(flet_web.__file__).parent / "web" / "index.html"


# The app's own fonts are fetched while the Flutter client loads, not after the first screen
# asks for them (they were the last thing the first screen waited for).
PRELOAD = "".join(
    f'\n  <link rel="preload" href="/fonts/{name}" as="font" type="font/ttf" crossorigin>'
    for name in ("NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf")
)


def patched(original: str) -> str:
    replacements = [
        (
            '<meta charset="UTF-8">',
            f'<meta charset="UTF-8">\n  <meta http-equiv="Content-Security-Policy" content="{CSP}">{PRELOAD}',
        ),
        ("<title>Flet</title>", f"<title>{TITLE}</title>"),
        ('content="Flet application."', f'content="{TITLE}"'),
        ('name="apple-mobile-web-app-title" content="Flet"', f'name="apple-mobile-web-app-title" content="{TITLE}"'),
    ]
    for old, new in replacements:
        if old not in original:
            raise ValueError(f"flet-web's index.html changed: {old!r} not found")
        original = original.replace(old, new)
    return original


def main() -> int:
    target = paths.ASSETS_DIR / "index.html"
    target.write_text(patched(flet_index().read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
