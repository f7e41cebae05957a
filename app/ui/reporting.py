""""Must I report?": where the clinician practises (asked once), a short form with nothing preset,
a capacity check, and a result (app.ui.reporting_result) with whom to contact and why.

The answers live in the visit (memory only) and are forgotten on leaving the section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import flet as ft

from app.content.models import ReportingFile
from app import paths
from app.datafiles.problems import DataError, Problem, display
from app.rules.packs import load_packs, offered, pack_problems
from app.rules.answers import ANSWER_LABELS, CHOICES, YES, Answers
from app.rules.capacity import ELEMENTS, assess
from app.rules.models import NOT_SURE, Capacity, Pack
from app.rules.wording import missing_wording
from app.ui.icons import Icons
from app.ui.links import glossary_links
from app.ui.jurisdiction import choose_jurisdiction, jurisdiction_name
from app.ui.reporting_result import result
from app.ui.widgets import choices, heading, scrolling, source_line, subheading, verify_banner

if TYPE_CHECKING:
    from app.ui.context import Context


def build(ctx: Context) -> ft.Control:
    text = ctx.bundle.reporting
    packs, problems = load_packs(), pack_problems()
    jurisdiction = ctx.settings.jurisdiction
    if jurisdiction is not None and jurisdiction not in packs and problems:
        raise DataError(list(problems))  # the chosen pack is broken: say where; Settings offers the others
    if jurisdiction not in packs:
        why = ctx.tr._("The reporting rules depend on the country. You can change this later in Settings.")
        return choose_jurisdiction(ctx, why, after=[verify_banner(text.item("rpt_verify_local_law"), full=True)])
    pack = packs[jurisdiction]
    unworded = missing_wording(text, {pack.id: pack})
    if unworded:  # `check` names these too; a result would fail on the first of them, so the pack is not used
        where = display(paths.CONTENT_DIR / ctx.tr.language.code / "reporting.yaml")
        raise DataError([Problem(where, 1, f"missing wording for {item_id!r}, used by the {pack.id!r} reporting rules: "
                                           "they are not used until it is added") for item_id in unworded])  # fmt: skip
    if ctx.visit.reporting is None:
        ctx.visit.reporting = Answers()
    answers = ctx.visit.reporting
    holder = ft.Container(expand=True)

    def show(part: str) -> None:

        answers.showing = part
        build_part = {"form": form, "capacity": capacity_check, "result": result}[part]
        holder.content = build_part(ctx, text, pack, answers, show)

    show(answers.showing)
    return holder


def _choice_group(labels: dict[str, str], value: str | None, on_change: Callable[[str | None], None]) -> ft.Row:
    """One answer per question, none chosen until the clinician chooses (nothing is preset)."""
    return choices(labels, value, on_change, allow_none=True)


def _note(text: str | None) -> list[ft.Control]:
    if not text:
        return []
    return [ft.Text(text, theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT)]


def form(ctx: Context, text: ReportingFile, pack: Pack, answers: Answers, show: Callable) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    q = text.item
    blocks: dict[str, ft.Column] = {}
    missing_marks: dict[str, ft.Text] = {}
    summary = ft.Text("", color=ft.Colors.ERROR, visible=False, key="unanswered")
    tried = False  # name unanswered questions only once "Show result" has been pressed

    def refresh() -> None:
        asked, missing = answers.applicable(pack), answers.unanswered(pack)
        for question, block in blocks.items():
            block.visible = question in asked
            # Once shown, a mark keeps its line when its question is answered (emptied, not hidden):
            # the questions below must not move up under a clinician's next tap.
            missing_marks[question].visible = tried
            missing_marks[question].value = _("Not answered yet.") if question in missing else ""
        summary.visible = tried and bool(missing)
        if missing:
            names = "; ".join(q(question).title for question in missing)
            summary.value = tr.ngettext(
                "Answer this question first: {questions}", "Answer these questions first: {questions}", len(missing)
            ).format(questions=names)

    def chosen(question: str):
        def handler(value: str | None) -> None:
            answers.choose(question, value)
            refresh()

        return handler

    def block(question: str, controls: list[ft.Control]) -> ft.Column:
        item = q(question)
        mark = ft.Text("", color=ft.Colors.ERROR, theme_style=ft.TextThemeStyle.BODY_SMALL, visible=False)
        missing_marks[question] = mark
        # The answers as one group named by the question: a screen reader (and a test) finds them under it.
        answers_group = ft.Semantics(content=ft.Column(controls, spacing=6), label=item.title, container=True)
        blocks[question] = ft.Column(
            [ft.Text(item.title, theme_style=ft.TextThemeStyle.TITLE_SMALL, weight=ft.FontWeight.W_600), *_note(item.detail),
             *glossary_links(ctx, question), answers_group, mark],
            spacing=6,
            key=question,
        )  # fmt: skip
        return blocks[question]

    def set_age(e) -> None:
        answers.age = e.control.value or ""
        refresh()

    def set_unknown(e) -> None:
        answers.age_unknown = bool(e.control.value)
        age.disabled = answers.age_unknown
        refresh()

    def submit() -> None:
        nonlocal tried
        tried = True
        refresh()
        if not answers.unanswered(pack):
            show("result")

    def labels(question: str) -> dict[str, str]:
        return {value: _(ANSWER_LABELS[value]) for value in CHOICES[question]}

    age = ft.TextField(
        label=_("Age in years"),
        value=answers.age,
        keyboard_type=ft.KeyboardType.NUMBER,
        input_filter=ft.NumbersOnlyInputFilter(),
        width=220,
        disabled=answers.age_unknown,
        on_change=set_age,
    )
    controls: list[ft.Control] = [
        verify_banner(text.item("rpt_verify_local_law")),
        jurisdiction_line(ctx, text, pack),
        block("q_rpt_age", [ft.Row([age, ft.Checkbox(label=_("Age unknown"), value=answers.age_unknown,
                                                     on_change=set_unknown)], wrap=True)]),
    ]  # fmt: skip
    for question in CHOICES:
        extra: list[ft.Control] = []
        if question == "q_rpt_capacity":
            extra.append(ft.OutlinedButton(_("Check capacity"), icon=Icons.PSYCHOLOGY_OUTLINED, on_click=lambda: show("capacity")))
        group = _choice_group(labels(question), answers.chosen.get(question), chosen(question))
        controls.append(block(question, [group, *extra]))
    controls += [summary, ft.FilledButton(_("Show result"), icon=Icons.ARROW_FORWARD, on_click=submit)]
    refresh()
    return scrolling(controls, spacing=14)


def jurisdiction_line(ctx: Context, text: ReportingFile, pack: Pack) -> ft.Control:
    """Where the clinician practises, changed in place: the answers given so far are kept (going to
    Settings would leave the section and forget them)."""
    _ = ctx.tr._

    async def change(pack_id: str | None) -> None:
        if pack_id and pack_id != pack.id:
            await ctx.change_settings(jurisdiction=pack_id)

    options = {pack_id: jurisdiction_name(ctx, pack_id) for pack_id in offered()}
    return ft.Column(
        [ft.Text(_("Rules for:"), theme_style=ft.TextThemeStyle.LABEL_LARGE, weight=ft.FontWeight.W_600),
         choices(options, pack.id, change)],
        spacing=6,
        key="rules-for",
    )  # fmt: skip


def capacity_check(ctx: Context, text: ReportingFile, pack: Pack, answers: Answers, show: Callable) -> ft.Control:
    tr = ctx.tr
    _ = tr._
    group, how = text.group("grp_rpt_capacity"), text.item("cap_how")
    verdict = ft.Text("", theme_style=ft.TextThemeStyle.TITLE_MEDIUM, key="capacity-verdict")
    use = ft.FilledButton(_("Use this result"), icon=Icons.CHECK)
    outcomes = {
        Capacity.intact: _("The patient can make this decision."),
        Capacity.lacking: _("The patient cannot make this decision now."),
        Capacity.uncertain: _("Capacity is uncertain: involve your supervisor."),
    }
    element_labels = {value: _(ANSWER_LABELS[value]) for value in (YES, "no", NOT_SURE)}

    def refresh() -> None:
        outcome = assess(answers.capacity_check)
        verdict.value = outcomes[outcome] if outcome else _("Answer all four.")
        use.disabled = outcome is None

    def answer(element: str):
        def handler(value: str | None) -> None:
            if value is None:
                answers.capacity_check.pop(element, None)
            else:
                answers.capacity_check[element] = value
            refresh()

        return handler

    def apply() -> None:
        if answers.use_capacity_check():
            show("form")

    use.on_click = apply
    rows: list[ft.Control] = [heading(group.title), ft.Text(how.title, theme_style=ft.TextThemeStyle.TITLE_SMALL),
                              ft.Text(how.detail or "", theme_style=ft.TextThemeStyle.BODY_MEDIUM)]  # fmt: skip
    for element in ELEMENTS:
        item = text.item(element)
        group = _choice_group(element_labels, answers.capacity_check.get(element), answer(element))
        rows += [subheading(item.title), ft.Text(item.detail or "", theme_style=ft.TextThemeStyle.BODY_MEDIUM),
                 ft.Semantics(content=group, label=item.title, container=True)]  # fmt: skip
    refresh()
    rows += [
        verdict,
        ft.Row([use, ft.TextButton(_("Back"), on_click=lambda: show("form"))], wrap=True),
        source_line(tr, how),
    ]
    return scrolling(rows, spacing=8)
