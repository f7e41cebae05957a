"""The capacity check: four abilities for this decision, now (seed 002: understanding,
comprehension, reasoning, communication). Pure logic; the screen only asks."""

from __future__ import annotations

from typing import Literal, Mapping

from app.rules.models import Capacity

ABILITIES = ("cap_understand", "cap_appreciate", "cap_reason", "cap_communicate")
Answer = Literal["yes", "no", "unsure"]


def assess(answers: Mapping[str, Answer | None]) -> Capacity | None:
    """None until every ability is answered. Any 'no' means the patient lacks capacity for this
    decision; all 'yes' means intact; otherwise it is uncertain and must be escalated."""
    given = [answers.get(ability) for ability in ABILITIES]
    if None in given:
        return None
    if "no" in given:
        return Capacity.lacking
    if all(answer == "yes" for answer in given):
        return Capacity.intact
    return Capacity.uncertain
