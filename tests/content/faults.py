"""The content fault fixtures: each overrides files of `fixtures/base/` and marks its faulty line
"# expect", so the expected line is read from the fixture itself. Shared by the validator's and the
command line's tests.

A fixture that is no text file is reported at line 1: `dev_zero` is a link to /dev/zero (copied
as a link, never followed), and the two in `MADE` are made when a test needs them, as git cannot
store a named pipe and a file over the size limit has no place in the repository."""

from __future__ import annotations

import os
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

from app.datafiles.raw import MAX_BYTES

FIXTURES = Path(__file__).parent / "fixtures"

# fault fixture -> what the message must say. Each fixture overrides files of `base/`; its faulty
# line is marked "# expect", so the expected line number is read from the fixture itself.
FAULTS = {
    "malformed_yaml": "malformed YAML",
    "wrong_language": "wrong language tag",
    "unknown_id": "unknown id 'ind_not_in_english'",
    "duplicate_id": "duplicate id 'ind_underage'",
    "missing_item": "missing translation: 'ind_underage'",
    "empty_text": "empty text at groups.0.items.0.title",
    "no_arabic_script": "has no ar script",
    "missing_source": "missing source at groups.0.items.0.source",
    "question_pair_incomplete": "'instead_of' and 'why' go together",
    "maps_to_unknown": "maps_to 'tic_not_here': no item with that id",
    "differing_fact": "'tic_002_provide_comfort' differs from en in maps_to",
    "missing_translated_field": "'tic_ensure_safety' differs from en in detail",
    "differing_answer": "'quiz_t2_rare' differs from en in answer",
    # Bad bytes and silently accepted input (issue 13): each now a problem at its own line.
    "latin1_bytes": "not UTF-8 text: byte 0xf3",
    "duplicate_key": "duplicate key 'title' (first given on line 14)",
    "bidi_override": "U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed",
    "control_character": "character U+0007 is not allowed",
    "impossible_date": "impossible date '2026-02-30'",
    "alias_bomb": "aliases expand this to more than 250,000 values",
    # Values that escaped as tracebacks with no file or line (issues 31 and 33).
    "huge_integer": "number too large: 99999999999999999999… (5,000 characters) (at most 15 digits)",
    "typed_int": "'abc' is not a whole number (tagged !!int)",
    "typed_float": "'abc' is not a number (tagged !!float)",
    "typed_bool": "'maybe' is not true or false (tagged !!bool)",
    "typed_timestamp": "'hello' is not a date (YYYY-MM-DD) (tagged !!timestamp)",
    # Files that are not files (issue 31): read forever, or blocked the reader.
    "dev_zero": "is a device (such as /dev/zero), not a regular file",
    "named_pipe": "is a named pipe, not a regular file",
    "too_large": f"too large to be a data file ({MAX_BYTES + 1:,} bytes; at most {MAX_BYTES:,})",
}

SPECIAL_FILE = "es/indicators.yaml"  # where the fixtures that are no text file stand


def _sparse_file_over_the_limit(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # takes no disk space


MADE = {"named_pipe": os.mkfifo, "too_large": _sparse_file_over_the_limit}


def tree_with(fault: str | None, tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", root)
    if fault:
        override(root, fault)
    return root


def override(root: Path, fault: str) -> None:
    """Lay a fault's files over a copy of `base/`: links as links (a copy of /dev/zero never ends)."""
    if fault in MADE:
        (root / SPECIAL_FILE).unlink()
        MADE[fault](root / SPECIAL_FILE)
        return
    for source in (FIXTURES / fault).rglob("*"):
        target = root / source.relative_to(FIXTURES / fault)
        if source.is_dir() and not source.is_symlink():
            target.mkdir(exist_ok=True)
            continue
        target.unlink(missing_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)


def expected_location(fault: str) -> tuple[str, int]:
    if fault in MADE:
        return SPECIAL_FILE, 1
    (path,) = [p for p in (FIXTURES / fault).rglob("*.yaml")]
    if path.is_symlink():
        return path.relative_to(FIXTURES / fault).as_posix(), 1
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    (line,) = [n for n, text in enumerate(lines, start=1) if "# expect" in text]
    return path.relative_to(FIXTURES / fault).as_posix(), line


@contextmanager
def deadline(seconds: float = 30):
    """Fail, rather than hang the run, if reading a fixture blocks (as a named pipe did)."""

    def expired(_signum, _frame):
        raise TimeoutError(f"still reading after {seconds} s: a read blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def tree_with_missing_translations(count: int, tmp_path: Path) -> Path:
    """The base tree with `count` more indicators in English and Arabic and none of them in
    Spanish: `count` problems "missing translation", each naming the English line."""
    root = tree_with(None, tmp_path)
    for language, title in (("en", "Extra indicator {n}"), ("ar", "مؤشر إضافي {n}")):
        path = root / language / "indicators.yaml"
        extra = "".join(
            f"      - id: ind_extra_{n}\n        title: {title.format(n=n)}\n"
            f'        source: [{{seed: "002", section: "The Moment Everything Changes"}}]\n'
            for n in range(count)
        )
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root
