"""The "Must I report?" form as data: which questions apply, which are still unanswered, and the
engine's input once every one is answered. Nothing is preset: an unanswered question is None,
and no result is given while any applicable question is unanswered. Memory only."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.rules.capacity import assess
from app.i18n import N_
from app.rules.models import NOT_SURE, Capacity, Case, Pack

YES, NO = "yes", "no"
# Every question of the form, in the order it is asked. Ids are worded in content/<lang>/reporting.yaml.
QUESTIONS = (
    "q_rpt_age", "q_rpt_appears_minor", "q_rpt_sexual_exploitation", "q_rpt_assault_or_abuse", "q_rpt_serious_injury",
    "q_rpt_capacity", "q_rpt_developmental_disability", "q_rpt_elder",
)  # fmt: skip
# The answers each question takes (the age is typed, or marked unknown).
CHOICES = {
    "q_rpt_appears_minor": (YES, NO, NOT_SURE),
    "q_rpt_sexual_exploitation": (YES, NO),
    "q_rpt_assault_or_abuse": (YES, NO),
    "q_rpt_serious_injury": (YES, NO),
    "q_rpt_capacity": tuple(capacity.value for capacity in Capacity),
    "q_rpt_developmental_disability": (YES, NO),
    "q_rpt_elder": (YES, NO, NOT_SURE),
}
# The words for each answer (marked for extraction; the screens translate them where shown).
ANSWER_LABELS = {
    YES: N_("Yes"), NO: N_("No"), NOT_SURE: N_("Not sure"),
    Capacity.intact.value: N_("Yes"), Capacity.lacking.value: N_("No"), Capacity.uncertain.value: N_("Not sure"),
}  # fmt: skip
MAX_AGE = 130


@dataclass
class Answers:
    age: str = ""  # as typed; whole years
    age_unknown: bool = False
    chosen: dict[str, str] = field(default_factory=dict)  # question id -> one of CHOICES[id]
    capacity_check: dict[str, str] = field(default_factory=dict)  # element id -> yes / no / not_sure
    showing: str = "form"  # form | capacity | result

    def age_value(self) -> int | None:
        text = self.age.strip()
        return int(text) if text.isdigit() and int(text) <= MAX_AGE else None

    def is_child(self, pack: Pack) -> bool | str | None:
        """True, False or "not_sure" once it can be told, None before. A known age under 18 makes a
        child; a stated adult age does not overrule a patient who appears, or may appear, under 18."""
        age, appears = self.age_value(), self.chosen.get("q_rpt_appears_minor")
        if not self.age_unknown and age is not None and age < pack.adult_age:
            return True
        if appears is None or (not self.age_unknown and age is None):
            return None
        if appears == NO:
            return False
        return True if self.age_unknown and appears == YES else NOT_SURE

    def applicable(self, pack: Pack) -> tuple[str, ...]:
        """The questions that matter for this patient. How old the patient looks is asked always. A
        child is reported whatever their capacity or disability, so those are asked only of a patient
        who is, or may be, an adult; the elder question only of an adult, and only when the pack cannot
        tell from the age."""
        child = self.is_child(pack)
        asked = []
        for question in QUESTIONS:
            if question in ("q_rpt_capacity", "q_rpt_developmental_disability", "q_rpt_elder") and child is True:
                continue
            if question == "q_rpt_elder" and (child == NOT_SURE or (pack.elder_age is not None and not self.age_unknown)):
                continue
            asked.append(question)
        return tuple(asked)

    def unanswered(self, pack: Pack) -> tuple[str, ...]:
        missing = []
        for question in self.applicable(pack):
            if question == "q_rpt_age":
                if not self.age_unknown and self.age_value() is None:
                    missing.append(question)
            elif self.chosen.get(question) not in CHOICES[question]:
                missing.append(question)
        return tuple(missing)

    def choose(self, question: str, answer: str | None) -> None:
        """Record an answer, or take it back (None: the question is unanswered again)."""
        if answer is None:
            self.chosen.pop(question, None)
        elif answer not in CHOICES[question]:
            raise ValueError(f"{answer!r} is not an answer to {question}")
        else:
            self.chosen[question] = answer

    def use_capacity_check(self) -> bool:
        """Take the capacity check's outcome as the answer to the capacity question, once complete."""
        outcome = assess(self.capacity_check)
        if outcome is not None:
            self.chosen["q_rpt_capacity"] = outcome.value
        return outcome is not None

    def case(self, pack: Pack) -> Case | None:
        """The engine's input, or None while any applicable question is unanswered."""
        if self.unanswered(pack):
            return None
        asked, chosen = self.applicable(pack), self.chosen
        elder = chosen.get("q_rpt_elder") if "q_rpt_elder" in asked else NO
        return Case(
            age=None if self.age_unknown else self.age_value(),
            appears_minor={YES: True, NO: False, NOT_SURE: NOT_SURE}[chosen["q_rpt_appears_minor"]],
            sexual_exploitation=chosen["q_rpt_sexual_exploitation"] == YES,
            assault_or_abuse=chosen["q_rpt_assault_or_abuse"] == YES,
            serious_injury_from_crime=chosen["q_rpt_serious_injury"] == YES,
            capacity=Capacity(chosen["q_rpt_capacity"]) if "q_rpt_capacity" in asked else Capacity.intact,
            developmental_disability="q_rpt_developmental_disability" in asked
            and chosen["q_rpt_developmental_disability"] == YES,
            elder=NOT_SURE if elder == NOT_SURE else elder == YES,
            jurisdiction=pack.id,
        )

    def entered(self, pack: Pack) -> list[tuple[str, str]]:
        """What was entered, question by question, for the result's "What you entered" (on screen only)."""
        shown = []
        for question in self.applicable(pack):
            if question == "q_rpt_age":
                shown.append((question, "unknown" if self.age_unknown else str(self.age_value())))
            else:
                shown.append((question, self.chosen[question]))
        return shown
