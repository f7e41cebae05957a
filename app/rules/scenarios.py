"""Scenario files a clinician can review: a case, and the result they expect from the engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pydantic
from pydantic import Field

from app.datafiles.problems import DataError, Problem, display
from app.datafiles.yamlfile import line_of, model_problems, read, validated
from app.rules.engine import evaluate
from app.rules.models import Agency, Case, PackId, Status, Strict
from app.rules.packs import load_packs


class Expect(Strict):
    status: Status
    report_to: list[Agency] = Field(default_factory=list)
    may_also_report_to: list[Agency] | None = Field(
        default=None,
        description="Agencies an open answer could add, beyond report_to. Checked exactly when given.",
    )


class Scenario(Strict):
    name: str = Field(min_length=1)
    case: dict = Field(description="Case fields; omitted booleans are false, capacity defaults to intact.")
    expect: Expect


class ScenarioFile(Strict):
    jurisdiction: PackId
    scenarios: list[Scenario] = Field(min_length=1)


@dataclass(frozen=True)
class Outcome:
    name: str
    line: int
    passed: bool
    message: str


def load(path: Path) -> tuple[ScenarioFile, list[Case]]:
    """Parse and validate a scenario file; every problem is raised together, with its line."""
    parsed = validated(ScenarioFile, read(path), path)
    problems, cases = [], []
    if parsed.jurisdiction not in load_packs():
        problems.append(Problem(display(path), line_of(path, ("jurisdiction",)), f"unknown jurisdiction {parsed.jurisdiction!r}: expected one of {sorted(load_packs())}"))
    for index, scenario in enumerate(parsed.scenarios):
        try:
            cases.append(Case.model_validate({**scenario.case, "jurisdiction": parsed.jurisdiction}))
        except pydantic.ValidationError as error:
            problems.extend(model_problems(path, error, ("scenarios", index, "case")))
    if problems:
        raise DataError(problems)
    return parsed, cases


def describe(part: Status | frozenset[str]) -> str:
    return part.value if isinstance(part, Status) else str(sorted(part))


def run(path: Path) -> list[Outcome]:
    parsed, cases = load(path)
    pack = load_packs()[parsed.jurisdiction]
    outcomes = []
    for index, (scenario, case) in enumerate(zip(parsed.scenarios, cases)):
        result = evaluate(case, pack)
        expect = scenario.expect
        expected = (expect.status, frozenset(expect.report_to))
        got = (result.status, result.report_to)
        if expect.may_also_report_to is not None:
            expected += (frozenset(expect.may_also_report_to),)
            got += (result.may_also_report_to,)
        message = "" if got == expected else (
            f"expected {' '.join(describe(part) for part in expected)}, got {' '.join(describe(part) for part in got)}"
            f" (rules fired: {', '.join(r.id for r in result.reasons + tuple(o.rule for o in result.open)) or 'none'})"
        )
        outcomes.append(Outcome(scenario.name, line_of(path, ("scenarios", index)), got == expected, message))
    return outcomes
