"""Dates, times and percentages as each of the app's languages writes them.

The few CLDR facts the app needs (the patterns, the month and weekday names, am/pm and the decimal
mark) are extracted from Babel ahead of time into locales/formats.json
(`python -m app.tools formats`); tests/test_formats.py holds the file to Babel and every result
here to Babel's own. At run time Babel's full locale data (4.9 MB resident for English alone) is
never loaded just to show a clock after quick exit or the date a pack was reviewed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from functools import cache

from app import paths

FORMATS_FILE = paths.LOCALES_DIR / "formats.json"
log = logging.getLogger(__name__)
# A CLDR pattern: quoted literals ('de', '' for a quote) and runs of one letter; anything else as is.
_TOKEN = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|[^'A-Za-z]+")
_NUMBER = re.compile(r"[#0,.]+")  # the number in a percent pattern ("#,##0", "#,##,##0"); never over 1,000 here


# If the file is missing or damaged: numbers only, readable in any language. The clock after quick
# exit must show, whatever happened to a build file.
PLAIN = {"date_full": "y-MM-dd", "date_long": "y-MM-dd", "time_short": "HH:mm", "percent": "#,##0%", "decimal": "."}


@cache
def _languages() -> dict:
    return json.loads(FORMATS_FILE.read_text(encoding="utf-8"))["languages"]  # read once, not once per language


@cache
def formats(language: str) -> dict:
    try:
        data = _languages()[language]
        _check(data)
        return data
    except (OSError, ValueError, LookupError, TypeError) as error:
        log.error("%s unusable for %r (%s): dates and times shown as numbers", FORMATS_FILE, language, error)
        return PLAIN


def _check(data: dict) -> None:
    """Raises if the entry cannot format every date, time and percentage."""
    names = [*data["months"], *data["days"], *data["periods"]]
    if len(names) != 12 + 7 + 2 or not all(isinstance(name, str) for name in names):
        raise ValueError("months, days or periods missing")
    for key in ("date_full", "date_long", "time_short"):
        _fill(data[key], dt.datetime(2026, 1, 1), data)
    if not isinstance(data["percent"], str) or not isinstance(data["decimal"], str):
        raise TypeError("percent or decimal is not text")


def _fill(pattern: str, moment: dt.date, data: dict) -> str:
    out, tokens = [], list(_TOKEN.finditer(pattern))
    if sum(len(token.group(0)) for token in tokens) != len(pattern):
        raise ValueError(f"pattern {pattern!r} has an unclosed quote (app.formats)")
    for token in tokens:
        quoted, letter, text = token.group(1), token.group(2), token.group(0)
        if quoted is not None:
            out.append(quoted.replace("''", "'") if quoted else "'")
        elif letter:
            out.append(_field(letter, len(text), moment, data))
        else:
            out.append(text)
    return "".join(out)


def _field(letter: str, width: int, moment, data: dict) -> str:
    """One field of a pattern, for the letters and widths the app's languages use; any other is an
    error (a new language's pattern fails tests/test_formats.py rather than printing wrong text)."""
    if letter == "y" and width in (1, 4):
        return f"{moment.year:0{width}d}"
    if letter == "M" and width == 4:
        return data["months"][moment.month - 1]
    if letter == "M" and width <= 2:
        return f"{moment.month:0{width}d}"
    if letter == "d" and width <= 2:
        return f"{moment.day:0{width}d}"
    if letter == "E" and width == 4:
        return data["days"][moment.weekday()]
    if letter == "h" and width <= 2:
        return f"{(moment.hour % 12) or 12:0{width}d}"
    if letter == "H" and width <= 2:
        return f"{moment.hour:0{width}d}"
    if letter == "m" and width <= 2:
        return f"{moment.minute:0{width}d}"
    if letter == "a" and width <= 3:
        return data["periods"][0 if moment.hour < 12 else 1]
    raise ValueError(f"pattern letter {letter * width!r} is not supported (app.formats)")


def date_text(day: dt.date, style: str, language: str) -> str:
    """`style` "full" (with the weekday) or "long"."""
    data = formats(language)
    return _fill(data[f"date_{style}"], day, data)


def time_text(moment: dt.datetime | dt.time, language: str) -> str:
    """Hours and minutes, the short way."""
    data = formats(language)
    return _fill(data["time_short"], moment, data)


def percent_text(value: float, language: str) -> str:
    """87.9 as this language writes a percentage with one decimal ("87.9%", "87,9 %")."""
    data = formats(language)
    return _NUMBER.sub(f"{value:.1f}".replace(".", data["decimal"]), data["percent"], count=1)
