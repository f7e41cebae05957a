"""The engine against an independent restatement of the reporting table (issue 12), exhaustively
and by property, for every shipped pack and for facility packs that set an elder age."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules import Capacity, Case, Status, evaluate, load_packs
from app.rules.engine import CROSS_CUTTING_STEPS
from app.rules.models import AgeSetting, Source

PACKS = load_packs()
ELDERS = (True, False, "not_sure")
CITED = [Source(seed="002", section="test")]
# Shipped packs set no elder age; 60 and 65 stand for facility packs that do.
ELDER_AGES = (None, 60, 65)


def with_elder_age(pack_id: str, age: int | None):
    setting = AgeSetting(age=age, source=CITED) if age else None
    return PACKS[pack_id].model_copy(update={"elder_age": setting})


def expected(case: Case, pack_id: str, elder_age: int | None) -> tuple[str, set[str]]:
    """The issue's table, restated on its own terms, independent of the pack data."""
    child = case.age < 18 if case.age is not None else case.appears_minor
    if elder_age is not None and case.age is not None:
        elder = case.age >= elder_age
    else:
        elder = case.elder
    adult = not child
    report: set[str] = set()
    if child:
        report.add("child_protection")
        if case.sexual_exploitation:
            report.add("law_enforcement")
    if adult and case.capacity is Capacity.lacking:
        report.add("law_enforcement")
    if case.serious_injury_from_crime:
        report.add("law_enforcement")
    if adult and elder is True:
        report.add("adult_protection")
    if adult and case.developmental_disability:
        report.add("adult_protection")
    if report:
        return ("check_local_law" if pack_id == "generic" else "must_report"), report
    if adult and (case.capacity is Capacity.uncertain or elder == "not_sure"):
        return "assess_first", report
    return "patient_decides", report


def all_cases(elder_age: int | None):
    ages = [0, 17, 18, None, 40] + ([elder_age - 1, elder_age] if elder_age else [84])
    booleans = (False, True)
    for age, minor, elder, sexual, capacity, disability, injury in itertools.product(
        ages, booleans, ELDERS, booleans, list(Capacity), booleans, booleans
    ):
        yield Case(
            age=age,
            appears_minor=minor,
            elder=elder,
            sexual_exploitation=sexual,
            capacity=capacity,
            developmental_disability=disability,
            serious_injury_from_crime=injury,
        )


def test_every_shipped_pack_is_there():
    assert set(PACKS) == {"us", "ca", "generic"}


@pytest.mark.parametrize("pack_id", sorted(PACKS))
@pytest.mark.parametrize("elder_age", ELDER_AGES)
def test_every_combination_matches_the_table(pack_id, elder_age):
    pack = with_elder_age(pack_id, elder_age)
    count = 0
    for case in all_cases(elder_age):
        result = evaluate(case, pack)
        status, report_to = expected(case, pack_id, elder_age)
        assert (result.status.value, set(result.report_to)) == (status, report_to), case
        count += 1
    ages = 7 if elder_age else 6
    assert count == ages * 2 * 3 * 2 * 3 * 2 * 2


# What each status means, stated independently: a step that says or implies the opposite must
# never be shown with it.
CONTRADICTS = {
    Status.must_report: {"step_consent_needed", "step_respect_refusal", "step_discuss_privately_first", "step_check_local_law"},
    Status.check_local_law: {"step_consent_needed", "step_respect_refusal", "step_contact_agencies", "step_tell_before_call"},
    Status.assess_first: {"step_contact_agencies", "step_tell_before_call", "step_consent_needed", "step_respect_refusal"},
    Status.patient_decides: {
        "step_contact_agencies", "step_tell_before_call", "step_if_required_tell_first", "step_share_health_information",
        "step_check_local_law",
    },
}  # fmt: skip


@pytest.mark.parametrize("pack_id", sorted(PACKS))
def test_no_step_contradicts_its_status(pack_id):
    pack = PACKS[pack_id]
    seen = set()
    for case in all_cases(None):
        result = evaluate(case, pack)
        seen.add(result.status)
        assert not CONTRADICTS[result.status] & set(result.steps), (case, result.steps)
        assert set(CROSS_CUTTING_STEPS) <= set(result.steps)
        assert len(result.steps) == len(set(result.steps))
    expected_statuses = set(Status) - ({Status.must_report} if pack_id == "generic" else {Status.check_local_law})
    assert seen == expected_statuses


def test_every_reason_is_cited_and_explains_the_status():
    for pack in PACKS.values():
        for case in all_cases(None):
            result = evaluate(case, pack)
            assert all(reason.source for reason in result.reasons)
            assert bool(result.reasons) == (result.status is not Status.patient_decides)
            assert {reason.duty.status for reason in result.reasons} == (
                {result.status} if result.reasons else set()
            )


def test_assess_first_names_what_to_clear_up():
    pack = PACKS["us"]
    capacity = evaluate(Case(age=40, capacity=Capacity.uncertain), pack)
    elder = evaluate(Case(age=84, elder="not_sure"), pack)
    assert "step_assess_capacity" in capacity.steps and "step_check_elder_law" not in capacity.steps
    assert "step_check_elder_law" in elder.steps and "step_assess_capacity" not in elder.steps


cases = st.builds(
    Case,
    age=st.one_of(st.none(), st.integers(min_value=0, max_value=130)),
    appears_minor=st.booleans(),
    elder=st.sampled_from(ELDERS),
    sexual_exploitation=st.booleans(),
    capacity=st.sampled_from(list(Capacity)),
    developmental_disability=st.booleans(),
    serious_injury_from_crime=st.booleans(),
)
pack_choices = st.tuples(st.sampled_from(sorted(PACKS)), st.sampled_from(ELDER_AGES))


@given(cases, pack_choices)
def test_matches_the_table_for_any_case(case, choice):
    pack_id, elder_age = choice
    result = evaluate(case, with_elder_age(pack_id, elder_age))
    assert (result.status.value, set(result.report_to)) == expected(case, pack_id, elder_age)


@given(cases, pack_choices)
def test_total_and_deterministic(case, choice):
    pack = with_elder_age(*choice)
    assert evaluate(case, pack) == evaluate(case, pack)


@given(cases, pack_choices)
def test_never_reassures_about_a_child(case, choice):
    if (case.age < 18 if case.age is not None else case.appears_minor):
        result = evaluate(case, with_elder_age(*choice))
        assert result.status in (Status.must_report, Status.check_local_law)
        assert "child_protection" in result.report_to


@given(cases)
def test_another_country_never_says_must(case):
    assert evaluate(case, PACKS["generic"]).status is not Status.must_report


@given(cases, pack_choices)
def test_patient_decides_never_reports_anyone(case, choice):
    result = evaluate(case, with_elder_age(*choice))
    if result.status is Status.patient_decides:
        assert result.report_to == frozenset()
        assert "step_consent_needed" in result.steps
