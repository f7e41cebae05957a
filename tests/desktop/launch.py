"""Run the real app in the 0.82.2 desktop client (test-only): `python launch.py [--no-fonts]`.

Needs DISPLAY (without it Flet decides it is on a server and serves the web app instead) and
FLET_VIEW_PATH (the unpacked client). Applies the framing adapter, then starts the app exactly
as `python -m app --desktop` does. `--no-fonts` withholds the bundled fonts from page.fonts, so a
test can show that the glyph check tells them from the system's fallback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main() -> None:
    for variable in ("DISPLAY", "FLET_VIEW_PATH"):
        if not os.environ.get(variable):
            raise SystemExit(f"{variable} is not set")
    sys.path[:0] = [str(HERE), str(ROOT)]
    import adapter

    adapter.apply()
    if "--no-fonts" in sys.argv:
        import app.web.policy

        app.web.policy.app_fonts = dict
    from app.main import desktop

    desktop()


if __name__ == "__main__":
    main()
