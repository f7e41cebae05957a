"""Every id the engine or a pack can produce has wording in every language."""

from __future__ import annotations

import pytest

from app.content import load_bundle
from app.rules import Status, load_packs
from app.rules.engine import CROSS_CUTTING_STEPS, STATUS_STEPS


def required_ids() -> set[str]:
    ids = {f"status_{status.value}" for status in Status}
    ids |= set(CROSS_CUTTING_STEPS) | {step for steps in STATUS_STEPS.values() for step in steps}
    for pack in load_packs().values():
        ids.add(f"pack_{pack.id}")
        ids |= {f"rule_{rule.id}" for rule in pack.rules}
        ids |= {f"agency_{agency}" for rule in pack.rules for agency in rule.adds}
    return ids


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_every_engine_id_is_worded(language):
    worded = {item.id for item in load_bundle(language).reporting.items()}
    assert required_ids() <= worded, sorted(required_ids() - worded)


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_disclaimer_is_the_first_framing_note(language):
    assert load_bundle(language).reporting.framing[0].id == "rpt_verify_local_law"
