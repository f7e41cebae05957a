"""Languages and UI strings: metadata as data, gettext catalogs per session (never global).

Message ids are whole English sentences; English needs no catalog. A session holds its own
`Translator`, so two people using the app in different languages never share state.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from functools import cache

from app import paths
from app.datafiles import snapshot
from app.datafiles.problems import problem

DOMAIN = "messages"
LTR_ISOLATE, RTL_ISOLATE, POP_ISOLATE = "\u2066", "\u2067", "\u2069"


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str  # the language's name for itself, as CLDR has it (checked by a test)
    flutter_locale: tuple[str, ...]
    direction: str
    script: str
    font: str
    address_forms: tuple[str, ...] = ()  # the forms a line said to a patient needs (gender marked in grammar)
    size_adjust: float = 1.0  # how much larger its text is drawn to read as large as English

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


def _parse_yaml(text: str, path):
    from app.datafiles.yamlfile import parse  # only when the snapshot misses: YAML is not on the way to the first screen

    return parse(text, path)


def load_languages(path=paths.LOCALES_DIR / "languages.yaml") -> dict[str, Language]:
    entries = snapshot.load(path, _parse_yaml)
    languages = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else [None]):
        try:
            languages[entry["code"]] = Language(**{
                **entry,
                "flutter_locale": tuple(entry["flutter_locale"]),
                "address_forms": tuple(entry.get("address_forms", ())),
            })  # fmt: skip
        except (KeyError, TypeError) as error:
            from app.datafiles.yamlfile import line_of

            raise problem(path, line_of(path, (index,)), f"not a language entry ({error})") from None
    return languages


LANGUAGES: dict[str, Language] = load_languages()
DEFAULT_LANGUAGE = "en"


def isolate_ltr(text: str) -> str:
    """Keep a left-to-right run (a phone number, a citation) in order whatever the surrounding direction."""
    return f"{LTR_ISOLATE}{text}{POP_ISOLATE}"


def isolate(text: str, language: Language) -> str:
    """A whole text in its own language's direction, wherever it is shown (an Arabic question
    inside the English app keeps its punctuation at its end, and the other way round)."""
    return f"{RTL_ISOLATE if language.rtl else LTR_ISOLATE}{text}{POP_ISOLATE}"


def N_(message: str) -> str:
    """Mark a module-level string for extraction; translate it later, where the language is known."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark a string for extraction with a context (`pgettext` translates it): the same English
    words may need other words where room is short, e.g. on the phone's bottom bar."""
    return message


@cache
def _catalog(code: str) -> gettext.NullTranslations:
    if code == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    folder = paths.LOCALES_DIR / code / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    # No compiled catalog yet (e.g. run without `make`): compile the .po in memory.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as stream:
        catalog = read_po(stream, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class Translator:
    """UI strings for one language. Methods are named so `pybabel extract` finds their calls."""

    def __init__(self, code: str) -> None:
        self.language = LANGUAGES[code]
        self._catalog = _catalog(code)

    def _(self, message: str) -> str:
        return self._catalog.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def ltr(self, text: str) -> str:
        """Keep a Latin or numeric run (a phone number, a citation) in its own order inside RTL text."""
        return isolate_ltr(text) if self.language.rtl else text
