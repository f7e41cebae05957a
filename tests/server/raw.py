"""Raw connections to the served app, for the limit tests and bench/abuse.py: sockets from a chosen
loopback address, half-sent requests, hand-made WebSocket frames, a session of the page through the
protocol client, and the server's memory. A plain module, so the benchmark need not import a test."""

from __future__ import annotations

import base64
import contextlib
import os
import socket
import threading
import time
from pathlib import Path
from typing import Callable

from tests.server.client import CONTROL_EVENT, connect, event, find, register_frame, until

ROUTES = ["/indicators", "/care", "/asking", "/guidance", "/next", "/contacts", "/study", "/settings"]
HALF_REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow"


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    """Poll a condition the server gives no event for (a connection closed, an address served)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.02)


def half_requests(port: int, source: str, count: int) -> list[socket.socket]:
    """`count` connections from `source`, each sending a request whose headers never end."""
    sockets = []
    for _ in range(count):
        sock = raw(port, source)
        with contextlib.suppress(OSError):  # a refused connection may be gone already
            sock.sendall(HALF_REQUEST)
        sockets.append(sock)
    return sockets


def served(port: int, source: str = "127.0.0.1") -> bool:
    """Whether a whole request from `source` gets an answer (a refused connection gets none)."""
    try:
        with raw(port, source, timeout=2) as sock:
            sock.sendall(f"GET /manifest.json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            return sock.recv(12).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def raw(port: int, source: str = "127.0.0.1", timeout: float = 5.0) -> socket.socket:
    sock = socket.socket()
    sock.settimeout(timeout)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def read_response(sock: socket.socket) -> tuple[int, dict[str, list[str]]]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers: dict[str, list[str]] = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return int(head[0].split()[1]), headers


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed this connection (without waiting for it to)."""
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except ConnectionError:
        return True


async def registered(url: str, source: str | None = None):
    """A session of the page, registered and showing its first screen (from address `source`)."""
    extra = {"local_addr": (source, 0)} if source else {}
    ws = await connect(url.replace("http", "ws") + "/ws", url, **extra)
    await ws.send(register_frame())
    await until(ws, lambda m: any(find(m, lambda d: d.get("_c") == "KeyboardListener")))
    return ws


async def navigate(ws, route: str) -> float:
    started = time.monotonic()
    await ws.send(event(1, "route_change", {"route": route}))
    await until(ws, lambda m: m[0] != CONTROL_EVENT)
    return time.monotonic() - started


async def a_session_works(url: str, source: str | None = None) -> float:
    ws = await registered(url, source)
    try:
        return await navigate(ws, "/care")
    finally:
        await ws.close()


class PeakRss:
    """The server's largest RSS while the block runs, sampled every 10 ms."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, rss_mb(pid), threading.Event()

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, rss_mb(self.pid))

    def __enter__(self) -> PeakRss:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def websocket_frame(payload: bytes, *, rsv1: bool = False, opcode: int = 0x2) -> bytes:
    """One client frame (masked, as RFC 6455 requires of a client)."""
    mask = os.urandom(4)
    head = bytes([0x80 | (0x40 if rsv1 else 0) | opcode])
    length = len(payload)
    if length < 126:
        head += bytes([0x80 | length])
    elif length < 1 << 16:
        head += bytes([0x80 | 126]) + length.to_bytes(2, "big")
    else:
        head += bytes([0x80 | 127]) + length.to_bytes(8, "big")
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload)) if length < 1 << 16 else _mask_large(payload, mask)
    return head + mask + masked


def _mask_large(payload: bytes, mask: bytes) -> bytes:
    repeated = (mask * (len(payload) // 4 + 1))[: len(payload)]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(len(payload), "big")


def upgrade(port: int, origin: str, *, deflate: bool) -> tuple[socket.socket, dict[str, list[str]]]:
    sock = raw(port)
    key = base64.b64encode(os.urandom(16)).decode()
    extensions = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" if deflate else ""
    sock.sendall(
        f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {origin}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{extensions}\r\n".encode()
    )
    status, headers = read_response(sock)
    assert status == 101
    return sock, headers


