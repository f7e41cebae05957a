"""The web server: the app served in web mode, and nothing more than the app.

Replaces `ft.run(main, view=ft.AppView.WEB_BROWSER, ...)`, which builds its server in
flet_web/fastapi/serve_fastapi_web_app.py and flet_web/fastapi/app.py. This builds the same
ASGI app from the same flet-web parts (flet_web.fastapi.FastAPI for the session manager's
lifespan, FletStaticFiles for the client and the assets, FletApp for each WebSocket), with:

1. only the routes the app uses: the client's files and /ws. No /docs, /redoc, /openapi.json,
   /oauth_callback, no /upload (the app has no uploads);
2. security headers on every HTTP response (CSP with frame-ancestors, X-Frame-Options, ...);
3. no `Access-Control-Allow-Origin: *` (Flet's CustomHeadersMiddleware is not used);
4. WebSockets refused (HTTP 403 before accept) unless Origin is the page's own origin, and
   requests refused unless Host is one IP literal, localhost or a configured name (DNS rebinding;
   two Host headers are refused: servers and proxies disagree on which one counts);
5. the client shown a neutral message, with a reference, instead of an exception and its
   traceback; the details go to the server log only;
6. FLET_SERVER_IP / FLET_SERVER_PORT refused when they disagree with host/port;
7. (no code) index.html, manifest.json, favicon.png and icons/*.png in assets_dir replace Flet's;
8. a connection that does not register within REGISTER_TIMEOUT_S, or leaves before it does,
   is closed and its FletApp's loops are cancelled (flet-web leaks both, and they then stall
   shutdown); a frame sent after the peer left is dropped instead of killing the send loop
   (flet-web then never marks the session disconnected); and a message queued after the send
   loop ended is dropped instead of raising in the task that sent it;
9. a dropped session is kept as long as the idle reset, not flet-web's hour (issue 33);
10. no permessage-deflate (a 15.5 KB compressed frame inflated and decoded to 1.24 GB and froze the
   server 1.1-1.5 s, issue 33), and WebSocket messages no larger than the protocol needs
   (WS_MAX_MESSAGE_BYTES);
11. request headers must arrive within HEADER_TIMEOUT_S, a client address holds at most
   MAX_CONNECTIONS_PER_CLIENT connections and the server at most MAX_CONNECTIONS
   (BoundedHttpProtocol, issue 33);
12. request headers fit in MAX_HEADER_BYTES (431), and the HTTP layer's own refusals (400 for a
   malformed request, 431) carry the security headers too;
13. the open-files limit is raised to the hard limit, and running out of files logs one line,
   not a traceback a second (issue 31).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import functools
import ipaddress
import logging
import math
import os
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import uvicorn
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.protocols.utils import get_remote_addr
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response, StreamingResponse
from starlette.types import ASGIApp, Message as ASGIMessage, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

import flet_web.fastapi as flet_fastapi
from flet.controls.types import RouteUrlStrategy, WebRenderer
from flet.messaging.protocol import Message, MessageAction, SessionCrashedBody
from flet_web.fastapi import FletApp, FletStaticFiles, app_manager

from app import client_patches
from app.visit import idle_reset_seconds
from app.web_files import CSP

log = logging.getLogger("app.server")

SECURITY_HEADERS = {
    # frame-ancestors, base-uri and form-action only work in a header, not in the <meta> tag.
    "content-security-policy": f"{CSP}; frame-ancestors 'none'; base-uri 'self'; form-action 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    # The two headers Flet's own middleware sets, kept (cross-origin isolation for the renderer).
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
}
WEBSOCKET_PATH = "/ws"  # what FletStaticFiles writes into index.html as flet.webSocketEndpoint
REGISTER_TIMEOUT_S = 10.0  # the client registers as soon as its socket is open
NEUTRAL_ERROR = "Something went wrong. Reload the page to continue. (Reference: {ref})"
# The largest client->server message in normal use (2026-12-06): tests/server/client.py driving a
# session through register, every section, 213 characters typed into Search one at a time (each
# keystroke sends the whole text) and a resize: 243 bytes, the typed text. Chromium (driver.py)
# opening the app, changing sections, typing into Search, resizing: 127 frames, the largest the
# register at 465 bytes. 64 KiB is some 140 times that, room for about 30,000 Arabic characters
# pasted into Search; the app has no uploads.
WS_MAX_MESSAGE_BYTES = 64 * 1024
HEADER_TIMEOUT_S = 10.0  # CARE_REFERENCE_HEADER_TIMEOUT_SECONDS: from connecting to the headers' end
MAX_HEADER_BYTES = 64 * 1024  # request line and headers; browsers send under 8 KB
# CARE_REFERENCE_MAX_CONNECTIONS_PER_CLIENT. A browser holds about 6 HTTP connections and one
# WebSocket per tab; behind a reverse proxy every clinician shares the proxy's address: raise it.
MAX_CONNECTIONS_PER_CLIENT = 64
MAX_CONNECTIONS = 1000  # CARE_REFERENCE_MAX_CONNECTIONS; never more than the open-files limit allows
FILES_RESERVED = 100  # files kept for the app itself (content, static files, logs) under the limit
REFUSAL_LOG_INTERVAL_S = 60.0  # at most one log line per client address (and for running out of files) per interval


class SecurityHeaders:
    """Pure ASGI middleware: sets `headers` on every HTTP response (static files, index.html, 404s)."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message: ASGIMessage) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TrustedHost:
    """Refuses a request whose Host is not an IP literal, localhost or one of `names`: a page on a
    rebound DNS name (evil.example -> 127.0.0.1) would otherwise be same-origin with the app. A
    request with two Host headers is refused too: which one counts differs between servers."""

    def __init__(self, app: ASGIApp, names: Iterable[str] = ()) -> None:
        self.app = app
        self.names = {name.lower() for name in names} | {"localhost"}

    def allowed(self, host: str) -> bool:
        try:
            hostname = urlsplit(f"//{host}").hostname  # lower-cased, port and [] stripped
        except ValueError:
            return False
        if not hostname:
            return False
        if hostname in self.names:
            return True
        try:
            ipaddress.ip_address(hostname)
            return True
        except ValueError:
            return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        hosts = [value for name, value in scope.get("headers", ()) if name == b"host"]
        # Two Host headers: servers and proxies disagree on which one counts (here the first won).
        host_ok = len(hosts) == 1 and self.allowed(hosts[0].decode("latin-1"))
        if scope["type"] in ("http", "websocket") and not host_ok:
            if scope["type"] == "websocket":
                return await send({"type": "websocket.close", "code": 1008})  # before accept: HTTP 403
            return await PlainTextResponse("Invalid host", status_code=400)(scope, receive, send)
        await self.app(scope, receive, send)


def same_origin(scope: Scope, extra_origins: Iterable[str] = ()) -> bool:
    """Whether the handshake's Origin is the origin the page was served from (scheme-less match on
    Host, so it holds for http://127.0.0.1:PORT, a LAN address and a TLS proxy alike)."""
    headers = Headers(scope=scope)
    origin, host = headers.get("origin"), headers.get("host")
    if not origin or not host:
        return False  # browsers always send Origin on a WebSocket handshake
    if origin.lower() in {o.lower() for o in extra_origins}:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


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


class _GuardedFletApp(FletApp):
    """FletApp that reports its registration and never sends an exception's text to the client.

    Every message to the client passes through `send_message`, whatever sent it (Session.error
    for handler/effect errors, the register response for before_main's)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.registered = asyncio.Event()

    def send_message(self, message: Message) -> None:
        if getattr(self, "_FletApp__send_queue", None) is None:
            # The page has left (a reload, another address, a closed tab): its send loop has ended
            # and the session waits for the page on a new connection, so a message for this one is
            # moot. flet-web drops a data frame then (send_data_channel_frame) but raises on a
            # message, in whatever task sent it: seen from page.navigate's push_route on a reload.
            return
        if message.action == MessageAction.REGISTER_CLIENT:
            self.registered.set()
            if message.body.error:
                message.body.error = _neutral(message.body.error)
        elif message.action == MessageAction.SESSION_CRASHED:
            message = Message(MessageAction.SESSION_CRASHED, SessionCrashedBody(_neutral(message.body.message)))
        super().send_message(message)


def _neutral(details: str) -> str:
    ref = secrets.token_hex(4)
    log.error("Error reported to the client as reference %s:\n%s", ref, details)
    return NEUTRAL_ERROR.format(ref=ref)


class _PeerSafeWebSocket(WebSocket):
    """Drops a frame sent after the peer left instead of raising. FletApp's send loop dies on that
    error, and handle() then re-raises it past disconnect_session (flet_app.py:137-143): the
    session is never marked disconnected, never expires, and its queue keeps growing. Dropped,
    the receive loop sees the disconnect and ends the send loop the normal way."""

    async def send_bytes(self, data: bytes) -> None:
        if self.application_state != WebSocketState.CONNECTED:
            return  # an earlier send found the peer gone, or the socket was closed here
        with contextlib.suppress(WebSocketDisconnect):
            await super().send_bytes(data)


class FletSocket:
    """The /ws endpoint (an ASGI app, so it can watch the receive channel).

    flet-web's FletApp.handle (flet_web/fastapi/flet_app.py:133-143) starts a send loop that
    only ends when a *registered* session puts None in its queue (:255-257): for a socket that
    leaves or stalls before registering, handle() awaits that loop forever. So: bound the
    time to registration, and when the peer leaves or the time is up before it, cancel
    handle() (which cancels the send loop it awaits) and close the socket."""

    def __init__(self, main, *, before_main=None, extra_origins: Iterable[str] = (),
                 register_timeout: float = REGISTER_TIMEOUT_S, **flet_app_kwargs) -> None:  # fmt: skip
        self.main = main
        self.before_main = before_main
        self.extra_origins = tuple(extra_origins)
        self.register_timeout = register_timeout
        self.flet_app_kwargs = flet_app_kwargs

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not same_origin(scope, self.extra_origins):
            log.warning("WebSocket refused: Origin %r, Host %r", Headers(scope=scope).get("origin"),
                        Headers(scope=scope).get("host"))  # fmt: skip
            return await send({"type": "websocket.close", "code": 1008})  # before accept: HTTP 403

        gone = asyncio.Event()

        async def watched_receive() -> ASGIMessage:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                gone.set()
            return message

        websocket = _PeerSafeWebSocket(scope, watched_receive, send)
        conn = _GuardedFletApp(
            loop=asyncio.get_running_loop(), executor=app_manager.executor, main=self.main,
            before_main=self.before_main, **self.flet_app_kwargs,
        )  # fmt: skip
        handler = asyncio.create_task(conn.handle(websocket))
        waits = [asyncio.create_task(conn.registered.wait()), asyncio.create_task(gone.wait())]
        try:
            await asyncio.wait([handler, *waits], timeout=self.register_timeout, return_when=asyncio.FIRST_COMPLETED)
            if not conn.registered.is_set() and not handler.done():
                handler.cancel()  # left, or stalled, before registering
                with contextlib.suppress(asyncio.CancelledError):
                    await handler
                if websocket.client_state == WebSocketState.CONNECTED and not gone.is_set():
                    with contextlib.suppress(Exception):
                        await websocket.close(code=1008)
                return
            await handler
        finally:
            for task in (*waits, handler):
                task.cancel()


def build_app(
    main,
    *,
    assets_dir: str | Path,
    before_main=None,
    web_renderer: WebRenderer = WebRenderer.AUTO,
    route_url_strategy: RouteUrlStrategy = RouteUrlStrategy.PATH,
    no_cdn: bool = True,
    allowed_hosts: Iterable[str] = (),
    extra_origins: Iterable[str] = (),
    on_startup=(),
    session_timeout_seconds: int | None = None,
):
    """The ASGI app. flet_web.fastapi.FastAPI is FastAPI plus a lifespan that starts and stops
    flet-web's session manager (session expiry, temp dir of the patched index.html).

    A dropped session (closed tab, lost network) is kept `session_timeout_seconds` for the page to
    reconnect, by default as long as the idle reset: after that the shell would have forgotten
    the visit anyway. flet-web's default kept it an hour (500 dropped sessions: 149 MB). Its
    manager evicts expired sessions every 10 s (flet_app_manager.__evict_expired_sessions)."""
    if session_timeout_seconds is None:
        session_timeout_seconds = max(1, math.ceil(idle_reset_seconds()))
    app = flet_fastapi.FastAPI(docs_url=None, redoc_url=None, openapi_url=None, on_startup=list(on_startup))
    endpoint = FletSocket(main, before_main=before_main, extra_origins=extra_origins, session_timeout_seconds=session_timeout_seconds)
    app.router.add_websocket_route(WEBSOCKET_PATH, endpoint)
    add_client_patches(app)  # before the client's own files, which answer every other path
    for path in UNUSED_CLIENT_FILES:  # Flet's in-browser Python: this app runs on the server
        app.router.add_route(path, _not_served, methods=["GET", "HEAD"])
    app.mount(
        "/",
        FletStaticFiles(
            assets_dir=str(assets_dir),  # index.html, manifest.json, favicon.png, icons/ there win
            web_renderer=web_renderer,
            route_url_strategy=route_url_strategy,
            no_cdn=no_cdn,
            websocket_endpoint_path=WEBSOCKET_PATH.lstrip("/"),
        ),
    )
    app.add_middleware(TrustedHost, names=allowed_hosts)
    app.add_middleware(SecurityHeaders, headers=SECURITY_HEADERS)  # added last: outermost
    return app


UNUSED_CLIENT_FILES = ("/python.js", "/python-worker.js", "/pyodide", "/pyodide/{rest:path}")


async def _not_served(request: Request) -> Response:
    return PlainTextResponse("Not found", status_code=404)


def add_client_patches(app) -> None:
    """The client's files as app.client_patches changes them, the Rive stub and the fallback font."""

    def patched_file(name: str):
        async def serve(request: Request) -> Response:
            try:
                served = client_patches.patched(name)
            except client_patches.ClientChanged:
                log.exception("Not serving %s", name)
                return PlainTextResponse("Not available", status_code=500)
            if request.headers.get("if-none-match") == served.etag:
                return Response(status_code=304, headers={"etag": served.etag})
            headers = {"etag": served.etag, "cache-control": "no-cache", "content-length": str(served.size)}
            if request.method == "HEAD":
                return Response(media_type=served.media_type, headers=headers)
            return StreamingResponse(served.chunks(), media_type=served.media_type, headers=headers)

        return serve

    async def rive_stub(request: Request) -> Response:
        return Response(client_patches.RIVE_STUB, media_type="text/javascript")

    def fallback_font(font: Path):
        async def serve(request: Request) -> Response:
            return FileResponse(font, media_type="font/ttf")

        return serve

    for name in client_patches.PATCHED:
        app.router.add_route(f"/{name}", patched_file(name), methods=["GET", "HEAD"])
    for path in client_patches.RIVE_PATHS:
        app.router.add_route(path, rive_stub, methods=["GET"])
    for family, font in client_patches.FALLBACK_FONTS.items():
        app.router.add_route(f"/assets/fonts/{family}/{{rest:path}}", fallback_font(font), methods=["GET"])


def refuse_flet_overrides(host: str, port: int) -> None:
    """ft.run lets FLET_SERVER_IP / FLET_SERVER_PORT replace host/port silently (flet/app.py:200-209).
    This server does not read them; refuse them rather than bind somewhere else than they say."""
    for name, ours in (("FLET_SERVER_IP", host), ("FLET_SERVER_PORT", str(port))):
        value = os.environ.get(name)
        if value and value != ours:
            raise SystemExit(f"{name}={value} is set, but the server binds {ours}: use --host/--port, or unset {name}.")


def serve(
    main,
    host: str = "127.0.0.1",
    port: int = 8550,
    *,
    assets_dir: str | Path,
    open_browser: bool = False,
    log_level: str = "warning",
    **build_kwargs,
) -> None:
    """Serve until SIGINT/SIGTERM. Uvicorn installs those handlers itself (uvicorn/server.py,
    capture_signals), shuts down gracefully, then re-raises the signal."""
    refuse_flet_overrides(host, port)
    limits = Limits.from_env(raise_file_limit())
    url = f"http://{'127.0.0.1' if host in ('', '0.0.0.0', '::') else host}:{port}/"
    startup = [lambda: install_loop_exception_handler(asyncio.get_running_loop())]
    if open_browser:  # what ft.run does on a machine with a display (flet/app.py:237-238)
        from flet.utils import open_in_browser

        startup.append(lambda: open_in_browser(url))
    app = build_app(main, assets_dir=assets_dir, on_startup=startup, **build_kwargs)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=functools.partial(BoundedHttpProtocol, limits=limits),
        ws="websockets-sansio",  # as flet_web/fastapi/serve_fastapi_web_app.py
        ws_per_message_deflate=False,  # a 15.5 KB frame inflated to 1.24 GB (issue 33)
        ws_max_size=WS_MAX_MESSAGE_BYTES,
        loop="asyncio",  # ft.run runs on asyncio's own loop; "auto" would pick uvloop when installed
        log_level=log_level,
        server_header=False,
        timeout_graceful_shutdown=5,  # backstop: never hang on a stuck connection at shutdown
    )
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run()
