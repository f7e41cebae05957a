"""What one client can cost the served app (issue 33): a compression bomb, connections that never
finish their headers, dropped sessions. Not in `make bench` (it takes minutes and a server that
misbehaves on purpose); run by hand, against this tree or another checkout of the app:

    python bench/abuse.py [--root DIR] [--sessions 200] [--idle 20]

DIR needs its content cache and compiled catalogs (`python -m app.tools cache`, `pybabel compile`).
Loopback only: the second client address, 127.0.0.5, is loopback too."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import subprocess
import sys
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.server.raw import (  # noqa: E402
    ROUTES, PeakRss, closed_by_server, half_requests, navigate, registered, rss_mb, upgrade, websocket_frame,
)  # fmt: skip
from tests.serving import free_port, wait_until_serving  # noqa: E402


@contextmanager
def server(root: Path, **env: str):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "app", "--port", str(port)], cwd=root,
                               env={**os.environ, "PYTHONPATH": str(root), **env},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/", process)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def bomb(root: Path) -> str:
    count = 16 * 1024 * 1024 - 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    message = b"\x00\xdd" + count.to_bytes(4, "big") + b"\x90" * count
    frame = (compressor.compress(message) + compressor.flush(zlib.Z_SYNC_FLUSH))[:-4]
    with server(root) as (url, process):

        async def scenario() -> tuple[float, float, float]:
            ws = await registered(url)
            for route in ROUTES:
                await navigate(ws, route)
            before = rss_mb(process.pid)
            with PeakRss(process.pid) as peak:
                sock, headers = upgrade(int(url.rsplit(":", 1)[1]), url, deflate=True)
                deflate = "permessage-deflate" in ",".join(headers.get("sec-websocket-extensions", []))
                with contextlib.suppress(OSError):
                    sock.sendall(websocket_frame(frame, rsv1=deflate))
                latencies = [await navigate(ws, route) for route in ROUTES * 2]
                await asyncio.sleep(0.5)
            sock.close()
            await ws.close()
            return before, peak.peak, max(latencies)

        before, peak, latency = asyncio.run(scenario())
    return f"bomb ({len(frame):,} bytes): RSS {before:.0f} MB, peak {peak:.0f} MB; other session's slowest navigation {latency * 1000:.0f} ms"


def slow_headers(root: Path, count: int = 500, timeout: float = 10.0) -> str:
    with server(root) as (url, process):
        before = rss_mb(process.pid)
        port = int(url.rsplit(":", 1)[1])
        sockets = half_requests(port, "127.0.0.5", count)
        time.sleep(1)
        held = sum(not closed_by_server(s) for s in sockets)
        during = rss_mb(process.pid)
        time.sleep(timeout + 1)
        after = sum(not closed_by_server(s) for s in sockets)
        for sock in sockets:
            sock.close()
    return (f"slow headers ({count} half requests from one address): {held} held after 1 s, {after} after {timeout + 2:.0f} s; "
            f"RSS {before:.0f} -> {during:.0f} MB")  # fmt: skip


def dropped_sessions(root: Path, count: int, idle: int, rounds: int = 2) -> str:
    """`rounds` times: `count` sessions opened and dropped, then the timeout and an eviction round."""
    with server(root, CARE_REFERENCE_IDLE_SECONDS=str(idle)) as (url, process):
        figures = [f"{rss_mb(process.pid):.0f} at start"]

        async def drop() -> None:
            for _ in range(count):
                ws = await registered(url)
                await ws.close()

        for _ in range(rounds):
            asyncio.run(drop())
            figures.append(f"{rss_mb(process.pid):.0f} after {count} dropped")
            time.sleep(idle + 12)  # the timeout, one eviction round (every 10 s), slack
            figures.append(f"{rss_mb(process.pid):.0f} {idle + 12} s later")
    return f"dropped sessions (idle reset {idle} s), RSS in MB: " + ", ".join(figures)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--idle", type=int, default=20)
    parser.add_argument("--only", choices=["bomb", "slow", "sessions"])
    args = parser.parse_args()
    root = args.root.resolve()
    print(f"{root}:")
    if args.only in (None, "bomb"):
        print(" ", bomb(root), flush=True)
    if args.only in (None, "slow"):
        print(" ", slow_headers(root), flush=True)
    if args.only in (None, "sessions"):
        print(" ", dropped_sessions(root, args.sessions, args.idle), flush=True)
