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
import re
from functools import cache

from app import paths

FORMATS_FILE = paths.LOCALES_DIR / "formats.json"
# A CLDR pattern: quoted literals ('de', '' for a quote) and runs of one letter; anything else as is.
_TOKEN = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|[^'A-Za-z]+")


@cache
def formats(language: str) -> dict:
    return json.loads(FORMATS_FILE.read_text(encoding="utf-8"))["languages"][language]


def _fill(pattern: str, moment: dt.date, data: dict) -> str:
    out = []
    for token in _TOKEN.finditer(pattern):
        quoted, letter, text = token.group(1), token.group(2), token.group(0)
        if quoted is not None:
            out.append(quoted.replace("''", "'") if quoted else "'")
        elif letter:
            out.append(_field(letter, len(text), moment, data))
        else:
            out.append(text)
    return "".join(out)


def _field(letter: str, width: int, moment, data: dict) -> str:
    if letter == "y":
        return f"{moment.year:0{width}d}" if width != 2 else f"{moment.year % 100:02d}"
    if letter in "ML" and width == 4:
        return data["months"][moment.month - 1]
    if letter in "ML":
        return f"{moment.month:0{width}d}"
    if letter == "d":
        return f"{moment.day:0{width}d}"
    if letter in "Ec" and width == 4:
        return data["days"][moment.weekday()]
    if letter == "h":
        return f"{(moment.hour % 12) or 12:0{width}d}"
    if letter == "H":
        return f"{moment.hour:0{width}d}"
    if letter == "m":
        return f"{moment.minute:0{width}d}"
    if letter == "a":
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
    return data["percent"].replace("#,##0", f"{value:.1f}".replace(".", data["decimal"]), 1)
