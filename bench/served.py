"""Serving an app for a browser benchmark: its process (for memory), its start time, its URL."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.driver import VIEWPORTS, chromium, free_port  # noqa: E402

APP = [sys.executable, "-m", "app"]
# Installs `window.__shown`: a promise of the page time (performance.now()) at which `text` first
# enters Flutter's accessibility tree, which Flutter updates while it builds the frame that shows
# the text (see WATCH_FRAMES for when that frame is on screen). Timed in the page itself:
# Playwright's own polling notices text late when the page's main thread is busy.
WATCH_TEXT = """(text) => { window.__shown = new Promise((resolve, reject) => {
    const host = () => document.querySelector('flt-semantics-host');
    const check = () => { if (host() && host().textContent.includes(text)) { observer.disconnect(); resolve(performance.now()); } };
    const observer = new MutationObserver(check);
    observer.observe(document, {childList: true, characterData: true, subtree: true, attributes: true});
    setTimeout(() => reject(new Error('not shown within 60 s')), 60000);
}); }"""
# Installs `window.__frameAfter(t)`: a promise of the page time of the first frame put on screen at
# or after page time t. Flutter's web renderers hand every finished frame to the page with
# transferFromImageBitmap; the accessibility tree is updated while the frame is built, before it
# is drawn, which on one thread took 160-200 ms more for a full screen of the app
# (bench/README.md). A timestamp per frame, nothing copied: the timing is not disturbed.
WATCH_FRAMES = """() => { const frames = window.__frames = [], waiting = [];
    const present = ImageBitmapRenderingContext.prototype, transfer = present.transferFromImageBitmap;
    present.transferFromImageBitmap = function (bitmap) {
        const result = transfer.call(this, bitmap), now = performance.now();
        frames.push(now);
        for (const [t, resolve] of waiting.splice(0)) { if (t <= now) resolve(now); else waiting.push([t, resolve]); }
        return result;
    };
    window.__frameAfter = (t) => new Promise((resolve, reject) => {
        const found = frames.find(f => f >= t);
        if (found !== undefined) return resolve(found);
        waiting.push([t, resolve]);
        setTimeout(() => reject(new Error('no frame within 10 s')), 10000);
    });
}"""
BARE = [sys.executable, str(ROOT / "bench" / "bare_app.py")]
BARE_ON_APP_SERVER = [*BARE, "--app-server"]


def click_centre(page, box: dict) -> float:
    """Click the middle of a box; returns the page time (performance.now()) just before."""
    start = page.evaluate("performance.now()")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return start


@dataclass
class Served:
    url: str
    process: subprocess.Popen
    started: float  # perf_counter() just before the process was started

    def rss_mb(self) -> float:
        """Resident memory of the server process, from /proc."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")


@contextmanager
def serve(command: list[str], **env: str):
    """Start the server from an unrelated directory and return as soon as it answers HTTP."""
    port = free_port()
    with tempfile.TemporaryDirectory() as cwd:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--port", str(port)],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{command} exited with {process.returncode}")
                try:
                    with urllib.request.urlopen(url + "/", timeout=1):
                        break
                except OSError:
                    time.sleep(0.01)
            yield Served(url, process, started)
        finally:
            process.terminate()
            process.wait(timeout=10)


__all__ = ["APP", "BARE", "BARE_ON_APP_SERVER", "VIEWPORTS", "WATCH_FRAMES", "WATCH_TEXT", "Served", "chromium", "click_centre", "serve"]
