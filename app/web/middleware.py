"""Plain ASGI middleware in front of the app: security headers on every HTTP response, and only
the Host names and WebSocket origins the app is meant to be reached by."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message as ASGIMessage, Receive, Scope, Send


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

