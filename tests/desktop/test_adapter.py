"""The test-only framing adapter, without a display: what it sends and that it undoes itself."""

from __future__ import annotations

import flet as ft
import msgpack
from flet.messaging.protocol import Message

from tests.desktop import adapter


def test_messages_go_out_as_bare_msgpack_and_semantics_keeps_its_content():
    control = ft.Semantics(content=ft.Text("x"), label="x")
    sent = adapter.frame(Message(action=2, body={"patch": control}))
    assert sent[0] == 0x92  # a msgpack array of two: no length prefix, no type byte
    action, body = msgpack.unpackb(sent, strict_map_key=False)
    assert action == 2 and body["patch"]["_c"] == "MergeSemantics"


def test_apply_and_restore_swap_only_the_framing():
    before = {name: getattr(adapter.Server, name) for name in adapter.PATCHED}
    adapter.apply()
    try:
        assert all(getattr(adapter.Server, name) is not before[name] for name in adapter.PATCHED)
    finally:
        adapter.restore()
    assert all(getattr(adapter.Server, name) is before[name] for name in adapter.PATCHED)
