"""A Flet client without Flutter or a browser: the real `Session` and `Page` over a connection that
encodes every message as the web server would, answers the client-side methods the app calls
(shared preferences, routes, announcements) and fires events into the session. Enough to build
every screen for real and drive the shell in milliseconds (flet-1.0-notes §16).

It relies on Flet internals (`Session`, `configure_encode_object_for_msgpack`), which is why
flet is pinned to one version."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator

import flet as ft
import msgpack
from flet.controls.base_control import BaseControl
from flet.controls.context import _context_page
from flet.messaging.connection import Connection
from flet.messaging.protocol import MessageAction, configure_encode_object_for_msgpack
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub


class FakeClient(Connection):
    def __init__(self, width: float = 1280, height: float = 800, stored: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.loop = asyncio.get_running_loop()
        self.executor = ThreadPoolExecutor(max_workers=1)
        self.pubsubhub = PubSubHub(loop=self.loop, executor=self.executor)
        self.page_url = "http://127.0.0.1/"
        self.width, self.height = width, height
        self.prefs: dict[str, Any] = dict(stored or {})  # the client's shared preferences
        self.calls: list[tuple[str, Any]] = []  # every client method the app invoked, in order
        self.crashes: list[str] = []  # what Flet would show as "Error running app"
        self.sent: list[tuple[Any, bytes]] = []  # every message to the client: its action, encoded
        self.held_routes: list[str] | None = None  # when a list, route reports wait here (`report_routes`)
        self.session = Session(self)

    @property
    def page(self) -> ft.Page:
        return self.session.page

    # What the server sends ----------------------------------------------------------------

    def send_message(self, message) -> None:
        self.sent.append((message.action, self._encode([message.action, message.body])))
        if message.action == MessageAction.SESSION_CRASHED:
            self.crashes.append(message.body.message)
        if message.action == MessageAction.INVOKE_METHOD:
            body = message.body
            self.calls.append((body.name, body.args))
            result = self._answer(body.name, body.args or {})
            self.loop.call_soon(self.session.handle_invoke_method_results, body.control_id, body.call_id, result, None)

    @staticmethod
    def _encode(data: Any) -> bytes:
        # Encoding is what marks controls as sent; without it later diffs are empty.
        return msgpack.packb(data, default=configure_encode_object_for_msgpack(BaseControl))

    def _answer(self, name: str, args: dict) -> Any:
        if name == "get":
            return self.prefs.get(args["key"])
        if name == "set":
            self.prefs[args["key"]] = args["value"]
            return True
        if name == "remove":
            self.prefs.pop(args["key"], None)
            return True
        if name == "push_route":
            if self.held_routes is not None:  # a slow round trip: the browser has not reported it yet
                self.held_routes.append(args["route"])
            else:
                self.loop.create_task(self.event(self.page, "route_change", {"route": args["route"]}))
        return None

    # What the client does -----------------------------------------------------------------

    async def start(self, main, route: str = "/") -> ft.Page:
        self.session.apply_page_patch({"route": route, "width": self.width, "height": self.height, "platform": "linux"})
        # What the server sends on registering: the page, encoded (which marks its controls as sent).
        self._encode(self.session.get_page_patch())
        _context_page.set(self.page)  # services (shared preferences...) find their page through it
        await main(self.page)
        await self.settle()
        return self.page

    async def event(self, control: BaseControl, name: str, data: Any = None) -> None:
        """Fire an event as the client would. A handler that raises fails the test: Flet catches
        the exception and would show the user "Error running app"."""
        await self.session.dispatch_event(control._i, name, data)
        await self.settle()
        assert not self.crashes, self.crashes[-1]

    async def report_routes(self) -> None:
        """The browser's reports of the routes pushed while they were held, in order, at last."""
        held, self.held_routes = self.held_routes or [], None
        for route in held:
            await self.event(self.page, "route_change", {"route": route})

    async def change(self, control: BaseControl, **props: Any) -> None:
        """What the client does when the user types or toggles: patch the props, then fire change."""
        for key, value in props.items():
            setattr(control, key, value)
        await self.event(control, "change", None)

    async def settle(self) -> None:
        """Let scheduled tasks (route changes, after-render actions) run."""
        for _ in range(5):
            await asyncio.sleep(0)

    def close(self) -> None:
        self.session.close()
        self.executor.shutdown(wait=False)


def walk(control: Any) -> Iterator[Any]:
    """Every control under `control`, depth first (content, controls, app bar, navigation...)."""
    if control is None:
        return
    yield control
    for name in ("content", "controls", "appbar", "navigation_bar", "actions", "leading", "title", "subtitle",
                 "destinations", "segments", "label", "views"):  # fmt: skip
        child = getattr(control, name, None)
        if isinstance(child, (list, tuple)):
            for item in child:
                if isinstance(item, BaseControl):
                    yield from walk(item)
        elif isinstance(child, BaseControl):
            yield from walk(child)


ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def texts(control: Any) -> list[str]:
    """Every text value shown under `control`, without the invisible direction isolates."""
    found = []
    for node in walk(control):
        if isinstance(node, ft.Text) and isinstance(node.value, str):
            found.append(node.value.translate(ISOLATES))
        for name in ("label", "tooltip"):
            value = getattr(node, name, None)
            if isinstance(value, str):
                found.append(value.translate(ISOLATES))
    return found
