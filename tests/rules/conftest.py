"""Collect every reviewed scenario in tests/rules/cases/*.yaml as its own test."""

from __future__ import annotations

import pytest

from app.rules.scenarios import run


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and file_path.parent.name == "cases":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self):
        for outcome in run(self.path):
            yield ScenarioItem.from_parent(self, name=outcome.name, outcome=outcome)


class ScenarioItem(pytest.Item):
    def __init__(self, *, outcome, **kwargs):
        super().__init__(**kwargs)
        self.outcome = outcome

    def runtest(self):
        if not self.outcome.passed:
            raise AssertionError(self.outcome.message)

    def reportinfo(self):
        return self.path, self.outcome.line - 1, f"scenario: {self.name}"

    def repr_failure(self, excinfo):
        return f"{self.path}:{self.outcome.line}: {self.name}: {excinfo.value}"
