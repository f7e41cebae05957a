"""The visit model: what leaving a section, quick exit and idle forget, and the quick-exit key and
idle policies, with the clock passed in. Pure Python: milliseconds."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from app.discretion import IdleTimer, QuickExitKeys
from app.visit import Visit
from tests.ui.harness import used_visit


def test_every_field_says_where_it_is_kept():
    for spec in dataclasses.fields(Visit):
        assert "kept_in" in spec.metadata, f"{spec.name}: declare kept_in(route or VISIT)"


def test_a_used_visit_sets_every_field():
    used, fresh = used_visit(), Visit()
    for spec in dataclasses.fields(Visit):
        assert getattr(used, spec.name) != getattr(fresh, spec.name), f"{spec.name} is not exercised by this test"
    assert not used.is_fresh() and fresh.is_fresh()


def test_leaving_a_section_forgets_what_was_entered_there_only():
    visit = used_visit()
    visit.enter("/next")  # still the reporting section: its answers stay
    assert visit.reporting is not None and visit.card is None and visit.opened is None
    visit.enter("/indicators")
    assert visit.reporting is None
    # What belongs to the whole visit stays until quick exit or idle.
    assert visit.child_only and visit.patient_language == "ar" and visit.search_text == "tattoo" and visit.study


def test_an_opened_item_is_marked_on_its_own_section_only():
    visit = Visit()
    visit.open_item("/guidance", "interp_brief")
    visit.enter("/guidance")
    assert visit.opened_item("/guidance") == "interp_brief"
    assert visit.opened_item("/indicators") is None
    visit.enter("/indicators")
    assert visit.opened is None


def press(keys: QuickExitKeys, now: float, *names: str) -> None:
    for name in names:
        keys.key_down(name, now)


def shift(keys: QuickExitKeys, now: float) -> int | None:
    keys.key_down("Shift Left", now)
    return keys.key_up("Shift Left", now + 0.05)


def test_three_lone_shifts_exit_and_count_down():
    keys = QuickExitKeys()
    assert [shift(keys, 0.0), shift(keys, 1.0), shift(keys, 2.0)] == [2, 1, 0]


def test_shift_held_for_capitals_never_counts():
    keys = QuickExitKeys()
    for i, letter in enumerate("ABC"):
        keys.key_down("Shift Left", i)
        keys.key_down(f"Key {letter}", i + 0.1)
        keys.key_up(f"Key {letter}", i + 0.2)
        assert keys.key_up("Shift Left", i + 0.3) is None
    assert keys.count == 0


def test_arabic_letters_on_the_shift_layer_never_count():
    keys = QuickExitKeys()
    for i, letter in enumerate("أإآ"):
        keys.key_down("Shift Right", i)
        keys.key_down(letter, i + 0.1)
        keys.key_up(letter, i + 0.2)
        assert keys.key_up("Shift Right", i + 0.3) is None


def test_any_other_key_starts_the_count_again():
    keys = QuickExitKeys()
    shift(keys, 0.0)
    shift(keys, 0.5)
    press(keys, 0.8, "Key A")
    assert shift(keys, 1.0) == 2  # counting from one again


def test_the_window_is_five_seconds_between_presses_for_sticky_and_slow_keys():
    keys = QuickExitKeys()
    assert keys.window_s == 5.0
    assert shift(keys, 0.0) == 2 and shift(keys, 4.9) == 1 and shift(keys, 9.7) == 0  # each within 5 s of the last
    assert shift(keys, 20.0) == 2
    assert shift(keys, 25.2) == 2  # more than 5 s after the last: a new count
    assert keys.expired(31.0) and not keys.expired(31.0)


def reference_exits(events: list[tuple[str, bool, float]]) -> list[int]:
    """GOV.UK's rule restated on its own terms: the indices of the key releases that exit. A Shift
    release counts unless another key went down while Shift was held; any other key pressed
    starts the count again; more than 5 s since the last counted press starts it again too."""
    exits, count, last, held, spoiled = [], 0, None, False, False
    for index, (key, is_down, now) in enumerate(events):
        is_shift = key.startswith("Shift")
        if is_down and is_shift:
            if not held:
                held, spoiled = True, False
        elif is_down:
            spoiled = spoiled or held
            count, last = 0, None
        elif is_shift:
            lone, held, spoiled = not spoiled, False, False
            if lone:
                count = 1 if last is not None and now - last > 5.0 else count + 1
                last = now
                if count == 3:
                    exits.append(index)
                    count, last = 0, None
    return exits


KEYS = st.sampled_from(["Shift Left", "Shift Right", "Key A", "أ", "Enter", "Tab"])


@given(st.lists(st.tuples(KEYS, st.booleans(), st.floats(min_value=0.01, max_value=3.0)), max_size=40))
def test_exits_exactly_when_the_reference_rule_says(steps):
    keys, now, events, exits = QuickExitKeys(), 0.0, [], []
    for key, is_down, gap in steps:
        now += gap
        events.append((key, is_down, now))
        if is_down:
            keys.key_down(key, now)
        elif keys.key_up(key, now) == 0:
            exits.append(len(events) - 1)
    assert exits == reference_exits(events)


def test_idle_timer_expires_after_its_limit_and_touch_restarts_it():
    timer = IdleTimer(limit_s=180, last_activity=0.0)
    assert not timer.expired(179.9) and timer.expired(180.0)
    timer.touch(170.0)
    assert not timer.expired(300.0) and timer.expired(350.0)


def test_a_finished_study_round_ends_on_leaving_study_and_an_unfinished_one_waits():
    """Issue 27: Home → Study showed the last score again, with no way back to Study's start."""
    from app.study import Session

    visit = Visit()
    visit.study = Session.draw({"a": True, "b": False}, None, 2)
    visit.enter("/guidance")  # a look at a section from a question's feedback: the round waits
    assert visit.study is not None
    for _ in range(2):
        visit.study.answer(True)
        visit.study.next()
    assert visit.study.finished
    visit.enter("/study")
    assert visit.study is not None  # the summary, while still in Study
    visit.enter("/")
    assert visit.study is None


def test_back_returns_where_the_link_or_search_was_on_its_own_route_only():
    visit = Visit()
    visit.came_from("/search", "/indicators")
    visit.enter("/search")
    assert visit.back_from("/search") == "/indicators" and visit.back_from("/guidance") is None
    visit.enter("/guidance")  # a result opened elsewhere: this Back is done with
    assert visit.back_from("/search") is None and visit.back is None
