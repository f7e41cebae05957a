"""Settings persisted in the client's shared preferences (the browser's localStorage on the web,
a preferences file on desktop and mobile), as strings."""

from __future__ import annotations

import asyncio

import flet as ft

from app.settings import ALLOWED_KEYS, Settings


# A page reloaded while the settings are read takes the answers with it: Flet waits for them for
# ever (no timeout), and the new page, reconnected to the same session, stayed blank. So the read
# is asked again when the page reconnects, a few times at most, and then the defaults are used.
READ_ATTEMPTS = 4


class SettingsStore:
    def __init__(self) -> None:
        self._prefs = ft.SharedPreferences()

    async def load(self, page: ft.Page | None = None) -> Settings:
        reconnected = asyncio.Event()
        if page is not None:  # until the shell sets its own handler
            page.on_connect = lambda e: reconnected.set()
        for _ in range(READ_ATTEMPTS):
            reconnected.clear()
            read = asyncio.ensure_future(self._read())
            again = asyncio.ensure_future(reconnected.wait())
            await asyncio.wait([read, again], return_when=asyncio.FIRST_COMPLETED)
            again.cancel()
            if read.done():
                return Settings.from_stored(read.result())
            read.cancel()  # its answers went to the page that was left
        return Settings()

    async def _read(self) -> dict:
        # All keys at once: each read is a round trip to the client, and this is on the way to
        # the first screen.
        values = await asyncio.gather(*(self._prefs.get(key) for key in ALLOWED_KEYS), return_exceptions=True)
        # An unreadable store must never keep the app from opening.
        return {key: None if isinstance(value, BaseException) else value for key, value in zip(ALLOWED_KEYS, values)}

    async def save(self, settings: Settings) -> None:
        stored = settings.to_stored()
        for key in ALLOWED_KEYS:
            if key in stored:
                await self._prefs.set(key, stored[key])
            else:
                await self._prefs.remove(key)

    async def clear(self) -> None:
        for key in ALLOWED_KEYS:
            await self._prefs.remove(key)
