"""Which engine and pack ids still lack wording in a language's reporting content."""

from __future__ import annotations

from app.content.models import ReportingFile
from app.rules.engine import CROSS_CUTTING_STEPS, STATUS_STEPS
from app.rules.models import Pack, Status


def required_ids(packs: dict[str, Pack]) -> set[str]:
    ids = {f"status_{status.value}" for status in Status}
    ids |= set(CROSS_CUTTING_STEPS) | {step for steps in STATUS_STEPS.values() for step in steps}
    for pack in packs.values():
        ids.add(f"pack_{pack.id}")
        ids |= {f"rule_{rule.id}" for rule in pack.rules}
        ids |= {f"agency_{agency}" for rule in pack.rules for agency in rule.adds}
    return ids


def missing_wording(reporting: ReportingFile, packs: dict[str, Pack]) -> list[str]:
    worded = {item.id for item in reporting.items()}
    return sorted(required_ids(packs) - worded)
