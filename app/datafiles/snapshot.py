"""Parsed data files kept as JSON, each under the SHA-256 of the bytes it came from.

Building Python objects from YAML is pure Python in PyYAML, even with libyaml, and was most of
the load time. `python -m app.tools cache` (run by `make`) writes the snapshot; the app only
reads it. A file whose bytes changed has no entry and is parsed again, so its errors are still
reported at their lines, and a stale snapshot can never be served. Light: no YAML here.

What a file's entry holds is exactly what parsing gives: dates are kept as dates (tagged), and a
file whose data would come back different is left out, so a model sees the same values either way.
A file that does not parse is left out too: the app reports it at its line, as for an edited file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any, Callable

from app import paths
from app.datafiles.problems import DataError, Problem
from app.datafiles.raw import decode, read_bytes

CACHE_DIR = paths.ROOT / "build" / "content-cache"
Parse = Callable[[str, Path], Any]  # (text, the file it came from) -> data; raises DataError
_DATE = "$date"  # {"$date": "2026-03-01"}: a date, as YAML gave it


def entry(raw: bytes, cache_dir: Path | None = None) -> Path:
    return (cache_dir or CACHE_DIR) / f"{hashlib.sha256(raw).hexdigest()}.json"


def _encode(value: Any) -> Any:
    if type(value) is dt.date:
        return {_DATE: value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not kept in the snapshot")


def _decode(obj: dict) -> Any:
    return dt.date.fromisoformat(obj[_DATE]) if obj.keys() == {_DATE} else obj


def dumps(data: Any) -> str | None:
    """The entry's text, or None if the data would not come back exactly as it is."""
    try:
        text = json.dumps(data, ensure_ascii=False, default=_encode)
    except (TypeError, ValueError):  # a datetime, a set, a float that is not finite...
        return None
    return text if json.loads(text, object_hook=_decode) == data else None


def load(path: Path, parse: Parse, cache_dir: Path | None = None) -> Any:
    """The file's data: from the snapshot when its bytes are unchanged, else parsed."""
    raw = read_bytes(path)
    cached = entry(raw, cache_dir)
    if cached.exists():
        try:
            return json.loads(cached.read_text(encoding="utf-8"), object_hook=_decode)
        except (OSError, ValueError):  # a damaged entry: the file itself is still there
            pass
    return parse(decode(raw, path), path)


def write(files: list[Path], parse: Parse, cache_dir: Path | None = None) -> tuple[int, list[Problem]]:
    """Snapshot these files afresh. Returns how many were written, and the problems of those that
    do not parse (left out: the app and `check` report them at their lines)."""
    cache_dir = cache_dir or CACHE_DIR
    texts, problems = {}, []
    for path in files:
        raw = read_bytes(path)
        try:
            text = dumps(parse(decode(raw, path), path))
        except DataError as error:
            problems.extend(error.problems)
            continue
        if text is not None:
            texts[entry(raw, cache_dir)] = text
    shutil.rmtree(cache_dir, ignore_errors=True)
    cache_dir.mkdir(parents=True)
    for target, text in texts.items():
        target.write_text(text, encoding="utf-8")
    return len(texts), problems
