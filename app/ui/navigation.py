"""The frame around a screen: the app bar, and a bottom bar on narrow screens or a rail on wide ones.

The bar and the rail are drawn by the app rather than Flutter's NavigationBar and NavigationRail:
the bar must show no section as current when the current one is not on it (NavigationBar always
marks one), labels must never break inside a word at any text size (the bar goes icon-only when
its labels do not fit; the rail grows to its longest word), and the rail scrolls when it is taller
than the window. The screen's title is sized to fit beside the app bar's actions, on two lines in
a taller bar when it must."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from typing import Callable, Sequence

import flet as ft

from app.i18n import Translator
from app.ui.icons import Icons
from app.ui.sections import BAR, RAIL, Section
from app.ui.text_width import widest_word_em, word_em
from app.ui.widgets import FullScreen

NARROW_BELOW = 640  # px: phones get a bottom navigation bar, wider screens a rail
READING_WIDTH = 760  # px: lines longer than this are hard to read; wider screens leave the rest blank

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


@dataclass(frozen=True)
class Destination:
    icon: ft.IconData
    selected_icon: ft.IconData
    label: str  # the section's name: on the rail, and for screen readers everywhere
    short: str  # on the phone's bottom bar, where it must fit one line
    current: bool
    on_click: Callable


def bar_item(d: Destination, show_label: bool) -> ft.Control:
    icon = d.selected_icon if d.current else d.icon
    return ft.Container(destination(icon, d.label, d.current, d.on_click, shown=d.short, show_label=show_label),
                        expand=True)  # fmt: skip


def rail_item(d: Destination, width: float) -> ft.Control:
    return destination(d.selected_icon if d.current else d.icon, d.label, d.current, d.on_click, width=width)


def bottom_bar(items: list[ft.Control]) -> tuple[ft.Container, ft.Row]:
    """The bar, and the row that holds its destinations. Below the page, Tab reaches it last."""
    row = ft.Row(items, spacing=0, vertical_alignment=ft.CrossAxisAlignment.START)
    # Set off by a line rather than a tint, so that the focus fill stands out from it (app.ui.theme).
    return ft.Container(row, border=ft.Border.only(top=ft.BorderSide(1, ft.Colors.OUTLINE_VARIANT)),
                        padding=ft.Padding.only(top=4, bottom=8), key="bottom-bar"), row  # fmt: skip


def rail(items: list[ft.Control], width: float, name: str) -> tuple[ft.Container, ft.Column]:
    """The rail, and the column that holds its destinations. Tab goes through the rail as a whole
    before the page (WCAG 2.4.3), not row by row across both as Flutter's reading order would. Flet
    1.0.5 has no FocusTraversalGroup; Flutter's RadioGroup puts its content in one (with the reading
    order, as there are no radios in it), so a RadioGroup holds the rail."""
    column = ft.Column(items, spacing=2, scroll=ft.ScrollMode.AUTO, horizontal_alignment=ft.CrossAxisAlignment.CENTER)
    grouped = ft.Semantics(content=ft.RadioGroup(column), label=name, container=True)
    return ft.Container(grouped, width=width + 8, padding=ft.Padding.symmetric(vertical=8), key="rail"), column


@dataclass
class Drawn:
    """The frame as drawn, kept so that the next screen of the same look changes only what differs."""

    bar: ft.AppBar
    bar_for: tuple  # what the bar's title and Back were drawn for
    area: ft.Container  # holds the screen
    nav: ft.Row | ft.Column  # holds the destinations, in the bottom bar or the rail
    current: list[bool]  # which destination each item marks as current


# The frame ----------------------------------------------------------------------------------


def is_narrow(width: float | None) -> bool:
    return (width or NARROW_BELOW) < NARROW_BELOW


def icon_action(icon: ft.IconData, label: str, on_click: Callable) -> ft.Control:
    """An app-bar icon with a name, given by its icon: a tooltip alone leaves the button nameless
    to screen readers, and covers the content after a tap."""
    return ft.IconButton(ft.Icon(icon, semantics_label=label), on_click=on_click)


@dataclass(frozen=True)
class Frame:
    """What the frame is drawn for: the language, the text size, the window, and the ways out."""

    tr: Translator
    text_scale: float
    width: float | None
    navigate: Callable[[str], None]
    quick_exit: Callable[[], None]

    @property
    def narrow(self) -> bool:
        return is_narrow(self.width)

    def exit_button(self) -> ft.Control:
        # The way out points out of the page in the reading direction: mirrored in right-to-left.
        icon = ft.Icon(Icons.LOGOUT, scale=ft.Scale(scale_x=-1) if self.tr.language.rtl else None)
        return ft.TextButton(self.tr._("Exit"), icon=icon, on_click=self.quick_exit, key="quick-exit")

    def around(self, screen: ft.Control | FullScreen, section: Section,
               back: str | None) -> tuple[ft.AppBar, ft.Control, Drawn | None]:  # fmt: skip
        """The app bar and the body for a screen of `section`; Back to `back` where there is one.
        A screen shown alone has no frame to keep (None)."""
        if isinstance(screen, FullScreen):
            return self.full_screen_bar(screen), screen.content, None
        bar = self.app_bar(section, back)
        body, drawn = self.body(screen, section, bar, self.bar_for(section, back))
        return bar, body, drawn

    def switch(self, drawn: Drawn, screen: ft.Control, section: Section, back: str | None) -> None:
        """Show `screen` of `section` in the frame as drawn: the screen, the destinations whose mark
        changes and the app bar's title and Back; the rest stays, and the next patch skips it."""
        drawn.area.content = screen
        destinations = self.destinations(section)
        current = [d.current for d in destinations]
        if current != drawn.current:
            items = self.nav_items(destinations)
            for index, (now, before) in enumerate(zip(current, drawn.current)):
                if now != before:
                    drawn.nav.controls[index] = items[index]
            drawn.current = current
        if (bar_for := self.bar_for(section, back)) != drawn.bar_for:
            bar = self.app_bar(section, back)
            drawn.bar.leading, drawn.bar.title, drawn.bar.toolbar_height = bar.leading, bar.title, bar.toolbar_height
            drawn.bar_for = bar_for

    def bar_for(self, section: Section, back: str | None) -> tuple:
        return section.label, back, self.width

    def full_screen_bar(self, screen: FullScreen) -> ft.AppBar:
        """Shown to the patient or handed over: the screen alone, Close where Back would be and
        Exit where it always is."""
        return ft.AppBar(
            leading=ft.TextButton(self.tr._("Close"), icon=Icons.CLOSE, on_click=screen.on_close),
            leading_width=140,
            title=ft.Text(screen.title, theme_style=ft.TextThemeStyle.TITLE_LARGE),
            actions=[self.exit_button()],
        )

    def app_bar(self, section: Section, back: str | None) -> ft.AppBar:
        _, language = self.tr._, self.tr.language
        actions: list[ft.Control] = [icon_action(Icons.SEARCH, _("Search"), lambda: self.navigate("/search"))]
        if self.narrow:  # the bottom bar has no room for Settings
            actions.append(icon_action(Icons.SETTINGS_OUTLINED, _("Settings"), lambda: self.navigate("/settings")))
        # A plain "Exit" on every screen, always last; Shift three times does the same from the keyboard.
        actions.append(self.exit_button())
        title = app_bar_title(_(section.label), _("Exit"), language.font, self.text_scale, language.size_adjust,
                              self.width or NARROW_BELOW, icon_actions=len(actions) - 1, back=back is not None)  # fmt: skip
        return ft.AppBar(
            leading=icon_action(Icons.ARROW_BACK, _("Back"), lambda: self.navigate(back)) if back else None,
            automatically_imply_leading=False,
            title=ft.Text(_(section.label), size=title.size, max_lines=2, weight=ft.FontWeight.W_500),
            toolbar_height=title.bar_height,
            actions=actions,
        )

    def destinations(self, section: Section) -> list[Destination]:
        current = section.parent or section.route
        return [
            Destination(s.icon, s.selected_icon, self.tr._(s.label), self.tr.pgettext("bar", s.bar_label or s.label),
                        s.route == current, partial(self.navigate, s.route))
            for s in (BAR if self.narrow else RAIL)
        ]  # fmt: skip

    def nav_items(self, destinations: list[Destination]) -> list[ft.Control]:
        if self.narrow:
            show = bar_shows_labels(self.width or 390, self.text_scale)
            return [bar_item(d, show) for d in destinations]
        width = self.rail_width(destinations)  # measured once, not again for each item
        return [rail_item(d, width) for d in destinations]

    def rail_width(self, destinations: list[Destination]) -> float:
        language = self.tr.language
        return rail_width([d.label for d in destinations], self.text_scale, language.font, language.size_adjust)

    def body(self, screen: ft.Control, section: Section, bar: ft.AppBar, bar_for: tuple) -> tuple[ft.Control, Drawn]:
        """The screen in its reading area, with the bottom bar below it or the rail beside it."""
        destinations = self.destinations(section)
        items = self.nav_items(destinations)
        area, placed = self.reading_area(screen)
        if self.narrow:
            nav, holder = bottom_bar(items)
        else:
            nav, holder = rail(items, self.rail_width(destinations), self.tr._("Sections"))
        drawn = Drawn(bar, bar_for, area, holder, [d.current for d in destinations])
        if self.narrow:
            return ft.Column([placed, nav], expand=True, spacing=0), drawn
        return ft.Row([nav, ft.VerticalDivider(width=1), placed], expand=True, spacing=0), drawn

    def reading_area(self, screen: ft.Control) -> tuple[ft.Container, ft.Control]:
        """The container that holds the screen, and that container as placed in the frame."""
        body = ft.Container(screen, expand=True, padding=ft.Padding.symmetric(horizontal=16, vertical=8))
        if not self.wide_reading:
            return body, body
        # On a wide screen the text keeps a readable width, from the start of the line.
        body.expand, body.width = False, READING_WIDTH
        return body, ft.Row([body], expand=True, vertical_alignment=ft.CrossAxisAlignment.STRETCH)

    @property
    def wide_reading(self) -> bool:
        return not self.narrow and (self.width or 0) >= READING_WIDTH + 2 * 200

    @property
    def look(self) -> tuple:
        """What the frame's layout depends on beyond the settings: a change redraws it whole."""
        return self.narrow, bar_shows_labels(self.width or 390, self.text_scale), self.wide_reading
