"""The only module that names Flet's, flet-web's or uvicorn's private or undocumented parts, each
with the reason no public one does the job. They were read from the versions in EXPECTED_VERSIONS;
check_versions(), called at start-up, refuses any other, naming the package and what hooks into it.
To move to a new version: check each hook below against its source, then update EXPECTED_VERSIONS.
tests/web/test_internals.py keeps every other module of app/ off these parts.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# Flet's session sends a method call only from inside a coroutine (push_route_at_once).
from flet.messaging.protocol import InvokeMethodRequestBody, Message, MessageAction
from flet.utils import random_string

# uvicorn's HTTP protocol has no public hook for connection counts or header deadlines.
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.protocols.utils import get_remote_addr

from app.web.limits import Limits, OncePerInterval, forwarded_client
from app.web.memory import return_freed_memory
from app.web.policy import SECURITY_HEADERS

log = logging.getLogger(__name__)

# Each package, the version the hooks were read from, and the hooks (for the message when it differs).
EXPECTED_VERSIONS = {
    "flet": ("1.0.5", "the messages app.web.sockets rewrites (flet.messaging.protocol's register and crash bodies), "
                      "the push_route method call push_route_at_once sends"),
    "flet-web": ("1.0.5", "the compiled client's files inside the package and byte patterns in them, "
                          "FletApp's private _FletApp__send_queue, FletAppManager's private session eviction"),
    "uvicorn": ("0.55.0", "the httptools protocol subclassed by BoundedHttpProtocol"),
}  # fmt: skip


class VersionChanged(RuntimeError):
    """An installed package is not the version the hooks here were read from."""


def installed_version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def check_versions(installed=None) -> None:
    """Refuse to start on a Flet, flet-web or uvicorn these hooks were not read from: a hook that
    no longer holds would fail quietly, at run time, in front of a clinician."""
    changed = []
    for package, (expected, hooks) in EXPECTED_VERSIONS.items():
        found = (installed or installed_version)(package)
        if found != expected:
            changed.append(f"- {package}: expected {expected}, installed {found or 'none'}; hooks: {hooks}")
    if changed:
        raise VersionChanged(
            "Care Reference cannot serve: a package it hooks into privately (app/web/internals.py) changed.\n"
            + "\n".join(changed)
            + "\nInstall the expected version (pip install -e .), or check each hook against the new one "
            "and update EXPECTED_VERSIONS."
        )


# --- flet-web's compiled client: its files' place in the package, and strings in them ---------------
# The client is only shipped inside the package; flet-web has no API for its files or its texts.


def client_file(*parts: str) -> Path:
    """A file of flet-web's compiled web client, e.g. client_file("main.dart.wasm")."""
    import flet_web  # here, not at import: the build-time generator needs no server

    return Path(flet_web.__file__).parent.joinpath("web", *parts)


WORKING_TEXT = b"Working..."  # the client's waiting screen, in English whatever the language
RIVE_CDN = b"https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/"  # Rive's runtime
BOOTSTRAP_CONFIG = b"var flutterConfig = {\n"  # flutter_bootstrap.js: the engine's options
SINGLE_THREADED_SKWASM = b"    forceSingleThreadedSkwasm: true,\n"  # an option of Flutter's loader, not of Flet


# --- FletApp's send queue -----------------------------------------------------------------------------
# FletApp.send_message raises once the send loop has ended (a page that left) and says so nowhere public.


def send_loop_ended(conn) -> bool:
    """Whether a FletApp's send loop has ended (its queue is gone): a message now would raise."""
    return getattr(conn, "_FletApp__send_queue", None) is None


# --- flet-web's eviction of expired sessions ---------------------------------------------------------
# FletAppManager.__evict_expired_sessions iterates `for session_id, session in sessions.items()`, so
# its coroutine keeps the last session it looked at (controls and all) while it sleeps, and for
# ever once every session is gone. That one session, allocated among the others, kept 11 of 40
# memory arenas after 30 sessions had left: 11 MB never returned (bench/memory.py). The same loop,
# with the sessions looked at in a function of their own, so that nothing outlives the round. A round
# comes every 10 s, as flet-web's, or twice per timeout when that is shorter (a short idle limit, as the
# tests set: a session dropped is then gone within 1.5 timeouts, not up to 10 s later).
EVICTION_ROUND_MAX_S = 10


def _expired_session_ids(manager) -> list[str]:
    now = datetime.now(timezone.utc)
    sessions = manager._FletAppManager__sessions
    return [sid for sid, session in sessions.items() if session.expires_at and now > session.expires_at]


def keep_no_evicted_session(session_timeout_seconds: float) -> None:
    """Install in flet-web's session manager (before its start, at the app's) a loop that evicts the
    sessions dropped longer than `session_timeout_seconds` ago, as flet-web's did."""
    # Here, not at the top: flet-web's manager brings FastAPI (0.23 s), which the shell, importing
    # this module for push_route_at_once, does not need (a desktop window has no web server).
    from flet_web.fastapi.flet_app_manager import FletAppManager

    if not hasattr(FletAppManager, "_FletAppManager__evict_expired_sessions"):  # else it would install nothing
        raise VersionChanged("flet-web's FletAppManager has no __evict_expired_sessions (app/web/internals.py)")
    every = min(EVICTION_ROUND_MAX_S, session_timeout_seconds / 2)

    async def evict_expired_sessions(manager) -> None:
        while True:
            await asyncio.sleep(every)
            expired = _expired_session_ids(manager)
            for session_id in expired:
                await manager.delete_session(session_id)
            if expired:
                return_freed_memory()

    FletAppManager._FletAppManager__evict_expired_sessions = evict_expired_sessions


# --- Flet's push_route, sent at once -------------------------------------------------------------------
# page.push_route is a coroutine: its method call leaves only when its task runs, after the handler
# that asked for it has sent the new screen. When the client handled the address after drawing that
# screen (a third of the switches here), its accessibility tree dropped the scrolling list's role
# and took it back over the next two frames, taking every node of the screen out of the page and
# in again: a field tapped in those frames lost the focus and the keys typed into it (issue 27,
# the age field, about 1 try in 500 on a busy machine). Sent before the screen, the address is
# handled first, and the screen is drawn once.


def push_route_at_once(page, route: str) -> None:
    """Tell the client the new address now, without waiting for its reply (Flet's own reply, with
    a call id no one waits for, is dropped by the session). A session between two connections has
    no client to tell, and Flet's own sending drops the call too."""
    if (connection := page.session.connection) is None:
        return
    call = InvokeMethodRequestBody(control_id=page._i, call_id=random_string(10), name="push_route", args={"route": route})
    connection.send_message(Message(MessageAction.INVOKE_METHOD, call))


# --- uvicorn's HTTP protocol ------------------------------------------------------------------------


_refusal_logged = OncePerInterval()


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
    - the 400/431 this layer sends itself carry SECURITY_HEADERS (the ASGI middleware never sees them);
    - behind a trusted proxy (limits.trusted_proxies) a connection counts for the client the proxy
      forwards, known only once the headers are read: `per_client` is then checked there, and a
      request over it answered 429 (with SECURITY_HEADERS), a WebSocket over it not upgraded. The
      WebSocket protocol an upgrade hands the connection to is counted for that client too.

    Built by uvicorn for each connection: pass functools.partial(BoundedHttpProtocol, limits=...)."""

    def __init__(self, *args, limits: Limits, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits
        self.refused = False
        self.header_timer: asyncio.TimerHandle | None = None
        self.header_bytes = 0
        self.peer = ""
        self.over_limit = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        client = get_remote_addr(transport)
        self.peer = client[0] if client else ""
        reason = None
        if len(self.connections) >= self.limits.total:
            reason, key = f"the server holds {len(self.connections)} connections", "*"
        elif not self.via_proxy and self._held_by(self.peer) >= self.limits.per_client:
            reason, key = f"{self.peer} holds {self.limits.per_client} connections", self.peer
        if reason:
            self.refused = True
            transport.abort()  # nothing read, nothing buffered, no task
            _log_refusal(key, reason)
            return
        super().connection_made(transport)
        self._start_header_timer()

    @property
    def via_proxy(self) -> bool:
        return self.peer in self.limits.trusted_proxies

    def _held_by(self, address: str) -> int:
        """Connections (HTTP and WebSocket) counted for `address`, this one left out."""
        return sum(1 for c in self.connections if c is not self and (getattr(c, "client", None) or ("",))[0] == address)

    def _count_forwarded_client(self) -> bool:
        """Behind a trusted proxy: count this connection for the client it forwards; whether that
        client already holds `per_client` others. (Each request, as a proxy may reuse a connection.)"""
        if not self.via_proxy:
            return False
        address = forwarded_client(self.headers, self.limits.trusted_proxies) or self.peer
        self.client = (address, 0)
        over = self._held_by(address) >= self.limits.per_client
        if over:
            _log_refusal(address, f"{address} (through the proxy) holds {self.limits.per_client} connections")
        return over

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
        self.over_limit = self._count_forwarded_client()
        if not self.over_limit:
            return super().on_headers_complete()
        # uvicorn answers its own concurrency limit the same way: another ASGI app for this request.
        app, self.app = self.app, _too_many_connections
        try:
            super().on_headers_complete()
        finally:
            self.app = app

    def handle_websocket_upgrade(self) -> None:
        if self.over_limit:
            self._send_refusal(429, "Too many connections from one address.")
            return
        super().handle_websocket_upgrade()
        # The WebSocket protocol took the peer's address (the proxy's): count it for the client.
        self.transport.get_protocol().client = self.client

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


def _log_refusal(key: str, reason: str) -> None:
    if _refusal_logged(key):
        log.warning("Refusing connections: %s (logged once a minute)", reason)


async def _too_many_connections(scope, receive, send) -> None:
    """The answer to a request over the per-client bound behind a proxy (which relays it)."""
    body = b"Too many connections from one address."
    headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in SECURITY_HEADERS.items()]
    headers += [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})
