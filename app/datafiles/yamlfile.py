"""Data files for the app and the tools: read from the parsed snapshot when unchanged, else parsed
(app.datafiles.yamlparse: safe, strict and bounded), and validated, with every problem at its
line. PyYAML is imported only when a file is parsed or a problem's line is looked up."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import pydantic

from app.datafiles import snapshot
from app.datafiles.problems import DataError, Problem, display


def parse(text: str, path: Path) -> Any:
    """One document's data. Raises DataError (with file and line) for anything wrong."""
    from app.datafiles import yamlparse  # PyYAML only when a file is parsed (see yamlparse)

    return yamlparse.parse(text, path)


def read(path: Path) -> Any:
    """A data file's data: from the parsed snapshot (`make cache`) when its bytes are unchanged,
    else parsed, so a file edited since still has its errors reported at their lines."""
    return snapshot.load(path, parse)


class Locator:
    """Lines of nodes in one file, composed once (only when a problem is being reported)."""

    def __init__(self, path: Path) -> None:
        from app.datafiles import yamlparse

        self.root = yamlparse.compose(path)

    def line(self, loc: Iterable) -> int:
        """1-based line of the node at `loc` (keys and indices), or of its nearest existing parent."""
        node = self.root
        if node is None:
            return 1
        line = node.start_mark.line + 1
        for key in loc:
            if node.id == "mapping":
                match = next(((k, v) for k, v in node.value if k.id == "scalar" and k.value == key), None)
                if match is None:
                    break
                line, node = match[0].start_mark.line + 1, match[1]
            elif node.id == "sequence" and isinstance(key, int) and 0 <= key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                break
        return line


def line_of(path: Path, loc: Iterable) -> int:
    """One line of one file. Composes the file each time: for many, use `Lines`."""
    return Locator(path).line(loc)


class Lines:
    """Lines of nodes in many files, each file composed once. A check that looked up each
    problem's line with `line_of` composed the file again for every problem: 3,000 problems in
    a large file took minutes."""

    def __init__(self) -> None:
        self._locators: dict[Path, Locator] = {}

    def locator(self, path: Path) -> Locator:
        found = self._locators.get(path)
        if found is None:
            found = self._locators[path] = Locator(path)
        return found

    def __call__(self, path: Path, loc: Iterable) -> int:
        return self.locator(path).line(loc)


def plain(issue: dict) -> str:
    loc = ".".join(str(part) for part in issue["loc"]) or "file"
    return f"{loc}: {issue['msg'].removeprefix('Value error, ')}"


def model_problems(
    path: Path, error: pydantic.ValidationError, prefix: tuple = (), describe: Callable[[dict], str] = plain,
    lines: Lines | None = None,
) -> list[Problem]:
    """Every validation error of a model read from `path`, each at the line of the offending key.
    `prefix` locates a model validated from part of the file."""
    where, locator = display(path), (lines or Lines()).locator(path)
    problems = []
    for issue in error.errors(include_input=False):
        loc = (*prefix, *issue["loc"])
        problems.append(Problem(where, locator.line(loc), describe({**issue, "loc": loc})))
    return problems


Model = TypeVar("Model", bound=pydantic.BaseModel)


def validated(model: type[Model], data: Any, path: Path, prefix: tuple = ()) -> Model:
    """`data` (read from `path`) as `model`, or DataError with every problem at its line."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as error:
        raise DataError(model_problems(path, error, prefix)) from None


def read_model(model: type[Model], path: Path) -> Model:
    return validated(model, read(path), path)
