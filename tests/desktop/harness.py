"""Drive the app's desktop window under Xvfb: start, find the window, look, type, click, stop.

Each DesktopApp runs launch.py in its own session with its own HOME (where the client keeps the
stored settings), and stop() ends that whole process group, so no window outlives its test.
Waits poll a condition (a window title, a frame that stopped changing) with a deadline.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops

LAUNCHER = Path(__file__).resolve().parent / "launch.py"
WAIT_S = 40.0  # worst seen on a loaded 2-core machine: window 6.5 s, stable frame 8.3 s
X_TOOLS = ("Xvfb", "xdotool", "import")


def missing_x_tools() -> list[str]:
    return [tool for tool in X_TOOLS if not shutil.which(tool)]


def poll(condition, what: str, timeout: float = WAIT_S, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(every)
    raise TimeoutError(f"timed out waiting for {what}")


@contextlib.contextmanager
def xvfb(size: str = "1280x900x24"):
    """An X server on a free display (Xvfb picks it and writes its number to a pipe)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        display = f":{number}"
        # Once, on a busy machine, the session's first window was refused ("cannot open display: :0")
        # just after Xvfb named its display; why was not found. Until an X client gets an answer:
        def answers() -> bool:
            if server.poll() is not None:
                raise RuntimeError(f"Xvfb ended (exit {server.returncode}) after naming {display}")
            with contextlib.suppress(subprocess.TimeoutExpired):
                return subprocess.run(["xdotool", "getdisplaygeometry"], env={**os.environ, "DISPLAY": display},
                                      capture_output=True, timeout=5).returncode == 0  # fmt: skip
            return False

        poll(answers, f"Xvfb to answer on {display}")
        yield display
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(5)


class DesktopApp:
    def __init__(self, *, display: str, home: Path, client: Path, no_fonts: bool = False):
        self.display, self.home, self.client, self.no_fonts = display, home, client, no_fonts
        self.log = home / "launcher.log"
        self.process: subprocess.Popen | None = None
        self.window = ""

    # The stored settings, as the client keeps them on Linux ---------------------------------
    @property
    def preferences_file(self) -> Path:
        return self.home / ".local/share/flet/shared_preferences.json"

    def store(self, **settings: str) -> DesktopApp:
        self.preferences_file.parent.mkdir(parents=True, exist_ok=True)
        self.preferences_file.write_text(json.dumps({f"flutter.{key}": value for key, value in settings.items()}))
        return self

    def stored(self) -> dict[str, str]:
        """What the client has stored: nothing until it writes the file, and nothing while it does.
        The Linux client empties the file, then writes it whole, and a read in between found an
        empty file (once, on a busy machine): wait for the next read, as for a file not there."""
        try:
            stored = json.loads(self.preferences_file.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        return {key.removeprefix("flutter."): value for key, value in stored.items()}

    # The process ---------------------------------------------------------------------------
    def start(self) -> DesktopApp:
        self.home.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "DISPLAY": self.display, "HOME": str(self.home), "FLET_VIEW_PATH": str(self.client),
               "NO_AT_BRIDGE": "1"}  # fmt: skip
        for variable in ("XDG_DATA_HOME", "FLET_DISPLAY_URL_PREFIX", "FLET_APP_ID", "FLET_ASSETS_DIR", "FLET_FORCE_WEB_SERVER"):
            env.pop(variable, None)  # each would move the settings or stop the window from opening
        command = [sys.executable, str(LAUNCHER), *(["--no-fonts"] if self.no_fonts else [])]
        self._log = open(self.log, "wb")
        # cwd: Flet prefers a ./build/linux client in the working directory over FLET_VIEW_PATH.
        self.process = subprocess.Popen(command, env=env, cwd=self.home, stdout=self._log, stderr=subprocess.STDOUT,
                                         start_new_session=True)  # fmt: skip
        return self

    def stop(self) -> None:
        """The launcher ignores SIGTERM while it waits for the client: end the whole group."""
        if self.process is None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
                break
        self._log.close()
        self.process, self.window = None, ""

    def __enter__(self) -> DesktopApp:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def ended(self) -> bool:
        return self.process is None or self.process.poll() is not None

    # The window ----------------------------------------------------------------------------
    def _x(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display}, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    def wait_window(self, title: str) -> None:
        """Until the client's window carries this title (it is first named "flet")."""

        def titled() -> str:
            if self.ended():
                raise RuntimeError(f"the app ended: {self.log.read_text(errors='replace')[-2000:]}")
            for window in self._x("search", "--onlyvisible", "--class", "^flet$").split():
                if re.fullmatch(title, self._x("getwindowname", window)):
                    return window
            return ""

        self.window = poll(titled, f"a window titled {title!r}")

    def title(self) -> str:
        return self._x("getwindowname", self.window)

    def screenshot(self) -> Image.Image:
        png = subprocess.run(["import", "-display", self.display, "-window", self.window, "png:-"],
                             capture_output=True, check=True).stdout  # fmt: skip
        return Image.open(io.BytesIO(png)).convert("RGB")

    def wait_rendered(self, stable_for: float = 0.6) -> Image.Image:
        """Until the frame is drawn (more than a few colours) and has not changed for a moment:
        the title comes before the first frame, and the loading spinner keeps changing."""
        state = {"last": None, "since": time.monotonic()}

        def settled() -> Image.Image | None:
            shot = self.screenshot()
            colours = shot.getcolors(maxcolors=1 << 16)
            drawn = colours is None or len(colours) >= 3
            if not drawn or state["last"] is None or ImageChops.difference(shot, state["last"]).getbbox():
                state["since"] = time.monotonic()
            state["last"] = shot
            return shot if drawn and time.monotonic() - state["since"] >= stable_for else None

        return poll(settled, "a drawn, settled frame", every=0.15)

    def key(self, *keys: str) -> None:
        """Real key presses (XTEST) into the window; there is no window manager to focus it."""
        self._x("windowfocus", "--sync", self.window)
        self._x("key", "--delay", "80", *keys)

    def click(self, x: int, y: int) -> None:
        self._x("mousemove", "--window", self.window, str(x), str(y), "click", "1")

    def close_window(self) -> None:
        """As the window manager would: the client loses its window (there is no WM to ask)."""
        self._x("windowkill", self.window)
