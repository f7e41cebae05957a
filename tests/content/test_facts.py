"""Facts the content inventory marks ★ are copied exactly, and no translation changes a number."""

from __future__ import annotations

import re

import pytest

from app.content.loader import load_bundle
from app.content.validate import TRANSLATED_KEYS

EXACT_EN = {
    "ind_ownership_tattoos": 'Crowns, dollar signs, chains, "property of", bar codes',
    "ind_pe_patterned_protected_injuries": "neck, ears, torso, upper arms, thighs",
    "ind_hx_sex_partners_adolescent": ">5 sex partners",
    "ind_meta_no_obvious_signs": "45.5%",
    "doc_injury_detail": '"3 cm bruise on left forearm, purple and swollen"',
    "doc_patient_words": "\"Patient states, 'He hit me with a belt'\"",
    "refuse_resources_anyway": "1 (888) 373-7888",
    "q_add_tattoo_meaning": "What does that tattoo mean or represent?",
    "kid_definition": "under 18",
}
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")  # "15,2" in Spanish is "15.2"


def by_id(language: str) -> dict:
    return {item.id: item for item in load_bundle(language).items()}


def text_of(item) -> str:
    """Every translated text of an item (title, detail, paired question...)."""
    return " ".join(str(value) for key, value in item if key in TRANSLATED_KEYS and value)


@pytest.mark.parametrize("item_id, fact", sorted(EXACT_EN.items()))
def test_exact_facts_in_english(item_id, fact):
    item = by_id("en")[item_id]
    assert fact in text_of(item)


@pytest.mark.parametrize("language", ["es", "ar"])
def test_translations_keep_every_number(language):
    english, translated = by_id("en"), by_id(language)
    for item_id, item in english.items():
        numbers = sorted(n.replace(",", ".") for n in NUMBER.findall(text_of(item)))
        assert sorted(n.replace(",", ".") for n in NUMBER.findall(text_of(translated[item_id]))) == numbers, item_id


def test_child_filter_covers_the_inventory_roll_up():
    """Content inventory §1.9: these items are child-specific and must survive the child filter."""
    child = {item.id for item in load_bundle("en").items() if item.child}
    expected = {
        "ind_underage", "ind_pe_advanced_sexual_knowledge", "ind_inappropriate_clothing",
        "ind_hx_sex_partners_adolescent", "ind_hx_young_pregnancy_abortions", "ind_hx_street_runaway_care",
        "ind_hx_services_police", "vul_ind_homeless_runaway", "vul_ind_justice_cps", "vul_rel_family_disruption",
        "vul_rel_parent_peer_sex_work", "vul_soc_child_rights", "vul_soc_hiv_myths", "vul_soc_cultural_attitudes",
        "vul_child_developmental", "vul_child_guardian_involved", "ctx_child_domestic_relatives",
    }  # fmt: skip
    assert expected <= child
