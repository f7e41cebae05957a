"""Contacts on the real shell: asked where the clinician practises first, then that country's
numbers only, each a tel: link with ASCII digits and a copy action; the PDF card handed over as
bytes, never written here."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import flet as ft
import pypdf

import pytest

from app.i18n import Translator
from tests.fake_client import texts, walk
from tests.ui.harness import running_shell


def by_key(shell, key: str):
    return next(c for c in walk(shell.view) if getattr(c, "key", None) == key)


def test_contacts_asks_where_first_and_then_shows_that_countrys_numbers_only():
    async def run():
        async with running_shell("/contacts", language="es") as (shell, client):
            tr = Translator("es")
            assert tr._("Where do you practise?") in texts(shell.view)
            await client.event(by_key(shell, "pack-ca").content, "click")
            assert shell.settings.jurisdiction == "ca"
            keys = {c.key for c in walk(shell.view) if isinstance(getattr(c, "key", None), str)}
            assert "call-ref_hotline_ca" in keys and "call-ref_hotline_us" not in keys
            call = by_key(shell, "call-ref_hotline_ca")
            assert call.action.url == "tel:18339001010"  # opened by the dialler, ASCII digits only
            copy = by_key(shell, "copy-ref_hotline_ca")
            assert copy.action.data == "1 (833) 900-1010"
            assert "Canadá" in texts(shell.view)  # a national line says whose it is

    asyncio.run(run())


def test_other_countries_get_no_national_hotline():
    async def run():
        async with running_shell("/contacts", language="en", jurisdiction="generic") as (shell, _client):
            keys = {c.key for c in walk(shell.view) if isinstance(getattr(c, "key", None), str)}
            assert not {k for k in keys if k.startswith("call-ref_hotline")}

    asyncio.run(run())


def test_the_pdf_card_is_handed_to_the_client_as_bytes_after_the_safety_question():
    async def run():
        async with running_shell("/contacts", language="en", jurisdiction="us") as (shell, client):
            shell.visit.card.language = "ar"
            await client.event(by_key(shell, "save-card-pdf"), "click")
            await client.settle()
            ask = by_key(shell, "ask-first")  # is carrying a card safe? asked first, on the page
            assert not [name for name, _args in client.calls if name == "save_file"]
            continue_button = [c for c in walk(ask) if isinstance(c, ft.FilledButton)][-1]
            await client.event(continue_button, "click")
            for _ in range(200):  # the PDF is made in a worker thread
                saves = [args for name, args in client.calls if name == "save_file"]
                if saves:
                    break
                await asyncio.sleep(0.02)
            (args,) = saves
            assert args["file_name"] == "card.pdf"
            text = pypdf.PdfReader(io.BytesIO(args["src_bytes"])).pages[0].extract_text()
            assert "1 (888) 373-7888" in text and "خط المساعدة" in text

    asyncio.run(run())


FACILITY_PROBLEM = "Some of your facility's services could not be read and are not shown."
REUSED = Path(__file__).parent.parent / "directory" / "fixtures" / "reused_builtin_id.yaml"


@pytest.mark.parametrize("facility_file", ["missing", "reused_id"])
def test_a_missing_facility_file_or_a_reused_id_is_said_on_contacts_and_in_settings(facility_file, tmp_path, monkeypatch):
    """Named by CARE_REFERENCE_DIRECTORY but not there, or an entry dropped for its id: said, not lost."""
    path = tmp_path / "local.yaml" if facility_file == "missing" else REUSED
    monkeypatch.setenv("CARE_REFERENCE_DIRECTORY", str(path))

    async def run():
        async with running_shell("/contacts", language="en", jurisdiction="us") as (shell, client):
            shown = " ".join(texts(shell.view))
            assert FACILITY_PROBLEM in shown
            shell.navigate("/settings")  # where the problems are listed, folded open
            shown = " ".join(texts(shell.view))
            where = "local.yaml:1: missing file" if facility_file == "missing" else "reused_builtin_id.yaml:8: id 'ref_hotline_us'"
            assert where in shown, shown
            assert client.crashes == []

    asyncio.run(run())
