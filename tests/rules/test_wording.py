"""Every id the engine or a pack can produce has wording in every language."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle
from app.rules import load_packs
from app.rules.wording import missing_wording, required_ids


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_every_engine_id_is_worded(language):
    assert missing_wording(load_bundle(language).reporting, load_packs()) == []


def test_a_pack_without_wording_is_caught():
    packs = dict(load_packs())
    packs["xx"] = packs["us"].model_copy(update={"id": "xx"})
    assert missing_wording(load_bundle("en").reporting, packs) == ["pack_xx"]
    assert "rule_child" in required_ids(packs)


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_disclaimer_is_the_first_framing_note(language):
    assert load_bundle(language).reporting.framing[0].id == "rpt_verify_local_law"
