"""The README's figures for leaving quickly come from the code, so the two cannot drift apart:
people rely on that sentence when they need to leave (issue 32)."""

from __future__ import annotations

import re

from app import paths
from app.discretion import EXIT_PRESSES, EXIT_WINDOW_S, IDLE_RESET_DEFAULT_S

README = re.sub(r"\s+", " ", (paths.ROOT / "README.md").read_text(encoding="utf-8"))
WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 10: "ten"}


def test_the_quick_exit_sentence_says_what_the_keys_do():
    assert float(EXIT_WINDOW_S).is_integer()
    sentence = (f"press and release **Shift** on its own {WORDS[EXIT_PRESSES]} times, each within "
                f"{WORDS[int(EXIT_WINDOW_S)]} seconds of the last")  # fmt: skip
    assert sentence in README
    assert "Sticky Keys" in README and "any other key starts the count again" in README


def test_the_idle_reset_default_is_the_codes():
    minutes, seconds = divmod(IDLE_RESET_DEFAULT_S, 60)
    assert seconds == 0
    assert f"After {WORDS[minutes]} minutes without input" in README
    assert f"changes the idle reset (default {IDLE_RESET_DEFAULT_S})" in README
