"""The capacity check: seed 002's four elements of decision-making capacity, for this decision,
now: understanding, comprehension, reasoning, communication. Pure logic; the screen only asks.
No element the seed does not name is asked."""

from __future__ import annotations

from typing import Literal, Mapping

from app.rules.models import Capacity

ELEMENTS = ("cap_understanding", "cap_comprehension", "cap_reasoning", "cap_communication")
Answer = Literal["yes", "no", "not_sure"]


def assess(answers: Mapping[str, Answer | None]) -> Capacity | None:
    """None until every element is answered. Any 'no' means the patient lacks capacity for this
    decision; all 'yes' means intact; otherwise it is uncertain and must be escalated."""
    given = [answers.get(element) for element in ELEMENTS]
    if None in given:
        return None
    if "no" in given:
        return Capacity.lacking
    if all(answer == "yes" for answer in given):
        return Capacity.intact
    return Capacity.uncertain
