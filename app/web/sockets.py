"""The /ws endpoint: one FletApp per browser connection, same-origin only, bounded until the
client registers, and never showing the client an exception's text."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.types import Message as ASGIMessage, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from flet.messaging.protocol import Message, MessageAction, SessionCrashedBody
from flet_web.fastapi import FletApp, app_manager

from app.web.internals import send_loop_ended
from app.web.middleware import same_origin

log = logging.getLogger(__name__)

REGISTER_TIMEOUT_S = 10.0  # the client registers as soon as its socket is open
NEUTRAL_ERROR = "Something went wrong. Reload the page to continue. (Reference: {ref})"


class _GuardedFletApp(FletApp):
    """FletApp that reports its registration and never sends an exception's text to the client.

    Every message to the client passes through `send_message`, whatever sent it (Session.error
    for handler/effect errors, the register response for before_main's)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.registered = asyncio.Event()

    def send_message(self, message: Message) -> None:
        if send_loop_ended(self):
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
