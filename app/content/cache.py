"""Parsed content files kept as JSON, each under the SHA-256 of the YAML it came from.

Building Python objects from YAML is pure Python in PyYAML, even with libyaml, and was most of
the load time. `python -m app.content cache` (run by `make`) writes the snapshot; the app only
reads it. A file whose bytes changed has no entry and is parsed from YAML again, so its errors
are still reported at their lines, and a stale snapshot can never be served."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any, Callable

from app import paths

CACHE_DIR = paths.ROOT / "build" / "content-cache"


def entry(raw: bytes, cache_dir: Path | None = None) -> Path:
    return (cache_dir or CACHE_DIR) / f"{hashlib.sha256(raw).hexdigest()}.json"


def load(path: Path, parse: Callable[[str], Any], cache_dir: Path | None = None) -> Any:
    """The file's data: from the snapshot when its bytes are unchanged, else parsed."""
    raw = path.read_bytes()
    cached = entry(raw, cache_dir)
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    return parse(raw.decode("utf-8"))


def write(files: list[Path], parse: Callable[[str], Any], cache_dir: Path | None = None) -> int:
    """Snapshot these files afresh; returns how many were written."""
    cache_dir = cache_dir or CACHE_DIR
    shutil.rmtree(cache_dir, ignore_errors=True)
    cache_dir.mkdir(parents=True)
    for path in files:
        raw = path.read_bytes()
        entry(raw, cache_dir).write_text(json.dumps(parse(raw.decode("utf-8")), ensure_ascii=False), encoding="utf-8")
    return len(files)
