"""Test-only: the flet 1.0.5 server speaking to the 0.82.2 Linux desktop client.

The newest Linux desktop client a package registry ships (inside the `flet-desktop-light==0.82.2`
wheel) predates Flet 1.0's socket framing: 1.0.5 frames each message as
`[length:u32 LE][type:u8][msgpack]` (flet/messaging/flet_socket_server.py, `__receive_loop` and
`send_message`), the old client sends and expects a bare msgpack stream of `[action, body]`.
The actions and their bodies are the same in both versions, so only the framing is swapped.
Without this the window opens and waits forever.

One bug of that client is worked around too: its Semantics widget never builds its content
(semantics.dart passes no `child:`), so everything the app wraps in `ft.Semantics` is blank.
Such controls are sent as MergeSemantics, which renders its content. Labels and roles are
therefore not tested here; the browser suite tests them with a 1.0.5 client.

Never imported by the app: the desktop launcher applies it in its own process.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import flet
import msgpack
from flet.controls.base_control import BaseControl
from flet.messaging import flet_socket_server
from flet.messaging.protocol import Message, configure_encode_object_for_msgpack, decode_ext_from_msgpack

Server = flet_socket_server.FletSocketServer
PRIVATE = "_FletSocketServer__"  # FletSocketServer's name-mangled attributes
WRITTEN_FOR = "1.0.5"
PATCHED = (PRIVATE + "receive_loop", "send_message")
logger = logging.getLogger("flet")
_encode_control = configure_encode_object_for_msgpack(BaseControl)
_original: dict[str, Any] = {}


def _private(server: Any, name: str) -> Any:
    return getattr(server, PRIVATE + name)


async def _receive_bare_msgpack(self: Any, reader: asyncio.StreamReader, connection_token: int) -> None:
    unpacker = msgpack.Unpacker(ext_hook=decode_ext_from_msgpack)
    try:
        while chunk := await reader.read(1 << 20):
            unpacker.feed(chunk)  # a message split across reads is completed by the next one
            for message in unpacker:
                if _private(self, "connection_token") != connection_token:
                    return
                await _private(self, "on_message")(message)
    except asyncio.CancelledError:
        pass
    except Exception as error:  # as upstream: log it, and the connection ends
        logger.debug("Error receiving from the Flet client: %s", error)


def encode(value: Any) -> Any:
    encoded = _encode_control(value)
    if isinstance(encoded, dict) and encoded.get("_c") == "Semantics":
        encoded["_c"] = "MergeSemantics"
    return encoded


def frame(message: Message) -> bytes:
    return msgpack.packb([message.action, message.body], default=encode)


def _send_bare_msgpack(self: Any, message: Message) -> None:
    queue = _private(self, "send_queue")
    if queue is not None:
        queue.put_nowait(frame(message))


def apply() -> None:
    """Patch FletSocketServer in this process; refuses a Flet it was not written against."""
    if flet.__version__ != WRITTEN_FOR:
        raise RuntimeError(f"the desktop adapter was written for flet {WRITTEN_FOR}, found {flet.__version__}")
    if _original:
        return
    for name in PATCHED:
        if not hasattr(Server, name):  # renamed upstream: fail loudly rather than do nothing
            raise RuntimeError(f"FletSocketServer.{name} not found")
        _original[name] = getattr(Server, name)
    setattr(Server, PATCHED[0], _receive_bare_msgpack)
    Server.send_message = _send_bare_msgpack


def restore() -> None:
    for name, method in _original.items():
        setattr(Server, name, method)
    _original.clear()
