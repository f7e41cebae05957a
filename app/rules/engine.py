"""The reporting engine: pure, deterministic, no eval. Rules, with their duties, come from the
jurisdiction pack; the status is the strongest duty among the rules that fired. An answer still
open (an assess_first rule) is never hidden under a stronger status: the result names it, with
what resolving it would add."""

from __future__ import annotations

from app.rules.models import NOT_SURE, Capacity, Case, Duty, FiredRule, OpenAnswer, Pack, Result, Status

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
# An open fact, and what it becomes when resolved the way that reports the most: a patient who may be
# a child is one; a patient who may be an elder is one. Capacity uncertain resolves to lacking.
RESOLVED = {"may_be_child": ({"adult", "may_be_child"}, {"child"}), "elder_not_sure": ({"elder_not_sure"}, {"elder"})}


def facts(case: Case, pack: Pack) -> set[str]:
    """The facts rules are written against. A known age under the child age makes a child; a stated
    adult age does not overrule a patient who appears, or may appear, under 18."""
    known_child = case.age is not None and case.age < pack.adult_age
    if known_child or (case.age is None and case.appears_minor is True):
        found = {"child"}
    elif case.appears_minor is False:
        found = {"adult"}
    else:
        found = {"adult", "may_be_child"}
    if pack.elder_age is not None and case.age is not None:
        elder = case.age >= pack.elder_age.age
    else:
        elder = case.elder
    if "child" not in found and elder is True:
        found.add("elder")
    elif "child" not in found and elder == NOT_SURE:
        found.add("elder_not_sure")
    for flag in ("sexual_exploitation", "assault_or_abuse", "developmental_disability", "serious_injury_from_crime"):
        if getattr(case, flag):
            found.add(flag)
    return found


def fire(pack: Pack, known: set[str], capacity: Capacity) -> tuple[FiredRule, ...]:
    return tuple(
        FiredRule(
            id=rule.id, duty=rule.duty, when=frozenset(rule.when), capacity=rule.capacity, steps=tuple(rule.steps), adds=frozenset(rule.adds), precaution=rule.precaution,
            source=tuple(rule.source),
        )
        for rule in pack.rules
        if set(rule.when) <= known and not set(rule.unless) & known and (rule.capacity is None or rule.capacity == capacity)
    )  # fmt: skip


def strongest(fired: tuple[FiredRule, ...]) -> Status:
    return min((rule.duty.status for rule in fired), key=STRENGTH.index, default=Status.patient_decides)


def reporting(fired: tuple[FiredRule, ...]) -> tuple[FiredRule, ...]:
    return tuple(rule for rule in fired if rule.duty is not Duty.assess_first)


def agencies(rules: tuple[FiredRule, ...]) -> frozenset[str]:
    return frozenset().union(*(rule.adds for rule in rules))


def resolve(rule: FiredRule, pack: Pack, known: set[str], capacity: Capacity, report_to: frozenset[str]) -> OpenAnswer:
    """What the open answer behind an assess_first rule would add if it resolved the way that
    reports the most (each open answer on its own)."""
    resolved = set(known)
    for fact in rule.when:
        if fact in RESOLVED:
            drop, add = RESOLVED[fact]
            resolved = (resolved - drop) | add
    if rule.capacity is Capacity.uncertain:
        capacity = Capacity.lacking
    fired = reporting(fire(pack, resolved, capacity))
    return OpenAnswer(rule=rule, would_add=agencies(fired) - report_to, status=strongest(fired))


def evaluate(case: Case, pack: Pack) -> Result:
    known = facts(case, pack)
    fired = fire(pack, known, case.capacity)
    status = strongest(fired)
    reasons = reporting(fired)
    report_to = agencies(reasons)
    open_answers = tuple(
        resolve(rule, pack, known, case.capacity, report_to) for rule in fired if rule.duty is Duty.assess_first
    )
    at_status = [rule for rule in fired if rule.duty.status is status]
    steps = STATUS_STEPS[status]
    if status is Status.must_report and any(rule.duty is Duty.check_local_law for rule in reasons):
        steps += STATUS_STEPS[Status.check_local_law]  # some of it is reported, some is for local law to say
    return Result(
        status=status,
        report_to=report_to,
        steps=tuple(dict.fromkeys(steps + tuple(step for rule in reasons for step in rule.steps) + CROSS_CUTTING_STEPS)),
        reasons=reasons,
        open=open_answers,
        precaution=bool(at_status) and all(rule.precaution for rule in at_status),
        pack=pack.id,
    )
