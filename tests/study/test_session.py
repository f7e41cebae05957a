"""Study sessions without the UI: draws, feedback, counts, review, and the summary's plural forms."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.content.loader import load_bundle
from app.i18n import Translator
from app.study import Session, summary_text

KEY = {item.id: item.answer for item in load_bundle("en").quiz.grouped_items()}


def play(session: Session, right: set[int]) -> None:
    """Answer every item, right for the positions in `right`, wrong otherwise."""
    n = 0
    while not session.finished:
        truth = session.key[session.current]
        session.answer(truth if n in right else not truth)
        session.next()
        n += 1


@given(seed=st.integers(), size=st.integers(min_value=1, max_value=60))
def test_a_session_never_repeats_an_item(seed, size):
    session = Session.draw(KEY, size=size, rng=random.Random(seed))
    assert len(session.item_ids) == len(set(session.item_ids)) == min(size, len(KEY))
    assert set(session.item_ids) <= set(KEY)


def test_the_whole_pool_when_no_size():
    assert sorted(Session.draw(KEY, size=None).item_ids) == sorted(KEY)


def test_draws_differ_between_sessions():
    draws = {tuple(Session.draw(KEY, rng=random.Random(seed)).item_ids) for seed in range(5)}
    assert len(draws) > 1


def test_feedback_then_next():
    session = Session.draw(KEY, size=3, rng=random.Random(1))
    first = session.current
    result = session.answer(KEY[first])
    assert result.correct and session.showing_feedback and session.current == first
    with pytest.raises(RuntimeError):
        session.answer(True)  # one answer per item
    session.next()
    assert session.current == session.item_ids[1]


@given(right=st.sets(st.integers(min_value=0, max_value=9)))
def test_summary_counts(right):
    session = Session.draw(KEY, size=10, rng=random.Random(7))
    play(session, right)
    assert session.finished and session.current is None
    assert session.correct == len(right) and session.total == 10
    assert session.missed == [session.item_ids[n] for n in range(10) if n not in right]


def test_review_of_missed_items():
    session = Session.draw(KEY, size=10, rng=random.Random(3))
    play(session, right={0, 1, 2, 3, 4, 5, 6})
    review = session.review()
    assert review.item_ids == session.missed and review.total == 3 and review.answers == []
    play(review, right={0, 1, 2})
    assert review.correct == 3 and review.review().total == 0


@pytest.mark.parametrize(
    "language, correct, total, expected",
    [
        ("en", 7, 10, "7 of 10 questions answered correctly"),
        ("en", 1, 1, "1 of 1 question answered correctly"),
        ("es", 7, 10, "7 de 10 preguntas respondidas correctamente"),
        ("es", 1, 1, "1 de 1 pregunta respondida correctamente"),
        ("ar", 7, 10, "أجبت إجابة صحيحة عن 7 من 10 أسئلة"),
        ("ar", 1, 1, "أجبت إجابة صحيحة عن 1 من سؤال واحد"),
        ("ar", 2, 2, "أجبت إجابة صحيحة عن 2 من سؤالين"),
        ("ar", 9, 11, "أجبت إجابة صحيحة عن 9 من 11 سؤالًا"),
        ("ar", 50, 100, "أجبت إجابة صحيحة عن 50 من 100 سؤال"),
    ],
)
def test_summary_plural_forms(language, correct, total, expected):
    assert summary_text(Translator(language), correct, total) == expected
