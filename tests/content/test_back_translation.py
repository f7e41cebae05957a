"""Every line a clinician says or shows to a patient in Spanish or Arabic has a blind
back-translation of its exact current wording (docs/back-translation/). Changing a line without a
new pass fails here: the stored back-translation would no longer be evidence for it."""

from __future__ import annotations

import pytest
import yaml

from app import paths
from app.content.loader import load_bundle

STORE = paths.ROOT / "docs" / "back-translation"


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_spoken_line_has_a_back_translation_of_its_current_wording(language):
    stored = {row["id"]: row for row in yaml.safe_load((STORE / f"{language}.yaml").read_text(encoding="utf-8"))}
    questions = load_bundle(language).questions
    spoken = [*questions.script, *questions.universal, *(item for group in questions.groups for item in group.items)]
    stale = []
    for item in spoken:
        row = stored.get(item.id)
        current = {"default": item.title, "woman": item.forms["woman"], "man": item.forms["man"]}
        if row is None or row["wording"] != current or not row["back_translation"].get("default"):
            stale.append(item.id)
    assert stale == []
    assert {row for row in stored} <= {item.id for item in spoken}  # nothing stored for a line that is gone
