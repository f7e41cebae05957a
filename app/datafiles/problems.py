"""A problem in a data file, with where it is; and the one error a bad data file raises.

Light on purpose (no YAML, no pydantic): the shell catches `DataError` before any content is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import paths


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataError(Exception):
    """A data file could not be used; carries every problem found, each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def display(path: Path) -> str:
    """A path as people read it in a report, and on screen: relative to the project when it is
    inside it, else relative to the content root when it is inside that (a facility's content
    kept outside the project), so no absolute path of the server reaches a user's screen."""
    try:
        resolved = Path(path).resolve()
    except (OSError, RuntimeError):
        return str(path)
    for base in (paths.ROOT, paths.CONTENT_DIR):
        try:
            return str(resolved.relative_to(Path(base).resolve()))
        except (ValueError, OSError, RuntimeError):
            continue
    return str(path)


def problem(path: Path, line: int, message: str) -> DataError:
    return DataError([Problem(display(path), line, message)])
