"""How wide a word is drawn, in ems of the bundled fonts, from app/ui/text_widths.json
(written by scripts/text-widths, so no font library loads at start-up): exact for the words of the
sections' names and of Exit, as HarfBuzz shapes them (tests/test_fonts.py fails while the file
misses one); for any other word, a generous estimate from its characters' advances. The title and
the rail use it so that no word of theirs ever breaks."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

UNKNOWN_EM = 1.0  # a character no bundled font has: as wide as the widest
# Shaping can make a word wider than its letters' advances: up to 29 % for random strings of Arabic
# letters, 7 % for Latin (30,000 each); the estimate allows for that (tests/test_fonts.py).
ESTIMATE_MARGIN = 1.35


@cache
def _table() -> dict:
    return json.loads(Path(__file__).with_name("text_widths.json").read_text(encoding="utf-8"))


def warm() -> None:
    """Read the table ahead, while the browser loads the client (app/ui/warmup.py, step 1)."""
    _table()


@cache
def _char_em(char: str, family: str) -> float:
    if unicodedata.category(char) == "Cf":  # direction marks and isolates take no room
        return 0.0
    chars = _table()["chars"]
    # The language's own font first, then the other bundled one (the fallback Flutter uses).
    for name in (family, *(name for name in chars if name != family)):
        if str(ord(char)) in chars[name]:
            return chars[name][str(ord(char))] / 1000
    return UNKNOWN_EM


def word_em(word: str, family: str, bold: bool = True) -> float:
    """In the bold face, which Flutter draws for weights above 500 (a selected rail label), or the
    regular one, drawn for 500 and below (titles, Exit): the app bundles only these two."""
    shaped = _table()["words"][f"{family}-{'Bold' if bold else 'Regular'}"].get(word)
    # The estimate counts bold advances, wider than regular ones.
    return shaped / 1000 if shaped is not None else ESTIMATE_MARGIN * sum(_char_em(char, family) for char in word)


def widest_word_em(texts: str | list[str], family: str, bold: bool = True) -> float:
    """The widest word of a text (or of several), in ems."""
    words = [word for text in ([texts] if isinstance(texts, str) else texts) for word in text.split()]
    return max((word_em(word, family, bold) for word in words), default=0.0)
