"""The memory sessions leave behind, handed back to the system once they are evicted.

A session's controls are freed when it is evicted, but the process keeps pages they took: glibc
keeps freed heap pages for the next allocation unless asked to trim them. Thirty sessions walked
and closed left the process 11.8 MB above its size with one session (bench/memory.py, 0.41 MB
each); trimmed, 10.5 MB (0.33-0.36 MB each, two runs). The rest is CPython's own: its 1 MiB arenas
go back only when empty, and 11 of 41 still held a live block, while the memory Python itself had
allocated was back to its one-session level (tracemalloc: 33.9 MB after, 34.2 MB before)."""

from __future__ import annotations

import ctypes
import gc
import sys


def _glibc_malloc_trim():
    """glibc's malloc_trim: trim(0) gives back every free page of every heap. macOS, Windows and
    musl have none, and nothing is trimmed there."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


_malloc_trim = _glibc_malloc_trim()


def return_freed_memory() -> None:
    """Collect what the evicted sessions left in reference cycles, then return the free pages. A
    full collection holds the event loop a moment: run only in a round that evicted someone."""
    gc.collect()
    if _malloc_trim is not None:
        _malloc_trim(0)
