"""The app's Python source, parsed for the tests that read it (architecture, internals).

CPython 3.11 keeps one AST recursion counter per interpreter, not per thread: an `ast.parse` in
another thread of the same worker at the same moment (3.11's tracebacks parse their source line
to place the carets) makes this one fail with "SystemError: AST constructor recursion depth
mismatch" (python/cpython#106905; seen once in a full run, before=141 after=37, the other
thread's depth). That error alone is retried, at most twice, and each retry is reported as a
warning in the run's summary; any other error is raised."""

from __future__ import annotations

import ast
import warnings

RACE = "AST constructor recursion depth mismatch"


class ParseRetried(UserWarning):
    """ast.parse was tried again after CPython's AST race (never for anything else)."""


def parse(source: str) -> ast.Module:
    for attempt in range(3):
        try:
            return ast.parse(source)
        except SystemError as error:
            if RACE not in str(error) or attempt == 2:
                raise
            warnings.warn(ParseRetried(f"ast.parse tried again after CPython's AST race: {error}"), stacklevel=2)
    raise AssertionError("unreachable")
