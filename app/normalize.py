"""Turning text into comparable search terms, with each language's own folding rules.

Spanish (and English): case and accents are folded, so "niño" matches "nino" and "Niño".
Arabic: harakat and tatweel are removed, alef and hamza forms are unified, taa marbuta is
read as haa and alef maqsura as yaa, Arabic-Indic digits become ASCII, and the article and
attached particles (ال، وال، بال، كال، فال، لل) are also indexed without them, so "وشم"
finds "الوشم". A typed word is read both as typed and without such a prefix, because the
same letters may belong to the word itself: بالغين ("adults") is not ب + ال + غين.

On the ground floor, importing nothing of the app: search ranks with it and content checks its
terms with it, and neither of those depends on the other for it.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUERY_CHARS = 200  # a pasted page is cut here: bounded work per keystroke
MIN_TERM_CHARS = 2  # one letter matches half the vocabulary and helps nobody

_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e"))
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه"}
)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")  # longest first
_WORD = re.compile(r"\w+")


def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str, language: str) -> str:
    """Accents, and in Arabic harakat, letter forms and digits, folded; case kept (so a regular
    expression can be folded the same way as the text it will search)."""
    if language == "ar":
        text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS).translate(_ARABIC_DIGITS)
    return _fold_accents(text)


def normalize(text: str, language: str) -> str:
    return fold(text.translate(_BIDI_CONTROLS).casefold(), language)


def words(text: str, language: str) -> list[str]:
    return _WORD.findall(normalize(text, language))


def without_article(word: str) -> str | None:
    """An Arabic word without its article or attached particle, when enough of it remains."""
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_TERM_CHARS:
            return word[len(prefix):]
    return None


def index_forms(word: str, language: str) -> list[str]:
    """The forms under which a word of the content is indexed."""
    if language == "ar" and (bare := without_article(word)):
        return [word, bare]
    return [word]


def terms(query: str, language: str) -> list[str]:
    """The terms of a query: normalised, without duplicates, each at least two characters."""
    found: list[str] = []
    for word in words(query[:MAX_QUERY_CHARS], language):
        if len(word) >= MIN_TERM_CHARS and word not in found:
            found.append(word)
    return found


def readings(term: str, language: str) -> list[str]:
    """The ways a typed term may be meant: as typed, then (Arabic) without its article."""
    return index_forms(term, language)
