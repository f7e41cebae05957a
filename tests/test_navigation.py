"""Navigation labels never break inside a word: measured with the bundled fonts, every bar label fits
its share of a 390 px phone on one line at 100 % (the bar is icon-only otherwise), and the rail is
as wide as its longest word at every text size."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from app import paths
from app.i18n import LANGUAGES, Translator
from app.settings import TEXT_SCALES
from app.ui import navigation
from app.ui.shell import BAR, RAIL

FONTS = {"NotoSans": "NotoSans-Bold.ttf", "NotoSansArabic": "NotoSansArabic-Bold.ttf"}


@pytest.fixture(scope="module")
def measure():
    fonts = {family: TTFont(paths.ASSETS_DIR / "fonts" / file) for family, file in FONTS.items()}

    def width_em(text: str, family: str) -> float:
        font = fonts[family]
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        return sum(hmtx[cmap[ord(c)]][0] for c in text if ord(c) in cmap) / font["head"].unitsPerEm

    return width_em


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_bar_label_fits_one_line_where_labels_are_shown(language, measure):
    _ = Translator(language)._
    slot = navigation.BAR_LABELS_FROM_PX / len(BAR) - 4  # the item's horizontal padding
    for section in BAR:
        label = Translator(language).pgettext("bar", section.bar_label or section.label)
        assert measure(label, LANGUAGES[language].font) * navigation.LABEL_PX <= slot, (language, label)
    assert navigation.bar_shows_labels(390, 1.0) and not navigation.bar_shows_labels(390, 1.3)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_the_rail_is_as_wide_as_its_longest_word(language, scale, measure):
    _ = Translator(language)._
    labels = [_(section.label) for section in RAIL]
    room = navigation.rail_width(labels, scale, LANGUAGES[language].script) - 4  # the item's horizontal padding
    for label in labels:
        for word in label.split():
            assert measure(word, LANGUAGES[language].font) * navigation.LABEL_PX * scale <= room, (language, word)


def test_the_character_bound_holds_for_every_label_title_and_exit(measure):
    """The bound sizes the rail and the phone title (which sits beside Exit), so it must hold for
    every section's name and for Exit, measured in the bold weight (wider than the title's)."""
    from app.ui.shell import SECTIONS

    for language in LANGUAGES:
        _ = Translator(language)._
        words = [word for section in SECTIONS for word in _(section.label).split()] + _("Exit").split()
        for word in words:
            bound = len(word) * navigation.CHAR_EM[LANGUAGES[language].script]
            assert measure(word, LANGUAGES[language].font) <= bound, (language, word)
