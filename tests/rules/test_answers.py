"""The form as data: nothing preset, every applicable question required, a child asked only what matters."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules import Capacity, Status, evaluate, load_packs
from app.rules.answers import CHOICES, QUESTIONS, Answers
from app.rules.capacity import ELEMENTS
from app.rules.models import AgeSetting, Source

PACK = load_packs()["us"]


def test_a_fresh_form_has_no_answer_and_no_result():
    answers = Answers()
    assert answers.unanswered(PACK) == answers.applicable(PACK)
    assert answers.case(PACK) is None
    assert answers.chosen == {} and answers.capacity_check == {}


def test_an_84_year_old_with_nothing_else_answered_gets_no_result():
    answers = Answers(age="84")
    assert answers.case(PACK) is None
    assert set(answers.unanswered(PACK)) == {
        "q_rpt_appears_minor", "q_rpt_sexual_exploitation", "q_rpt_assault_or_abuse", "q_rpt_serious_injury",
        "q_rpt_capacity", "q_rpt_developmental_disability", "q_rpt_elder",
    }  # fmt: skip


def test_an_84_year_old_whose_elder_status_is_not_sure_is_assess_first():
    answers = Answers(age="84")
    for question, answer in [("q_rpt_appears_minor", "no"), ("q_rpt_sexual_exploitation", "no"),
                             ("q_rpt_assault_or_abuse", "no"), ("q_rpt_serious_injury", "no"), ("q_rpt_capacity", "intact"),
                             ("q_rpt_developmental_disability", "no"), ("q_rpt_elder", "not_sure")]:  # fmt: skip
        answers.choose(question, answer)
    assert evaluate(answers.case(PACK), PACK).status is Status.assess_first


def test_a_child_is_not_asked_about_capacity_disability_or_old_age():
    answers = Answers(age="15")
    assert answers.applicable(PACK) == (
        "q_rpt_age", "q_rpt_appears_minor", "q_rpt_sexual_exploitation", "q_rpt_assault_or_abuse", "q_rpt_serious_injury",
    )  # fmt: skip


def test_how_old_the_patient_looks_is_asked_whatever_the_age():
    for answers in (Answers(age_unknown=True), Answers(age="19"), Answers(age="15"), Answers(age="84"), Answers()):
        assert "q_rpt_appears_minor" in answers.applicable(PACK)
        assert "q_rpt_appears_minor" in answers.unanswered(PACK)
    answers = Answers(age_unknown=True)
    assert answers.is_child(PACK) is None
    answers.choose("q_rpt_appears_minor", "yes")
    assert answers.is_child(PACK) is True
    answers.choose("q_rpt_appears_minor", "not_sure")
    assert answers.is_child(PACK) == "not_sure"


def test_a_stated_adult_age_does_not_overrule_what_the_clinician_sees():
    """Issue 25: says 19, looks about 14, paid sex. Never "the patient decides"; the child agencies are named."""
    answers = Answers(age="19")
    for question, answer in [("q_rpt_appears_minor", "yes"), ("q_rpt_sexual_exploitation", "yes"),
                             ("q_rpt_assault_or_abuse", "no"), ("q_rpt_serious_injury", "no"), ("q_rpt_capacity", "intact"),
                             ("q_rpt_developmental_disability", "no")]:  # fmt: skip
        answers.choose(question, answer)
    assert answers.is_child(PACK) == "not_sure"
    assert "q_rpt_elder" not in answers.applicable(PACK)  # a patient who may be a child is not asked about old age
    for pack in load_packs().values():
        result = evaluate(answers.case(pack), pack)
        assert result.status is not Status.patient_decides
        assert {"child_protection", "law_enforcement"} <= result.report_to | result.may_also_report_to


def test_a_known_age_wins_and_bad_ages_are_unanswered():
    for typed in ("", "abc", "131", "-3", "4.5"):
        assert "q_rpt_age" in Answers(age=typed).unanswered(PACK), typed
    assert Answers(age="17").is_child(PACK) and not Answers(age="18").is_child(PACK)


def test_a_pack_with_an_elder_age_does_not_ask_when_the_age_is_known():
    pack = PACK.model_copy(update={"elder_age": AgeSetting(age=65, source=[Source(seed="002", section="x")])})
    assert "q_rpt_elder" not in Answers(age="70").applicable(pack)
    assert "q_rpt_elder" in Answers(age_unknown=True).applicable(pack)


def test_answers_outside_the_choices_are_refused():
    with pytest.raises(ValueError):
        Answers().choose("q_rpt_elder", "maybe")


def test_the_capacity_check_fills_the_capacity_answer_only_when_complete():
    answers = Answers(age="40")
    answers.capacity_check = {"cap_understanding": "yes"}
    assert not answers.use_capacity_check() and "q_rpt_capacity" not in answers.chosen
    answers.capacity_check = dict.fromkeys(ELEMENTS, "yes") | {"cap_reasoning": "no"}
    assert answers.use_capacity_check() and answers.chosen["q_rpt_capacity"] == Capacity.lacking.value


@given(st.sampled_from(["", "15", "40", "84"]), st.booleans(), st.data())
def test_a_result_exactly_when_every_applicable_question_is_answered(age, unknown, data):
    answers = Answers(age=age, age_unknown=unknown)
    for question in QUESTIONS[1:]:
        if data.draw(st.booleans()):
            answers.choose(question, data.draw(st.sampled_from(CHOICES[question])))
    complete = not answers.unanswered(PACK)
    assert (answers.case(PACK) is not None) == complete
    if complete:
        entered = dict(answers.entered(PACK))
        assert list(entered) == list(answers.applicable(PACK))


def test_every_complete_form_gives_a_result_for_every_pack():
    for pack in load_packs().values():
        for values in itertools.product(*(CHOICES[q] for q in QUESTIONS[1:])):
            answers = Answers(age="40", chosen=dict(zip(QUESTIONS[1:], values)))
            assert evaluate(answers.case(pack), pack).status in Status
