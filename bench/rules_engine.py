"""The reporting engine over every input combination in every pack (and elder-age variant)."""

from __future__ import annotations

import itertools
import time

from figures import figure, show

from app.rules import Capacity, Case, evaluate, load_packs

RUNS = 15


def combinations(elder_age: int | None):
    ages = [0, 17, 18, None] + ([elder_age - 1, elder_age] if elder_age else [64, 90])
    flags = (False, True)
    for age, minor, elder, sexual, capacity, disability, injury in itertools.product(
        ages, flags, flags, flags, list(Capacity), flags, flags
    ):
        yield Case(age=age, appears_minor=minor, elder_by_local_law=elder, sexual_exploitation=sexual,
                   capacity=capacity, developmental_disability=disability, serious_injury_from_crime=injury)  # fmt: skip


def measure() -> dict:
    packs = [pack.model_copy(update={"elder_age": age}) for pack in load_packs().values() for age in (None, 65)]
    work = [(case, pack) for pack in packs for case in combinations(pack.elder_age)]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for case, pack in work:
            evaluate(case, pack)
        times.append((time.perf_counter() - start) * 1000)
    return figure(f"reporting engine, all {len(work)} combinations x packs", times, RUNS)


if __name__ == "__main__":
    print(show(measure()))
