"""Parsed data files kept as JSON, each under the SHA-256 of the bytes it came from.

Building Python objects from YAML is pure Python in PyYAML, even with libyaml, and was most of
the load time. `python -m app.tools cache` (run by `make`) writes the snapshot; the app only
reads it. A file whose bytes changed has no entry and is parsed again, so its errors are still
reported at their lines, and a stale snapshot can never be served. Light: no YAML here."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any, Callable

from app import paths
from app.datafiles.raw import decode, read_bytes

CACHE_DIR = paths.ROOT / "build" / "content-cache"
Parse = Callable[[str, Path], Any]  # (text, the file it came from) -> data; raises DataError


def entry(raw: bytes, cache_dir: Path | None = None) -> Path:
    return (cache_dir or CACHE_DIR) / f"{hashlib.sha256(raw).hexdigest()}.json"


def load(path: Path, parse: Parse, cache_dir: Path | None = None) -> Any:
    """The file's data: from the snapshot when its bytes are unchanged, else parsed."""
    raw = read_bytes(path)
    cached = entry(raw, cache_dir)
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    return parse(decode(raw, path), path)


def write(files: list[Path], parse: Parse, cache_dir: Path | None = None) -> int:
    """Snapshot these files afresh; returns how many were written. Raises DataError for a file
    that does not parse (nothing is snapshotted until it does; `check` says where)."""
    cache_dir = cache_dir or CACHE_DIR
    parsed = {}
    for path in files:
        raw = read_bytes(path)
        parsed[entry(raw, cache_dir)] = parse(decode(raw, path), path)
    shutil.rmtree(cache_dir, ignore_errors=True)
    cache_dir.mkdir(parents=True)
    for target, data in parsed.items():
        target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return len(parsed)
