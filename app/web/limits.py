"""Bounds at the HTTP layer, below the ASGI app: connections per client address and in all,
request headers' time and size, and the open-files limit (issues 31 and 33)."""

from __future__ import annotations

import asyncio
import errno
import logging
import math
import os
import time
from dataclasses import dataclass

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.protocols.utils import get_remote_addr

from app.web.policy import SECURITY_HEADERS

log = logging.getLogger(__name__)

HEADER_TIMEOUT_S = 10.0  # CARE_REFERENCE_HEADER_TIMEOUT_SECONDS: from connecting to the headers' end
MAX_HEADER_BYTES = 64 * 1024  # request line and headers; browsers send under 8 KB
# CARE_REFERENCE_MAX_CONNECTIONS_PER_CLIENT. A browser holds about 6 HTTP connections and one
# WebSocket per tab; behind a reverse proxy every clinician shares the proxy's address: raise it.
MAX_CONNECTIONS_PER_CLIENT = 64
MAX_CONNECTIONS = 1000  # CARE_REFERENCE_MAX_CONNECTIONS; never more than the open-files limit allows
FILES_RESERVED = 100  # files kept for the app itself (content, static files, logs) under the limit
REFUSAL_LOG_INTERVAL_S = 60.0  # at most one log line per client address (and for running out of files) per interval


@dataclass(frozen=True)
class Limits:
    """What one connection and one client address may hold (BoundedHttpProtocol)."""

    header_timeout: float = HEADER_TIMEOUT_S
    max_header_bytes: int = MAX_HEADER_BYTES
    per_client: int = MAX_CONNECTIONS_PER_CLIENT
    total: int = MAX_CONNECTIONS

    @classmethod
    def from_env(cls, file_limit: int | None = None) -> Limits:
        env = os.environ
        total = int(env.get("CARE_REFERENCE_MAX_CONNECTIONS", MAX_CONNECTIONS))
        if file_limit is not None:
            total = max(1, min(total, file_limit - FILES_RESERVED))
        return cls(
            header_timeout=float(env.get("CARE_REFERENCE_HEADER_TIMEOUT_SECONDS", HEADER_TIMEOUT_S)),
            per_client=int(env.get("CARE_REFERENCE_MAX_CONNECTIONS_PER_CLIENT", MAX_CONNECTIONS_PER_CLIENT)),
            total=total,
        )


class _OncePerInterval:
    """Whether to log now about `key`: at most once per `interval` seconds each (no log flood)."""

    def __init__(self, interval: float = REFUSAL_LOG_INTERVAL_S, keys: int = 1024) -> None:
        self.interval, self.keys, self.last = interval, keys, {}

    def __call__(self, key: str) -> bool:
        now = time.monotonic()
        if now - self.last.get(key, -math.inf) < self.interval:
            return False
        if len(self.last) >= self.keys:  # many addresses: forget the old ones, bounded
            self.last = {k: t for k, t in self.last.items() if now - t < self.interval}
            if len(self.last) >= self.keys:
                return False
        self.last[key] = now
        return True


_refusal_logged = _OncePerInterval()


def _security_header_lines() -> bytes:
    return b"".join(f"{name}: {value}\r\n".encode("latin-1") for name, value in SECURITY_HEADERS.items())


class BoundedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the bounds it lacks (uvicorn 0.55 reads headers for ever,
    at any length, and accepts every connection):

    - a connection is refused (closed unread, before uvicorn counts it) when its client address
      already holds `per_client` connections or the server `total`. The count is of
      server_state.connections, which holds the WebSocket protocols too: an upgrade moves a
      connection from this protocol (which then never sees connection_lost) to the WebSocket's;
    - the request line and headers must arrive within `header_timeout` of connecting (or, on a
      kept-alive connection, of the request's first byte), and within `max_header_bytes` (431);
    - the 400/431 this layer sends itself carry SECURITY_HEADERS (the ASGI middleware never sees them).

    Built by uvicorn for each connection: pass functools.partial(BoundedHttpProtocol, limits=...)."""

    def __init__(self, *args, limits: Limits, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits
        self.refused = False
        self.header_timer: asyncio.TimerHandle | None = None
        self.header_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        client = get_remote_addr(transport)
        host = client[0] if client else ""
        reason = None
        if len(self.connections) >= self.limits.total:
            reason, key = f"the server holds {len(self.connections)} connections", "*"
        elif sum(1 for c in self.connections if (getattr(c, "client", None) or ("",))[0] == host) >= self.limits.per_client:
            reason, key = f"{host} holds {self.limits.per_client} connections", host
        if reason:
            self.refused = True
            transport.abort()  # nothing read, nothing buffered, no task
            if _refusal_logged(key):
                log.warning("Refusing connections: %s (logged once a minute)", reason)
            return
        super().connection_made(transport)
        self._start_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.refused:
            return
        self._cancel_header_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.header_timer is not None:  # still reading a request line and headers
            self.header_bytes += len(data)
            if self.header_bytes > self.limits.max_header_bytes:
                self._cancel_header_timer()
                self._send_refusal(431, "Request header fields too large.")
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._start_header_timer()  # a kept-alive connection's next request

    def on_headers_complete(self) -> None:
        self._cancel_header_timer()
        self.header_bytes = 0
        super().on_headers_complete()

    def send_400_response(self, msg: str) -> None:
        self._send_refusal(400, msg)

    def _send_refusal(self, status: int, msg: str) -> None:
        # As uvicorn's send_400_response, with the security headers.
        body = msg.encode("ascii")
        head = b"".join((b"%s: %s\r\n" % (name, value) for name, value in self.server_state.default_headers))
        self.transport.write(
            STATUS_LINE[status] + head + _security_header_lines()
            + b"content-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\nconnection: close\r\n\r\n" % len(body)
            + body
        )  # fmt: skip
        self.transport.close()

    def _start_header_timer(self) -> None:
        if self.header_timer is None:
            self.header_timer = self.loop.call_later(self.limits.header_timeout, self._header_timed_out)

    def _cancel_header_timer(self) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def _header_timed_out(self) -> None:
        self.header_timer = None
        if not self.transport.is_closing():
            self.transport.abort()


def raise_file_limit() -> int | None:
    """Raise the open-files soft limit to the hard limit (often 1,024 of 524,288): ~1,100
    connections used to exhaust it. Returns the soft limit in force (None where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError) as error:
            log.warning("Could not raise the open-files limit from %d to %d: %s", soft, target, error)
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return None if soft == resource.RLIM_INFINITY else soft


def install_loop_exception_handler(loop: asyncio.AbstractEventLoop) -> None:
    """Running out of files: asyncio reports each failed accept() with a traceback, once a second
    for as long as it lasts. Say it in one line, once per interval; pass anything else on."""
    previous = loop.get_exception_handler()
    once = _OncePerInterval()

    def handler(loop: asyncio.AbstractEventLoop, context: dict) -> None:
        error = context.get("exception")
        if isinstance(error, OSError) and error.errno in (errno.EMFILE, errno.ENFILE):
            if once("files"):
                log.error("Out of open files (%s): new connections wait until others close", error.strerror)
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)

