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
   (app.web.internals.BoundedHttpProtocol, issue 33);
12. request headers fit in MAX_HEADER_BYTES (431), and the HTTP layer's own refusals (400 for a
   malformed request, 431) carry the security headers too;
13. the open-files limit is raised to the hard limit, and running out of files logs one line,
   not a traceback a second (issue 31);
14. X-Forwarded-For / X-Real-IP / X-Forwarded-Proto believed only from the proxies named in
   CARE_REFERENCE_TRUSTED_PROXY, none by default (uvicorn's default trusts 127.0.0.1), issue 30.

Items 2 and 4 are app.web.middleware, 5 and 8 app.web.sockets, 11 to 14 app.web.limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import math
import os
from collections.abc import Iterable
from pathlib import Path

import uvicorn
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response, StreamingResponse

import flet_web.fastapi as flet_fastapi
from flet.controls.types import RouteUrlStrategy, WebRenderer
from flet_web.fastapi import FletStaticFiles

from app.discretion import idle_reset_seconds
from app.web import client_patches
from app.web.internals import BoundedHttpProtocol, VersionChanged, check_versions, keep_no_evicted_session
from app.web.limits import Limits, NotAnAddress, install_loop_exception_handler, raise_file_limit
from app.web.middleware import SecurityHeaders, TrustedHost
from app.web.policy import SECURITY_HEADERS
from app.web.sockets import FletSocket

log = logging.getLogger(__name__)

WEBSOCKET_PATH = "/ws"  # what FletStaticFiles writes into index.html as flet.webSocketEndpoint
# The largest client->server message in normal use (2026-12-06): tests/server/client.py driving a
# session through register, every section, 213 characters typed into Search one at a time (each
# keystroke sends the whole text) and a resize: 243 bytes, the typed text. Chromium (driver.py)
# opening the app, changing sections, typing into Search, resizing: 127 frames, the largest the
# register at 465 bytes. 64 KiB is some 140 times that, room for about 30,000 Arabic characters
# pasted into Search; the app has no uploads.
WS_MAX_MESSAGE_BYTES = 64 * 1024


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
    manager evicts expired sessions every 10 s, or twice per timeout when shorter (its loop
    replaced: app.web.internals)."""
    if session_timeout_seconds is None:
        session_timeout_seconds = max(1, math.ceil(idle_reset_seconds()))
    keep_no_evicted_session(session_timeout_seconds)
    # Not flet_web.fastapi.app(): it builds its own FletApp per socket and adds routes, CORS and
    # env overrides this surface refuses (docs/developing.md); the same public parts, composed here.
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
    """The client's files as app.web.client_patches changes them, the Rive stub and the fallback font."""

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
    try:
        check_versions()
    except VersionChanged as error:
        raise SystemExit(str(error)) from None
    try:
        limits = Limits.from_env(raise_file_limit())
    except NotAnAddress as error:
        raise SystemExit(str(error)) from None
    url = f"http://{'127.0.0.1' if host in ('', '0.0.0.0', '::') else host}:{port}/"
    startup = [lambda: install_loop_exception_handler(asyncio.get_running_loop())]
    if open_browser:  # what ft.run does on a machine with a display (flet/app.py:237-238)
        from flet.utils import open_in_browser

        startup.append(lambda: open_in_browser(url))
    app = build_app(main, assets_dir=assets_dir, on_startup=startup, **build_kwargs)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(uvicorn_config(app, host, port, limits, log_level)).run()


def uvicorn_config(app, host: str, port: int, limits: Limits, log_level: str = "warning") -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=functools.partial(BoundedHttpProtocol, limits=limits),
        # The client's address and scheme from X-Forwarded-* only when a trusted proxy sends them.
        proxy_headers=bool(limits.trusted_proxies),
        forwarded_allow_ips=sorted(limits.trusted_proxies),
        ws="websockets-sansio",  # as flet_web/fastapi/serve_fastapi_web_app.py
        ws_per_message_deflate=False,  # a 15.5 KB frame inflated to 1.24 GB (issue 33)
        ws_max_size=WS_MAX_MESSAGE_BYTES,
        loop="asyncio",  # ft.run runs on asyncio's own loop; "auto" would pick uvloop when installed
        log_level=log_level,
        server_header=False,
        timeout_graceful_shutdown=5,  # backstop: never hang on a stuck connection at shutdown
    )
