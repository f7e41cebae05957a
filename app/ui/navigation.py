"""The bottom bar (phones) and the rail (wider screens), drawn by the app rather than Flutter's
NavigationBar and NavigationRail: the bar must show no section as current when the current one is
not on it (NavigationBar always marks one), labels must never break inside a word at any text
size (the bar goes icon-only when its labels do not fit; the rail grows to its longest word), and
the rail scrolls when it is taller than the window. Also the screen's title, sized to fit beside the
app bar's actions, on two lines in a taller bar when it must."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import flet as ft

from app.ui.text_width import widest_word_em, word_em

LABEL_PX = 12  # Material's label size at 100 %
BAR_LABELS_FROM_PX = 390  # narrower than this, or text larger than 100 %, the bar is icon-only


def bar_shows_labels(width: float, scale: float) -> bool:
    """Labels on the bar only at 100 % text on a phone at least 390 px wide, where every bar label
    (short by design) is measured to fit on one line; otherwise icons only, each still named for
    screen readers. Never a label broken inside a word."""
    return scale <= 1.0 and width >= BAR_LABELS_FROM_PX


def rail_width(labels: Sequence[str], scale: float, font: str = "NotoSans", size_adjust: float = 1.0) -> float:
    """Wide enough for the widest word of any label, so none breaks inside a word."""
    return max(88.0, widest_word_em(list(labels), font) * LABEL_PX * scale * size_adjust + 24)


# The app bar, in px, as Flutter lays it out: the title's margins (16 before, 16 after), each icon
# action, and Back.
TITLE_MARGINS_PX, ICON_ACTION_PX, BACK_PX = 32, 40, 56
TITLE_PX = 22  # Material's title large at 100 %
BAR_PX = 56  # Material's toolbar height
LINE_HEIGHT = 1.3  # a line of Noto Sans or Noto Sans Arabic, in ems (1.27-1.28 measured in Chromium)


@dataclass(frozen=True)
class Title:
    size: float
    lines: int

    @property
    def bar_height(self) -> float:
        """The toolbar grows for a title on two lines rather than cutting it."""
        return max(BAR_PX, math.ceil(self.lines * self.size * LINE_HEIGHT) + 8)


def exit_width(label: str, font: str, label_px: float) -> float:
    """Exit, a text button with an icon: its label, an 18 px icon, and padding and a gap that
    Flutter narrows as the label grows (ButtonStyleButton.scaledPadding: 12 + 8 + 16 px at 14 px,
    8 + 4 + 8 at 28 px and above)."""
    larger = min(max(label_px / 14 - 1, 0.0), 1.0)
    return label_px * word_em(label, font, bold=False) + 18 + 36 - 16 * larger


def lines_needed(text: str, font: str, size: float, room: float) -> int:
    """Lines the text (drawn in the regular weight) takes when wrapped between words in `room` px."""
    lines, line_em, space_em = 1, 0.0, word_em(" ", font, bold=False)
    for word in text.split():
        width = word_em(word, font, bold=False)
        if line_em and (line_em + space_em + width) * size > room:
            lines, line_em = lines + 1, width
        else:
            line_em += (space_em if line_em else 0) + width
    return lines


def app_bar_title(text: str, exit_label: str, font: str, scale: float, size_adjust: float = 1.0,
                  width: float = 390, icon_actions: int = 2, back: bool = False) -> Title:  # fmt: skip
    """The screen's title: as large as the text size asks, but never so large that a word of it
    breaks beside the actions (Exit, `icon_actions` icons, and Back where there is one), nor that it
    needs more than two lines. Only a phone's bar is ever that short of room."""
    exit_px = exit_width(exit_label, font, 14 * scale * size_adjust)
    room = width - TITLE_MARGINS_PX - icon_actions * ICON_ACTION_PX - exit_px - (BACK_PX if back else 0)
    size = min(TITLE_PX * scale * size_adjust, room / widest_word_em(text, font, bold=False))
    while (lines := lines_needed(text, font, size, room)) > 2:
        size *= 0.95
    return Title(math.floor(10 * size) / 10, lines)  # never rounded up


def destination(
    icon: ft.IconData, label: str, selected: bool, on_click: Callable, *, shown: str | None = None,
    show_label: bool = True, width: float | None = None,
) -> ft.Control:
    """A destination named `label` for screen readers, showing `shown` (a shorter label) or `label`."""
    pill = ft.Container(
        ft.Icon(icon, color=ft.Colors.ON_SECONDARY_CONTAINER if selected else ft.Colors.ON_SURFACE_VARIANT),
        bgcolor=ft.Colors.SECONDARY_CONTAINER if selected else None,
        border_radius=ft.BorderRadius.all(16),
        padding=ft.Padding.symmetric(horizontal=16, vertical=4),
    )
    lines: list[ft.Control] = [pill]
    if show_label:
        lines.append(
            ft.Text(
                shown or label,
                theme_style=ft.TextThemeStyle.LABEL_MEDIUM,
                weight=ft.FontWeight.W_700 if selected else ft.FontWeight.W_500,
                text_align=ft.TextAlign.CENTER,
                semantics_label=label,  # the full name, when the bar shows a short one
            )
        )
    item = ft.Container(
        ft.Column(lines, spacing=4, horizontal_alignment=ft.CrossAxisAlignment.CENTER, tight=True),
        padding=ft.Padding.symmetric(vertical=8, horizontal=2),
        on_click=on_click,
        ink=True,
        border_radius=ft.BorderRadius.all(12),
        width=width,
    )
    # One named, selectable node per destination, whether or not its label is shown. Not
    # excluding the container's own semantics keeps its tap and its keyboard focus on this node.
    return ft.Semantics(content=item, label=None if show_label else label, button=True, selected=selected,
                        container=True)  # fmt: skip


Entry = tuple[ft.IconData, ft.IconData, str, str, bool, Callable]  # icon, selected icon, name, short label, current, click


def bottom_bar(entries: Sequence[Entry], width: float, scale: float) -> ft.Control:
    show = bar_shows_labels(width, scale)
    items = [
        ft.Container(destination(selected_icon if current else icon, label, current, click, shown=short, show_label=show),
                     expand=True)  # fmt: skip
        for icon, selected_icon, label, short, current, click in entries
    ]
    return ft.Container(
        ft.Row(items, spacing=0, vertical_alignment=ft.CrossAxisAlignment.START),
        bgcolor=ft.Colors.SURFACE_CONTAINER,
        padding=ft.Padding.only(top=4, bottom=8),
        key="bottom-bar",
    )


def rail(entries: Sequence[Entry], scale: float, font: str, size_adjust: float) -> ft.Control:
    width = rail_width([label for _i, _s, label, _short, _c, _f in entries], scale, font, size_adjust)
    items = [destination(selected_icon if current else icon, label, current, click, width=width)
             for icon, selected_icon, label, _short, current, click in entries]  # fmt: skip
    return ft.Container(
        ft.Column(items, spacing=2, scroll=ft.ScrollMode.AUTO, horizontal_alignment=ft.CrossAxisAlignment.CENTER),
        width=width + 8,
        padding=ft.Padding.symmetric(vertical=8),
        key="rail",
    )
