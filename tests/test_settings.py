"""Settings: the only stored values. Anything odd in storage falls back to a safe default."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.settings import ALLOWED_KEYS, TEXT_SCALES, THEMES, Settings


def test_defaults():
    assert Settings() == Settings(language="en", text_scale=1.0, theme="light", jurisdiction="generic")


def test_stored_values_are_used():
    stored = {"language": "ar", "text_scale": 1.6, "theme": "dark", "jurisdiction": "ca"}
    assert Settings.from_stored(stored) == Settings("ar", 1.6, "dark", "ca")


def test_unknown_keys_and_bad_values_fall_back():
    stored = {"language": "xx", "text_scale": 9, "theme": "neon", "jurisdiction": "atlantis", "patient": "x"}
    assert Settings.from_stored(stored) == Settings()


def test_only_allowed_keys_exist():
    assert set(ALLOWED_KEYS) == set(Settings.__dataclass_fields__)


# No deadline: each example reads the packs folder, and a loaded machine made one run exceed 200 ms.
@settings(deadline=None)
@given(st.dictionaries(st.sampled_from([*ALLOWED_KEYS, "other"]), st.one_of(st.none(), st.text(), st.floats(), st.booleans())))
def test_any_stored_mapping_gives_valid_settings(stored):
    settings = Settings.from_stored(stored)
    assert settings.language in {"en", "es", "ar"}
    assert settings.text_scale in TEXT_SCALES
    assert settings.theme in THEMES
    assert settings.jurisdiction in {"generic", "us", "ca"}
