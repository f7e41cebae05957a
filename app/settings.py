"""User settings: the only thing the app ever stores.

Nothing about a patient is a setting. `ALLOWED_KEYS` is everything a privacy check may find in
storage. Values are stored as strings, which every Flet client's preferences accept (the desktop
client of Flet 0.82 refuses a double), and read back from whatever storage holds: a value of any
JSON type, or none, falls back to its default and never keeps the app from opening.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from app import paths
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

TEXT_SCALES = (1.0, 1.3, 1.6)
THEMES = ("light", "dark")
ALLOWED_KEYS = ("language", "text_scale", "theme", "jurisdiction")


def jurisdictions() -> set[str]:
    """The packs there are, by file name (a pack's id must match it). Read from the folder, not
    the packs: settings are needed for the first screen, and parsing packs can wait; a broken
    pack is reported where packs are used, and must not keep the app from opening."""
    return {path.stem for path in paths.RULES_DIR.glob("*.yaml")}


def _one_of(value: Any, allowed, default):
    return value if isinstance(value, str) and value in allowed else default


def _scale(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return 1.0
    try:
        number = float(value)
    except ValueError:
        return 1.0
    return next((scale for scale in TEXT_SCALES if math.isclose(scale, number)), 1.0)


@dataclass(frozen=True)
class Settings:
    language: str = DEFAULT_LANGUAGE
    text_scale: float = 1.0
    theme: str = "light"
    jurisdiction: str | None = None  # asked the first time the reporting aid is used

    @classmethod
    def from_stored(cls, stored: dict) -> Settings:
        """Build from whatever the store holds; unknown keys and bad values fall back to defaults."""
        return cls(
            language=_one_of(stored.get("language"), LANGUAGES, DEFAULT_LANGUAGE),
            text_scale=_scale(stored.get("text_scale")),
            theme=_one_of(stored.get("theme"), THEMES, "light"),
            jurisdiction=_one_of(stored.get("jurisdiction"), jurisdictions(), None),
        )

    def with_changes(self, **changes) -> Settings:
        return Settings.from_stored(replace(self, **changes).to_stored())

    def to_stored(self) -> dict[str, str]:
        """Each setting as the string stored for it; an unchosen jurisdiction is not stored."""
        stored = {"language": self.language, "text_scale": str(self.text_scale), "theme": self.theme}
        if self.jurisdiction is not None:
            stored["jurisdiction"] = self.jurisdiction
        return stored
