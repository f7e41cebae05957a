"""The capacity check asks seed 002's four elements, no more, and combines them as documented."""

import itertools

from app.rules.capacity import ELEMENTS, assess
from app.rules.models import Capacity


def test_the_four_elements_are_seed_002s():
    assert ELEMENTS == ("cap_understanding", "cap_comprehension", "cap_reasoning", "cap_communication")


def test_all_answer_combinations():
    for answers in itertools.product(("yes", "no", "not_sure"), repeat=4):
        result = assess(dict(zip(ELEMENTS, answers)))
        if "no" in answers:
            assert result is Capacity.lacking
        elif set(answers) == {"yes"}:
            assert result is Capacity.intact
        else:
            assert result is Capacity.uncertain


def test_incomplete_check_gives_no_result():
    assert assess({"cap_understanding": "yes"}) is None
    assert assess({}) is None
