"""One language's content, validated, for the app. Shipped content is checked by the tests and
`python -m app.tools check`; if it is broken anyway, every problem is raised with its file and line
rather than an empty screen shown."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from app import paths
from app.content.models import Bundle
from app.content.validate import validate_tree
from app.datafiles.problems import DataError


@cache
def load_bundle(language: str, root: Path | None = None) -> Bundle:
    report = validate_tree(root or paths.CONTENT_DIR, languages=(language,))  # read here, so a test can point it elsewhere
    if report.problems:
        raise DataError(report.problems)
    return report.bundles[language]
