"""Study mode content: the training study's eleven items with their exact figures, in every language."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle

# Seed 000, Table 2 (content inventory §6.1): answer and pre-training share answering correctly.
TABLE_2 = {
    "quiz_t2_rare": (False, 87.9),
    "quiz_t2_men": (False, 83.0),
    "quiz_t2_border": (False, 73.9),
    "quiz_t2_child_domestic": (False, 61.2),
    "quiz_t2_migrants": (False, 44.9),
    "quiz_t2_low_education": (False, 82.4),
    "quiz_t2_obvious_signs": (False, 40.6),
    "quiz_t2_difficulty_reporting": (True, 90.3),
    "quiz_t2_stay_in_lane": (False, 73.9),
    "quiz_t2_police": (True, 32.7),
    "quiz_t2_friend_interpreter": (False, 41.8),
}
LANGUAGES = ("en", "es", "ar")
# Did-you-know figures (inventory §6.3 and §8.3), as they must appear in English.
FACTS = {
    "fact_participants": ["178", "165 (93%)", "156 (88%)"],
    "fact_unlikely": ["15.2%"],
    "fact_not_confident": ["21.8%"],
    "fact_no_time": ["20.0%"],
    "fact_employer_danger": ["81.8%"],
    "fact_refer": ["67.3%"],
    "fact_after": ["86%", "144 (92%)"],
    "fact_most_useful": ["37.8%"],
    "fact_never_asked": ["57%"],
    "fact_21_million": ["21 million"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_studys_eleven_items_are_exact(language):
    study = load_bundle(language).quiz.group("grp_quiz_study").items
    assert {item.id: (item.answer, item.percent_correct) for item in study} == TABLE_2


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_statement_has_an_answer_an_explanation_and_a_source(language):
    statements = load_bundle(language).quiz.grouped_items()
    assert len(statements) >= 11 + 20
    for item in statements:
        assert isinstance(item.answer, bool) and item.explanation.strip() and item.source, item.id
    further = [item for item in statements if item.id not in TABLE_2]
    assert all(item.percent_correct is None for item in further)  # only the study measured peers


def test_the_police_item_explains_the_mandatory_exceptions():
    police = load_bundle("en").quiz.item("quiz_t2_police")
    for exception in ("child", "capacity", "serious injury", "elder", "developmental disability"):
        assert exception in police.explanation
    # Elders and adults with a developmental disability go to adult protective services, not the police
    # (seed 002), and the duties are the guide's US and Canadian rules, not universal ones (issue 26).
    assert "adult protective services, not to the police" in police.explanation
    assert "US and Canada" in police.explanation and "check local law" in police.explanation
    assert police.see_also == "reporting"


@pytest.mark.parametrize("fact_id, figures", sorted(FACTS.items()))
def test_did_you_know_figures_are_exact(fact_id, figures):
    fact = load_bundle("en").quiz.item(fact_id)
    for figure in figures:
        assert figure in fact.title, (fact_id, figure)


OWN_PRECAUTION = {"en": "This app's own precaution", "es": "Precaución propia de esta aplicación", "ar": "احتياط خاص بهذا التطبيق"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_whether_a_card_is_safe_to_carry_is_labelled_as_the_apps_own(language):
    """Seed 002 offers the shoe card; asking first whether carrying it is safe is this app's own
    precaution, and says so wherever it is taught (issue 26)."""
    bundle = load_bundle(language)
    card = next(choice for step in bundle.cases.case("case_texting_alone").steps if step.id == "s3"
                for choice in step.choices if choice.best)  # fmt: skip
    for text in (bundle.quiz.item("quiz_shoe_card").explanation, card.feedback):
        assert OWN_PRECAUTION[language] in text, text
