"""Starting the app's server for a test: on a free port, from an unrelated working directory, as
`make run` starts it. No browser here (tests/browser/driver.py adds one)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from app import paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)  # polling the server until it answers
    raise TimeoutError(f"app did not serve {url} within {timeout}s")


@contextmanager
def serve_app(cwd: Path, module: str = "app", **env: str) -> Iterator[str]:
    """The app (or a test app module taking --port) on a free port. Its output goes to
    APP_SERVER_LOG, given here or in the environment, or nowhere."""
    with running_server(cwd, module, **env) as (url, _process):
        yield url


@contextmanager
def running_server(cwd: Path, module: str = "app", **env: str) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    log = env.get("APP_SERVER_LOG") or os.environ.get("APP_SERVER_LOG") or os.devnull
    with open(log, "a") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", module, "--port", str(port)],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(paths.ROOT), "PYTHONUNBUFFERED": "1", **env},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(url + "/", process)
            yield url, process
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)
