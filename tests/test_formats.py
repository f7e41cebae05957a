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


@pytest.mark.parametrize("pattern", ["G y", "MMM d", "LLLL", "cccc", "yy", "d 'de MMMM"])
def test_a_pattern_it_does_not_know_is_an_error_not_a_wrong_date(pattern):
    with pytest.raises(ValueError, match="not supported|unclosed quote"):
        formats._fill(pattern, dt.date(2026, 1, 1), formats.formats("en"))


BROKEN = {
    "missing": None,
    "not JSON": "{",
    "no such language": json.dumps({"languages": {}}),
    "an unknown pattern letter": json.dumps({"languages": {"en": {**formats.PLAIN, "date_full": "G y", "months": ["m"] * 12,
                                                                   "days": ["d"] * 7, "periods": ["a", "p"]}}}),
    "eleven months": json.dumps({"languages": {"en": {**formats.PLAIN, "months": ["m"] * 11, "days": ["d"] * 7,
                                                      "periods": ["a", "p"]}}}),
    "a month that is not text": json.dumps({"languages": {"en": {**formats.PLAIN, "months": [1] * 12, "days": ["d"] * 7,
                                                                 "periods": ["a", "p"]}}}),
}  # fmt: skip


@pytest.mark.parametrize("damage", list(BROKEN))
def test_a_damaged_formats_file_still_shows_the_clock_in_numbers(damage, tmp_path, monkeypatch, caplog):
    """The clock after quick exit must show whatever happened to a build file: numbers, and a log line."""
    path = tmp_path / "formats.json"
    if BROKEN[damage] is not None:
        path.write_text(BROKEN[damage], encoding="utf-8")
    monkeypatch.setattr(formats, "FORMATS_FILE", path)
    formats.formats.cache_clear()
    formats._languages.cache_clear()
    try:
        moment = dt.datetime(2026, 12, 7, 15, 4)
        assert formats.date_text(moment, "full", "en") == "2026-12-07"
        assert formats.time_text(moment, "en") == "15:04"
        assert formats.percent_text(87.9, "en") == "87.9%"
        assert "dates and times shown as numbers" in caplog.text
    finally:
        formats.formats.cache_clear()
        formats._languages.cache_clear()
