"""One language's content, validated, for the app. Shipped content is checked by the tests and
`python -m app.tools check`; if it is broken anyway, every problem is raised with its file and line
rather than an empty screen shown."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from app import paths
from app.content.models import Bundle
from app.content.validate import validate_tree
from app.datafiles.problems import DataError


_loading = threading.Lock()


@cache
def _loaded(language: str, root: Path | None) -> Bundle | DataError:
    report = validate_tree(root or paths.CONTENT_DIR, languages=(language,))  # read here, so a test can point it elsewhere
    return DataError(report.problems) if report.problems else report.bundles[language]


def load_bundle(language: str, root: Path | None = None) -> Bundle:
    """Loaded and validated once per process, a failure like a success: with three untranslated
    files every visit to an Arabic section validated them again, and stalled every user for 3 s."""
    with _loading:  # two sessions opening the same language at once validate it once
        loaded = _loaded(language, root)
    if isinstance(loaded, DataError):
        raise DataError(loaded.problems)  # a new exception each time: no traceback grows on the cached one
    return loaded


load_bundle.cache_clear = _loaded.cache_clear  # type: ignore[attr-defined]  # tests point content elsewhere
