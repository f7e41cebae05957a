"""Built-in entries (from the seeds) plus the facility's own file. A broken facility file is reported
with file and line, and the built-in entries are still used. Nothing is dropped without a word: a
file CARE_REFERENCE_DIRECTORY names that is not there, and a local entry whose id is already
taken (by a built-in entry or earlier in the file), are problems like any other."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.datafiles.problems import DataError, Problem, display
from app.datafiles.yamlfile import Lines, read_model
from app.directory.models import DirectoryFile, Entry

BUILTIN = paths.CONTENT_DIR / "directory" / "builtin.yaml"


ENV = "CARE_REFERENCE_DIRECTORY"


def local_path() -> Path:
    """The facility's file: CARE_REFERENCE_DIRECTORY, or local.yaml beside the built-in entries."""
    return Path(os.environ.get(ENV) or paths.CONTENT_DIR / "directory" / "local.yaml")


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
    """The built-in entries and the facility's. The facility's file may be absent only when no one
    named it: given here, or by CARE_REFERENCE_DIRECTORY, it must exist."""
    entries, problems = read_directory(builtin)
    directory = Directory(entries=entries, problems=problems)
    named = local is not None or bool(os.environ.get(ENV))
    local = local or local_path()
    if local.resolve() == builtin.resolve():
        return directory
    if not local.exists() and not local.is_symlink():
        if named:
            setting = "this file" if os.environ.get(ENV) != str(local) else f"this file ({ENV})"
            directory.problems.append(Problem(display(local), 1, f"missing file: the facility's services are to be "
                                              f"read from {setting}, which does not exist; none are shown"))  # fmt: skip
        return directory
    local_entries, local_problems = read_directory(local)
    directory.problems += local_problems
    taken = {entry.id: None for entry in directory.entries}  # id -> its line in the local file, if there
    lines = Lines()
    for index, entry in enumerate(local_entries):
        if entry.id not in taken:
            taken[entry.id] = lines(local, ("entries", index, "id"))
            directory.entries.append(entry)
            directory.has_local = True
            continue
        first = taken[entry.id]
        where = "by a built-in entry" if first is None else f"earlier in this file (line {first})"
        directory.problems.append(Problem(display(local), lines(local, ("entries", index, "id")),
                                          f"id {entry.id!r} is already used {where}: this entry is not shown; "
                                          "give it an id of its own"))  # fmt: skip
    return directory
