"""A page reloaded while the app reads its settings: the answers leave with the old page, and Flet
waits for them for ever. The app asks again when the page reconnects, and opens with the stored
settings (it used to stay blank)."""

from __future__ import annotations

import asyncio

from flet.messaging.protocol import MessageAction

from app.main import main
from tests.fake_client import FakeClient, texts


class ReloadingClient(FakeClient):
    """Never answers the first reads (one per setting), as a page that was left does."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.dropped = 0

    def send_message(self, message) -> None:
        if message.action == MessageAction.INVOKE_METHOD and message.body.name == "get" and self.dropped < 4:
            self.dropped += 1
            self.calls.append((message.body.name, message.body.args))
            return  # never answered
        super().send_message(message)


def test_settings_are_read_again_when_the_page_reconnects():
    async def run():
        client = ReloadingClient(stored={"language": "ar", "text_scale": "1.3"})
        starting = asyncio.create_task(client.start(main, "/"))
        for _ in range(50):
            await asyncio.sleep(0)
        assert not starting.done()  # waiting for answers that will never come
        await client.event(client.page, "connect")  # the reloaded page is back on the session
        await asyncio.wait_for(starting, timeout=5)
        assert "الرئيسية" in texts(client.page.views[0])  # the stored language, not the default
        client.close()

    asyncio.run(run())
