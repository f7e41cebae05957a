"""What a screen is given to build itself, and nothing more: the patient visit, the words and
content of the app's language, the settings it may show or change, and ways to move on. The shell
makes one each time it draws a screen; screens never see the page, the store or the shell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Awaitable, Callable

if TYPE_CHECKING:
    import flet as ft

    from app.content.models import Bundle
    from app.i18n import Translator
    from app.settings import Settings
    from app.visit import Visit


@dataclass(frozen=True)
class Context:
    visit: Visit  # everything entered about the patient; a screen keeps its state here
    tr: Translator  # the app's language: `tr.language` is the one way a screen asks which it is
    settings: Settings  # text size, theme and jurisdiction, to show and change
    navigate: Callable[[str], None]
    open_item: Callable[[str, str], None]  # (topic, item id): shown where it stands in its section
    opened: str | None  # the item a search result or a link opened on this screen
    redraw: Callable[[], None]  # this screen again, after the visit changed
    change_settings: Callable[..., Awaitable[None]]
    reset_settings: Callable[[], Awaitable[None]]
    compact: bool  # a phone at a large text size: banners fold, so the content keeps the screen
    after_render: Callable[[Callable], None]  # a coroutine function to run once the screen is on the client
    field_takes_focus: Callable[[], None]  # the screen opens with the focus in a field of its own
    show_dialog: Callable[[ft.DialogControl], None]  # a message over the screen

    @property
    def bundle(self) -> Bundle:
        from app.content.loader import load_bundle  # pydantic and the models: not before the first screen

        return load_bundle(self.tr.language.code)
