"""What issue 3's sections promise, checked on the shipped content in every language."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle
from app.content.models import Question

LANGUAGES = ("en", "es", "ar")
NEVER = {"qn_are_you_trafficked", "qn_companion_present", "qn_companion_interpreter"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_stands_in_a_category(language):
    questions = load_bundle(language).questions
    in_categories = {q.id for q in questions.grouped_items()}
    everywhere = {item.id for item in questions.items() if item.id.startswith("q_")}
    assert everywhere == in_categories
    assert all(isinstance(q, Question) for q in questions.grouped_items())
    assert all(group.title.strip() for group in questions.groups)
    assert len(in_categories) >= 24 + 9  # the guide's 24 sample questions and the further prompts


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_three_never_dos_are_always_shown(language):
    assert {item.id for item in load_bundle(language).questions.framing} == NEVER


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_has_a_source(language):
    for item in load_bundle(language).items():
        assert item.source and all(s.section.strip() for s in item.source), item.id


def test_paired_questions_say_what_they_replace_and_why():
    pairs = [q for q in load_bundle("en").questions.grouped_items() if q.instead_of]
    assert {q.id for q in pairs} >= {"q_env_typical_day", "q_thr_physical_safety"}
    assert all(q.why for q in pairs)
    assert any(q.instead_of == "Are you being trafficked?" for q in pairs)


def test_confidentiality_script_covers_privacy_reporting_and_declining():
    ids = {item.id for item in load_bundle("en").questions.script}
    assert {"script_private", "script_report", "script_decline"} <= ids


def test_key_principles_map_onto_toolkit_concepts():
    principles = load_bundle("en").principles
    concepts = {item.id for item in principles.group("grp_tic_concepts").items}
    assert len(concepts) == 11
    key = principles.group("grp_tic_key_principles").items
    assert len(key) == 5 and all(item.maps_to in concepts for item in key)


def test_guidance_has_every_area_of_the_issue():
    groups = {g.id for g in load_bundle("en").guidance.groups}
    assert {"grp_safety", "grp_care", "grp_documentation", "grp_refusal", "grp_handoff",
            "grp_interpreters", "grp_children"} <= groups  # fmt: skip
