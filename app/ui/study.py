"""Study: true-or-false statements with immediate feedback, how peers in a training study
answered, a summary and a review of the ones missed. Scores live in memory only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from app.content.models import QuizFile
from app.formats import percent_text
from app.study import Session, summary_text
from app.ui.icons import Icons
from app.ui.topic import framing_banner
from app.ui.sections import section_of
from app.ui.widgets import heading, scrolling, source_line, subheading

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    quiz = ctx.bundle.quiz
    if ctx.visit.case is not None:
        from app.ui.cases import case_screen

        return case_screen(ctx)
    session = ctx.visit.study
    if session is None:
        return start_screen(ctx, quiz)
    if session.finished:
        return summary_screen(ctx, quiz, session)
    return question_screen(ctx, quiz, session)


def begin(ctx: Context, quiz: QuizFile, pool: list[str] | None, size: int | None) -> None:
    ctx.visit.study = Session.draw({item.id: item.answer for item in quiz.grouped_items()}, pool, size)
    ctx.redraw()


def start_screen(ctx: Context, quiz: QuizFile) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    study_ids = [item.id for item in quiz.group("grp_quiz_study").items]
    facts = [
        ft.Row([ft.Icon(Icons.LIGHTBULB_OUTLINE, size=18), ft.Text(fact.title, expand=True)],
               vertical_alignment=ft.CrossAxisAlignment.START)
        for fact in quiz.facts
    ]  # fmt: skip
    return scrolling(
        [
            heading(_("True or false?")),
            ft.Text(
                _("Statements from a training study and the clinical sources, with how peers answered. "
                  "Nothing is saved."),
                theme_style=ft.TextThemeStyle.BODY_LARGE,
            ),
            framing_banner(quiz.framing, compact=ctx.compact),
            ft.Row(
                [
                    ft.FilledButton(_("Start 10 questions"), icon=Icons.PLAY_ARROW,
                                    on_click=lambda: begin(ctx, quiz, None, 10)),
                    ft.OutlinedButton(_("The study's 11 questions"),
                                      on_click=lambda: begin(ctx, quiz, study_ids, None)),
                ],
                wrap=True,
            ),
            ft.Divider(),
            *case_list(ctx),
            ft.Divider(),
            subheading(_("Did you know?")),
            *facts,
        ],
        spacing=12,
    )  # fmt: skip


def case_list(ctx: Context) -> list[ft.Control]:
    from app.study.cases import CasePlay

    tr = ctx.tr
    _ = tr._
    cases = ctx.bundle.cases

    def play(case):
        def start() -> None:
            ctx.visit.case = CasePlay.start(case)
            ctx.redraw()

        return start

    tiles = [
        ft.Card(ft.ListTile(title=ft.Text(case.title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, weight=ft.FontWeight.W_600),
                            subtitle=ft.Text(case.intro, theme_style=ft.TextThemeStyle.BODY_MEDIUM),
                            trailing=ft.Icon(Icons.PLAY_ARROW), on_click=play(case)),
                variant=ft.CardVariant.OUTLINED, key=f"case-{case.id}")  # fmt: skip
        for case in cases.cases
    ]
    intro = _("Short cases from the sources: choose what to do at each step and see why. Nothing is scored or saved.")
    return [subheading(cases.title), ft.Text(intro, theme_style=ft.TextThemeStyle.BODY_MEDIUM), *tiles]


def question_screen(ctx: Context, quiz: QuizFile, session: Session) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    item = quiz.item(session.current)
    number = session.position if session.showing_feedback else session.position + 1
    rows: list[ft.Control] = [
        ft.Text(_("Question {number} of {total}").format(number=number, total=session.total),
                theme_style=ft.TextThemeStyle.LABEL_LARGE, color=ft.Colors.ON_SURFACE_VARIANT),
        ft.ProgressBar(value=session.position / session.total),
        ft.Text(item.title, theme_style=ft.TextThemeStyle.HEADLINE_SMALL, weight=ft.FontWeight.W_600),
    ]  # fmt: skip

    def choose(given: bool) -> None:
        session.answer(given)
        ctx.redraw()

    def proceed() -> None:
        session.next()
        ctx.redraw()

    if not session.showing_feedback:
        rows.append(
            ft.Row(
                [
                    ft.FilledButton(_("True"), icon=Icons.CHECK, on_click=lambda: choose(True), expand=True),
                    ft.FilledButton(_("False"), icon=Icons.CLOSE, on_click=lambda: choose(False), expand=True),
                ]
            )
        )
        return scrolling(rows, spacing=16)

    last = session.last
    verdict = _("Correct") if last.correct else _("Not quite")
    answer = _("The statement is true.") if item.answer else _("The statement is false.")
    colour, on_colour = (
        (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER)
        if last.correct
        else (ft.Colors.ERROR_CONTAINER, ft.Colors.ON_ERROR_CONTAINER)
    )
    feedback: list[ft.Control] = [
        ft.Text(verdict, theme_style=ft.TextThemeStyle.TITLE_LARGE, weight=ft.FontWeight.W_700, color=on_colour),
        ft.Text(answer, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, color=on_colour),
    ]
    rows.append(ft.Container(ft.Column(feedback, spacing=4), bgcolor=colour, padding=12,
                             border_radius=ft.BorderRadius.all(12)))  # fmt: skip
    rows.append(ft.Text(item.explanation, theme_style=ft.TextThemeStyle.BODY_LARGE))
    if item.percent_correct is not None:
        rows.append(
            ft.Text(
                _("{percent} of providers in a seven-country study answered this correctly before training.")
                .format(percent=percent_text(item.percent_correct, tr.language.code)),
                theme_style=ft.TextThemeStyle.BODY_MEDIUM,
                weight=ft.FontWeight.W_600,
            )
        )  # fmt: skip
    rows.append(source_line(tr, item))
    actions: list[ft.Control] = []
    if item.see_also:
        section = section_of(item.see_also)
        actions.append(ft.OutlinedButton(_("Open {section}").format(section=_(section.label)),
                                         icon=section.icon, on_click=lambda: ctx.navigate(section.route)))  # fmt: skip
    last_one = session.position == session.total
    actions.append(ft.FilledButton(_("See results") if last_one else _("Next"), icon=Icons.ARROW_FORWARD,
                                   on_click=proceed))  # fmt: skip
    rows.append(ft.Row(actions, wrap=True))
    return scrolling(rows, spacing=12)


def summary_screen(ctx: Context, quiz: QuizFile, session: Session) -> ft.Control:
    tr = ctx.tr
    _ = tr._

    def review() -> None:
        ctx.visit.study = session.review()
        ctx.redraw()

    def again() -> None:
        ctx.visit.study = None
        ctx.redraw()

    rows: list[ft.Control] = [
        heading(summary_text(tr, session.correct, session.total)),
        ft.ProgressBar(value=session.correct / session.total if session.total else 0),
    ]
    if session.missed:
        rows.append(subheading(_("To look at again")))
        for item_id in session.missed:
            item = quiz.item(item_id)
            truth = _("True") if item.answer else _("False")
            rows.append(ft.Text(f"{item.title} — {truth}", theme_style=ft.TextThemeStyle.BODY_LARGE))
    buttons: list[ft.Control] = []
    if session.missed:
        buttons.append(ft.FilledButton(_("Review missed questions"), icon=Icons.REPLAY, on_click=review))
    buttons.append(ft.OutlinedButton(_("Start again"), icon=Icons.RESTART_ALT, on_click=again))
    rows.append(ft.Row(buttons, wrap=True))
    return scrolling(rows, spacing=12)
