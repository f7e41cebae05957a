"""Settings persisted in the client's shared preferences (the browser's localStorage on the web,
a preferences file on desktop and mobile), as strings."""

from __future__ import annotations

import asyncio

import flet as ft

from app.settings import ALLOWED_KEYS, Settings


class SettingsStore:
    def __init__(self) -> None:
        self._prefs = ft.SharedPreferences()

    async def load(self) -> Settings:
        # All keys at once: each read is a round trip to the client, and this is on the way to
        # the first screen.
        values = await asyncio.gather(*(self._prefs.get(key) for key in ALLOWED_KEYS), return_exceptions=True)
        # An unreadable store must never keep the app from opening.
        stored = {key: None if isinstance(value, BaseException) else value for key, value in zip(ALLOWED_KEYS, values)}
        return Settings.from_stored(stored)

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
