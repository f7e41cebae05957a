"""The taps of bench/taps.py done the plain Flet way, for the app's taps to be judged against.

Same screen as the app's at 1280 × 800: an app bar, a rail of the same eleven destinations built
the same way (an icon in a pill over a label, a tappable container in a semantics node), and a
760 px reading column. Same content (the app's English texts, so the same amount of text to lay
out), in the same controls: a group is an ExpansionTile filled when first opened, an item a
padded column of its title, detail and source. Served by the app's own server with the app's
assets (bench/launcher.py runs it), so the renderer, fonts and icon font are the same; only the
Python that answers a tap differs. What a bare app would do for each tap:

- open a group: fill the tile's controls on first open and update the tile;
- switch section: swap the reading column's content, mark the new destination and retitle the
  bar, then one page.update(), and push the section's address to the browser (as the app does,
  for Back; it costs the twin ~20 ms of the page's time);
- answer a study question: swap the question for its feedback.
"""

from __future__ import annotations

import argparse

import flet as ft

from app import paths
from app.content.loader import load_bundle
from app.ui.icons import Icons
from app.ui.sections import RAIL


def item_tile(item) -> ft.Control:
    lines: list[ft.Control] = [ft.Text(item.title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600)]
    if item.detail:
        lines.append(ft.Text(item.detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
    citations = [ft.Text(f"{s.label}, {s.section}", theme_style=ft.TextThemeStyle.BODY_SMALL) for s in item.source]
    lines.append(ft.Row([ft.Text("Source:", theme_style=ft.TextThemeStyle.BODY_SMALL), ft.Column(citations, spacing=0, expand=True)],
                        spacing=4, vertical_alignment=ft.CrossAxisAlignment.START))  # fmt: skip
    box = ft.Container(ft.Column(lines, spacing=4), padding=ft.Padding.symmetric(horizontal=16, vertical=10))
    return ft.Semantics(content=box, container=True)


def groups(topic) -> list[ft.Control]:
    def fill(e, group) -> None:
        if e.control.expanded and not e.control.controls:
            e.control.controls = [item_tile(item) for item in group.items]
            e.control.update()

    return [
        ft.ExpansionTile(
            title=ft.Text(group.title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_800, color=ft.Colors.PRIMARY),
            subtitle=ft.Text(f"{len(group.items)} items", theme_style=ft.TextThemeStyle.BODY_SMALL),
            controls=[],
            animation_style=ft.AnimationStyle(duration=ft.Duration(milliseconds=60), reverse_duration=ft.Duration(milliseconds=60)),
            on_change=lambda e, group=group: fill(e, group),
        )
        for group in topic.groups
    ]  # fmt: skip


def framing(topic) -> ft.Control:
    rows = [ft.Row([ft.Icon(Icons.INFO_OUTLINE, size=18), ft.Text(item.title, expand=True)]) for item in topic.framing]
    return ft.Container(ft.Column(rows, spacing=4), bgcolor=ft.Colors.SECONDARY_CONTAINER, padding=12, border_radius=12)


def scrolling(controls: list[ft.Control]) -> ft.Column:
    return ft.Column(controls, spacing=4, expand=True, scroll=ft.ScrollMode.AUTO)


def main(page: ft.Page) -> None:
    bundle = load_bundle("en")
    page.theme = ft.Theme(color_scheme_seed=ft.Colors.TEAL, font_family="NotoSans")
    page.theme_animation_style = ft.AnimationStyle.no_animation()
    page.padding = 0
    page.title = "Care Reference"  # the app's index.html lifts its loading cover once a title is set
    title = ft.Text()
    page.appbar = ft.AppBar(title=title, actions=[ft.IconButton(Icons.SEARCH), ft.TextButton("Exit", icon=Icons.LOGOUT)])
    reading = ft.Container(width=760, padding=ft.Padding.symmetric(horizontal=16, vertical=8))

    def study() -> ft.Control:
        quiz = bundle.quiz
        item = next(item for item in quiz.grouped_items() if item.percent_correct is not None)
        head = [ft.Text("Question 1 of 10", theme_style=ft.TextThemeStyle.LABEL_LARGE), ft.ProgressBar(value=0),
                ft.Text(item.title, theme_style=ft.TextThemeStyle.HEADLINE_SMALL, weight=ft.FontWeight.W_600)]  # fmt: skip

        def answer() -> None:
            verdict = ft.Container(ft.Column([ft.Text("Correct", theme_style=ft.TextThemeStyle.TITLE_LARGE),
                                              ft.Text("The statement is true.")], spacing=4),
                                   bgcolor=ft.Colors.PRIMARY_CONTAINER, padding=12, border_radius=12)  # fmt: skip
            reading.content = scrolling([*head, verdict, ft.Text(item.explanation, theme_style=ft.TextThemeStyle.BODY_LARGE),
                                         ft.Text(f"{item.percent_correct}% of providers answered this correctly."),
                                         ft.Row([ft.FilledButton("Next", icon=Icons.ARROW_FORWARD)])])  # fmt: skip
            page.update()

        def start() -> None:
            reading.content = scrolling([*head, ft.Row([ft.FilledButton("True", icon=Icons.CHECK, on_click=answer, expand=True),
                                                        ft.FilledButton("False", icon=Icons.CLOSE, on_click=answer, expand=True)])])  # fmt: skip
            page.update()

        return scrolling([ft.Text("True or false?", theme_style=ft.TextThemeStyle.HEADLINE_SMALL), framing(quiz),
                          ft.Row([ft.FilledButton("Start 10 questions", icon=Icons.PLAY_ARROW, on_click=start)])])  # fmt: skip

    screens = {
        "/indicators": lambda: scrolling([framing(bundle.indicators), *groups(bundle.indicators)]),
        "/guidance": lambda: scrolling([framing(bundle.guidance), *groups(bundle.guidance)]),
        "/study": study,
    }
    destinations: dict[str, tuple] = {}

    def show(route: str) -> None:
        reading.content = screens.get(route, lambda: ft.Text(route))()
        for target, (node, pill, icon, label, section) in destinations.items():
            current = target == route
            node.selected = current
            pill.bgcolor = ft.Colors.SECONDARY_CONTAINER if current else None
            icon.icon = section.selected_icon if current else section.icon
            label.weight = ft.FontWeight.W_700 if current else ft.FontWeight.W_500
            if current:
                title.value = section.label

    def destination(section) -> ft.Control:
        icon = ft.Icon(section.icon)
        pill = ft.Container(icon, border_radius=16, padding=ft.Padding.symmetric(horizontal=16, vertical=4))
        label = ft.Text(section.label, theme_style=ft.TextThemeStyle.LABEL_MEDIUM, text_align=ft.TextAlign.CENTER)

        def tap() -> None:
            show(section.route)
            page.update()
            page.navigate(section.route)  # the address and history follow, as the app's do (Back)

        item = ft.Container(ft.Column([pill, label], spacing=4, horizontal_alignment=ft.CrossAxisAlignment.CENTER, tight=True),
                            padding=ft.Padding.symmetric(vertical=8, horizontal=2), on_click=tap, ink=True, width=100)  # fmt: skip
        node = ft.Semantics(content=item, button=True, container=True)
        destinations[section.route] = (node, pill, icon, label, section)
        return node

    rail = ft.Column([destination(section) for section in RAIL], spacing=2, scroll=ft.ScrollMode.AUTO,
                     horizontal_alignment=ft.CrossAxisAlignment.CENTER)  # fmt: skip
    show(page.route or "/")
    page.add(ft.Row([ft.Container(rail, width=108), ft.VerticalDivider(width=1), ft.Row([reading], expand=True)], expand=True, spacing=0))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    from app.web import server

    server.serve(main, args.host, args.port, assets_dir=paths.ASSETS_DIR)
