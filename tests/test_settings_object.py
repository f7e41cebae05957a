"""A `Settings` is valid whoever builds it, and a change is checked as an object, without a trip
through the strings storage keeps."""

from __future__ import annotations

import pytest

from app.settings import Settings


@pytest.mark.parametrize("bad", [{"language": "xx"}, {"text_scale": 2.0}, {"text_scale": True}, {"theme": "neon"},
                                 {"jurisdiction": "atlantis"}, {"jurisdiction": ""}, {"language": None}])  # fmt: skip
def test_a_value_that_is_not_a_choice_is_refused_when_built_or_changed(bad):
    with pytest.raises(ValueError):
        Settings(**bad)
    with pytest.raises(ValueError):
        Settings().with_changes(**bad)


def test_a_change_keeps_the_other_settings_and_is_not_read_back_from_strings(monkeypatch):
    monkeypatch.setattr(Settings, "from_stored", None)  # a change never goes through storage's form
    changed = Settings(language="ar", jurisdiction="ca").with_changes(text_scale=1.3)
    assert changed == Settings(language="ar", text_scale=1.3, jurisdiction="ca")
    assert changed.with_changes(jurisdiction=None).jurisdiction is None
