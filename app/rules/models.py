"""What goes into the reporting engine and what comes out. Outputs are ids; wording lives in content."""

from __future__ import annotations

from dataclasses import dataclass

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

from app.content.models import Source
from app.datafiles.text import Title, text

Agency = Literal["child_protection", "adult_protection", "law_enforcement"]
# "may_be_child": the age is not known and the patient may look under 18, or a stated adult age the
# patient may not look. The rules for adults apply to such a patient ("adult" holds too), and whether
# the patient is a child stays an open answer the result names.
Fact = Literal[
    "child", "adult", "may_be_child", "elder", "elder_not_sure", "sexual_exploitation", "assault_or_abuse",
    "developmental_disability", "serious_injury_from_crime",
]  # fmt: skip
PackId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
NOT_SURE = "not_sure"


class Capacity(str, Enum):
    intact = "intact"
    lacking = "lacking"
    uncertain = "uncertain"


class Status(str, Enum):
    """From the strongest down: the first that any fired rule (or nothing) gives is the result."""

    must_report = "must_report"
    check_local_law = "check_local_law"
    assess_first = "assess_first"
    patient_decides = "patient_decides"


class Duty(str, Enum):
    """What a rule that fires means in its pack."""

    required = "required"  # the sources say this must be reported where the pack applies
    check_local_law = "check_local_law"  # reported in the US and Canada; elsewhere national law decides
    assess_first = "assess_first"  # not yet clear: assess and consult before anyone is called

    @property
    def status(self) -> Status:
        return {"required": Status.must_report, "check_local_law": Status.check_local_law}.get(
            self.value, Status.assess_first
        )


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LawCitation(Strict):
    """A facility's own legal source, for a pack it adds (the shipped packs cite the seeds)."""

    law: Title = Field(description="The law or regulation, as it is cited locally.")
    section: text(200) | None = Field(default=None, description="Article or section.")


Citation = Source | LawCitation


class Case(Strict):
    """One suspected case, as the clinician answers the form. Held in memory only."""

    age: int | None = Field(default=None, ge=0, le=130, description="Age in years, or null when unknown.")
    appears_minor: bool | Literal["not_sure"] = Field(
        default=False,
        description="Whether the patient appears to be under 18 (true, false or not_sure), asked whatever age is "
        "given: a stated adult age does not overrule a patient who looks, or may look, under 18.",
    )
    elder: bool | Literal["not_sure"] = Field(
        default=False,
        description="Whether the patient is an elder as local law defines it (true, false or not_sure). "
        "Ignored when the pack sets elder_age and the age is known.",
    )
    sexual_exploitation: bool = Field(default=False, description="Any sexual exploitation or commercial sex.")
    assault_or_abuse: bool = Field(default=False, description="Any assault or abuse, physical or sexual.")
    capacity: Capacity = Capacity.intact
    developmental_disability: bool = False
    serious_injury_from_crime: bool = False
    jurisdiction: PackId = "generic"


class Rule(Strict):
    """A trigger: when every listed fact holds, none of `unless` does (and capacity matches, if given), the rule fires
    with its duty and adds its agencies."""

    id: PackId
    when: list[Fact] = Field(default_factory=list, description="Facts that must all hold.")
    unless: list[Fact] = Field(default_factory=list, description="Facts none of which may hold.")
    capacity: Capacity | None = Field(default=None, description="Capacity the case must have, if any.")
    duty: Duty = Field(description="required, check_local_law or assess_first.")
    adds: list[Agency] = Field(default_factory=list, description="Agencies to contact when it fires.")
    steps: list[PackId] = Field(default_factory=list, description="Steps this rule adds (ids worded in content).")
    precaution: bool = Field(
        default=False,
        description="True when the rule goes beyond what its sources say, as the app's own precaution; "
        "the wording says so.",
    )
    source: list[Citation] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if not self.when and self.capacity is None:
            raise ValueError("a rule needs at least one condition")
        # "check local law" may name no agency: whether anyone is called is then the local law's to say.
        if self.duty is Duty.required and not self.adds:
            raise ValueError("a required rule adds at least one agency")
        if self.duty is Duty.assess_first and self.adds:
            raise ValueError("an assess_first rule adds no agency")
        return self


class AgeSetting(Strict):
    """An age threshold a facility sets from its local law, with where that law says it."""

    age: int = Field(ge=10, le=100)
    source: list[Citation] = Field(min_length=1)


class Pack(Strict):
    """A jurisdiction's reporting rules. Language-neutral: names and notes are worded in content by id."""

    schema_version: Literal[2]
    id: PackId
    offered: int = Field(
        default=50, ge=0, le=1000,
        description="Where the pack is offered among the others, lowest first; packs of the same number by id. "
        "The shipped ones: us 10, ca 20, and generic (another country) 1000, always last.",
    )  # fmt: skip
    version: text(20)
    valid_from: dt.date = Field(description="Date of the newest source the rules rest on.")
    reviewed: dt.date = Field(description="When a person last checked these rules against their sources.")
    child_age: AgeSetting | None = Field(
        default=None, description="Under this age a patient is a child. Unset: 18, as seeds 002 and 004 say."
    )
    elder_age: AgeSetting | None = Field(
        default=None,
        description="Age from which local law treats a person as an elder. The seeds give none: unset, the "
        "form asks whether the patient is an elder as local law defines it.",
    )
    rules: list[Rule] = Field(min_length=1)
    source: list[Citation] = Field(min_length=1)

    @property
    def adult_age(self) -> int:
        return self.child_age.age if self.child_age else 18

    # Field validators, so that a problem is reported at the line of the field it concerns.
    @field_validator("reviewed")
    @classmethod
    def _reviewed_in_order(cls, reviewed: dt.date, info: ValidationInfo) -> dt.date:
        valid_from = info.data.get("valid_from")
        if valid_from is not None and reviewed < valid_from:
            raise ValueError("reviewed must not be before valid_from")
        if reviewed > dt.date.today():
            raise ValueError(f"reviewed date {reviewed} is in the future")
        return reviewed

    @field_validator("rules")
    @classmethod
    def _unique_rule_ids(cls, rules: list[Rule]) -> list[Rule]:
        if len({rule.id for rule in rules}) != len(rules):
            raise ValueError("rule ids must be unique within a pack")
        return rules

    @field_validator("rules")
    @classmethod
    def _open_answers_never_pass_silently(cls, rules: list[Rule]) -> list[Rule]:
        """An answer the form lets be "not sure" must fire an assess_first rule, or a pack could turn
        a patient who may be a child into "the patient decides"."""
        asked = {(rule.when[0] if rule.when else None, rule.capacity) for rule in rules if rule.duty is Duty.assess_first}
        needed = {("may_be_child", None): "may_be_child", ("elder_not_sure", None): "elder_not_sure",
                  ("adult", Capacity.uncertain): "adult with capacity: uncertain"}  # fmt: skip
        missing = [name for key, name in needed.items() if key not in asked]
        if missing:
            raise ValueError(f"no assess_first rule for an open answer: {', '.join(missing)}")
        return rules


@dataclass(frozen=True)
class FiredRule:
    """A rule that fired for a case (the engine's output: built from validated packs, so not
    validated again; it is worked out on every tap)."""

    id: str
    duty: Duty
    when: frozenset[str]
    capacity: Capacity | None
    steps: tuple[str, ...]
    adds: frozenset[str]
    precaution: bool
    source: tuple[Citation, ...]


@dataclass(frozen=True)
class OpenAnswer:
    """An answer still open (an assess_first rule that fired), with what resolving it the way that
    reports the most would add: agencies not already in the result, and that outcome's status."""

    rule: FiredRule
    would_add: frozenset[str]
    status: Status


@dataclass(frozen=True)
class Result:
    status: Status
    report_to: frozenset[str]
    steps: tuple[str, ...]
    reasons: tuple[FiredRule, ...]  # the rules that report someone (or leave it to local law)
    open: tuple[OpenAnswer, ...]  # never hidden, whatever the status
    precaution: bool  # the status rests on the aid's own precautions alone
    pack: str

    @property
    def may_also_report_to(self) -> frozenset[str]:
        return frozenset().union(*(answer.would_add for answer in self.open))
