"""User settings: the only thing the app ever stores.

Nothing about a patient is a setting. `ALLOWED_KEYS` is everything a privacy check may find in storage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app import paths
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

TEXT_SCALES = (1.0, 1.3, 1.6)
THEMES = ("light", "dark")
DEFAULT_JURISDICTION = "generic"
ALLOWED_KEYS = ("language", "text_scale", "theme", "jurisdiction")


def jurisdictions() -> set[str]:
    """The packs there are, by file name (a pack's id must match it). Read from the folder, not
    the packs: settings are needed for the first screen, and parsing packs can wait; a broken
    pack is reported where packs are used, and must not keep the app from opening."""
    return {path.stem for path in paths.RULES_DIR.glob("*.yaml")}


@dataclass(frozen=True)
class Settings:
    language: str = DEFAULT_LANGUAGE
    text_scale: float = 1.0
    theme: str = "light"
    jurisdiction: str = DEFAULT_JURISDICTION

    @classmethod
    def from_stored(cls, stored: dict) -> Settings:
        """Build from whatever the store holds; unknown keys and bad values fall back to defaults."""
        known = {key: stored[key] for key in ALLOWED_KEYS if stored.get(key) is not None}
        return cls(**known).sanitized()

    def with_changes(self, **changes) -> Settings:
        return replace(self, **changes).sanitized()

    def sanitized(self) -> Settings:
        return Settings(
            language=self.language if self.language in LANGUAGES else DEFAULT_LANGUAGE,
            text_scale=self.text_scale if self.text_scale in TEXT_SCALES else 1.0,
            theme=self.theme if self.theme in THEMES else "light",
            jurisdiction=self.jurisdiction if self.jurisdiction in jurisdictions() else DEFAULT_JURISDICTION,
        )
