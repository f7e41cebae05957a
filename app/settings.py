"""User settings: the only thing the app ever stores.

Nothing about a patient is a setting. `ALLOWED_KEYS` is everything a privacy check may find in
storage. A `Settings` is valid whoever builds it: each value is checked when the object is made,
and a change is a new object checked the same way. Only storage speaks in strings, which every
Flet client's preferences accept (the desktop client of Flet 0.82 refuses a double); what storage
gives back, a value of any JSON type or none, is read one setting at a time, and a bad one falls
back to its default and never keeps the app from opening.

Checked by hand rather than by pydantic, which the first screen must not wait for (~80 ms to
import; tests/test_architecture.py keeps it off that path).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from app import paths
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

TEXT_SCALES = (1.0, 1.3, 1.6)
THEMES = ("light", "dark")
ALLOWED_KEYS = ("language", "text_scale", "theme", "jurisdiction")


def _is_pack(value: Any) -> bool:
    # A pack's id is its file's name (app.rules.packs holds it to that). Whether the pack is valid
    # is for the screens that use it to say: parsing the packs waits until after the first screen.
    return any(path.stem == value for path in paths.pack_files())


def _valid(name: str, value: Any) -> bool:
    if name == "text_scale":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value in TEXT_SCALES
    if name == "jurisdiction":
        return value is None or (isinstance(value, str) and _is_pack(value))
    return isinstance(value, str) and value in {"language": LANGUAGES, "theme": THEMES}[name]


@dataclass(frozen=True)
class Settings:
    language: str = DEFAULT_LANGUAGE
    text_scale: float = 1.0
    theme: str = "light"
    jurisdiction: str | None = None  # asked the first time the reporting aid is used

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if not _valid(spec.name, value):
                raise ValueError(f"{spec.name}: {value!r} is not one of the choices")

    @classmethod
    def from_stored(cls, stored: dict) -> Settings:
        """Build from whatever the store holds; unknown keys and bad values fall back to defaults."""
        read = {name: _from_string(name, stored.get(name)) for name in ALLOWED_KEYS}
        return cls(**{name: value for name, value in read.items() if value is not None and _valid(name, value)})

    def with_changes(self, **changes) -> Settings:
        """The settings with these changed; a value that is not one of the choices raises ValueError."""
        return replace(self, **changes)

    def to_stored(self) -> dict[str, str]:
        """Each setting as the string stored for it; an unchosen jurisdiction is not stored."""
        stored = {"language": self.language, "text_scale": str(self.text_scale), "theme": self.theme}
        if self.jurisdiction is not None:
            stored["jurisdiction"] = self.jurisdiction
        return stored


def _from_string(name: str, value: Any) -> Any:
    """A stored value as the setting's type, or None. The text size is stored as its decimal
    string and read back to the nearest choice; the others are stored as they are."""
    if name != "text_scale" or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return value if isinstance(value, str) else None
    try:
        number = float(value)
    except ValueError:
        return None
    return next((scale for scale in TEXT_SCALES if math.isclose(scale, number)), None)
