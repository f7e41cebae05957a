"""The ceiling: how many concurrent sessions one server process holds while navigation stays
quick (p95 <= 500 ms, a section switch from the event sent to the server's answer received).

Sessions are the protocol-level client (tests/server/client.py), all in this process. Each, once
registered, switches section at random every 2-6 s (a clinician reading and tapping on); 10 s of
that is measured at 10, 20, 40, 60, 80, ... sessions, stopping at the first step over the limit
or when the time is up. Sessions come from several loopback addresses: the server holds at most
64 connections per address (app.web.limits). The load generator shares the machine's two cores
with the server, as a second process would.
"""

from __future__ import annotations

import asyncio
import random
import time

from served import APP, serve
from tests.server.raw import navigate, registered

P95_LIMIT_MS = 500
STEPS = (10, 20, 40, 60, 80, 100, 130, 160)
MEASURE_S = 10.0
BUDGET_S = 70.0  # run inside the memory benchmark's idle minute (bench/run.py)
ROUTES = ["/indicators", "/care", "/asking", "/guidance", "/next", "/contacts", "/study", "/glossary", "/"]


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


async def ramp(url: str) -> list[tuple[int, float, int]]:
    """(sessions, p95 ms, navigations measured) for each step reached."""
    sockets, latencies, results = [], None, []
    stop = asyncio.Event()
    started = time.monotonic()

    async def tap_on(ws) -> None:
        while not stop.is_set():
            await asyncio.sleep(random.uniform(2, 6))
            took = await navigate(ws, random.choice(ROUTES)) * 1000
            if latencies is not None:
                latencies.append(took)

    tasks = []
    try:
        for count in STEPS:
            while len(sockets) < count:
                ws = await registered(url, source=f"127.0.0.{2 + len(sockets) // 50}")
                sockets.append(ws)
                tasks.append(asyncio.create_task(tap_on(ws)))
            latencies = []
            await asyncio.sleep(MEASURE_S)
            measured, latencies = latencies, None
            results.append((count, p95(measured) if measured else float("inf"), len(measured)))
            if results[-1][1] > P95_LIMIT_MS or time.monotonic() - started > BUDGET_S:
                break
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    return results


def measure() -> list[dict]:
    with serve(APP) as served:
        steps = asyncio.run(ramp(served.url))
    held = max((count for count, worst, _n in steps if worst <= P95_LIMIT_MS), default=0)
    detail = "; ".join(f"{count}: p95 {worst:.0f} ms ({n} taps)" for count, worst, n in steps)
    if steps and steps[-1][1] <= P95_LIMIT_MS:
        detail += f"; stopped by the time budget ({BUDGET_S:.0f} s), not the limit: the ceiling is higher"
    return [{"figure": f"ceiling: concurrent sessions with navigation p95 <= {P95_LIMIT_MS} ms", "median": held, "min": held,
             "max": held, "unit": "sessions", "runs": 1, "kind": "ceiling", "detail": detail}]  # fmt: skip


if __name__ == "__main__":
    for row in measure():
        print(row["figure"], row["median"], row["detail"])
