"""The bundled fonts cover every character the content and the UI strings use, so nothing ever
falls back to a font the browser would have to fetch (it cannot: the app is offline)."""

from __future__ import annotations

import json
import runpy
from functools import cache
from pathlib import Path

import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st

from app import paths
from app.ui import text_width


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


# Sizing titles and the rail (app/ui/text_width.py) ------------------------------------------------

TEXT_WIDTHS = runpy.run_path(str(paths.ROOT / "scripts" / "text-widths"))
ARABIC_LETTERS = "".join(chr(code) for code in range(0x0621, 0x064B)) + "ىةءًَُِّْ"
LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzáéíóúüñÁÉÍÓÚÑ"


@cache
def _font(file: str) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob.from_file_path(paths.ASSETS_DIR / "fonts" / file)))


def shaped_em(word: str, file: str) -> float:
    font = _font(file)
    buffer = hb.Buffer()
    buffer.add_str(word)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    return sum(glyph.x_advance for glyph in buffer.glyph_positions) / font.face.upem


def test_the_width_table_is_up_to_date_with_the_fonts_and_the_names():
    """Stale after a section's name, Exit or a font changes: run scripts/text-widths."""
    stored = json.loads((paths.ROOT / "app" / "ui" / "text_widths.json").read_text(encoding="utf-8"))
    assert stored == TEXT_WIDTHS["table"](), "app/ui/text_widths.json is stale: run scripts/text-widths"


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_every_word_a_title_or_the_rail_is_sized_by_is_measured_exactly(weight):
    for family, words in TEXT_WIDTHS["sized_words"]().items():
        assert words, family
        for word in words:
            drawn = shaped_em(word, f"{family}-{weight}.ttf")
            assert drawn <= text_width.word_em(word, family, bold=weight == "Bold") <= drawn + 0.001, word


@settings(derandomize=True, max_examples=400)
@given(st.text(ARABIC_LETTERS, min_size=1, max_size=14), st.text(LATIN_LETTERS, min_size=1, max_size=14))
def test_the_estimate_for_other_words_is_never_too_narrow(arabic, latin):
    for word, family in ((arabic, "NotoSansArabic"), (latin, "NotoSans")):
        for weight in ("Regular", "Bold"):
            assert shaped_em(word, f"{family}-{weight}.ttf") <= text_width.word_em(word, family, weight == "Bold") + 1e-9, word
