"""Jurisdiction packs from content/rules/*.yaml. A facility adds a pack by adding a file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pydantic
import yaml

from app import paths
from app.content.errors import ContentError
from app.content.loader import line_of, read_yaml
from app.content.validate import Problem, display, model_problems, yaml_problem
from app.rules.models import Pack


def check_packs(directory: Path = paths.RULES_DIR) -> tuple[dict[str, Pack], list[Problem]]:
    packs: dict[str, Pack] = {}
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            pack = Pack.model_validate(read_yaml(path))
        except yaml.YAMLError as error:
            problems.append(yaml_problem(path, error))
            continue
        except pydantic.ValidationError as error:
            problems += model_problems(path, error)
            continue
        if pack.id != path.stem:
            problems.append(Problem(display(path), line_of(path, ("id",)), f"pack id {pack.id!r} must match the file name"))
        packs[pack.id] = pack
    return packs, problems


@cache
def load_packs(directory: Path = paths.RULES_DIR) -> dict[str, Pack]:
    packs, problems = check_packs(directory)
    if problems:
        raise ContentError(problems)
    return packs
