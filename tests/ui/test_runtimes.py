"""What every Flet runtime gets, not only the browser: the bundled fonts declared through
page.fonts outside the web (the desktop and mobile clients do not read the web font manifest),
and settings that survive a client whose preferences store only strings (Flet 0.82's desktop
client failed on a float)."""

from __future__ import annotations

import asyncio

from app import paths
from app.main import main
from app.settings import Settings
from app.ui.settings_store import SettingsStore
from tests.fake_client import FakeClient


def start(web: bool) -> FakeClient:
    async def run() -> FakeClient:
        client = FakeClient()
        client.session.apply_page_patch({"web": web})
        await client.start(main, "/")
        return client

    return asyncio.run(run())


def test_outside_the_browser_the_bundled_fonts_are_declared_for_every_language():
    page = start(web=False).page
    assert set(page.fonts) == {"NotoSans", "NotoSansArabic"}
    for asset in page.fonts.values():
        assert (paths.ASSETS_DIR / asset).is_file()
    assert page.window.min_width and page.window.min_width <= 390  # a phone-sized window still works


def test_in_the_browser_the_font_manifest_does_it_and_page_fonts_stay_unset():
    assert not start(web=True).page.fonts


class StringsOnlyClient(FakeClient):
    """Preferences that take and give strings only, as Flet 0.82's desktop client does."""

    def _answer(self, name: str, args: dict):
        if name == "set" and not isinstance(args["value"], str):
            raise AssertionError(f"the client cannot store {args['value']!r}")
        return super()._answer(name, args)


def test_every_setting_round_trips_through_a_store_of_strings():
    chosen = Settings(language="ar", text_scale=1.6, theme="dark", jurisdiction="ca")

    async def run() -> Settings:
        client = StringsOnlyClient()
        await client.start(lambda page: asyncio.sleep(0), "/")
        store = SettingsStore()
        await store.save(chosen)
        assert all(isinstance(value, str) for value in client.prefs.values())
        return await SettingsStore().load()

    assert asyncio.run(run()) == chosen
