"""Behind a reverse proxy every connection comes from the proxy's address: the per-client bound
counts the client the proxy forwards (X-Forwarded-For / X-Real-IP), and believes those headers only
from the proxy named in CARE_REFERENCE_TRUSTED_PROXY, never by default. The real server in a
subprocess; loopback only (the forwarded addresses are documentation addresses, in headers only)."""

from __future__ import annotations

import base64
import os
import socket
from contextlib import ExitStack

import pytest

from app.web.limits import Limits, NotAnAddress, forwarded_client, trusted_proxies
from app.web.policy import SECURITY_HEADERS
from app.web.server import uvicorn_config
from tests.server.raw import closed_by_server, port_of, raw, read_response, wait_for
from tests.serving import running_server

PER_CLIENT = 3
PROXY = "127.0.0.1"  # the trusted proxy; 127.0.0.2 is any other machine


def test_forwarded_headers_are_trusted_from_no_one_by_default():
    assert Limits().trusted_proxies == frozenset()
    config = uvicorn_config(None, "127.0.0.1", 8550, Limits())
    assert config.proxy_headers is False  # uvicorn's own default would trust 127.0.0.1


def test_the_trusted_proxies_are_ip_addresses():
    assert trusted_proxies(" 127.0.0.1, ::1 ,") == {"127.0.0.1", "::1"}
    with pytest.raises(NotAnAddress):
        trusted_proxies("proxy.example")
    with pytest.raises(NotAnAddress):
        trusted_proxies("127.0.0.0/8")  # a range trusts more than the one proxy meant


@pytest.mark.parametrize(
    "headers, client",
    [
        ([(b"x-forwarded-for", b"192.0.2.7")], "192.0.2.7"),
        ([(b"x-real-ip", b"192.0.2.8")], "192.0.2.8"),
        # The rightmost entry is the one the proxy wrote; those to its left came from the client.
        ([(b"x-forwarded-for", b"198.51.100.1, 192.0.2.7")], "192.0.2.7"),
        ([(b"x-forwarded-for", b"192.0.2.7, 127.0.0.1")], "192.0.2.7"),  # a chain of trusted proxies
        ([(b"x-forwarded-for", b"not an address"), (b"x-real-ip", b"192.0.2.8")], "192.0.2.8"),
        ([(b"x-forwarded-for", b"198.51.100.1, garbage")], None),  # never an entry the client wrote
        ([], None),
    ],
)
def test_the_forwarded_client_is_the_one_the_proxy_names(headers, client):
    assert forwarded_client(headers, frozenset({"127.0.0.1"})) == client


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"CARE_REFERENCE_TRUSTED_PROXY": PROXY, "CARE_REFERENCE_MAX_CONNECTIONS_PER_CLIENT": str(PER_CLIENT)}
    with running_server(tmp_path_factory.mktemp("cwd"), **env) as (url, _process):
        yield url


def request(port: int, source: str, path: str = "/ws", forwarded_for: str | None = None) -> socket.socket:
    """A WebSocket upgrade (or, for another path, a GET) from `source`, as a proxy relays it."""
    sock = raw(port, source)
    extra = f"X-Forwarded-For: {forwarded_for}\r\nX-Real-IP: {forwarded_for}\r\n" if forwarded_for else ""
    if path == "/ws":
        key = base64.b64encode(os.urandom(16)).decode()
        extra += (f"Origin: http://127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n")  # fmt: skip
    else:
        extra += "Connection: close\r\n"
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}\r\n".encode())
    return sock


def test_through_the_trusted_proxy_each_clinician_has_their_own_bound(server):
    port = port_of(server)
    with ExitStack() as held:
        for _ in range(PER_CLIENT):
            sock = held.enter_context(request(port, PROXY, forwarded_for="192.0.2.1"))
            assert read_response(sock)[0] == 101
        # The same clinician once more: refused, as the HTTP layer's other answers, with the headers.
        over = held.enter_context(request(port, PROXY, forwarded_for="192.0.2.1"))
        status, headers = read_response(over)
        assert status == 429
        assert all(name in headers for name in SECURITY_HEADERS)
        page = held.enter_context(request(port, PROXY, "/manifest.json", forwarded_for="192.0.2.1"))
        assert read_response(page)[0] == 429
        # Another clinician behind the same proxy is not lumped in with the first.
        other = held.enter_context(request(port, PROXY, forwarded_for="192.0.2.2"))
        assert read_response(other)[0] == 101
        page = held.enter_context(request(port, PROXY, "/manifest.json", forwarded_for="192.0.2.2"))
        assert read_response(page)[0] == 200


def test_from_anywhere_else_the_forwarded_headers_are_not_believed(server):
    """127.0.0.2 is not the proxy: it cannot claim to be many clients to get many connections."""
    port = port_of(server)
    with ExitStack() as held:
        for n in range(PER_CLIENT):
            sock = held.enter_context(request(port, "127.0.0.2", forwarded_for=f"192.0.2.{10 + n}"))
            assert read_response(sock)[0] == 101
        refused = held.enter_context(raw(port, "127.0.0.2"))
        wait_for(lambda: closed_by_server(refused), "the connection over 127.0.0.2's bound closed unread")
