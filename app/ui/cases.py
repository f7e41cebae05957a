"""A practice case, step by step: the situation, the choices, and for the choice made, feedback
with its source and the part of the app that explains it. No score."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.ui.icons import Icons
from app.ui.links import item_and_topic
from app.ui.sections import section_of
from app.ui.widgets import heading, scrolling, source_line

if TYPE_CHECKING:
    from app.ui.context import Context


def case_screen(ctx: Context) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    play = ctx.visit.case
    case = ctx.bundle.cases.case(play.case_id)

    def again() -> None:
        from app.study.cases import CasePlay

        ctx.visit.case = CasePlay.start(case)
        ctx.redraw()

    def leave() -> None:
        ctx.visit.case = None
        ctx.redraw()

    rows: list[ft.Control] = [heading(case.title)]
    if play.finished:
        rows += [
            ft.Text(case.end.outcome, theme_style=ft.TextThemeStyle.BODY_LARGE, weight=ft.FontWeight.W_600, key="case-outcome"),
            source_line(tr, case.end),
            ft.Row([ft.FilledButton(_("Back to the cases"), icon=Icons.ARROW_BACK, on_click=leave),
                    ft.OutlinedButton(_("Play again"), icon=Icons.REPLAY, on_click=again)], wrap=True),  # fmt: skip
        ]
        return scrolling(rows, spacing=12)

    step = play.step(case)
    number = [s.id for s in case.steps].index(step.id) + 1
    if number == 1:
        rows.append(ft.Text(case.intro, theme_style=ft.TextThemeStyle.BODY_LARGE))
    rows += [
        ft.Text(_("Decision {number}").format(number=number), theme_style=ft.TextThemeStyle.LABEL_LARGE,
                color=ft.Colors.ON_SURFACE_VARIANT),
        ft.Text(step.situation, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600),
    ]  # fmt: skip

    def choose(choice_id: str):
        def handler() -> None:
            play.choose(case, choice_id)
            ctx.redraw()

        return handler

    chosen = play.choice(case)
    for choice in step.choices:
        style = None
        if chosen is not None and choice.id == chosen.id:
            style = ft.ButtonStyle(bgcolor=ft.Colors.SECONDARY_CONTAINER)
        rows.append(
            ft.OutlinedButton(
                content=ft.Text(choice.title, theme_style=ft.TextThemeStyle.BODY_LARGE),
                on_click=choose(choice.id),
                disabled=chosen is not None and choice.id != chosen.id,
                style=style,
                key=f"choice-{choice.id}",
            )
        )
    if chosen is not None:
        rows.append(feedback(ctx, chosen))
        if not chosen.best:  # after the feedback, what the sources support, so a wrong turn still teaches
            best = [choice.title for choice in step.choices if choice.best]
            if best:
                rows.append(ft.Container(
                    ft.Column([ft.Text(_("What the sources support here"), theme_style=ft.TextThemeStyle.TITLE_SMALL,
                                       weight=ft.FontWeight.W_700, color=ft.Colors.ON_PRIMARY_CONTAINER),
                               *(ft.Text(title, color=ft.Colors.ON_PRIMARY_CONTAINER) for title in best)], spacing=4),
                    bgcolor=ft.Colors.PRIMARY_CONTAINER, padding=12, border_radius=ft.BorderRadius.all(12),
                    key="case-best",
                ))  # fmt: skip

        def proceed() -> None:
            play.proceed(case)
            ctx.redraw()

        last = chosen.next == "end"
        rows.append(ft.FilledButton(_("See how it ends") if last else _("Next"), icon=Icons.ARROW_FORWARD, on_click=proceed))
    rows.append(ft.TextButton(_("Back to the cases"), on_click=leave))
    return scrolling(rows, spacing=10)


def feedback(ctx: Context, choice) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    good = choice.best
    colour, on_colour = (
        (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER)
        if good
        else (ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER)
    )
    lines: list[ft.Control] = [
        ft.Text(_("What the sources support") if good else _("There is a better way"),
                theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_700, color=on_colour),
        ft.Text(choice.feedback, color=on_colour),
    ]  # fmt: skip
    target = item_and_topic(ctx.tr.language.code, choice.see)
    if target:
        topic, item = target
        section = section_of(topic)
        lines.append(
            ft.TextButton(
                _("Read it in {section}: {item}").format(section=_(section.label), item=item.title),
                icon=Icons.OPEN_IN_NEW,
                on_click=lambda: ctx.open_item(topic, item.id),
            )
        )
    lines.append(source_line(tr, choice))
    return ft.Container(ft.Column(lines, spacing=4), bgcolor=colour, padding=12, border_radius=ft.BorderRadius.all(12),
                        key="case-feedback")  # fmt: skip
