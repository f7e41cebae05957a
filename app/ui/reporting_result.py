"""The result of "Must I report?": the status with the jurisdiction and pack version first, the full
"verify local law" note, what was entered (on screen only), whom to contact with that
jurisdiction's numbers, the steps that fit the status, and why, rule by rule, with sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import flet as ft
from babel.dates import format_date

from app.content.models import ReportingFile
from app.directory import Directory, load_directory
from app.i18n import Translator
from app.rules import Status, evaluate
from app.rules.answers import ANSWER_LABELS, Answers
from app.rules.models import Pack
from app.rules.wording import worded
from app.ui.icons import Icons
from app.ui.links import glossary_links
from app.ui.widgets import badge, scrolling, source_line, subheading, verify_banner

if TYPE_CHECKING:
    from app.ui.shell import Shell

STATUS_COLORS = {
    Status.must_report: (ft.Colors.ERROR_CONTAINER, ft.Colors.ON_ERROR_CONTAINER),
    Status.check_local_law: (ft.Colors.ERROR_CONTAINER, ft.Colors.ON_ERROR_CONTAINER),
    Status.assess_first: (ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER),
    Status.patient_decides: (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER),
}
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


def result(shell: Shell, text: ReportingFile, pack: Pack, answers: Answers, show: Callable) -> ft.Control:
    tr = shell.tr
    _ = tr._
    outcome = evaluate(answers.case(pack), pack)
    status = text.item(f"status_{outcome.status.value}")
    background, foreground = STATUS_COLORS[outcome.status]
    directory = load_directory()
    reviewed = format_date(pack.reviewed, format="long", locale=tr.language.code)
    where = _("{jurisdiction} · rules version {version}, reviewed {date}").format(
        jurisdiction=text.item(f"pack_{pack.id}").title, version=pack.version, date=reviewed
    )
    card = ft.Container(
        ft.Column(
            [
                ft.Text(where, theme_style=ft.TextThemeStyle.LABEL_LARGE, color=foreground, key="result-jurisdiction"),
                ft.Text(status.title, theme_style=ft.TextThemeStyle.HEADLINE_SMALL, weight=ft.FontWeight.W_700,
                        color=foreground),
                ft.Text(status.detail or "", color=foreground),
            ],
            spacing=4,
        ),
        bgcolor=background,
        border_radius=ft.BorderRadius.all(16),
        padding=16,
        expand=True,
        key="status",
    )  # fmt: skip
    # "Jurisdictions differ" (the glossary's 15-year-old example) beside the note on local law.
    rows: list[ft.Control] = [ft.Row([card]), verify_banner(text.item("rpt_verify_local_law"), full=True), *glossary_links(shell, "rpt_verify_local_law")]

    def shown(question: str, value: str) -> str:
        if question == "q_rpt_age":
            return _("Unknown") if value == "unknown" else value
        return _(ANSWER_LABELS[value])

    entered = [
        bullet(text.item(question).title, [ft.Text(shown(question, value), weight=ft.FontWeight.W_700)])
        for question, value in answers.entered(pack)
    ]
    rows += [subheading(_("What you entered")), *entered,
             ft.Text(_("Shown here only: nothing you entered is saved."), theme_style=ft.TextThemeStyle.BODY_SMALL,
                     color=ft.Colors.ON_SURFACE_VARIANT)]  # fmt: skip

    if outcome.report_to:
        contacts = []
        for agency in sorted(outcome.report_to):
            found = numbers(tr, text, directory, agency, pack)
            note = [] if found else [ft.Text(_("No number for this service on this device yet."),
                                            theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT)]
            contacts.append(bullet(worded(text, f"agency_{agency}", pack.id).title, found + note))
        heading = _("Whom to contact") if outcome.status is Status.must_report else _("Whom a report would go to")
        rows += [subheading(heading), *contacts]  # fmt: skip

    steps = []
    for step in outcome.steps:
        extra = numbers(tr, text, directory, "hotline", pack) if step in HOTLINE_STEPS else []
        steps.append(bullet(text.item(step).title, extra))
    rows += [subheading(_("Steps")), *steps]

    why = []
    for reason in outcome.reasons:
        item = text.item(f"rule_{reason.id}")
        lines: list[ft.Control] = []
        if item.detail:
            lines.append(ft.Text(item.detail, theme_style=ft.TextThemeStyle.BODY_MEDIUM))
        if reason.precaution:
            lines.append(badge(_("This aid's own precaution")))
        lines += glossary_links(shell, f"rule_{reason.id}")
        lines.append(source_line(tr, item))
        why.append(bullet(item.title, lines))
    rows += [subheading(_("Why")), *(why or [bullet(_("None of the situations the sources list applies."))])]

    def start_again() -> None:
        shell.visit.reporting = Answers()
        shell.render()

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
