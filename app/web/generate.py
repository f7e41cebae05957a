"""Build time: the files of Flet's web client that the app replaces, generated from the installed
flet-web's own by `python -m app.web.generate`; a test (tests/web/test_client_files.py) fails when
they drift.

- `assets/index.html`: flet-web's page with the app's policy, cover and scripts (app.web.index_html).
- `assets/manifest.json`: the app's own neutral name and icons (scripts/make-icons draws them).
- `assets/assets/FontManifest.json`, the fonts the Flutter engine loads before the app starts:
  the app's own (Noto Sans, Noto Sans Arabic) in place of KaTeX's eighteen and the Cupertino
  icons, which the app never shows. Declared there, the fonts load with the engine, as a Flutter
  app's own fonts do, instead of on a message from the server after the client has started.
- `assets/assets/fonts/MaterialIcons-Regular.otf`: flet-web's Material Icons font cut down to the
  icons the app can show (8.5 KB instead of 1.26 MB), as a Flutter build does for its own apps.
  The engine reads every font of the manifest before the app starts, on the page's one thread:
  the whole font kept the first screen waiting 91-232 ms longer (bench/README.md). Needs fonttools.

Flet takes them from the assets folder when they are there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app import paths
from app.web.index_html import patched_index
from app.web.internals import client_file
from app.web.policy import TITLE, app_fonts

INDEX = paths.ASSETS_DIR / "index.html"
MANIFEST = paths.ASSETS_DIR / "manifest.json"
FONT_MANIFEST = paths.ASSETS_DIR / "assets" / "FontManifest.json"
KEPT_FONTS = {"MaterialIcons"}  # the icons the UI uses (app.ui.icons)
ICON_FONT = paths.ASSETS_DIR / "assets" / "fonts" / "MaterialIcons-Regular.otf"
# Icons Flutter's own widgets take from the same font, for the widgets the app uses or might:
# ExpansionTile's expand_more, SegmentedButton's check, Chip's cancel, SnackBar's and an implied
# Close's close, an implied Back (arrow_back; arrow_back_ios_new on Apple systems), menus,
# dropdowns, a password field's eye, pickers' chevrons, and the error signs.
FRAMEWORK_ICONS = (
    "arrow_back", "arrow_back_ios", "arrow_back_ios_new", "arrow_drop_down", "arrow_drop_up", "cancel",
    "check", "chevron_left", "chevron_right", "clear", "close", "error", "error_outline", "expand_less",
    "expand_more", "info", "keyboard_arrow_down", "keyboard_arrow_up", "menu", "more_horiz", "more_vert",
    "search", "visibility", "visibility_off", "warning",
)  # fmt: skip


def patched_font_manifest(original: list[dict]) -> list[dict]:
    kept = [entry for entry in original if entry["family"] in KEPT_FONTS]
    if len(kept) != len(KEPT_FONTS):
        raise ValueError(f"flet-web's FontManifest.json changed: expected {sorted(KEPT_FONTS)}")
    # The engine fetches an asset from /assets/<key>; Flet serves assets/fonts/ at /fonts/.
    return kept + [{"family": family, "fonts": [{"asset": f"../fonts/{file}"}]} for family, file in app_fonts().items()]


def patched_manifest(original: dict) -> dict:
    neutral = {"name": TITLE, "short_name": TITLE, "description": TITLE, "theme_color": "#00695C",
               "background_color": "#FFFFFF"}  # fmt: skip
    return {**original, **neutral}


def icon_glyphs() -> set[str]:
    """The font's glyph names for the app's icons and the framework's: Flutter's `Icons.x` is the
    glyph `x_baseline`, and a style (`x_outlined`, `x_rounded`, `x_sharp`) is a glyph of its own."""
    from app.ui.icons import Icons

    names = {icon.name.lower() for icon in Icons} | set(FRAMEWORK_ICONS)
    return {name if name.endswith(("_outlined", "_rounded", "_sharp")) else f"{name}_baseline" for name in names}


def generated_icon_font() -> bytes:
    """flet-web's Material Icons font with only `icon_glyphs()` (fonttools: a tool's dependency)."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(client_file("assets", "fonts", "MaterialIcons-Regular.otf"), recalcTimestamp=False)
    codepoints = {name: code for code, name in font.getBestCmap().items()}
    missing = icon_glyphs() - codepoints.keys()
    if missing:
        raise ValueError(f"flet-web's Material Icons font has no glyph {sorted(missing)}")
    options = subset.Options()
    options.name_IDs = ["*"]  # the copyright and licence notices stay with the font
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[codepoints[name] for name in icon_glyphs()])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def generated() -> dict[Path, str]:
    """Each file as it should be, from the installed flet-web's own."""
    fonts = json.loads(client_file("assets", "FontManifest.json").read_text(encoding="utf-8"))
    manifest = json.loads(client_file("manifest.json").read_text(encoding="utf-8"))
    return {
        INDEX: patched_index(client_file("index.html").read_text(encoding="utf-8")),
        FONT_MANIFEST: json.dumps(patched_font_manifest(fonts), indent=2) + "\n",
        MANIFEST: json.dumps(patched_manifest(manifest), indent=2, ensure_ascii=False) + "\n",
    }


def main() -> int:
    for path, text in generated().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    ICON_FONT.parent.mkdir(parents=True, exist_ok=True)
    ICON_FONT.write_bytes(generated_icon_font())
    print(f"wrote {ICON_FONT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
