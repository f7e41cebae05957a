"""Built-in entries (from the seeds) plus the facility's own file. A broken facility file is reported
with file and line, and the built-in entries are still used."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
import yaml

from app import paths
from app.content.loader import read_yaml
from app.content.validate import Problem, model_problems, yaml_problem
from app.directory.models import DirectoryFile, Entry

BUILTIN = paths.CONTENT_DIR / "directory" / "builtin.yaml"
LOCAL = Path(os.environ.get("CARE_REFERENCE_DIRECTORY") or paths.CONTENT_DIR / "directory" / "local.yaml")


@dataclass
class Directory:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    has_local: bool = False

    def by_category(self, category: str) -> list[Entry]:
        return [entry for entry in self.entries if entry.category == category]


def read_directory(path: Path) -> tuple[list[Entry], list[Problem]]:
    try:
        return list(DirectoryFile.model_validate(read_yaml(path)).entries), []
    except yaml.YAMLError as error:
        return [], [yaml_problem(path, error)]
    except pydantic.ValidationError as error:
        return [], model_problems(path, error)


def load_directory(builtin: Path = BUILTIN, local: Path = LOCAL) -> Directory:
    entries, problems = read_directory(builtin)
    directory = Directory(entries=entries, problems=problems)
    if local.exists():
        local_entries, local_problems = read_directory(local)
        directory.problems += local_problems
        directory.has_local = bool(local_entries)
        known = {entry.id for entry in directory.entries}
        directory.entries += [entry for entry in local_entries if entry.id not in known]
    return directory
