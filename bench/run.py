"""`make bench`: run every benchmark, print one table, write bench/results.json.

Figures are medians with their spread over several runs on this machine; compare runs made on
the same machine only.
"""

from __future__ import annotations

import json
import platform
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import content_load  # noqa: E402
import quick_exit  # noqa: E402
import rules_engine  # noqa: E402
import search  # noqa: E402

BENCHMARKS = [content_load.measure, search.measure, rules_engine.measure, quick_exit.measure]


def main() -> None:
    results = []
    for bench in BENCHMARKS:
        figures = bench()
        results += figures if isinstance(figures, list) else [figures]
    print(f"{'figure':<64} {'median':>10} {'min':>8} {'max':>8}")
    for r in results:
        print(f"{r['figure']:<64} {r['median_ms']:>7} ms {r['min_ms']:>8} {r['max_ms']:>8}")
    out = Path(__file__).with_name("results.json")
    out.write_text(
        json.dumps({"date": date.today().isoformat(), "machine": platform.platform(), "results": results}, indent=2)
    )
    print(f"written {out}")


if __name__ == "__main__":
    main()
