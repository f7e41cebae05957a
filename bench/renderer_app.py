"""The app served with one renderer set-up, for bench/renderer_ab.py (by hand, not in `make bench`).

- patched: as shipped: skwasm on a cross-origin-isolated page, the bootstrap asking for one thread
  (app/web/client_patches.py).
- canvaskit: Flet's public renderer option (FLET_WEB_RENDERER, as ft.run's web_renderer), no
  bootstrap patch: the dart2js build, drawn by CanvasKit on the page's thread.
- not_isolated: no Cross-Origin-Embedder-Policy header, no bootstrap patch: the page is not
  cross-origin isolated, so Flutter's own loader picks single-threaded skwasm.
- two_threads: no bootstrap patch at all: skwasm with its worker thread (the freeze; a control).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

VARIANTS = ("patched", "canvaskit", "not_isolated", "two_threads")

if __name__ == "__main__":
    variant, argv = sys.argv[1], sys.argv[2:]
    assert variant in VARIANTS, variant
    from app.web import client_patches, policy

    if variant != "patched":
        del client_patches.PATCHES["flutter_bootstrap.js"]
        client_patches.PATCHED = tuple(client_patches.PATCHES)
    if variant == "canvaskit":
        os.environ["FLET_WEB_RENDERER"] = "canvaskit"
    if variant == "not_isolated":
        del policy.SECURITY_HEADERS["cross-origin-embedder-policy"]
    from app.main import cli

    cli(argv)
