"""The reporting engine: pure, deterministic, no eval. Rules, with their duties, come from the
jurisdiction pack; the status is the strongest duty among the rules that fired."""

from __future__ import annotations

from app.rules.models import NOT_SURE, Case, Duty, FiredRule, Pack, Result, Status

# Steps for every status (seeds 000, 002 and 004; content/<lang>/reporting.yaml words them).
CROSS_CUTTING_STEPS = ("step_explain_confidentiality", "step_threat_is_safety", "step_no_immigration_advice")
# Steps that fit each status, and only it: none of them contradicts another status's meaning.
STATUS_STEPS = {
    Status.must_report: (
        "step_tell_before_call", "step_contact_agencies", "step_call_together_anonymously", "step_share_health_information",
    ),
    Status.check_local_law: ("step_check_local_law", "step_consult_legal_contact", "step_if_required_tell_first"),
    Status.assess_first: ("step_consult_supervisor",),
    Status.patient_decides: (
        "step_consent_needed", "step_discuss_privately_first", "step_offer_hotline_together", "step_respect_refusal",
        "step_resources_anyway",
    ),
}  # fmt: skip
STRENGTH = tuple(Status)  # must_report first, patient_decides last


def facts(case: Case, pack: Pack) -> set[str]:
    """The facts rules are written against. A known age wins over how old the patient looks."""
    child = case.age < pack.adult_age if case.age is not None else case.appears_minor
    if pack.elder_age is not None and case.age is not None:
        elder = case.age >= pack.elder_age.age
    else:
        elder = case.elder
    found = {"child"} if child else {"adult"}
    if not child and elder is True:
        found.add("elder")
    elif not child and elder == NOT_SURE:
        found.add("elder_not_sure")
    for flag in ("sexual_exploitation", "developmental_disability", "serious_injury_from_crime"):
        if getattr(case, flag):
            found.add(flag)
    return found


def evaluate(case: Case, pack: Pack) -> Result:
    known = facts(case, pack)
    fired = tuple(
        FiredRule(
            id=rule.id, duty=rule.duty, steps=tuple(rule.steps), adds=frozenset(rule.adds), precaution=rule.precaution,
            source=tuple(rule.source),
        )
        for rule in pack.rules
        if set(rule.when) <= known and (rule.capacity is None or rule.capacity == case.capacity)
    )  # fmt: skip
    status = min((rule.duty.status for rule in fired), key=STRENGTH.index, default=Status.patient_decides)
    # The rules behind the status explain it and add their steps: every rule that reports someone,
    # or, when none does, the ones that ask for an assessment first (next to a report they would
    # only blur the answer).
    assessing = status is Status.assess_first
    reasons = tuple(rule for rule in fired if (rule.duty is Duty.assess_first) == assessing)
    rule_steps = tuple(step for rule in reasons for step in rule.steps)
    return Result(
        status=status,
        report_to=frozenset().union(*(rule.adds for rule in fired)),
        steps=tuple(dict.fromkeys(STATUS_STEPS[status] + rule_steps + CROSS_CUTTING_STEPS)),
        reasons=reasons,
        pack=pack.id,
    )
