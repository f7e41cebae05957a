"""Playing a practice case: the step on screen, the choice made there (its feedback shown until the
trainee goes on), and the path taken. No score: nothing about a case is counted or stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.content.models import Case, Choice, Step


@dataclass
class CasePlay:
    case_id: str
    step_id: str
    chosen: str | None = None  # the choice whose feedback is on screen
    taken: list[tuple[str, str]] = field(default_factory=list)  # (step, choice) so far
    finished: bool = False

    @classmethod
    def start(cls, case: Case) -> CasePlay:
        return cls(case_id=case.id, step_id=case.steps[0].id)

    def step(self, case: Case) -> Step:
        return next(step for step in case.steps if step.id == self.step_id)

    def choice(self, case: Case) -> Choice | None:
        return next((c for c in self.step(case).choices if c.id == self.chosen), None)

    def choose(self, case: Case, choice_id: str) -> None:
        if self.chosen is not None or self.finished:
            return  # one choice per step: the feedback is for the choice made
        if not any(choice.id == choice_id for choice in self.step(case).choices):
            raise ValueError(f"{choice_id!r} is not a choice of {self.step_id}")
        self.chosen = choice_id
        self.taken.append((self.step_id, choice_id))

    def proceed(self, case: Case) -> None:
        """On to the step the choice leads to, or to the end."""
        choice = self.choice(case)
        if choice is None:
            return
        self.chosen = None
        if choice.next == "end":
            self.finished = True
        else:
            self.step_id = choice.next
