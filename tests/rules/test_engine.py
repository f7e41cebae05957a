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
MINOR = (True, False, "not_sure")
CITED = [Source(seed="002", section="test")]
# Shipped packs set no elder age; 60 and 65 stand for facility packs that do.
ELDER_AGES = (None, 60, 65)


def with_elder_age(pack_id: str, age: int | None):
    setting = AgeSetting(age=age, source=CITED) if age else None
    return PACKS[pack_id].model_copy(update={"elder_age": setting})


def expected(case: Case, pack_id: str, elder_age: int | None) -> tuple[str, set[str], set[str]]:
    """Issue 25's table, restated on its own terms, independent of the pack data: status, report_to,
    may_also_report_to."""
    known_child = case.age is not None and case.age < 18
    child = known_child or (case.age is None and case.appears_minor is True)
    may_be_child = not child and case.appears_minor is not False
    adult = not child
    if elder_age is not None and case.age is not None:
        elder = case.age >= elder_age
    else:
        elder = case.elder
    elder = elder if adult else False

    def duties(child: bool, adult: bool, capacity: Capacity, elder) -> dict[str, str]:
        """agency -> "must" or "law" (check local law), for facts that are settled."""
        found: dict[str, str] = {}
        law = "law" if pack_id == "generic" else "must"
        adult_protection = "law" if pack_id in ("generic", "ca") else "must"
        if child:
            found["child_protection"] = law
            if case.sexual_exploitation or case.assault_or_abuse:
                found["law_enforcement"] = law
        if adult and capacity is Capacity.lacking:
            found["law_enforcement"] = law
        if case.serious_injury_from_crime:
            found["law_enforcement"] = law
        if adult and (elder is True or case.developmental_disability):
            found["adult_protection"] = adult_protection
        return found

    now = duties(child, adult, case.capacity, elder)
    report = set(now)
    open_answers = []
    if may_be_child:
        open_answers.append(duties(True, False, case.capacity, False))
    if adult and case.capacity is Capacity.uncertain:
        open_answers.append(duties(child, adult, Capacity.lacking, elder))
    if adult and elder == "not_sure":
        open_answers.append(duties(child, adult, case.capacity, True))
    may_also = set().union(*open_answers) - report
    if "must" in now.values():
        status = "must_report"
    elif now or pack_id == "generic":
        status = "check_local_law"  # another country: whatever else holds, national law decides
    elif open_answers:
        status = "assess_first"
    else:
        status = "patient_decides"
    return status, report, may_also


def observed(result) -> tuple[str, set[str], set[str]]:
    return result.status.value, set(result.report_to), set(result.may_also_report_to)


def all_cases(elder_age: int | None):
    ages = [0, 17, 18, None, 40] + ([elder_age - 1, elder_age] if elder_age else [84])
    booleans = (False, True)
    for age, minor, elder, sexual, assault, capacity, disability, injury in itertools.product(
        ages, MINOR, ELDERS, booleans, booleans, list(Capacity), booleans, booleans
    ):
        yield Case(
            age=age,
            appears_minor=minor,
            elder=elder,
            sexual_exploitation=sexual,
            assault_or_abuse=assault,
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
        assert observed(evaluate(case, pack)) == expected(case, pack_id, elder_age), case
        count += 1
    ages = 7 if elder_age else 6
    assert count == ages * 3 * 3 * 2 * 2 * 3 * 2 * 2


# What each status means, stated independently: a step that says or implies the opposite must
# never be shown with it.
CONTRADICTS = {
    Status.must_report: {"step_consent_needed", "step_respect_refusal", "step_discuss_privately_first",
                         "step_if_no_duty_patient_decides"},
    Status.check_local_law: {"step_consent_needed", "step_respect_refusal", "step_contact_agencies", "step_tell_before_call"},
    Status.assess_first: {"step_contact_agencies", "step_tell_before_call", "step_consent_needed", "step_respect_refusal",
                          "step_if_no_duty_patient_decides"},
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
    # Another country: always check local law. The United States: never (its rules are the guide's).
    assert seen == {"generic": {Status.check_local_law}, "us": set(Status) - {Status.check_local_law}}.get(pack_id, set(Status))


def test_every_reason_is_cited_and_explains_the_status():
    for pack in PACKS.values():
        for case in all_cases(None):
            result = evaluate(case, pack)
            assert all(rule.source for rule in result.reasons + tuple(answer.rule for answer in result.open))
            strongest = result.reasons or tuple(answer.rule for answer in result.open)
            assert bool(strongest) == (result.status is not Status.patient_decides)
            assert result.status in {rule.duty.status for rule in strongest} or result.status is Status.patient_decides


def test_assess_first_names_what_to_clear_up():
    pack = PACKS["us"]
    capacity = evaluate(Case(age=40, capacity=Capacity.uncertain), pack)
    elder = evaluate(Case(age=84, elder="not_sure"), pack)
    assert [answer.rule.id for answer in capacity.open] == ["capacity_uncertain"]
    assert [answer.rule.id for answer in elder.open] == ["elder_not_sure"]
    assert "step_assess_capacity" in capacity.open[0].rule.steps


def test_an_open_answer_stays_visible_under_a_stronger_status():
    """Issue 25 §5: capacity uncertain with a disability; elder not sure with an injury."""
    disability = evaluate(Case(age=29, developmental_disability=True, capacity=Capacity.uncertain), PACKS["us"])
    assert disability.status is Status.must_report
    assert [(a.rule.id, set(a.would_add), a.status) for a in disability.open] == [
        ("capacity_uncertain", {"law_enforcement"}, Status.must_report)
    ]
    injury = evaluate(Case(age=84, elder="not_sure", serious_injury_from_crime=True), PACKS["us"])
    assert [(a.rule.id, set(a.would_add)) for a in injury.open] == [("elder_not_sure", {"adult_protection"})]


def test_a_status_resting_only_on_a_precaution_says_so():
    labour_only = evaluate(Case(age=15), PACKS["us"])
    sexual = evaluate(Case(age=15, sexual_exploitation=True), PACKS["us"])
    assert labour_only.precaution and not sexual.precaution
    assert evaluate(Case(age=15), PACKS["generic"]).precaution
    assert not evaluate(Case(age=40, serious_injury_from_crime=True), PACKS["us"]).precaution


def test_lacking_capacity_asks_whether_the_cause_may_pass():
    for pack in PACKS.values():
        assert "step_capacity_may_be_temporary" in evaluate(Case(age=40, capacity=Capacity.lacking), pack).steps


cases = st.builds(
    Case,
    age=st.one_of(st.none(), st.integers(min_value=0, max_value=130)),
    appears_minor=st.sampled_from(MINOR),
    elder=st.sampled_from(ELDERS),
    sexual_exploitation=st.booleans(),
    assault_or_abuse=st.booleans(),
    capacity=st.sampled_from(list(Capacity)),
    developmental_disability=st.booleans(),
    serious_injury_from_crime=st.booleans(),
)
pack_choices = st.tuples(st.sampled_from(sorted(PACKS)), st.sampled_from(ELDER_AGES))


@given(cases, pack_choices)
def test_matches_the_table_for_any_case(case, choice):
    pack_id, elder_age = choice
    assert observed(evaluate(case, with_elder_age(pack_id, elder_age))) == expected(case, pack_id, elder_age)


@given(cases, pack_choices)
def test_total_and_deterministic(case, choice):
    pack = with_elder_age(*choice)
    assert evaluate(case, pack) == evaluate(case, pack)


@given(cases, pack_choices)
def test_never_reassures_about_a_child(case, choice):
    if (case.age < 18 if case.age is not None else case.appears_minor is True):
        result = evaluate(case, with_elder_age(*choice))
        assert result.status in (Status.must_report, Status.check_local_law)
        assert "child_protection" in result.report_to


@given(cases, pack_choices)
def test_a_patient_who_may_be_a_child_is_never_left_to_decide(case, choice):
    """Whatever age is stated: appearing, or maybe appearing, under 18 never gives "the patient
    decides", and the child agencies are never hidden from both report_to and may_also_report_to."""
    if case.appears_minor in (True, "not_sure") or (case.age is not None and case.age < 18):
        result = evaluate(case, with_elder_age(*choice))
        assert result.status is not Status.patient_decides
        shown = result.report_to | result.may_also_report_to
        assert "child_protection" in shown
        if case.sexual_exploitation or case.assault_or_abuse:
            assert "law_enforcement" in shown


@given(cases)
def test_another_country_is_always_check_local_law(case):
    assert evaluate(case, PACKS["generic"]).status is Status.check_local_law


@given(cases, pack_choices)
def test_steps_saying_the_patient_decides_never_sit_beside_a_possible_child(case, choice):
    result = evaluate(case, with_elder_age(*choice))
    if case.appears_minor is not False or (case.age is not None and case.age < 18):
        assert not {"step_consent_needed", "step_if_no_duty_patient_decides"} & set(result.steps)


@given(cases, pack_choices)
def test_patient_decides_never_reports_anyone(case, choice):
    result = evaluate(case, with_elder_age(*choice))
    if result.status is Status.patient_decides:
        assert result.report_to == frozenset()
        assert "step_consent_needed" in result.steps
