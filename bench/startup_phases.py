"""Where start-up time goes, for the app and the two hello worlds of bench/startup.py side by side:
the moments from process start to the first screen, as medians over several runs (ms since the
process started).

Not part of `make bench`'s table: run it when the start-up figure moves, to see which phase moved.
`.venv/bin/python bench/startup_phases.py [runs]`

- http: the server answers its first request; nav: the browser starts loading the page;
- bootstrap: flutter_bootstrap.js requested; wasm: main.dart.wasm loaded; fonts: FontManifest.json requested;
- ws_open: the client's WebSocket is open; last_in: the last server message before the first
  screen; shown: the first screen's text is in the page; in_view: its first frame is on screen
  with no loading screen over it (the end bench/startup.py times).
"""

from __future__ import annotations

import statistics
import sys
import time

from served import chromium, serve
from startup import COMMANDS, first_screen

# Records the page time of the socket's opening and of every message from the server.
WATCH_SOCKET = """() => { window.__socket = []; const Native = window.WebSocket;
    window.WebSocket = function (...args) { const socket = new Native(...args);
        socket.addEventListener('open', () => window.__socket.push(['open', performance.now()]));
        socket.addEventListener('message', () => window.__socket.push(['in', performance.now()]));
        return socket; };
    window.WebSocket.prototype = Native.prototype; Object.assign(window.WebSocket, Native); }"""
RESOURCES = {"bootstrap": ("flutter_bootstrap.js", "startTime"), "wasm": ("main.dart.wasm", "responseEnd"),
             "fonts": ("FontManifest.json", "startTime")}  # fmt: skip


def phases(browser, command: list[str], text: str) -> dict[str, float]:
    with serve(command) as served:
        http = (time.perf_counter() - served.started) * 1000
        with first_screen(browser, served, text, f"({WATCH_SOCKET})()") as (page, origin, shown, in_view):
            socket = page.evaluate("window.__socket")
            resources = page.evaluate("Object.fromEntries(performance.getEntriesByType('resource').map(r => "
                                      "[r.name.split('/').pop(), {startTime: r.startTime, responseEnd: r.responseEnd}]))")
    moments = {"http": http, "nav": origin}
    moments |= {name: origin + resources[file][key] for name, (file, key) in RESOURCES.items()}
    moments["ws_open"] = origin + next(t for kind, t in socket if kind == "open")
    moments["last_in"] = origin + max(t for kind, t in socket if kind == "in" and t <= shown)
    moments["shown"] = origin + shown
    moments["in_view"] = origin + in_view
    return moments


def main(runs: int) -> None:
    seen: dict[str, list[dict]] = {name: [] for name in COMMANDS}
    with chromium() as browser:
        for run in range(runs + 1):
            for name in list(COMMANDS) if run % 2 else list(COMMANDS)[::-1]:
                moments = phases(browser, *COMMANDS[name])
                if run:  # the first round only warms the disk cache
                    seen[name].append(moments)
    print(f"{'':16}" + "".join(f"{key:>10}" for key in seen["app"][0]))
    for name, rows in seen.items():
        print(f"{name:16}" + "".join(f"{statistics.median(row[key] for row in rows):>10.0f}" for key in rows[0]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
