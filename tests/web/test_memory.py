"""Memory freed by evicted sessions goes back to the system (app/web/memory.py)."""

from __future__ import annotations

import os
import sys

import pytest

from app.web.memory import _malloc_trim, return_freed_memory
from tests.server.raw import rss_mb


@pytest.mark.skipif(not sys.platform.startswith("linux") or _malloc_trim is None, reason="glibc's malloc_trim: Linux only")
def test_pages_freed_between_live_objects_are_returned():
    """As a session's controls are: many small objects in glibc's heap, freed while others allocated
    after them (a later session's) still hold the top of the heap, so it cannot simply shrink."""
    held = [bytes(2000) for _ in range(30_000)]  # ~60 MB past CPython's small-object arenas
    kept_on_top = [bytes(2000) for _ in range(100)]
    return_freed_memory()
    before = rss_mb(os.getpid())
    del held
    freed = rss_mb(os.getpid())
    return_freed_memory()
    after = rss_mb(os.getpid())
    assert kept_on_top  # alive to the end
    assert freed - after > 40, f"RSS {before:.0f} MB, {freed:.0f} MB after the free, {after:.0f} MB after the trim"
