"""Which engine, form and pack ids need wording in a language's reporting content, and the
wording of an id for one pack (an item `<id>__<pack>` words it for that pack only)."""

from __future__ import annotations

from app.content.models import Item, ReportingFile
from app.rules.answers import QUESTIONS
from app.rules.capacity import ELEMENTS
from app.rules.engine import CROSS_CUTTING_STEPS, STATUS_STEPS
from app.rules.models import Duty, Pack, Status

FORM_IDS = ("rpt_verify_local_law", *QUESTIONS, "cap_how", *ELEMENTS)


def required_ids(packs: dict[str, Pack]) -> set[str]:
    ids = {f"status_{status.value}" for status in Status} | set(FORM_IDS)
    ids |= {f"status_{status.value}_precaution" for status in (Status.must_report, Status.check_local_law)}
    ids |= set(CROSS_CUTTING_STEPS) | {step for steps in STATUS_STEPS.values() for step in steps}
    for pack in packs.values():
        ids.add(f"pack_{pack.id}")
        for rule in pack.rules:
            ids |= {f"rule_{rule.id}", *rule.steps, *(f"agency_{agency}" for agency in rule.adds)}
            if rule.duty is Duty.assess_first:
                ids.add(f"if_{rule.id}")  # the open answer resolved: "If the patient is under 18"
    return ids


def missing_wording(reporting: ReportingFile, packs: dict[str, Pack]) -> list[str]:
    worded = {item.id for item in reporting.items()}
    return sorted(required_ids(packs) - worded)


def worded(reporting: ReportingFile, item_id: str, pack: str) -> Item:
    """The item for this pack when it has its own wording, else the general one."""
    try:
        return reporting.item(f"{item_id}__{pack}")
    except StopIteration:
        return reporting.item(item_id)
