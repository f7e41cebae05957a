"""Navigation labels and screen titles never break inside a word: shaped with the bundled fonts (as
HarfBuzz draws them), every bar label fits its share of a 390 px phone on one line at 100 % (the bar
is icon-only otherwise), the rail is as wide as its longest word, and a phone's title fits beside its
actions, at every text size."""

from __future__ import annotations

import pytest

from app.i18n import LANGUAGES, Translator
from app.settings import TEXT_SCALES
from app.ui import navigation
from app.ui.sections import BAR, RAIL, SECTIONS
from tests.test_fonts import shaped_em


@pytest.fixture(scope="module")
def measure():
    """A text's width as drawn in the bold weight (the wider one), in ems."""
    return lambda text, family: shaped_em(text, f"{family}-Bold.ttf")


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_bar_label_fits_one_line_where_labels_are_shown(language, measure):
    lang = LANGUAGES[language]
    slot = navigation.BAR_LABELS_FROM_PX / len(BAR) - 4  # the item's horizontal padding
    for section in BAR:
        label = Translator(language).pgettext("bar", section.bar_label or section.label)
        assert measure(label, lang.font) * navigation.LABEL_PX * lang.size_adjust <= slot, (language, label)
    assert navigation.bar_shows_labels(390, 1.0) and not navigation.bar_shows_labels(390, 1.3)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_the_rail_is_as_wide_as_its_longest_word(language, scale, measure):
    lang, _ = LANGUAGES[language], Translator(language)._
    labels = [_(section.label) for section in RAIL]
    room = navigation.rail_width(labels, scale, lang.font, lang.size_adjust) - 4  # the item's horizontal padding
    for label in labels:
        for word in label.split():
            assert measure(word, lang.font) * navigation.LABEL_PX * scale * lang.size_adjust <= room, (language, word)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("scale", TEXT_SCALES)
@pytest.mark.parametrize("width", [360, 390])
def test_a_phone_title_fits_beside_its_actions_on_at_most_two_lines(language, scale, width):
    """Measured in the regular weight, which Flutter draws the title's (500) in."""
    lang, _ = LANGUAGES[language], Translator(language)._
    regular = lambda text: shaped_em(text, f"{lang.font}-Regular.ttf")  # noqa: E731
    exit_width = navigation.exit_width(_("Exit"), lang.font, 14 * scale * lang.size_adjust)
    for section in SECTIONS:
        back = section.parent is not None or not section.in_nav
        title = navigation.app_bar_title(_(section.label), _("Exit"), lang.font, scale, lang.size_adjust, width, 2, back)
        room = width - navigation.TITLE_MARGINS_PX - 2 * navigation.ICON_ACTION_PX - exit_width - back * navigation.BACK_PX
        for word in _(section.label).split():
            assert regular(word) * title.size <= room, (language, word, title)
        assert title.size <= navigation.TITLE_PX * scale * lang.size_adjust  # never larger than the text size asks
        # Wrapped between words as drawn, it takes no more lines than the bar is made tall enough for.
        lines, line = 1, ""
        for word in _(section.label).split():
            if line and regular(f"{line} {word}") * title.size > room:
                lines, line = lines + 1, word
            else:
                line = f"{line} {word}".strip()
        assert lines <= title.lines <= 2, (language, _(section.label), title)
        assert title.bar_height >= title.lines * title.size * navigation.LINE_HEIGHT
