"""The patient's card, as data: which numbers it carries and what each is called, in the patient's
language. The screen and the PDF both draw this, so they always say the same thing. No Flet.

A card someone else finds must not say what it is for, unless the clinician chooses to name the
services (seed 002: visible referral information can endanger the patient). Named or not, every
label is in the card's language: an Arabic card never shows a service name in Latin letters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from app.directory.load import Directory
from app.directory.models import Entry
from app.i18n import N_, Translator

# Only services a patient might call for help go on the card. Protection agencies and the police
# are the clinician's to contact (see "Must I report?"), and a police number on a found card
# could put the patient at risk.
ON_THE_CARD = ("hotline", "anti_trafficking", "shelter", "health", "related", "legal_immigration", "interpreters", "embassy")

# For entries without a label of their own: neutral words that do not say "trafficking".
NEUTRAL_LABELS = {
    "hotline": N_("Helpline"),
    "anti_trafficking": N_("Support line"),
    "shelter": N_("Housing help"),
    "health": N_("Health service"),
    "related": N_("Support service"),
    "legal_immigration": N_("Legal help"),
    "interpreters": N_("Interpreters"),
    "embassy": N_("Consulate"),
}


@dataclass(frozen=True)
class CardLine:
    label: str
    phone: str  # as the service writes it
    dial: str  # ASCII digits and '+': what a tel: link needs
    details: tuple[str, ...] = ()  # hours and languages: the full card only


@dataclass(frozen=True)
class Card:
    title: str
    language: str
    lines: tuple[CardLine, ...]
    shoe: bool = False


def card_entries(directory: Directory, jurisdiction: str | None) -> list[Entry]:
    """The services that go on a card: reachable by phone, for this jurisdiction (or the
    facility's own), helplines first."""
    return sorted(
        (e for c in ON_THE_CARD for e in directory.by_category(c, jurisdiction) if e.phone),
        key=lambda e: (e.category != "hotline", ON_THE_CARD.index(e.category), e.id),
    )


def make_card(entries: list[Entry], language: str, *, named: bool, shoe: bool) -> Card:
    tr = Translator(language)
    _ = tr._
    title = _("Help with trafficking and exploitation") if named else _("Useful numbers")
    lines = []
    for entry in entries:
        details: list[str] = []
        if not shoe and entry.hours:
            details.append(_("Hours: {hours}").format(hours=entry.hours))
        if not shoe and entry.languages:
            names = ", ".join(language_name(code, language) for code in entry.languages)
            details.append(_("Languages: {languages}").format(languages=names))
        lines.append(CardLine(card_label(entry, tr, named), entry.phone or "", entry.dial, tuple(details)))
    return Card(title, language, tuple(lines), shoe)


def card_label(entry: Entry, tr: Translator, named: bool) -> str:
    """What the card calls a service. Named: its name in the card's language, if the directory
    gives one or the name is already in that language's script. Otherwise, or when no such name
    exists: the entry's neutral card label, or a neutral word for its kind."""
    language = tr.language
    if named:
        name = (entry.names or {}).get(language.code)
        if name is None and written_in(entry.name, language.script):
            name = entry.name
        if name is not None:
            return name
    if entry.card_label and language.code in entry.card_label:
        return entry.card_label[language.code]
    return tr._(NEUTRAL_LABELS.get(entry.category, NEUTRAL_LABELS["related"]))


def written_in(text: str, script: str) -> bool:
    """Whether every letter of the text belongs to the script ("Latn" or "Arab")."""
    word = {"Latn": "LATIN", "Arab": "ARABIC"}[script]
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith(word) for c in letters)


def language_name(code: str, in_language: str) -> str:
    from babel import Locale  # any language a facility lists: Babel's data, loaded when a card is made

    try:
        return Locale.parse(code).get_display_name(in_language) or code
    except (ValueError, LookupError):
        return code
