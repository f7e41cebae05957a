"""Settings: the only stored values. Anything in storage, of any JSON type, falls back to a safe default,
and every setting round-trips through a store that keeps only strings."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from app.settings import ALLOWED_KEYS, TEXT_SCALES, THEMES, Settings


def test_defaults_ask_for_the_jurisdiction():
    assert Settings() == Settings(language="en", text_scale=1.0, theme="light", jurisdiction=None)
    assert "jurisdiction" not in Settings().to_stored()


def test_stored_values_are_used():
    stored = {"language": "ar", "text_scale": "1.6", "theme": "dark", "jurisdiction": "ca"}
    assert Settings.from_stored(stored) == Settings("ar", 1.6, "dark", "ca")


def test_unknown_keys_and_bad_values_fall_back():
    stored = {"language": "xx", "text_scale": 9, "theme": "neon", "jurisdiction": "atlantis", "patient": "x"}
    assert Settings.from_stored(stored) == Settings()


def test_values_of_every_json_type_fall_back():
    for odd in ([], ["us"], {}, {"us": 1}, 1, 1.5, True, None, "", "NaN", "inf", float("nan")):
        stored = dict.fromkeys(ALLOWED_KEYS, odd)
        assert Settings.from_stored(stored) == Settings(), odd


def test_only_allowed_keys_exist():
    assert set(ALLOWED_KEYS) == set(Settings.__dataclass_fields__)


def every_settings():
    return st.builds(
        Settings,
        language=st.sampled_from(["en", "es", "ar"]),
        text_scale=st.sampled_from(TEXT_SCALES),
        theme=st.sampled_from(THEMES),
        jurisdiction=st.sampled_from([None, "us", "ca", "generic"]),
    )


@given(every_settings())
def test_every_setting_round_trips_through_a_string_only_store(original):
    stored = original.to_stored()
    assert all(isinstance(value, str) for value in stored.values())
    # What a browser's localStorage or a desktop preferences file gives back: strings, via JSON.
    assert Settings.from_stored(json.loads(json.dumps(stored))) == original


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)


# No deadline: each example reads the packs folder, and a loaded machine made one run exceed 200 ms.
@settings(deadline=None)
@given(st.dictionaries(st.sampled_from([*ALLOWED_KEYS, "other"]), json_values))
def test_any_stored_mapping_gives_valid_settings(stored):
    result = Settings.from_stored(stored)
    assert result.language in {"en", "es", "ar"}
    assert result.text_scale in TEXT_SCALES
    assert result.theme in THEMES
    assert result.jurisdiction in {None, "generic", "us", "ca"}
