"""Guidance around the encounter: safety, immediate care, documentation, refusal, handoffs,
interpreters and children."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.ui.topic import framing_banner, group_tiles, reveal_opened
from app.ui.widgets import scrolling

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    content, opened = ctx.bundle.guidance, ctx.opened
    groups = [(group, group.items) for group in content.groups]
    body = scrolling([framing_banner(content.framing, compact=ctx.compact), *group_tiles(ctx, groups, opened)], spacing=4)
    reveal_opened(ctx, body, opened)
    return body
