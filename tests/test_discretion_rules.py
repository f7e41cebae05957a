"""The idle rules on their own, with the clock passed in: when the visit is forgotten, when a
patient reading the patient view is warned first, and that each limit counts once. Pure Python:
milliseconds. (The quick-exit keys are in tests/test_visit.py; the shell acting on both, in
tests/ui/test_shell.py.)"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.discretion import IDLE_WARNING_S, IdleStep, IdleTimer


def test_nothing_happens_before_the_limit():
    timer = IdleTimer(limit_s=180, last_activity=0.0)
    assert timer.step(179.9, seen=True, at_start=False) is IdleStep.NOTHING


def test_at_the_limit_a_visit_in_use_is_reset():
    timer = IdleTimer(limit_s=180, last_activity=0.0)
    assert timer.step(180.0, seen=True, at_start=False) is IdleStep.RESET


def test_a_fresh_visit_on_the_first_screen_is_left_alone():
    timer = IdleTimer(limit_s=180, last_activity=0.0)
    assert timer.step(180.0, seen=True, at_start=True) is IdleStep.NOTHING


def test_nobody_looking_forgets_at_once_whatever_is_shown():
    for at_start in (True, False):
        timer = IdleTimer(limit_s=180, last_activity=0.0)
        assert timer.step(180.0, seen=False, at_start=at_start) is IdleStep.FORGET_UNSEEN


def test_each_limit_counts_once():
    timer = IdleTimer(limit_s=180, last_activity=0.0)
    assert timer.step(200.0, seen=True, at_start=False) is IdleStep.RESET
    assert timer.step(201.0, seen=True, at_start=False) is IdleStep.NOTHING
    assert timer.step(380.0, seen=True, at_start=False) is IdleStep.RESET


def test_the_patient_view_is_warned_once_in_the_last_seconds():
    timer = IdleTimer(limit_s=180, last_activity=0.0)
    assert timer.warning_due(180 - IDLE_WARNING_S - 1) is None  # not yet
    assert timer.warning_due(180 - IDLE_WARNING_S + 1) == IDLE_WARNING_S - 1
    assert timer.warning_due(180 - IDLE_WARNING_S + 2) is None  # said once
    assert timer.warning_due(180.0) is None  # too late to say it


def test_input_after_a_warning_starts_a_new_countdown_with_its_own_warning():
    timer = IdleTimer(limit_s=180, last_activity=0.0)
    assert timer.warning_due(170.0) is not None
    timer.touch(171.0)
    assert timer.warning_due(172.0) is None  # the full time again: no warning now
    assert timer.warning_due(171.0 + 180 - 10) == 10


@given(st.lists(st.tuples(st.floats(min_value=0.1, max_value=100.0), st.booleans()), max_size=30))
def test_forgets_exactly_when_the_limit_has_passed_since_the_last_input_or_reset(ticks):
    timer, now, since = IdleTimer(limit_s=180, last_activity=0.0), 0.0, 0.0
    for gap, touched in ticks:
        now += gap
        if touched:
            timer.touch(now)
            since = now
            continue
        step = timer.step(now, seen=True, at_start=False)
        assert (step is IdleStep.RESET) == (now - since >= 180)
        if step is IdleStep.RESET:
            since = now
