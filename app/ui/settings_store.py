"""Settings persisted in the client's shared preferences (the browser's localStorage on the web)."""

from __future__ import annotations

import flet as ft

from app.settings import ALLOWED_KEYS, Settings


class SettingsStore:
    def __init__(self) -> None:
        self._prefs = ft.SharedPreferences()

    async def load(self) -> Settings:
        stored = {}
        for key in ALLOWED_KEYS:
            try:
                stored[key] = await self._prefs.get(key)
            except Exception:  # an unreadable store must never keep the app from opening
                stored[key] = None
        return Settings.from_stored(stored)

    async def save(self, settings: Settings) -> None:
        for key in ALLOWED_KEYS:
            await self._prefs.set(key, getattr(settings, key))

    async def clear(self) -> None:
        for key in ALLOWED_KEYS:
            await self._prefs.remove(key)
