"""One row of the benchmark table: the median of several runs with its spread, and the target."""

from __future__ import annotations

import statistics


def figure(name: str, samples: list[float], runs: int, digits: int = 1, unit: str = "ms", **extra) -> dict:
    return {
        "figure": name,
        "median": round(statistics.median(samples), digits),
        "min": round(min(samples), digits),
        "max": round(max(samples), digits),
        "unit": unit,
        "runs": runs,
        **extra,
    }


def show(row: dict) -> str:
    spread = f"({row['min']}–{row['max']}, {row['runs']} runs)"
    return f"{row['figure']}: median {row['median']} {row['unit']} {spread}"
