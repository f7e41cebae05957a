"""Playing every path of every practice case, in every language, to its end."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle
from app.study.cases import CasePlay


def play_every_path(case) -> int:
    """Depth first over every choice; returns how many paths reached the end."""
    ended = 0

    def walk(play: CasePlay) -> None:
        nonlocal ended
        for choice in play.step(case).choices:
            branch = CasePlay(play.case_id, play.step_id, taken=list(play.taken))
            branch.choose(case, choice.id)
            assert branch.choice(case).feedback
            branch.proceed(case)
            if branch.finished:
                ended += 1
                assert branch.taken[-1] == (play.step_id, choice.id)
            else:
                walk(branch)

    walk(CasePlay.start(case))
    return ended


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_every_path_of_every_case_ends(language):
    for case in load_bundle(language).cases.cases:
        assert play_every_path(case) >= 2, case.id


def test_one_choice_per_step_and_only_its_own_choices():
    case = load_bundle("en").cases.cases[0]
    play = CasePlay.start(case)
    first, second = case.steps[0].choices[:2]
    play.choose(case, first.id)
    play.choose(case, second.id)  # ignored: the feedback on screen is for the first choice
    assert play.chosen == first.id and play.taken == [(case.steps[0].id, first.id)]
    with pytest.raises(ValueError):
        CasePlay.start(case).choose(case, "no_such_choice")
