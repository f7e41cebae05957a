"""The engine against an independent statement of the reporting table (issue 4), exhaustively and by property."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules import Capacity, Case, Status, evaluate, load_packs

PACKS = load_packs()
ELDER_AGES = (None, 60, 65)  # shipped packs set none; the others are test values for the age path


def expected(case: Case, elder_age: int | None) -> tuple[str, set[str]]:
    """The issue's table, restated on its own terms, independent of the pack data."""
    if case.age is not None:
        child = case.age < 18
    else:
        child = case.appears_minor
    if elder_age is None:
        elder = (not child) and case.elder_by_local_law
    else:
        elder = case.age is not None and case.age >= elder_age
    report = set()
    if child:
        report.add("child_protection")
        if case.sexual_exploitation:
            report |= {"child_protection", "law_enforcement"}
    if elder:
        report.add("adult_protection")
    if not child and case.developmental_disability:
        report.add("adult_protection")
    if not child and case.capacity == Capacity.lacking:
        report.add("law_enforcement")
    if case.serious_injury_from_crime:
        report.add("law_enforcement")
    if report:
        return "must_report", report
    if case.capacity == Capacity.uncertain:
        return "assess_first", report
    return "patient_decides", report


def all_cases(elder_age: int | None):
    ages = [0, 17, 18, None] + ([elder_age - 1, elder_age] if elder_age else [64, 90])
    booleans = (False, True)
    for age, minor, elder_law, sexual, capacity, disability, injury in itertools.product(
        ages, booleans, booleans, booleans, list(Capacity), booleans, booleans
    ):
        yield Case(
            age=age,
            appears_minor=minor,
            elder_by_local_law=elder_law,
            sexual_exploitation=sexual,
            capacity=capacity,
            developmental_disability=disability,
            serious_injury_from_crime=injury,
        )


@pytest.mark.parametrize("pack_id", sorted(PACKS))
@pytest.mark.parametrize("elder_age", ELDER_AGES)
def test_every_combination_matches_the_table(pack_id, elder_age):
    pack = PACKS[pack_id].model_copy(update={"elder_age": elder_age})
    count = 0
    for case in all_cases(elder_age):
        result = evaluate(case, pack)
        status, report_to = expected(case, elder_age)
        assert (result.status.value, set(result.report_to)) == (status, report_to), case
        count += 1
    assert count == 6 * 2 * 2 * 2 * 3 * 2 * 2


def test_every_outcome_carries_the_cross_cutting_steps_and_cites_sources():
    pack = PACKS["generic"]
    for case in all_cases(None):
        result = evaluate(case, pack)
        assert {"step_explain_confidentiality", "step_tell_before_call", "step_threat_is_safety"} <= set(result.steps)
        assert all(reason.source for reason in result.reasons)
        assert bool(result.reasons) == (result.status is Status.must_report)


cases = st.builds(
    Case,
    age=st.one_of(st.none(), st.integers(min_value=0, max_value=130)),
    appears_minor=st.booleans(),
    elder_by_local_law=st.booleans(),
    sexual_exploitation=st.booleans(),
    capacity=st.sampled_from(list(Capacity)),
    developmental_disability=st.booleans(),
    serious_injury_from_crime=st.booleans(),
)
packs = st.sampled_from(sorted(PACKS)).flatmap(
    lambda pid: st.sampled_from(ELDER_AGES).map(lambda age: PACKS[pid].model_copy(update={"elder_age": age}))
)


@given(cases, packs)
def test_total_and_deterministic(case, pack):
    assert evaluate(case, pack) == evaluate(case, pack)


@given(cases, packs)
def test_a_child_always_gets_child_protection(case, pack):
    is_child = case.age < 18 if case.age is not None else case.appears_minor
    if is_child:
        assert "child_protection" in evaluate(case, pack).report_to


@given(cases, packs)
def test_patient_decides_never_reports_anyone(case, pack):
    result = evaluate(case, pack)
    if result.status is Status.patient_decides:
        assert result.report_to == frozenset()
        assert "step_consent_needed" in result.steps
