"""Built-in entries (from the seeds) plus the facility's own file. A broken facility file is reported
with file and line, and the built-in entries are still used."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.datafiles.problems import DataError, Problem
from app.datafiles.yamlfile import read_model
from app.directory.models import DirectoryFile, Entry

BUILTIN = paths.CONTENT_DIR / "directory" / "builtin.yaml"


def local_path() -> Path:
    """The facility's file: CARE_REFERENCE_DIRECTORY, or local.yaml beside the built-in entries."""
    return Path(os.environ.get("CARE_REFERENCE_DIRECTORY") or paths.CONTENT_DIR / "directory" / "local.yaml")


@dataclass
class Directory:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    has_local: bool = False

    def by_category(self, category: str, jurisdiction: str | None = None) -> list[Entry]:
        """Entries of a category; given a jurisdiction, only those meant for it or for any."""
        return [
            entry
            for entry in self.entries
            if entry.category == category and (jurisdiction is None or entry.jurisdiction in (None, jurisdiction))
        ]


def read_directory(path: Path) -> tuple[list[Entry], list[Problem]]:
    try:
        return list(read_model(DirectoryFile, path).entries), []
    except DataError as error:
        return [], error.problems


def load_directory(builtin: Path = BUILTIN, local: Path | None = None) -> Directory:
    entries, problems = read_directory(builtin)
    directory = Directory(entries=entries, problems=problems)
    local = local or local_path()
    if local.exists():
        local_entries, local_problems = read_directory(local)
        directory.problems += local_problems
        directory.has_local = bool(local_entries)
        known = {entry.id for entry in directory.entries}
        directory.entries += [entry for entry in local_entries if entry.id not in known]
    return directory
