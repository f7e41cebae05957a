"""The reporting engine over every input combination in every pack (and elder-age variant),
reported per evaluation."""

from __future__ import annotations

import itertools
import time

from figures import figure, show

from app.rules import Capacity, Case, evaluate, load_packs
from app.rules.models import AgeSetting, LawCitation

RUNS = 15


def combinations(elder_age: AgeSetting | None):
    ages = [0, 17, 18, None] + ([elder_age.age - 1, elder_age.age] if elder_age else [64, 90])
    flags = (False, True)
    for age, minor, elder, sexual, capacity, disability, injury in itertools.product(
        ages, flags, (False, True, "not_sure"), flags, list(Capacity), flags, flags
    ):
        yield Case(age=age, appears_minor=minor, elder=elder, sexual_exploitation=sexual,
                   capacity=capacity, developmental_disability=disability, serious_injury_from_crime=injury)  # fmt: skip


def measure() -> dict:
    # A facility's elder age (the sources give none: this one exists only to exercise the branch).
    facility = AgeSetting(age=65, source=[LawCitation(law="A facility's local law (benchmark only)")])
    packs = [pack.model_copy(update={"elder_age": age}) for pack in load_packs().values() for age in (None, facility)]
    work = [(case, pack) for pack in packs for case in combinations(pack.elder_age)]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for case, pack in work:
            evaluate(case, pack)
        times.append((time.perf_counter() - start) * 1e6 / len(work))
    # Per answer: the result is worked out again on every tap, inside the tap's 100 ms.
    return figure(f"reporting engine, one answer (all {len(work)} combinations x packs)", times, RUNS, unit="µs")


if __name__ == "__main__":
    print(show(measure()))
