"""`make bench`: run every benchmark, print one table with each figure's target, and write it
to bench/results.json with the date and machine.

Figures are medians with their spread over several runs. Browser figures are judged as ratios
to a bare Flet app measured in the same run: absolute times on a shared two-core machine vary
from run to run. Taps are judged on trimmed means, not medians (bench/taps.py says why).
"""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ceiling  # noqa: E402
import check_problems  # noqa: E402
import content_load  # noqa: E402
import memory  # noqa: E402
import quick_exit  # noqa: E402
import rules_engine  # noqa: E402
import search  # noqa: E402
import startup  # noqa: E402
import taps  # noqa: E402

# (benchmark, which value of its rows is judged, the target) -- "median" or "ratio"; a row with a
# "kind" is judged by KINDS instead.
BENCHMARKS = [
    (content_load.measure, "median", 50),
    (check_problems.measure, "median", 5000),  # ms; quadratic, it took minutes
    (search.measure, "median", 2),
    (rules_engine.measure, "median", 100),  # µs per answer
    (startup.measure, "ratio", 1.15),
    (taps.measure, "ratio", 1.15),  # to the same tap in a bare Flet app
    (quick_exit.measure, "median", 100),
    # The ceiling runs in the minute memory waits for closed sessions to be returned.
    (lambda: memory.measure(meanwhile=ceiling.measure), "ratio", 1.2),
]
# kind: (value judged, target, judged at all: False for a target that only informs)
KINDS = {
    "handler": ("median", 5, True),  # ms in the server per tap
    "per_session": ("median", 1, True),  # MB per idle session
    "kept": ("median", 0.1, True),  # MB per session still held a minute after its socket closed
    "ceiling": ("median", -50, False),  # sessions, at least 50 (negated: judged as <=)
}


def judged(row: dict, key: str, target: float) -> dict:
    """Attach the target to the row it applies to (ratios: only the row that has one)."""
    if "kind" in row:
        key, target, counts = KINDS[row["kind"]]
        if target < 0:
            met = row[key] >= -target
            return {**row, "target": f">= {-target} (informs)", **({"met": met} if counts else {"informs": met})}
        return {**row, "target": f"{key} <= {target}", "met": row[key] <= target}
    if key == "ratio" and "ratio" not in row:
        return row
    return {**row, "target": f"{key} <= {target}", "met": row[key] <= target}


def main() -> int:
    rows = []
    for measure, key, target in BENCHMARKS:
        result = measure()
        rows += [judged(row, key, target) for row in (result if isinstance(result, list) else [result])]
    print(f"{'figure':<72} {'median':>12} {'spread':>17} {'target':>16}")
    for row in rows:
        spread = f"{row['min']}–{row['max']}"
        target = row.get("target", "")
        if "ratio" in row:
            target = f"{target} (ratio {row['ratio']})"
        mark = "" if "met" not in row else ("  met" if row["met"] else "  NOT MET")
        if "informs" in row:
            mark = "  reached" if row["informs"] else "  not reached (not judged)"
        print(f"{row['figure']:<72} {row['median']:>9} {row['unit']:<2} {spread:>17} {target:>16}{mark}")
        for key in ("to_bare", "to_same_server"):  # start-up: the renderer's share and the app's own
            if key in row:
                print(f"{'':<4}{key.replace('_', ' ')}: {row[key]}")
        if "trimmed_means" in row:  # what a tap's ratio is judged on (bench/taps.py)
            means = row["trimmed_means"]
            print(f"{'':<4}trimmed means ({means['of']}): {means['app']:g} vs {means['twin']:g} ms")
        if "split" in row:  # a tap, part by part, the app's and its bare twin's
            print(f"{'':<4}" + ", ".join(f"{part.replace('_', ' ')} {v['app']:g} vs {v['twin']:g}" for part, v in row["split"].items()))
        if "detail" in row:
            print(f"{'':<4}{row['detail']}")
    machine = f"{platform.platform()}, {os.cpu_count()} CPUs"
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps({"date": date.today().isoformat(), "machine": machine, "results": rows}, indent=2))
    print(f"written {out}")
    missed = [row["figure"] for row in rows if row.get("met") is False]
    if missed:
        print(f"{len(missed)} target(s) missed:", *missed, sep="\n  ", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
