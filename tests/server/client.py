"""A minimal Flet web client speaking the protocol of flet/messaging/protocol.py over the app's
WebSocket: enough to register, fire events and read what the server sends, without a browser."""

from __future__ import annotations

import asyncio

import msgpack
import websockets

REGISTER_CLIENT, PATCH_CONTROL, CONTROL_EVENT, INVOKE_METHOD, SESSION_CRASHED = 1, 2, 3, 5, 6


def pack(action: int, body) -> bytes:
    return b"\x00" + msgpack.packb([action, body])


def unpack(frame: bytes):
    return msgpack.unpackb(frame[1:], strict_map_key=False, ext_hook=lambda code, data: (code, data))


def register_frame(route: str = "/") -> bytes:
    page = {"route": route, "width": 800, "height": 600, "platform": "linux", "web": True}
    return pack(REGISTER_CLIENT, {"session_id": None, "page_name": "", "page": page})


def event(target: int, name: str, data=None) -> bytes:
    return pack(CONTROL_EVENT, {"target": target, "name": name, "data": data})


def find(node, predicate):
    """Every dict in a decoded message that satisfies the predicate."""
    if isinstance(node, dict):
        if predicate(node):
            yield node
        for value in node.values():
            yield from find(value, predicate)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from find(value, predicate)


async def connect(url: str, origin: str | None, **options):
    """A session's socket that never stops reading: a test reads only the messages it waits for,
    and with websockets' default queue of 16 the unread rest stopped the socket being read, so the
    server's close frame went unseen and every close waited out its 10 s timeout."""
    headers = {"Origin": origin} if origin else {}
    return await websockets.connect(url, additional_headers=headers, origin=None, max_queue=None, **options)


async def until(ws, predicate, timeout: float = 20.0) -> list:
    """Decoded messages until one satisfies the predicate (or the time is up: TimeoutError).
    Client methods the server calls (shared preferences, routes) are answered "nothing stored"."""
    received = []
    async with asyncio.timeout(timeout):
        while True:
            message = unpack(await ws.recv())
            received.append(message)
            if message[0] == INVOKE_METHOD:
                body = message[1]
                reply = {"control_id": body["control_id"], "call_id": body["call_id"], "result": None, "error": None}
                await ws.send(pack(INVOKE_METHOD, reply))
            if predicate(message):
                return received
