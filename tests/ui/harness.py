"""The real shell on a fake client (tests/fake_client.py): building screens and firing events
without a browser."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator

from app.settings import Settings
from app.ui.shell import Shell
from app.visit import Back, CardChoice, Opened, PatientView, Visit
from tests.fake_client import FakeClient


def used_visit() -> Visit:
    """A visit where every field holds something entered (tests/test_visit.py checks it stays so)."""
    return Visit(
        reporting=object(), card=CardChoice(language="ar", showing=True), opened=Opened("/guidance", "interp_brief"),
        back=Back("/guidance", "/next"), child_only=True, patient_language="ar", patient_address="woman", patient_view=PatientView("script"),
        search_text="tattoo", search_all_languages=True, study=object(), case=object(),
    )  # fmt: skip


class MemoryStore:
    """Settings kept in a dict, as the client's shared preferences would keep them."""

    def __init__(self) -> None:
        self.saved: Settings | None = None

    async def save(self, settings: Settings) -> None:
        self.saved = settings

    async def clear(self) -> None:
        self.saved = None


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@asynccontextmanager
async def running_shell(route: str = "/", width: float = 1280, **settings) -> AsyncIterator[tuple[Shell, FakeClient]]:
    client = FakeClient(width=width)
    clock = Clock()

    async def main(page) -> None:
        shell = Shell(page, MemoryStore(), Settings(**settings), clock=clock)
        shell.start()
        client.shell = shell

    try:
        await client.start(main, route)
        client.clock = clock
        yield client.shell, client
    finally:
        client.close()
