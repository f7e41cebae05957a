"""What goes into the reporting engine and what comes out. Outputs are ids; wording lives in content."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.content.models import Source

Agency = Literal["child_protection", "adult_protection", "law_enforcement"]
Fact = Literal["child", "adult", "elder", "sexual_exploitation", "developmental_disability", "serious_injury_from_crime"]
PackId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class Capacity(str, Enum):
    intact = "intact"
    lacking = "lacking"
    uncertain = "uncertain"


class Status(str, Enum):
    must_report = "must_report"
    assess_first = "assess_first"
    patient_decides = "patient_decides"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Case(Strict):
    """One suspected case, as the clinician answers the wizard. Held in memory only."""

    age: int | None = Field(default=None, ge=0, le=130, description="Age in years, or null when unknown.")
    appears_minor: bool = Field(default=False, description="Age unknown and the patient appears under 18.")
    elder_by_local_law: bool = Field(
        default=False, description="Used only when the pack sets no elder age: the patient is an elder as local law defines it."
    )
    sexual_exploitation: bool = False
    capacity: Capacity = Capacity.intact
    developmental_disability: bool = False
    serious_injury_from_crime: bool = False
    jurisdiction: PackId = "generic"


class Rule(Strict):
    """A trigger: when every listed fact holds (and capacity matches, if given), add the agencies."""

    id: PackId
    when: list[Fact] = Field(default_factory=list, description="Facts that must all hold.")
    capacity: Capacity | None = Field(default=None, description="Capacity the case must have, if any.")
    adds: list[Agency] = Field(min_length=1)
    source: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_a_condition(self) -> Rule:
        if not self.when and self.capacity is None:
            raise ValueError("a rule needs at least one condition")
        return self


class Pack(Strict):
    """A jurisdiction's reporting rules. Language-neutral: names and notes are worded in content by id."""

    schema_version: Literal[1]
    id: PackId
    version: str
    valid_from: dt.date = Field(description="Date of the newest source the rules rest on.")
    reviewed: dt.date = Field(description="When a person last checked these rules against their sources.")
    elder_age: int | None = Field(
        default=None,
        ge=50,
        le=100,
        description="Age from which local law treats a person as an elder. The seeds give none: set it from local law.",
    )
    child_age: Literal[18] = Field(default=18, description="Under this age a patient is a child (seeds 002, 004).")
    rules: list[Rule] = Field(min_length=1)
    source: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Pack:
        if self.reviewed < self.valid_from:
            raise ValueError("reviewed must not be before valid_from")
        if len({rule.id for rule in self.rules}) != len(self.rules):
            raise ValueError("rule ids must be unique within a pack")
        return self


class FiredRule(Strict):
    id: str
    adds: frozenset[str]
    source: tuple[Source, ...]


class Result(Strict):
    status: Status
    report_to: frozenset[str]
    steps: tuple[str, ...]
    reasons: tuple[FiredRule, ...]
    pack: str
