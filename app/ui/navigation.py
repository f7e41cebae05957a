"""The bottom bar (phones) and the rail (wider screens), drawn by the app rather than Flutter's
NavigationBar and NavigationRail: the bar must show no section as current when the current one is
not on it (NavigationBar always marks one), labels must never break inside a word at any text
size (the bar goes icon-only when its labels do not fit; the rail grows to its longest word), and
the rail scrolls when it is taller than the window."""

from __future__ import annotations

from typing import Callable, Sequence

import flet as ft

# An upper bound on the advance of a character of Noto Sans Bold and of Noto Sans Arabic Bold (its
# isolated forms, wider than joined ones), in ems, by script: tests/test_navigation.py measures every
# label with the real fonts and holds these to it.
CHAR_EM = {"Latn": 0.75, "Arab": 1.05}
LABEL_PX = 12  # Material's label size at 100 %
BAR_LABELS_FROM_PX = 390  # narrower than this, or text larger than 100 %, the bar is icon-only


def bar_shows_labels(width: float, scale: float) -> bool:
    """Labels on the bar only at 100 % text on a phone at least 390 px wide, where every bar label
    (short by design) is measured to fit on one line; otherwise icons only, each still named for
    screen readers. Never a label broken inside a word."""
    return scale <= 1.0 and width >= BAR_LABELS_FROM_PX


def rail_width(labels: Sequence[str], scale: float, script: str = "Latn") -> float:
    """Wide enough for the longest word of any label, so none breaks inside a word."""
    longest = max((len(word) for label in labels for word in label.split()), default=8)
    return max(88.0, longest * LABEL_PX * scale * CHAR_EM[script] + 24)


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


def rail(entries: Sequence[Entry], scale: float, script: str) -> ft.Control:
    width = rail_width([label for _i, _s, label, _short, _c, _f in entries], scale, script)
    items = [destination(selected_icon if current else icon, label, current, click, width=width)
             for icon, selected_icon, label, _short, current, click in entries]  # fmt: skip
    return ft.Container(
        ft.Column(items, spacing=2, scroll=ft.ScrollMode.AUTO, horizontal_alignment=ft.CrossAxisAlignment.CENTER),
        width=width + 8,
        padding=ft.Padding.symmetric(vertical=8),
        key="rail",
    )
