"""Test order: everything that runs in milliseconds first, then the desktop window, the real app in
Chromium last. (The browser
tests also keep Playwright's event loop running in the main thread until the session ends, which
asyncio-based tests must not run after.)"""

from __future__ import annotations

from hypothesis import settings

# Property tests check answers, not speed: Hypothesis's default 200 ms deadline per example failed
# them on a busy machine (a case took 287 ms beside a CPU hog). Speed is measured in bench/.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


def pytest_collection_modifyitems(items):
    def stage(item) -> int:
        path = str(item.fspath)
        return 2 if "tests/browser/" in path else 1 if "tests/desktop/" in path else 0

    items.sort(key=stage)
