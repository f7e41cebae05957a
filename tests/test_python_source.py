"""The source-parsing helper retries CPython's AST race and nothing else."""

from __future__ import annotations

import ast

import pytest

from tests import python_source


def flaky(failures: list[Exception]):
    real = ast.parse

    def parse(source):
        if failures:
            raise failures.pop(0)
        return real(source)

    return parse


def test_the_race_is_retried_and_reported(monkeypatch):
    monkeypatch.setattr(ast, "parse", flaky([SystemError("AST constructor recursion depth mismatch (before=141, after=37)")]))
    with pytest.warns(python_source.ParseRetried):
        assert isinstance(python_source.parse("x = 1"), ast.Module)


def test_three_races_in_a_row_fail(monkeypatch):
    race = "AST constructor recursion depth mismatch (before=1, after=2)"
    monkeypatch.setattr(ast, "parse", flaky([SystemError(race), SystemError(race), SystemError(race)]))
    with pytest.warns(python_source.ParseRetried), pytest.raises(SystemError, match="recursion depth mismatch"):
        python_source.parse("x = 1")


@pytest.mark.parametrize("error", [SystemError("something else"), SyntaxError("invalid syntax")])
def test_any_other_error_is_raised_at_once(monkeypatch, error):
    monkeypatch.setattr(ast, "parse", flaky([error]))
    with pytest.raises(type(error)):
        python_source.parse("x = 1")
