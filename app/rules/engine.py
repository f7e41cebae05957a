"""The reporting engine: pure, deterministic, no eval. Rules come from the jurisdiction pack."""

from __future__ import annotations

from app.rules.models import Capacity, Case, FiredRule, Pack, Result, Status

# Said to every patient, whatever the status (seeds 002 and 004; content/<lang>/reporting.yaml words them).
CROSS_CUTTING_STEPS = (
    "step_explain_confidentiality",
    "step_tell_before_call",
    "step_involve_patient",
    "step_share_minimum",
    "step_no_immigration_advice",
    "step_threat_is_safety",
)
STATUS_STEPS = {
    Status.must_report: ("step_contact_agencies",),
    Status.assess_first: ("step_assess_capacity", "step_consult_supervisor"),
    Status.patient_decides: ("step_consent_needed", "step_offer_hotline_together", "step_respect_refusal"),
}


def facts(case: Case, pack: Pack) -> set[str]:
    """The facts rules are written against. A known age wins over how old the patient looks."""
    child = case.age < pack.child_age if case.age is not None else case.appears_minor
    if pack.elder_age is not None:
        elder = case.age is not None and case.age >= pack.elder_age
    else:
        elder = not child and case.elder_by_local_law
    found = {"child"} if child else {"adult"}
    if elder:
        found.add("elder")
    for flag in ("sexual_exploitation", "developmental_disability", "serious_injury_from_crime"):
        if getattr(case, flag):
            found.add(flag)
    return found


def evaluate(case: Case, pack: Pack) -> Result:
    known = facts(case, pack)
    fired = tuple(
        FiredRule(id=rule.id, adds=frozenset(rule.adds), source=tuple(rule.source))
        for rule in pack.rules
        if set(rule.when) <= known and (rule.capacity is None or rule.capacity == case.capacity)
    )
    report_to = frozenset().union(*(rule.adds for rule in fired))
    if fired:
        status = Status.must_report
    elif case.capacity is Capacity.uncertain:
        status = Status.assess_first
    else:
        status = Status.patient_decides
    return Result(
        status=status,
        report_to=report_to,
        steps=STATUS_STEPS[status] + CROSS_CUTTING_STEPS,
        reasons=fired,
        pack=pack.id,
    )
