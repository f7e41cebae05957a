"""`python -m app.tools check` on a tree with 3,000 problems (missing translations), in a fresh
process; print median and spread. A check that composed a file again for every problem took
minutes here (issue 33); the figure shows it stays linear.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import figure, show

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
PROBLEMS = 3000


def measure() -> dict:
    sys.path.insert(0, str(ROOT))
    from tests.content.faults import tree_with_missing_translations

    samples = []
    with tempfile.TemporaryDirectory() as scratch:
        root = tree_with_missing_translations(PROBLEMS, Path(scratch))
        for _ in range(RUNS):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "app.tools", "check", "--root", str(root)],
                                 cwd=ROOT, capture_output=True, text=True)  # fmt: skip
            samples.append((time.perf_counter() - start) * 1000)
            reported = out.stdout.count("missing translation: 'ind_extra_")
            assert out.returncode == 1 and reported == PROBLEMS, (reported, out.stderr[-500:])
    return figure(f"check, {PROBLEMS:,} problems (missing translations), fresh process", samples, RUNS, digits=0)


if __name__ == "__main__":
    print(show(measure()))
