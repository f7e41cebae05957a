"""The served surface is the app's alone: its routes, its headers, its origin; errors reach the
browser as a neutral message; connections that never register do not leak, and SIGTERM stops the
server. Loopback only."""

from __future__ import annotations

import asyncio
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import websockets

from tests.server.client import CONTROL_EVENT, SESSION_CRASHED, connect, event, find, register_frame, until
from tests.server.raw import rss_mb
from tests.serving import running_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("log") / "server.log"
    with running_server(tmp_path_factory.mktemp("cwd"), APP_SERVER_LOG=str(log)) as (url, process):
        yield url, process, log


def get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_a_message_for_a_page_that_has_left_is_dropped_not_raised():
    """A task of the session (page.navigate's push_route) may send after the page's socket closed;
    flet-web then raised AttributeError in that task ("Task exception was never retrieved")."""
    import inspect
    from concurrent.futures import ThreadPoolExecutor

    from flet.messaging.protocol import InvokeMethodRequestBody, Message, MessageAction
    from flet_web.fastapi import FletApp

    from app.web.sockets import _GuardedFletApp

    # flet-web's send loop still ends by clearing the queue this guard looks at
    assert "self.__send_queue = None" in inspect.getsource(FletApp)

    async def scenario() -> asyncio.Queue:
        conn = _GuardedFletApp(loop=asyncio.get_running_loop(), executor=ThreadPoolExecutor(1), main=lambda page: None,
                               before_main=None)  # fmt: skip
        message = Message(MessageAction.INVOKE_METHOD, InvokeMethodRequestBody(control_id=1, call_id="1", name="push_route", args={}))
        conn.send_message(message)  # before the page connected
        conn._FletApp__send_queue = None  # as the send loop leaves it when the page has gone
        conn.send_message(message)
        conn._FletApp__send_queue = queue = asyncio.Queue()  # connected: the message is sent
        conn.send_message(message)
        return queue

    assert asyncio.run(scenario()).qsize() == 1


@pytest.mark.parametrize("route", ["/docs", "/redoc", "/openapi.json", "/oauth_callback", "/upload"])
def test_only_the_apps_routes_are_served(server, route):
    url, _process, _log = server
    status, _headers, body = get(url + route)
    assert status == 404 or b"<title>Care Reference</title>" in body  # unknown paths get the app, never an API page
    assert b"swagger" not in body.lower() and b"redoc" not in body.lower()


@pytest.mark.parametrize("path", ["/python.js", "/python-worker.js", "/pyodide/package.json", "/pyodide/ffi.d.ts"])
def test_flets_in_browser_python_is_not_served(server, path):
    """Issue 31: the app runs on the server; the client's Pyodide files are never needed."""
    url, _process, _log = server
    status, _headers, body = get(url + path)
    assert status == 404 and b"pyodide" not in body.lower()


@pytest.mark.parametrize("path", ["/", "/next", "/main.dart.js", "/flutter_bootstrap.js", "/fonts/NotoSans-Regular.ttf",
                                  "/manifest.json", "/favicon.png", "/no/such/file.png"])  # fmt: skip
def test_every_response_carries_the_security_headers_and_no_wildcard_cors(server, path):
    url, _process, _log = server
    _status, headers, _body = get(url + path, {"Origin": "https://elsewhere.example"})
    policy = headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert headers.get("x-frame-options") == "DENY"
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer"
    assert "access-control-allow-origin" not in headers
    assert "server" not in headers


def test_the_manifest_and_icon_are_the_apps_own_and_neutral(server):
    url, _process, _log = server
    _status, _headers, manifest = get(url + "/manifest.json")
    assert b"Care Reference" in manifest and b"Flet" not in manifest and b"Python" not in manifest
    _status, _headers, favicon = get(url + "/favicon.png")
    assert favicon == (Path(__file__).parents[2] / "assets" / "favicon.png").read_bytes()


def test_a_request_for_another_host_name_is_refused(server):
    url, _process, _log = server
    status, _headers, _body = get(url + "/", {"Host": "rebound.example"})
    assert status == 400


@pytest.mark.parametrize("origin, accepted", [
    ("same", True), ("http://localhost:1", False), ("https://elsewhere.example", False), ("null", False), (None, False),
])  # fmt: skip
def test_websockets_from_another_origin_are_refused(server, origin, accepted):
    url, _process, _log = server
    ws_url = url.replace("http", "ws") + "/ws"

    async def attempt() -> bool:
        try:
            ws = await connect(ws_url, url if origin == "same" else origin)
        except websockets.InvalidStatus as error:
            assert error.response.status_code == 403
            return False
        await ws.close()
        return True

    assert asyncio.run(attempt()) is accepted


def test_an_error_in_the_app_reaches_the_browser_as_a_neutral_message(tmp_path):
    log = tmp_path / "server.log"
    with running_server(tmp_path, "tests.server.raising_app", APP_SERVER_LOG=str(log)) as (url, _process):

        async def click() -> str:
            ws = await connect(url.replace("http", "ws") + "/ws", url)
            await ws.send(register_frame())
            first = await until(ws, lambda m: any(find(m, lambda d: d.get("_c") == "Button")))
            button = next(b for m in first for b in find(m, lambda d: d.get("_c") == "Button"))["_i"]
            await ws.send(event(button, "click"))
            crashed = await until(ws, lambda m: m[0] == SESSION_CRASHED)
            await ws.close()
            return crashed[-1][1]["message"]

        shown = asyncio.run(click())
    assert shown.startswith("Something went wrong. Reload the page to continue. (Reference: ")
    assert "secret" not in shown and ".py" not in shown and "Traceback" not in shown
    reference = shown.rsplit(": ", 1)[1].rstrip(")")
    logged = log.read_text()
    assert f"reference {reference}" in logged and "secret detail from /srv/care/app.py" in logged


def test_unregistered_connections_do_not_leak_and_sigterm_stops_the_server(tmp_path):
    with running_server(tmp_path) as (url, process):
        ws_url = url.replace("http", "ws") + "/ws"

        async def cycles(count: int) -> None:
            for _ in range(count):
                ws = await connect(ws_url, url)
                await ws.close()

        asyncio.run(cycles(50))  # warm up the code paths before the baseline
        before = rss_mb(process.pid)
        asyncio.run(cycles(500))
        after = rss_mb(process.pid)
        # Without the registration guard 500 cycles grew the server by ~35 MB and kept it.
        assert after - before < 10, (before, after)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
        assert time.monotonic() - started < 5


def test_a_soak_of_section_changes_levels_off(server):
    """Three hundred section changes in one session: memory grows while the screens are first
    built, then levels off (no session state piling up)."""
    url, process, _log = server
    routes = ["/indicators", "/care", "/asking", "/guidance", "/next", "/contacts", "/study", "/settings", "/search", "/"]

    async def soak(rounds: int) -> None:
        ws = await connect(url.replace("http", "ws") + "/ws", url)
        await ws.send(register_frame())
        await until(ws, lambda m: any(find(m, lambda d: d.get("_c") == "KeyboardListener")))
        for index in range(rounds):
            await ws.send(event(1, "route_change", {"route": routes[index % len(routes)]}))
            await until(ws, lambda m: m[0] != CONTROL_EVENT)
        await ws.close()

    asyncio.run(soak(100))
    warmed = rss_mb(process.pid)
    asyncio.run(soak(300))
    assert rss_mb(process.pid) - warmed < 15
