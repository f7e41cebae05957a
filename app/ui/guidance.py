"""Guidance around the encounter: safety, immediate care, documentation, refusal, handoffs,
interpreters and children."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import scrolling

if TYPE_CHECKING:
    from app.ui.shell import Shell


def build(shell: Shell) -> ft.Control:
    tr, content, opened = shell.tr, shell.bundle.guidance, shell.opened_item()
    groups = [(group, group.items) for group in content.groups]
    body = scrolling([framing_banner(content.framing, compact=shell.compact), *group_tiles(shell, groups, opened)], spacing=4)
    reveal_opened(shell, body, opened)
    return body
