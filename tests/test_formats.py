"""app.formats writes dates, times and percentages exactly as Babel does, from the few CLDR facts
extracted into locales/formats.json, which must match what Babel gives today."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from babel.dates import format_date, format_time
from babel import Locale
from babel.numbers import format_percent

from app import formats, i18n
from app.tools import extract_formats

LANGUAGES = sorted(i18n.LANGUAGES)


def test_the_extracted_file_is_what_babel_gives_now():
    stored = json.loads(formats.FORMATS_FILE.read_text(encoding="utf-8"))
    assert stored == extract_formats(), "locales/formats.json is stale: run `python -m app.tools formats`"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_day_of_seven_years_in_both_styles(language):
    day, end = dt.date(2024, 1, 1), dt.date(2031, 1, 1)  # leap years, every weekday of every month
    while day < end:
        for style in ("full", "long"):
            assert formats.date_text(day, style, language) == format_date(day, style, locale=language), (day, style)
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_minute_of_the_day(language):
    for minute in range(24 * 60):
        moment = dt.datetime(2026, 12, 7, minute // 60, minute % 60)
        assert formats.time_text(moment, language) == format_time(moment, "short", locale=language), moment


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_percentage_with_one_decimal(language):
    pattern = Locale.parse(language).percent_formats[None].pattern.replace("#,##0", "#,##0.0")
    for tenths in range(1001):
        value = tenths / 10
        assert formats.percent_text(value, language) == format_percent(value / 100, format=pattern, locale=language), value


def test_a_pattern_letter_it_does_not_know_is_an_error_not_a_wrong_date():
    with pytest.raises(ValueError, match="'G'"):
        formats._fill("G y", dt.date(2026, 1, 1), formats.formats("en"))
