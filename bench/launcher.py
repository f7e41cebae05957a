"""Runs a served app (the app's `python -m app`, or a bench app) with instruments the app itself
does not carry: the bench's own way in, so app/ holds no benchmark code.

    python bench/launcher.py --events FILE --stats FILE -m app --port N
    python bench/launcher.py --events FILE bench/tap_twin.py --port N

--events: every event a session dispatches, one line each, appended as it ends:
    `<time.time()> <event name> <control type> <ms in the server>`
  where the time in the server is Flet's Session.dispatch_event, whole: the handler, the update it
  asks for (Flet's diff of the controls and their serialisation) and the queueing of the message.
--stats: on SIGUSR1, the process's memory and its sessions as one JSON object (overwritten):
  resident set, sessions flet-web still holds, Session objects still alive after a collection.
"""

from __future__ import annotations

import gc
import json
import os
import runpy
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_events(path: str) -> None:
    from flet.messaging.session import Session

    log = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - open for the process's life
    dispatch = Session.dispatch_event

    async def timed(self, control_id, event_name, event_data):
        control = self.index.get(control_id)
        started = time.perf_counter()
        try:
            return await dispatch(self, control_id, event_name, event_data)
        finally:
            took = (time.perf_counter() - started) * 1000
            log.write(f"{time.time():.6f} {event_name} {type(control).__name__} {took:.3f}\n")

    Session.dispatch_event = timed


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def report_memory(path: str) -> None:
    from tests.server.sessions_alive import count_sessions

    alive = count_sessions()

    def held() -> int | None:
        try:
            from flet_web.fastapi.flet_app_manager import app_manager
        except ImportError:
            return None
        return len(getattr(app_manager, "_FletAppManager__sessions", {}))

    def write(_signum, _frame) -> None:
        # Outside the handler's frame: a collection here would run inside whatever was interrupted.
        import threading

        def later() -> None:
            gc.collect()
            stats = {"rss_mb": rss_mb(), "sessions_held": held(), "sessions_alive": len(alive), "at": time.time()}
            tmp = path + ".tmp"
            Path(tmp).write_text(json.dumps(stats))
            os.replace(tmp, path)

        threading.Thread(target=later, daemon=True).start()

    signal.signal(signal.SIGUSR1, write)


def main(argv: list[str]) -> None:
    events = stats = None
    while argv and argv[0].startswith("--") and argv[0] in ("--events", "--stats"):
        flag, value, argv = argv[0], argv[1], argv[2:]
        events, stats = (value, stats) if flag == "--events" else (events, value)
    sys.path.insert(0, str(ROOT))
    if events:
        time_events(events)
    if stats:
        report_memory(stats)
    if argv[0] == "-m":
        sys.argv = [argv[1], *argv[2:]]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = argv
        sys.path.insert(0, str(Path(argv[0]).resolve().parent))
        runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
