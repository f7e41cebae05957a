"""A facility run (python -m app.facility, as `make run WORKERS=2` starts it): two processes of the
app behind Debian's nginx. Sessions on each process work, stay apart, leave quickly and come back
to the clock on a reload (the cookie keeps the tab on its process); one process killed, the other's
sessions carry on; the app's headers and Host rules hold through the proxy, each clinician has their
own connection bound, nothing of a visit is logged; Ctrl+C stops everything."""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import paths
from app.facility.nginx import ROUTE_COOKIE
from app.web.policy import SECURITY_HEADERS
from tests.browser.driver import Wizard, desktop_app, free_port
from tests.browser.test_discretion import assert_neutral
from tests.server.raw import port_of, raw, read_response, wait_for

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/ensure-test-tools installs it as root; "
                                             "else 'sudo apt-get install nginx')"),  # fmt: skip
]
PER_CLIENT = 24  # two browser contexts from 127.0.0.1 hold at most 2 x 6 connections and 2 sockets


@dataclass
class Run:
    url: str
    ports: list[int]  # the app's processes, in order
    pids: list[int]
    process: subprocess.Popen
    output: list[str]
    run_dir: Path

    def said(self, pattern: str) -> bool:
        return any(re.search(pattern, line) for line in list(self.output))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("facility")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app.facility", "--workers", "2", "--port", str(port), "--run-dir", str(run_dir)],
        cwd=tmp_path_factory.mktemp("cwd"),
        env={**os.environ, "PYTHONPATH": str(paths.ROOT), "PYTHONUNBUFFERED": "1",
             "CARE_REFERENCE_MAX_CONNECTIONS_PER_CLIENT": str(PER_CLIENT)},  # fmt: skip
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()  # lines as they come
    try:
        wait_for(lambda: any("being served" in line for line in output) or process.poll() is not None,
                 "the facility serving", timeout=120)  # fmt: skip
        assert process.poll() is None, "".join(output)
        ports = [int(m.group(1)) for line in output if (m := re.search(r"process \d+: 127\.0\.0\.1:(\d+)", line))]
        pids = [int(pid) for pid in re.search(r"pids ([\d, ]+)\)", "".join(output)).group(1).split(", ")]
        yield Run(f"http://127.0.0.1:{port}", ports, pids, process, output, run_dir)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def established(port: int) -> int:
    """Connections the process on `port` holds (server side, ESTABLISHED) right now."""
    local = f":{port:04X}"
    lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(1 for line in lines if line.split()[1].endswith(local) and line.split()[3] == "01")


def handshake(url: str, source: str = "127.0.0.1", cookie: str | None = None, forwarded: str | None = None) -> socket.socket:
    """A WebSocket handshake through nginx, as the page's own (its answer not read yet)."""
    sock = raw(port_of(url), source)
    key = base64.b64encode(os.urandom(16)).decode()
    extra = (f"Cookie: {ROUTE_COOKIE}={cookie}\r\n" if cookie else "") + (f"X-Forwarded-For: {forwarded}\r\n" if forwarded else "")
    sock.sendall(f"GET /ws HTTP/1.1\r\nHost: {url[7:]}\r\nOrigin: {url}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{extra}\r\n".encode())  # fmt: skip
    return sock


def process_for(run: Run, cookie: str) -> int:
    """The process a browser with this route cookie is sent to: the one whose connections grow."""
    before = {port: established(port) for port in run.ports}
    with handshake(run.url, cookie=cookie) as sock:
        assert read_response(sock)[0] == 101
        grown = [port for port in run.ports if established(port) > before[port]]
    assert len(grown) == 1, (before, grown)
    wait_for(lambda: all(established(port) <= before[port] for port in run.ports), "the probe's socket closed")
    return grown[0]


def cookie_for_each_process(run: Run) -> dict[int, str]:
    # From a quiet start: sockets an earlier test left are closing, which would hide a probe's.
    wait_for(lambda: all(established(port) == 0 for port in run.ports), "no socket held on any process", timeout=20)
    found: dict[int, str] = {}
    for n in range(40):  # consistent hashing spreads keys about evenly: a few tries find both
        found.setdefault(process_for(run, f"probe-{n}"), f"probe-{n}")
        if len(found) == len(run.ports):
            return found
    raise AssertionError(f"no route cookie found for every process: {found}")


def get(url: str, path: str = "/", host: str | None = None, extra: str = "") -> tuple[int, dict[str, list[str]]]:
    with raw(port_of(url)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host or url[7:]}\r\n{extra}Connection: close\r\n\r\n".encode())
        return read_response(sock)


def test_the_apps_headers_and_host_rules_hold_through_nginx(run):
    status, headers = get(run.url)
    assert status == 200
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == [value], name  # once each: nginx neither drops nor repeats them
    cookie = headers["set-cookie"][0]
    assert cookie.startswith(f"{ROUTE_COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "set-cookie" not in get(run.url, extra=f"Cookie: {ROUTE_COOKIE}=x\r\n")[1]  # set once, then kept
    assert get(run.url, host="evil.example")[0] == 400  # the app's own refusal, relayed
    status, headers = get(run.url, extra="Host: evil.example\r\n")  # two Host headers: nginx refuses,
    assert status == 400
    assert all(headers.get(name) == [value] for name, value in SECURITY_HEADERS.items())  # with the app's headers
    with handshake(run.url) as sock:  # the socket's upgrade passes
        assert read_response(sock)[0] == 101
    with raw(port_of(run.url)) as sock:  # a page elsewhere cannot open the socket
        sock.sendall(f"GET /ws HTTP/1.1\r\nHost: {run.url[7:]}\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\n"
                     f"Connection: Upgrade\r\nSec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n".encode())  # fmt: skip
        assert read_response(sock)[0] == 403


def test_each_clinician_behind_nginx_has_their_own_connection_bound(run):
    """nginx forwards each client's address; the app counts by it (trusting nginx alone): one
    clinician's flood is refused, a colleague on the same process is still served."""
    with ExitStack() as held:
        flood = [held.enter_context(handshake(run.url, "127.0.0.2", forwarded="192.0.2.9")) for _ in range(PER_CLIENT + 1)]
        statuses = sorted(read_response(sock)[0] for sock in flood)  # what 192.0.2.9 wrote is not believed
        assert statuses == [101] * PER_CLIENT + [429], statuses
        # Routed as 127.0.0.2 is (the route key is its address), so to the same process.
        colleague = held.enter_context(handshake(run.url, "127.0.0.3", cookie="127.0.0.2"))
        assert read_response(colleague)[0] == 101


@pytest.mark.timeout(300)
def test_sessions_on_two_processes_work_stay_apart_exit_and_survive_the_other(browser, run):
    cookies = cookie_for_each_process(run)
    first_port, second_port = run.ports
    with desktop_app(browser, run.url) as first, desktop_app(browser, run.url, viewport="phone") as second:
        for app, port in ((first, first_port), (second, second_port)):
            app.page.context.add_cookies([{"name": ROUTE_COOKIE, "value": cookies[port], "url": run.url}])
        # Each works, on its own process, and neither sees the other's visit.
        first.use_language("en").open("/next")
        Wizard(first, "en").fill("15", sexual_exploitation="Yes")
        second.use_language("en").open("/next")
        field = Wizard(second, "en").age_field()
        field.wait_for()
        assert field.input_value() == ""
        # Quick exit, and a reload comes back to the clock: the tab went back to its own process.
        second.button("Exit").click()
        assert_neutral(second)
        second.page.goto(run.url + "/next")
        second.enable_semantics()
        assert_neutral(second)

        # The second process killed: the first's session carries on, answers and all.
        os.kill(run.pids[1], signal.SIGKILL)
        assert Wizard(first, "en").age_field().input_value() == "15"
        first.button("Search").click()
        first.type_into(first.page.get_by_role("textbox", name="Search"), "tattoo")
        first.see("What does that tattoo mean or represent?")
        # The supervisor starts it again; meanwhile and after, a new tab is served.
        wait_for(lambda: run.said(r"Process 2 .* exited .* starting it again"), "the killed process started again", timeout=30)
    with desktop_app(browser, run.url) as third:
        third.page.context.add_cookies([{"name": ROUTE_COOKIE, "value": cookies[second_port], "url": run.url}])
        third.use_language("en").open("/")
        assert third.page.title() == "Care Reference"


def test_nothing_of_a_visit_is_in_nginxs_logs_and_ctrl_c_stops_everything(run):
    """Last in this module: it stops the run."""
    assert not list(run.run_dir.glob("*access*"))
    error_log = (run.run_dir / "nginx-error.log").read_text()
    assert "GET " not in error_log and "/next" not in error_log and "client:" not in error_log
    run.process.send_signal(signal.SIGINT)
    assert run.process.wait(timeout=30) == 0
    children = [pid for pid in run.pids if Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()]
    assert children == []
    assert not (run.run_dir / "nginx.pid").exists()  # nginx is gone too (it removes its pid file)
    for port in [port_of(run.url), *run.ports]:
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0, f"{port} still answers"
