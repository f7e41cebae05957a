"""Renderer A/B (by hand, not in `make bench`): can a public option replace the bootstrap patch that
forces single-threaded skwasm (app/web/client_patches.py, the freeze of flutter/flutter#190039)?

For each set-up of bench/renderer_app.py, in the same session, alternating:
- start-up: process start -> first screen in view, as bench/startup.py measures it;
- the freeze: CHURN language switches on Settings (English <-> Arabic, a whole screen of text
  relaid each time), each one given SWITCH_TIMEOUT_MS to show its text; a switch that does not is
  a freeze (the tab stops for good). Also each switch's time and the page's workers.

    python bench/renderer_ab.py [runs] [switches]
"""

from __future__ import annotations

import statistics
import sys
import time

from served import VIEWPORTS, chromium, serve
from startup import ENABLE_SEMANTICS, FIRST_TEXT, first_screen_ms

from renderer_app import VARIANTS

APP_WITH = {name: [sys.executable, __file__.replace("renderer_ab.py", "renderer_app.py"), name] for name in VARIANTS}
SWITCH_TIMEOUT_MS = 15_000
LANGUAGES = [("العربية", "حجم النص"), ("English", "Text size")]


def churn(browser, command: list[str], switches: int) -> dict:
    with serve(command) as served:
        context = browser.new_context(viewport=VIEWPORTS["desktop"])
        context.add_init_script(f"({ENABLE_SEMANTICS})()")
        try:
            page = context.new_page()
            page.goto(served.url + "/settings")
            page.get_by_text("Text size").first.wait_for(timeout=60_000)
            isolated = page.evaluate("crossOriginIsolated")
            times, frozen_at = [], None
            for i in range(switches):
                radio, heading = LANGUAGES[i % 2]
                start = time.perf_counter()
                try:
                    page.get_by_role("radio", name=radio).click(timeout=SWITCH_TIMEOUT_MS)
                    page.get_by_text(heading).first.wait_for(timeout=SWITCH_TIMEOUT_MS)
                except Exception:  # a timeout: the tab no longer answers
                    frozen_at = i + 1
                    break
                times.append((time.perf_counter() - start) * 1000)
            return {"isolated": isolated, "workers": len(page.workers), "switches": len(times),
                    "frozen_at": frozen_at, "switch_ms": round(statistics.median(times)) if times else None}  # fmt: skip
        finally:
            context.close()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    switches = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    startup_variants = [name for name in VARIANTS if name != "two_threads"]
    times: dict[str, list[float]] = {name: [] for name in startup_variants}
    with chromium() as browser:
        for name in startup_variants:  # warm the disk cache for each, untimed
            first_screen_ms(browser, APP_WITH[name], FIRST_TEXT["app"])
        for run in range(runs):
            for name in startup_variants if run % 2 else startup_variants[::-1]:
                times[name].append(first_screen_ms(browser, APP_WITH[name], FIRST_TEXT["app"]))
                print(name, round(times[name][-1]), flush=True)
        base = statistics.median(times["patched"])
        for name, samples in times.items():
            median = statistics.median(samples)
            print(f"start-up {name:<13} median {median:7.0f} ms ({min(samples):.0f}-{max(samples):.0f}, {runs} runs)"
                  f"  to patched {median / base:.3f}", flush=True)  # fmt: skip
        for name in VARIANTS:
            print(f"churn {name:<13}", churn(browser, APP_WITH[name], switches), flush=True)


if __name__ == "__main__":
    main()
