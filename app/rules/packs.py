"""Jurisdiction packs from content/rules/*.yaml. A facility adds a pack by adding a file.

The one source of which jurisdictions the app offers, and in what order (`offered`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from app import paths
from app.datafiles.problems import DataError, Problem, display
from app.datafiles.yamlfile import line_of, read_model
from app.rules.models import Pack


def check_packs(directory: Path = paths.RULES_DIR) -> tuple[dict[str, Pack], list[Problem]]:
    packs: dict[str, Pack] = {}
    problems: list[Problem] = []
    for path in paths.pack_files(directory):
        try:
            pack = read_model(Pack, path)
        except DataError as error:
            problems += error.problems
            continue
        if pack.id != path.stem:
            problems.append(Problem(display(path), line_of(path, ("id",)), f"pack id {pack.id!r} must match the file name"))
            continue
        packs[pack.id] = pack
    return packs, problems


@cache
def _read(directory: Path) -> tuple[dict[str, Pack], tuple[Problem, ...]]:
    packs, problems = check_packs(directory)
    return packs, tuple(problems)


def load_packs(directory: Path = paths.RULES_DIR) -> dict[str, Pack]:
    """The valid packs. A broken one (a facility's, edited by hand) is left out and reported by
    `pack_problems`: it must not take the others down with it."""
    return _read(directory)[0]


def pack_problems(directory: Path = paths.RULES_DIR) -> tuple[Problem, ...]:
    return _read(directory)[1]


def offered(directory: Path = paths.RULES_DIR) -> list[str]:
    """The valid packs' ids, in the order they are offered: by each pack's `offered`, then by id."""
    return [pack.id for pack in sorted(load_packs(directory).values(), key=lambda pack: (pack.offered, pack.id))]
