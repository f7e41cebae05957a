"""Server memory, per clinician. Sessions are simulated with the protocol-level client
(tests/server/client.py: Flet's own messages over the app's WebSocket, as the browser sends them),
which costs the machine far less than a browser each; see bench/README.md for how its figures
compare with real browser sessions.

Two figures:
- the process with the content loaded: the app's resident set after one session has walked every
  section (and the warm-up has loaded the rest), against Flet's hello world after one session;
- what each added session costs: 1 -> 10 -> 30 sessions, each walking every section and then left
  idle, the resident set's growth per session from 10 to 30; then every socket closed, and what is
  left a minute later. The server keeps a dropped session for the idle reset (for a page that
  reconnects); it runs here with a 20 s idle reset, so that a minute covers the reset and
  flet-web's eviction round (every 10 s).

The resident set and the sessions still held come from the process itself on SIGUSR1
(bench/launcher.py --stats), after a garbage collection.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import tempfile
import time
from pathlib import Path

from figures import show
from served import APP, BARE, ROOT, serve
from tests.server.client import connect, find, register_frame, until
from tests.server.raw import navigate, registered

LAUNCHER = [APP[0], str(ROOT / "bench" / "launcher.py")]
IDLE_RESET_S = 20
ROUTES = ["/indicators", "/care", "/asking", "/guidance", "/next", "/contacts", "/study", "/glossary", "/yourself",
          "/settings", "/privacy", "/search", "/"]  # fmt: skip
STEPS = (1, 10, 30)
AFTER_CLOSE_S = 60


def stats(process, path: Path) -> dict:
    before = path.stat().st_mtime_ns if path.exists() else 0
    os.kill(process.pid, signal.SIGUSR1)
    deadline = time.monotonic() + 10
    while not path.exists() or path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise RuntimeError("no memory report from the server")
        time.sleep(0.02)
    return json.loads(path.read_text())


async def walked_session(url: str):
    ws = await registered(url)
    for route in ROUTES:
        await navigate(ws, route)
    return ws


async def bare_session(url: str):
    ws = await connect(url.replace("http", "ws") + "/ws", url)
    await ws.send(register_frame())
    await until(ws, lambda m: any(find(m, lambda d: d.get("value") == "Hello, world")))
    return ws


def bare_one_session() -> float:
    with tempfile.TemporaryDirectory() as tmp, serve([*LAUNCHER, "--stats", f"{tmp}/stats", *BARE[1:]]) as served:

        async def run() -> float:
            ws = await bare_session(served.url)
            await asyncio.sleep(1)
            figure = stats(served.process, Path(tmp, "stats"))["rss_mb"]
            await ws.close()
            return figure

        return asyncio.run(run())


def app_sessions(meanwhile=None) -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp, serve([*LAUNCHER, "--stats", f"{tmp}/stats", "-m", "app"],
                                                     CARE_REFERENCE_IDLE_SECONDS=str(IDLE_RESET_S)) as served:  # fmt: skip
        report = Path(tmp, "stats")

        async def run() -> None:
            sockets = []
            for count in STEPS:
                while len(sockets) < count:  # ten at a time, as clinicians arriving together
                    batch = min(10, count - len(sockets))
                    sockets += await asyncio.gather(*(walked_session(served.url) for _ in range(batch)))
                await asyncio.sleep(3)  # idle: the warm-up and any pending sends done
                out[count] = stats(served.process, report)
            closed = time.monotonic()
            for ws in sockets:
                await ws.close()
            out["closed"] = []
            # The minute's wait, used: the server is idle, another benchmark's server may work.
            side = asyncio.create_task(asyncio.to_thread(meanwhile)) if meanwhile else None
            while (since := time.monotonic() - closed) < AFTER_CLOSE_S:
                await asyncio.sleep(min(10, AFTER_CLOSE_S - since))
                out["closed"].append({**stats(served.process, report), "after_s": round(time.monotonic() - closed)})
            if side:
                out["meanwhile"] = await side

        asyncio.run(run())
    return out


def measure(meanwhile=None) -> list[dict]:
    """`meanwhile`: a benchmark run during the minute after the sockets close; its rows follow."""
    bare = bare_one_session()
    seen = app_sessions(meanwhile)
    one, ten, thirty, last = seen[1]["rss_mb"], seen[10]["rss_mb"], seen[30]["rss_mb"], seen["closed"][-1]
    per_session = (thirty - ten) / (30 - 10)
    kept = max(0.0, last["rss_mb"] - one) / (30 - 1)
    returned = [f"{s['after_s']} s: {s['rss_mb']:.1f} MB, {s['sessions_held']} held, {s['sessions_alive']} alive"
                for s in seen["closed"]]  # fmt: skip

    def row(name, value, unit="MB", **extra):
        return {"figure": name, "median": round(value, 3), "min": round(value, 3), "max": round(value, 3), "unit": unit, "runs": 1,
                **extra}  # fmt: skip

    return [
        row("memory: bare Flet hello world, one session (RSS)", bare),
        row("memory: this app, content loaded, one session walked every section (RSS)", one, ratio=round(one / bare, 3)),
        row("memory: each added idle session, 10 -> 30 sessions", per_session, kind="per_session",
            detail=f"RSS 1 / 10 / 30 sessions: {one:.1f} / {ten:.1f} / {thirty:.1f} MB; 1 -> 10: {(ten - one) / 9:.2f} MB each"),
        row(f"memory: kept {AFTER_CLOSE_S} s after 30 sockets closed, per session", kept, kind="kept",
            leaked=last["sessions_alive"], detail="; ".join(returned)),
        *seen.get("meanwhile", []),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in measure():
        print(show(row), row.get("ratio", ""), row.get("detail", ""))
