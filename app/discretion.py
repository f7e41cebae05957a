"""Discretion: the rules for leaving quickly and for a device left alone, beside the visit they
protect (app.visit). Pure: no Flet, the clock always passed in, tested in milliseconds
(tests/test_discretion_rules.py). The shell hears the keys and the clock and does what these say.

What is forgotten, on quick exit and on the idle reset alike: the whole visit, replaced at once by
a fresh one (so a field added to it is forgotten without anyone remembering to reset it), and any
message or dialog open over the screen. Settings are not patient data and stay.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum

# Quick exit by keyboard, as GOV.UK's "Exit this page" does it: Shift pressed and released on its
# own, three times, each within `window_s` of the last. Shift held for a capital (or for a letter
# on the Shift layer of an Arabic keyboard: أ إ آ) does not count, and any other key starts the count
# again. Five seconds, not two, leaves time for people using Sticky Keys or Slow Keys.
EXIT_PRESSES = 3
EXIT_WINDOW_S = 5.0
# Without input for this long the visit is forgotten and the app returns to its first screen
# (a facility sets CARE_REFERENCE_IDLE_SECONDS). The README quotes both figures; a test holds it to them.
IDLE_RESET_DEFAULT_S = 180
# A patient may read a screen for a while without touching it: before the idle reset closes the
# patient view, the screen says so for this long, with a button to keep it open.
IDLE_WARNING_S = 30


def idle_reset_seconds() -> float:
    """The idle reset in force: CARE_REFERENCE_IDLE_SECONDS, or IDLE_RESET_DEFAULT_S. The shell
    forgets the visit after it; the server forgets a dropped session after it (app.web.server)."""
    return float(os.environ.get("CARE_REFERENCE_IDLE_SECONDS", IDLE_RESET_DEFAULT_S))


@dataclass
class QuickExitKeys:
    window_s: float = EXIT_WINDOW_S
    count: int = 0
    _last: float | None = None
    _shift_down: bool = False
    _combined: bool = False  # another key went down while Shift was held

    @staticmethod
    def is_shift(key: str) -> bool:
        return key.lower().startswith("shift")

    def key_down(self, key: str, now: float) -> None:
        if self.is_shift(key):
            if not self._shift_down:
                self._shift_down, self._combined = True, False
        else:
            self._combined = self._shift_down
            self.count, self._last = 0, None

    def key_up(self, key: str, now: float) -> int | None:
        """After a Shift release: how many more presses exit (0: exit now), or None when this
        release does not count."""
        if not self.is_shift(key):
            return None
        self._shift_down = False
        if self._combined:
            self._combined = False
            return None
        if self._last is not None and now - self._last > self.window_s:
            self.count = 0
        self.count, self._last = self.count + 1, now
        if self.count >= EXIT_PRESSES:
            self.count, self._last = 0, None
            return 0
        return EXIT_PRESSES - self.count

    def expired(self, now: float) -> bool:
        """A count was started and has run out (say so to a screen reader, then forget it)."""
        if self._last is not None and now - self._last > self.window_s:
            self.count, self._last = 0, None
            return True
        return False


class IdleStep(Enum):
    """What the idle reset asks for at a tick of the clock."""

    NOTHING = "nothing"
    FORGET_UNSEEN = "forget unseen"  # nobody can see the app: forget now, show the first screen when seen again
    RESET = "reset"  # forget the visit and show the first screen


@dataclass
class IdleTimer:
    """The visit is forgotten after `limit_s` without any input."""

    limit_s: float
    last_activity: float
    warned: bool = False  # the patient view has said, this time round, that it closes soon

    def touch(self, now: float) -> None:
        self.last_activity = now

    def expired(self, now: float) -> bool:
        return now - self.last_activity >= self.limit_s

    def remaining(self, now: float) -> float:
        return max(0.0, self.limit_s - (now - self.last_activity))

    def warning_due(self, now: float) -> float | None:
        """The seconds left, when the patient view should say now that it closes soon: once per
        countdown, in its last IDLE_WARNING_S. Any input starts a new countdown."""
        remaining = self.remaining(now)
        if remaining > IDLE_WARNING_S:
            self.warned = False
            return None
        if remaining <= 0 or self.warned:
            return None
        self.warned = True
        return remaining

    def step(self, now: float, *, seen: bool, at_start: bool) -> IdleStep:
        """At the limit: forget the visit, at once if nobody can see the app, and show the first
        screen. A fresh visit on the first screen is left as it is. Each limit counts once."""
        if not self.expired(now):
            return IdleStep.NOTHING
        self.touch(now)
        if not seen:
            return IdleStep.FORGET_UNSEEN
        return IdleStep.NOTHING if at_start else IdleStep.RESET
