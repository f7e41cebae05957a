import itertools

from app.rules.capacity import ABILITIES, assess
from app.rules.models import Capacity


def test_all_answer_combinations():
    for answers in itertools.product(("yes", "no", "unsure"), repeat=4):
        result = assess(dict(zip(ABILITIES, answers)))
        if "no" in answers:
            assert result is Capacity.lacking
        elif set(answers) == {"yes"}:
            assert result is Capacity.intact
        else:
            assert result is Capacity.uncertain


def test_incomplete_check_gives_no_result():
    assert assess({"cap_understand": "yes"}) is None
    assert assess({}) is None
