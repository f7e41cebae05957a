"""Looking after yourself: the toolkit's guidance on vicarious trauma and secondary traumatic stress."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import scrolling

if TYPE_CHECKING:
    from app.ui.shell import Shell


def build(shell: Shell) -> ft.Control:
    content, opened = shell.bundle.selfcare, shell.opened_item()
    groups = [(group, group.items) for group in content.groups]
    body = scrolling([framing_banner(content.framing, compact=shell.compact), *group_tiles(shell, groups, opened, expanded=True)], spacing=4)
    reveal_opened(shell, body, opened)
    return body
