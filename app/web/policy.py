"""What the served page may do and how it presents itself: read at run time by the server and at
build time by the generator (app.web.generate), so both say the same."""

from __future__ import annotations

TITLE = "Care Reference"
# 'self' covers the page's own websocket; wasm and inline bootstrap code need the two 'unsafe-*'.
# Anything else (the Flutter client still asks a CDN for rive_native.js) is blocked in the browser.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; frame-src 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    # frame-ancestors, base-uri and form-action only work in a header, not in the <meta> tag.
    "content-security-policy": f"{CSP}; frame-ancestors 'none'; base-uri 'self'; form-action 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    # The two headers Flet's own middleware sets, kept (cross-origin isolation for the renderer).
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
}


def app_fonts() -> dict[str, str]:
    """Each language's font family and its file under assets/fonts/."""
    from app.i18n import LANGUAGES

    return {language.font: f"{language.font}-Regular.ttf" for language in LANGUAGES.values()}
