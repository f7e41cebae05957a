"""Starting, watching and stopping a facility run: the app's processes on loopback, then nginx in
front of them. A process that dies is started again (nginx sends its browsers to the others
meanwhile); nginx dying, or a stop asked for (Ctrl+C, SIGTERM), stops everything."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.facility.nginx import Facility, nginx_conf

START_TIMEOUT_S = 120.0  # N processes importing the app at once on a small, busy machine
STOP_TIMEOUT_S = 10.0
RESTART_INTERVAL_S = 5.0  # a process that keeps dying is not started more often than this
PROXY_ADDRESS = "127.0.0.1"  # where nginx connects to the app's processes from


class CannotServe(RuntimeError):
    """Something the run needs is missing or did not start; the message says what to do."""


def find_nginx() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if not found:
        raise CannotServe("nginx is not installed: install Debian's (sudo apt-get install nginx), then run this again.")
    return found


def free_loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def as_user(user: str | None) -> dict:
    """Popen's arguments to run as `user` with its own group and none of the caller's (root's)."""
    if user is None:
        return {}
    import pwd  # here: Windows has none, and needs none without --app-user

    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        raise CannotServe(f"There is no user {user!r} (--app-user).") from None
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


@dataclass
class AppProcess:
    number: int
    port: int
    log: Path
    process: subprocess.Popen | None = None
    started_at: float = 0.0

    def start(self, env: dict[str, str], user: str | None = None) -> None:
        with open(self.log, "a") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "app", "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=paths.ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl+C reaches the supervisor only, which stops all in order
                **as_user(user),  # started as root (for port 443): the app need not stay root
            )
        self.started_at = time.monotonic()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@dataclass
class Run:
    facility: Facility
    nginx: str
    processes: list[AppProcess] = field(default_factory=list)
    app_user: str | None = None
    nginx_process: subprocess.Popen | None = None
    stopping: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def plan(cls, workers: int, listen: str, run_dir: Path, app_user: str | None = None, **options) -> Run:
        run_dir.mkdir(parents=True, exist_ok=True)
        ports = [free_loopback_port() for _ in range(workers)]
        facility = Facility(listen=listen, app_ports=tuple(ports), run_dir=run_dir, **options)
        processes = [AppProcess(n, port, run_dir / f"app-{n}.log") for n, port in enumerate(ports, 1)]
        return cls(facility, find_nginx(), processes, app_user)

    def app_env(self) -> dict[str, str]:
        pythonpath = os.pathsep.join(filter(None, (str(paths.ROOT), os.environ.get("PYTHONPATH"))))
        # The app believes X-Forwarded-For from nginx alone, so each clinician has their own bound.
        return {**os.environ, "PYTHONPATH": pythonpath, "PYTHONUNBUFFERED": "1", "CARE_REFERENCE_TRUSTED_PROXY": PROXY_ADDRESS}

    def start(self) -> float:
        """Every process serving, then nginx: the seconds it took."""
        started = time.monotonic()
        env = self.app_env()
        for app in self.processes:
            try:
                app.start(env, self.app_user)
            except PermissionError as error:  # another user: it must be able to read the app and its Python
                raise CannotServe(f"Cannot start the app{' as ' + self.app_user if self.app_user else ''}: {error}") from None
        deadline = started + START_TIMEOUT_S
        waiting = list(self.processes)
        while waiting:
            if self.stopping.is_set():
                raise CannotServe("Stopped before every process was serving.")
            for app in list(waiting):
                if app.process.poll() is not None:
                    raise CannotServe(f"Process {app.number} exited with code {app.process.returncode}: see {app.log}")
                if answers(app.url):
                    waiting.remove(app)
            if time.monotonic() > deadline:
                raise CannotServe(f"Not serving after {START_TIMEOUT_S:.0f} s: see {', '.join(str(a.log) for a in waiting)}")
            time.sleep(0.1)  # polling the processes until each answers
        self.start_nginx(deadline)
        return time.monotonic() - started

    def start_nginx(self, deadline: float) -> None:
        run_dir = self.facility.run_dir
        (run_dir / "temp").mkdir(exist_ok=True)
        conf = run_dir / "nginx.conf"
        conf.write_text(nginx_conf(self.facility))
        self.nginx_process = subprocess.Popen(
            [self.nginx, "-p", str(run_dir.resolve()), "-c", str(conf.resolve()), "-e", str((run_dir / "nginx-error.log").resolve()),
             "-g", "daemon off;"],
            start_new_session=True,
        )  # fmt: skip
        scheme = "https" if self.facility.tls else "http"
        while not self.nginx_answers(scheme):
            if self.nginx_process.poll() is not None:
                raise CannotServe(f"nginx exited with code {self.nginx_process.returncode} (its reason is above; config: {conf})")
            if time.monotonic() > deadline:
                raise CannotServe(f"nginx is not answering on {self.facility.listen}")
            time.sleep(0.1)  # polling nginx until it answers

    def nginx_answers(self, scheme: str) -> bool:
        if scheme == "https":  # the facility's certificate names its own host: only check the port is open
            host, _, port = self.facility.listen.rpartition(":")
            try:
                with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=2):
                    return True
            except OSError:
                return False
        return answers(f"http://{self.facility.listen}/")

    def watch(self) -> int:
        """Until a stop is asked for (0) or nginx dies (1): start again any process that dies."""
        while not self.stopping.wait(0.5):
            if self.nginx_process.poll() is not None:
                print(f"nginx stopped (code {self.nginx_process.returncode}): stopping.", file=sys.stderr, flush=True)
                return 1
            for app in self.processes:
                code = app.process.poll()
                if code is not None and time.monotonic() - app.started_at >= RESTART_INTERVAL_S:
                    print(f"Process {app.number} (port {app.port}) exited with code {code}: starting it again "
                          f"(its browsers went to the others; see {app.log}).", file=sys.stderr, flush=True)  # fmt: skip
                    app.start(self.app_env(), self.app_user)
        return 0

    def stop(self) -> None:
        """nginx first (no new requests reach a process that is stopping), then every process."""
        children = [self.nginx_process] + [app.process for app in self.processes]
        for child in filter(None, children):
            if child.poll() is None:
                child.terminate()  # nginx: fast shutdown (a graceful one waits for every socket to close)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for child in filter(None, children):
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()

    def ask_to_stop(self, signum, frame) -> None:
        self.stopping.set()

    def serve(self) -> int:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self.ask_to_stop)
        try:
            return self._serve()
        except CannotServe as error:
            print(f"Care Reference cannot serve: {error}", file=sys.stderr, flush=True)
            return 1
        finally:
            self.stop()

    def _serve(self) -> int:
        count = len(self.processes)
        processes = "process" if count == 1 else "processes"
        print(f"Starting {count} {processes} of Care Reference behind nginx (run folder: {self.facility.run_dir})", flush=True)
        for app in self.processes:
            print(f"  process {app.number}: 127.0.0.1:{app.port}, log {app.log}", flush=True)
        took = self.start()
        pids = ", ".join(str(app.process.pid) for app in self.processes)
        scheme = "https" if self.facility.tls else "http"
        print(f"Care Reference is being served at {scheme}://{self.facility.listen}/ by {count} {processes} "
              f"(pids {pids}) behind nginx, ready in {took:.1f} s (Ctrl+C stops them all)", flush=True)  # fmt: skip
        return self.watch()
