"""Load and validate all content, three languages, in a fresh process; print median and spread.

Two figures per run: the whole fresh process (interpreter, imports, load) and the load itself.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from figures import figure, show

ROOT = Path(__file__).resolve().parent.parent
RUNS = 15
PROBE = """
import time, json
t0 = time.perf_counter()
from app.content.validate import validate_tree
t1 = time.perf_counter()
report = validate_tree()
t2 = time.perf_counter()
assert report.ok and len(report.bundles) == 3, report.problems
print(json.dumps({"import_ms": (t1 - t0) * 1000, "load_ms": (t2 - t1) * 1000}))
"""


def measure() -> dict:
    loads, imports = [], []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
        figures = json.loads(out.stdout)
        loads.append(figures["load_ms"])
        imports.append(figures["import_ms"])
    return figure(
        "load + validate all content, 3 languages, fresh process",
        loads,
        RUNS,
        imports_median_ms=round(statistics.median(imports), 1),
    )


if __name__ == "__main__":
    row = measure()
    print(f"{show(row)}; imports {row['imports_median_ms']} ms")
