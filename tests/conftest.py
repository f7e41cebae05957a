"""Test order: everything that runs in milliseconds first, the real app in Chromium last. (The browser
tests also keep Playwright's event loop running in the main thread until the session ends, which
asyncio-based tests must not run after.)"""

from __future__ import annotations


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath))
