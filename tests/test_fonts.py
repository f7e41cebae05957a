"""The bundled fonts cover every character the content and the UI strings use, so nothing ever
falls back to a font the browser would have to fetch (it cannot: the app is offline)."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

from app import paths


def used_characters() -> set[str]:
    files = [*paths.ROOT.glob("content/*/*.yaml"), *paths.ROOT.glob("locales/*/LC_MESSAGES/*.po")]
    return {ch for path in files for ch in path.read_text(encoding="utf-8") if ord(ch) > 32}


def test_every_character_has_a_glyph():
    fonts = Path(paths.ASSETS_DIR / "fonts")
    covered = set()
    for name in ("NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf"):
        covered |= set(TTFont(fonts / name).getBestCmap())
    invisible = {0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF}  # direction marks
    missing = sorted(ch for ch in used_characters() if ord(ch) not in covered and ord(ch) not in invisible)
    assert missing == [], [f"U+{ord(ch):04X} {ch}" for ch in missing]
