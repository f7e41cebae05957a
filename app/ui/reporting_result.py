"""The result of "Must I report?", in the order a clinician needs it: the status with the jurisdiction
and pack version, the full "verify local law" note, whom to contact with that jurisdiction's numbers,
the steps, every answer still open with whom it would add, why (rule by rule, with sources), and what
was entered (on screen only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import flet as ft

from app.content.models import ReportingFile
from app.directory import Directory, load_directory
from app.formats import date_text
from app.i18n import Translator
from app.rules import Status, evaluate
from app.rules.answers import ANSWER_LABELS, Answers
from app.rules.engine import agencies
from app.rules.models import Duty, FiredRule, OpenAnswer, Pack, Result
from app.rules.wording import worded
from app.ui.icons import Icons
from app.ui.links import glossary_links
from app.ui.widgets import badge, scrolling, source_line, subheading, verify_banner

if TYPE_CHECKING:
    from app.ui.context import Context

STATUS_COLORS = {
    Status.must_report: (ft.Colors.ERROR_CONTAINER, ft.Colors.ON_ERROR_CONTAINER),
    Status.check_local_law: (ft.Colors.ERROR_CONTAINER, ft.Colors.ON_ERROR_CONTAINER),
    Status.assess_first: (ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER),
    Status.patient_decides: (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER),
}
# Statuses worded apart when they rest on the aid's own precautions alone.
PRECAUTION_WORDED = (Status.must_report, Status.check_local_law)
# Steps that name a referral line: the line's numbers for this jurisdiction follow them.
HOTLINE_STEPS = ("step_call_together_anonymously", "step_offer_hotline_together")


def bullet(line: str, extra: list[ft.Control] | None = None) -> ft.Control:
    return ft.Row(
        [ft.Text("•"), ft.Column([ft.Text(line), *(extra or [])], spacing=2, expand=True)],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def numbers(tr: Translator, text: ReportingFile, directory: Directory, category: str, pack: Pack) -> list[ft.Control]:
    """The numbers of a category for this jurisdiction, each labelled with its country when it
    belongs to one, as ASCII digits kept in order inside Arabic."""
    lines = []
    for entry in directory.by_category(category, pack.id):
        if not entry.phone:
            continue
        where = text.item(f"pack_{entry.jurisdiction}").title if entry.jurisdiction else entry.name
        lines.append(
            ft.Text(
                tr._("{where}: {number}").format(where=where, number=tr.ltr(entry.phone)),
                weight=ft.FontWeight.W_600,
            )
        )
    return lines


def result(ctx: Context, text: ReportingFile, pack: Pack, answers: Answers, show: Callable) -> ft.Control:
    """Status first, then whom to contact, what to do, what is still open, why, and what was entered."""
    tr = ctx.tr
    _ = tr._
    outcome = evaluate(answers.case(pack), pack)
    directory = load_directory()
    rows: list[ft.Control] = [status_card(tr, text, pack, outcome), verify_banner(text.item("rpt_verify_local_law"), full=True),
                              *glossary_links(ctx, "rpt_verify_local_law")]  # fmt: skip
    rows += contacts(tr, text, directory, pack, outcome)
    # Said once, plainly, under the first list of agencies some of which this device has no number for.
    missing = [a for a in sorted(outcome.report_to | outcome.may_also_report_to) if not numbers(tr, text, directory, a, pack)]
    if missing and set(missing) & outcome.report_to:
        rows.append(no_local_numbers(tr, text, directory, pack))

    steps = []
    for step in outcome.steps:
        extra = numbers(tr, text, directory, "hotline", pack) if step in HOTLINE_STEPS else []
        steps.append(bullet(worded(text, step, pack.id).title, extra))
    rows += [subheading(_("Steps")), *steps]

    if outcome.open:
        rows += [subheading(_("Still to resolve")), *(still_open(ctx, text, directory, pack, answer) for answer in outcome.open)]
        if missing and not set(missing) & outcome.report_to:
            rows.append(no_local_numbers(tr, text, directory, pack))

    why = [reason_line(ctx, text, pack, reason) for reason in outcome.reasons]
    if why or not outcome.open:
        rows += [subheading(_("Why")), *(why or [bullet(_("None of the situations the sources list applies."))])]

    rows += entered(tr, text, pack, answers)

    def start_again() -> None:
        ctx.visit.reporting = Answers()
        ctx.redraw()

    rows.append(
        ft.Row(
            [
                ft.OutlinedButton(_("Change answers"), icon=Icons.EDIT, on_click=lambda: show("form")),
                ft.TextButton(_("Start again"), icon=Icons.RESTART_ALT, on_click=start_again),
            ],
            wrap=True,
        )
    )
    return scrolling(rows, spacing=10)


def status_card(tr: Translator, text: ReportingFile, pack: Pack, outcome: Result) -> ft.Control:
    """The status, worded as resting on the aid's own precaution where it does, with the jurisdiction,
    its rules' version and what differs there."""
    _ = tr._
    precaution = "_precaution" if outcome.precaution and outcome.status in PRECAUTION_WORDED else ""
    status = worded(text, f"status_{outcome.status.value}{precaution}", pack.id)
    jurisdiction = text.item(f"pack_{pack.id}")
    background, foreground = STATUS_COLORS[outcome.status]
    reviewed = date_text(pack.reviewed, "long", tr.language.code)
    where = _("{jurisdiction} · rules version {version}, reviewed {date}").format(
        jurisdiction=jurisdiction.title, version=pack.version, date=reviewed
    )
    return ft.Row([ft.Container(
        ft.Column(
            [
                ft.Text(where, theme_style=ft.TextThemeStyle.LABEL_LARGE, color=foreground, key="result-jurisdiction"),
                ft.Text(status.title, theme_style=ft.TextThemeStyle.HEADLINE_SMALL, weight=ft.FontWeight.W_700,
                        color=foreground),
                ft.Text(status.detail or "", color=foreground),
                ft.Text(jurisdiction.detail or "", theme_style=ft.TextThemeStyle.BODY_SMALL, color=foreground),
            ],
            spacing=4,
        ),
        bgcolor=background,
        border_radius=ft.BorderRadius.all(16),
        padding=16,
        expand=True,
        key="status",
    )])  # fmt: skip


def agency_line(tr: Translator, text: ReportingFile, directory: Directory, pack: Pack, agency: str) -> ft.Control:
    return bullet(worded(text, f"agency_{agency}", pack.id).title, numbers(tr, text, directory, agency, pack))


def contacts(tr: Translator, text: ReportingFile, directory: Directory, pack: Pack, outcome: Result) -> list[ft.Control]:
    """Whom to contact (a rule says must), whom a report would go to (local law decides), each with
    the numbers this device has, and once, plainly, what to do where it has none."""
    _ = tr._
    must = agencies(tuple(rule for rule in outcome.reasons if rule.duty is Duty.required))
    law = agencies(tuple(rule for rule in outcome.reasons if rule.duty is Duty.check_local_law)) - must
    rows: list[ft.Control] = []
    if must:
        rows += [subheading(_("Whom to contact")), *(agency_line(tr, text, directory, pack, a) for a in sorted(must))]
    if law:
        heading = _("Whom a report would go to") if not must else _("Also, if your law requires it")
        rows += [subheading(heading), *(agency_line(tr, text, directory, pack, a) for a in sorted(law))]
    return rows


def no_local_numbers(tr: Translator, text: ReportingFile, directory: Directory, pack: Pack) -> ft.Control:
    _ = tr._
    hotline = numbers(tr, text, directory, "hotline", pack)
    lines: list[ft.Control] = [ft.Text(
        _("This device has no local number for some of these services. Your facility can add its verified numbers: "
          "Settings, under \"For your facility\", says how."),
        theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT,
    )]  # fmt: skip
    if hotline:
        lines.insert(0, ft.Text(_("The national referral line can find local help:"), theme_style=ft.TextThemeStyle.BODY_MEDIUM))
        lines[1:1] = hotline
    return ft.Column(lines, spacing=2, key="no-local-numbers")


def still_open(ctx: Context, text: ReportingFile, directory: Directory, pack: Pack, answer: OpenAnswer) -> ft.Control:
    """An open answer: what is open, how to resolve it, and whom it would add."""
    tr = ctx.tr
    _ = tr._
    item = worded(text, f"rule_{answer.rule.id}", pack.id)
    lines: list[ft.Control] = []
    if item.detail:
        lines.append(ft.Text(item.detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
    lines += [bullet(worded(text, step, pack.id).title) for step in answer.rule.steps]
    if answer.would_add:
        condition = worded(text, f"if_{answer.rule.id}", pack.id).title
        heading = _("{condition}, also contact:") if answer.status is Status.must_report else _(
            "{condition}, check your local law; a report would also go to:")
        lines.append(ft.Text(heading.format(condition=condition), weight=ft.FontWeight.W_600))
        lines += [agency_line(tr, text, directory, pack, agency) for agency in sorted(answer.would_add)]
    if answer.rule.precaution:
        lines.append(badge(_("This aid's own precaution")))
    lines.append(source_line(tr, item))
    return ft.Container(bullet(item.title, lines), key=f"open-{answer.rule.id}")


def reason_line(ctx: Context, text: ReportingFile, pack: Pack, reason: FiredRule) -> ft.Control:
    item = worded(text, f"rule_{reason.id}", pack.id)
    lines: list[ft.Control] = []
    if item.detail:
        lines.append(ft.Text(item.detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
    if reason.precaution:
        lines.append(badge(ctx.tr._("This aid's own precaution")))
    lines += glossary_links(ctx, f"rule_{reason.id}")
    lines.append(source_line(ctx.tr, item))
    return bullet(item.title, lines)


def entered(tr: Translator, text: ReportingFile, pack: Pack, answers: Answers) -> list[ft.Control]:
    _ = tr._

    def shown(question: str, value: str) -> str:
        if question == "q_rpt_age":
            return _("Unknown") if value == "unknown" else value
        return _(ANSWER_LABELS[value])

    lines = [
        bullet(text.item(question).title, [ft.Text(shown(question, value), weight=ft.FontWeight.W_700)])
        for question, value in answers.entered(pack)
    ]
    return [subheading(_("What you entered")), *lines,
            ft.Text(_("Shown here only: nothing you entered is saved."), theme_style=ft.TextThemeStyle.BODY_SMALL,
                    color=ft.Colors.ON_SURFACE_VARIANT)]  # fmt: skip
