"""Whatever storage gives back, the app opens with defaults: every tampered value in every stored
key, through the real `main` on the fake client. In the browser, index.html drops a value that is
not a JSON string before the client reads it (tests/browser/test_hardening.py boots it with each);
the desktop client hands the app whatever it finds, as the fake client does here."""

from __future__ import annotations

import asyncio

import pytest

from app.main import main
from app.settings import ALLOWED_KEYS
from tests.fake_client import FakeClient, texts, walk
from tests.tampered import TAMPERED

@pytest.mark.parametrize("name", sorted(TAMPERED))
def test_any_stored_value_in_every_key_opens_the_app_with_defaults(name):
    async def run() -> tuple[list[str], list[str], list[str]]:
        client = FakeClient(stored={key: TAMPERED[name] for key in ALLOWED_KEYS})
        try:
            await client.start(main, "/next")
            view = client.page.views[0]
            exits = [node.content for node in walk(view) if getattr(node, "key", None) == "quick-exit"]
            return client.crashes, exits, texts(view)
        finally:
            client.close()

    crashes, exits, shown = asyncio.run(run())
    assert crashes == [] and exits == ["Exit"]
    assert "Where do you practise?" in shown  # in English, and the jurisdiction is not chosen yet
