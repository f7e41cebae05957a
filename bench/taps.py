"""Taps, each judged against the same tap in a bare Flet app (bench/tap_twin.py) measured in the
same run, alternating: app, twin, twin, app, ...

A tap's time runs from the click to the first frame put on screen after the new text entered the
page (Flutter fills in its accessibility tree while it builds a frame, before the frame is drawn),
all timed inside the page. Each tap is also split:

- the server's handler: Flet's dispatch of every event the tap caused (the handler, the diff of
  the controls and their serialisation), timed in the server by bench/launcher.py;
- the bytes the server sent the page for it (WebSocket messages, counted in the page);
- the client's part: the click to the event leaving the page, and the last message that arrived
  before the frame to that frame (the client building, laying out and drawing the update).

One page load per app and run does all three taps, in the order a person might: open a group on
Indicators, switch to Guidance on the rail, then on Study start a session and answer "True".

The ratio is of trimmed means (the middle 9 of 15 runs), not of medians. Without a GPU each frame
the tap's ripple starts takes the page's only thread 15-50 ms (Chromium's software GL), and a
message that arrives during one waits for it: a tap's time has two modes ~100 ms apart, for the
app and the twin alike, whichever message lands where (bench/README.md, 2026-12-07). A median of
5 fell in either mode: the same code gave 2.37x and, over 15 runs, 0.62x for the study answer.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from figures import figure, show
from served import APP, ROOT, WATCH_FRAMES, WATCH_TEXT, chromium, click_centre, serve
from tests.browser.driver import desktop_app

RUNS = 15
TRIM = 3  # runs dropped at each end before the mean
LAUNCHER = [APP[0], str(ROOT / "bench" / "launcher.py")]
TWIN = ["bench/tap_twin.py"]
# In the page from its first script: every WebSocket message in and out, its page time and size.
WATCH_SOCKET = """(() => { const Native = window.WebSocket; window.__ws = [];
    const size = (d) => d.byteLength ?? d.size ?? d.length ?? 0;
    window.WebSocket = function (...args) {
        const ws = new Native(...args);
        ws.addEventListener('message', (e) => window.__ws.push(['in', performance.now(), size(e.data)]));
        const send = ws.send;
        ws.send = function (d) { window.__ws.push(['out', performance.now(), size(d)]); return send.call(this, d); };
        return ws;
    };
    window.WebSocket.prototype = Native.prototype;
    for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[k] = Native[k];
})();"""
GROUP = re.compile("^Presentation and demeanour")
# (name, text that shows the tap took effect)
TAPS = [("open an indicator group", "Avoids eye contact"), ("switch section (rail: Guidance)", "Your own safety comes first"),
        ("answer a study question", "The statement is")]  # fmt: skip


def one_tap(app, target, shown: str, events: Path) -> dict:
    """Tap `target` (a locator) and time it to the frame that shows `shown`, split into parts."""
    box = app.box(target)
    app.settle()
    app.page.evaluate(WATCH_TEXT, shown)
    app.page.evaluate(WATCH_FRAMES)
    app.page.evaluate("window.__ws.length = 0")
    logged = len(events.read_text().splitlines())
    start = click_centre(app.page, box)
    end = app.page.evaluate("async () => window.__frameAfter(await window.__shown)")
    frames, origin = app.page.evaluate("[window.__ws, performance.timeOrigin]")
    time.sleep(0.05)  # the event log is written as each dispatch ends
    until = (origin + end) / 1000 + 0.02
    handler = sum(float(line.split()[3]) for line in events.read_text().splitlines()[logged:] if float(line.split()[0]) <= until)
    sent = [t for way, t, _n in frames if way == "out" and start <= t <= end]
    received = [(t, n) for way, t, n in frames if way == "in" and start <= t <= end]
    last_in = max((t for t, _n in received), default=start)
    return {
        "total": end - start,
        "handler": handler,
        "bytes": sum(n for _t, n in received),
        "to_event": (min(sent) - start) if sent else 0.0,
        "build_draw": end - last_in,
    }


def one_visit(browser, url: str, events: Path) -> list[dict]:
    with desktop_app(browser, url) as app:
        app.page.add_init_script(WATCH_SOCKET)
        app.open("/indicators")
        results = [one_tap(app, app.page.get_by_role("button", name=GROUP).first, TAPS[0][1], events)]
        results.append(one_tap(app, app.nav("Guidance"), TAPS[1][1], events))
        app.go("Study")
        app.page.get_by_role("button", name="Start 10 questions").click()
        results.append(one_tap(app, app.page.get_by_role("button", name="True", exact=True).first, TAPS[2][1], events))
        return results


def measure() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        logs = {"app": Path(tmp, "app.log"), "twin": Path(tmp, "twin.log")}
        for log in logs.values():
            log.touch()
        samples: dict[str, list[list[dict]]] = {"app": [], "twin": []}
        with (
            serve([*LAUNCHER, "--events", str(logs["app"]), "-m", "app"]) as app_served,
            serve([*LAUNCHER, "--events", str(logs["twin"]), str(ROOT / TWIN[0])]) as twin_served,
            chromium() as browser,
        ):
            urls = {"app": app_served.url, "twin": twin_served.url}
            for name in ("app", "twin"):  # first use in each process: untimed
                one_visit(browser, urls[name], logs[name])
            for run in range(RUNS):
                for name in ("app", "twin") if run % 2 == 0 else ("twin", "app"):
                    samples[name].append(one_visit(browser, urls[name], logs[name]))
    return rows(samples)


def trimmed_mean(values: list[float]) -> float:
    return statistics.mean(sorted(values)[TRIM:-TRIM])


def rows(samples: dict[str, list[list[dict]]]) -> list[dict]:
    out = []
    for index, (name, _shown) in enumerate(TAPS):
        app = [visit[index] for visit in samples["app"]]
        twin = [visit[index] for visit in samples["twin"]]
        median = {part: (statistics.median(t[part] for t in app), statistics.median(t[part] for t in twin))
                  for part in ("total", "handler", "bytes", "to_event", "build_draw")}  # fmt: skip
        split = {part: {"app": round(a, 1), "twin": round(b, 1)} for part, (a, b) in median.items()}
        out.append(figure(f"tap: {name}, bare Flet twin", [t["total"] for t in twin], RUNS))
        means = trimmed_mean([t["total"] for t in app]), trimmed_mean([t["total"] for t in twin])
        trimmed = {"app": round(means[0], 1), "twin": round(means[1], 1), "of": f"middle {RUNS - 2 * TRIM} of {RUNS}"}
        out.append(figure(f"tap: {name}, this app", [t["total"] for t in app], RUNS, ratio=round(means[0] / means[1], 3),
                          trimmed_means=trimmed, split=split))  # fmt: skip
        out.append(figure(f"tap: {name}, server handler (app)", [t["handler"] for t in app], RUNS, digits=2,
                          kind="handler"))  # fmt: skip
    return out


if __name__ == "__main__":
    for row in measure():
        print(show(row), row.get("ratio", ""), row.get("split", ""))
