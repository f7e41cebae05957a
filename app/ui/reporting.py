""""Must I report?": a short form, a capacity check, and a result with whom to contact and why.

Answers live only in this session's memory and are dropped as soon as the user leaves the section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import flet as ft
from babel.dates import format_date

from app.content.models import ReportingFile
from app.directory import load_directory
from app.i18n import Translator
from app.rules import Capacity, Case, Result, Status, evaluate, load_packs
from app.rules.capacity import ABILITIES, assess
from app.rules.models import Pack
from app.ui.icons import Icons
from app.ui.widgets import heading, scrolling, source_line, subheading

if TYPE_CHECKING:
    from app.ui.shell import Shell

STATUS_COLORS = {
    Status.must_report: (ft.Colors.ERROR_CONTAINER, ft.Colors.ON_ERROR_CONTAINER),
    Status.assess_first: (ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER),
    Status.patient_decides: (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER),
}


@dataclass
class Answers:
    """What the clinician has answered so far. Never written anywhere."""

    age: str = ""
    age_unknown: bool = False
    appears_minor: bool = False
    sexual_exploitation: bool = False
    capacity: Capacity = Capacity.intact
    developmental_disability: bool = False
    serious_injury_from_crime: bool = False
    elder_by_local_law: bool = False
    capacity_check: dict = field(default_factory=dict)
    showing: str = "form"  # form | capacity | result

    def case(self, jurisdiction: str) -> Case | None:
        """The engine's input, or None while the age is neither a whole number nor marked unknown."""
        if self.age_unknown:
            age = None
        elif self.age.strip().isdigit() and int(self.age) <= 130:
            age = int(self.age)
        else:
            return None
        return Case(
            age=age,
            appears_minor=self.age_unknown and self.appears_minor,
            elder_by_local_law=self.elder_by_local_law,
            sexual_exploitation=self.sexual_exploitation,
            capacity=self.capacity,
            developmental_disability=self.developmental_disability,
            serious_injury_from_crime=self.serious_injury_from_crime,
            jurisdiction=jurisdiction,
        )


def build(shell: Shell) -> ft.Control:
    if shell.answers is None:
        shell.answers = Answers()
    answers, tr, text = shell.answers, shell.tr, shell.bundle.reporting
    pack = load_packs()[shell.settings.jurisdiction]
    holder = ft.Container(expand=True)

    def show(part: str) -> None:
        answers.showing = part
        holder.content = {"form": form, "capacity": capacity_check, "result": result}[part](
            tr, text, pack, answers, show
        )

    show(answers.showing)
    return ft.Column([disclaimer(text), holder], expand=True, spacing=8)


def disclaimer(text: ReportingFile) -> ft.Container:
    note = text.item("rpt_verify_local_law")
    return ft.Container(
        ft.Row(
            [
                ft.Icon(Icons.GAVEL, size=18, color=ft.Colors.ON_SECONDARY_CONTAINER),
                ft.Text(note.title, weight=ft.FontWeight.W_600, color=ft.Colors.ON_SECONDARY_CONTAINER, expand=True),
            ]
        ),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=ft.BorderRadius.all(12),
        padding=ft.Padding.symmetric(horizontal=12, vertical=8),
    )


def _switch(label: str, value: bool, on_change) -> ft.Control:
    # The question beside the switch, not as its label, so it wraps on a phone instead of being
    # cut off; merged semantics still give the switch the question as its accessible name.
    return ft.MergeSemantics(
        content=ft.Row(
            [ft.Switch(value=value, on_change=on_change), ft.Text(label, expand=True)],
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        )
    )


def _help(detail: str | None) -> list[ft.Control]:
    return [ft.Text(detail, theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT)] if detail else []


def form(tr: Translator, text: ReportingFile, pack: Pack, answers: Answers, show) -> ft.Control:
    _ = tr._
    q = text.item
    error = ft.Text("", color=ft.Colors.ERROR, visible=False)
    minor = _switch(q("q_rpt_appears_minor").title, answers.appears_minor, lambda e: setattr(answers, "appears_minor", e.control.value))
    minor.visible = answers.age_unknown

    def set_age(e) -> None:
        answers.age = e.control.value or ""

    def set_unknown(e) -> None:
        answers.age_unknown = bool(e.control.value)
        age.disabled = answers.age_unknown
        minor.visible = answers.age_unknown

    def set_capacity(e) -> None:
        answers.capacity = Capacity(e.control.value)

    def submit() -> None:
        if answers.case(pack.id) is None:
            error.value = _("Enter the age in whole years, or choose “Age unknown”.")
            error.visible = True
            return
        show("result")

    age = ft.TextField(
        label=q("q_rpt_age").title,
        value=answers.age,
        keyboard_type=ft.KeyboardType.NUMBER,
        input_filter=ft.NumbersOnlyInputFilter(),
        width=220,
        disabled=answers.age_unknown,
        on_change=set_age,
    )
    capacity = ft.RadioGroup(
        value=answers.capacity.value,
        on_change=set_capacity,
        content=ft.Row(
            [
                ft.Radio(value=Capacity.intact.value, label=_("Yes")),
                ft.Radio(value=Capacity.lacking.value, label=_("No")),
                ft.Radio(value=Capacity.uncertain.value, label=_("Not sure")),
            ],
            wrap=True,
        ),
    )
    controls: list[ft.Control] = [
        age,
        *_help(q("q_rpt_age").detail),
        ft.Checkbox(label=_("Age unknown"), value=answers.age_unknown, on_change=set_unknown),
        minor,
        ft.Divider(),
        _switch(q("q_rpt_sexual_exploitation").title, answers.sexual_exploitation,
                lambda e: setattr(answers, "sexual_exploitation", e.control.value)),
        *_help(q("q_rpt_sexual_exploitation").detail),
        ft.Divider(),
        ft.Text(q("q_rpt_capacity").title, theme_style=ft.TextThemeStyle.TITLE_SMALL),
        *_help(q("q_rpt_capacity").detail),
        capacity,
        ft.OutlinedButton(_("Check capacity"), icon=Icons.PSYCHOLOGY_OUTLINED, on_click=lambda: show("capacity")),
        ft.Divider(),
        _switch(q("q_rpt_developmental_disability").title, answers.developmental_disability,
                lambda e: setattr(answers, "developmental_disability", e.control.value)),
        _switch(q("q_rpt_serious_injury").title, answers.serious_injury_from_crime,
                lambda e: setattr(answers, "serious_injury_from_crime", e.control.value)),
    ]  # fmt: skip
    if pack.elder_age is None:  # the sources give no elder age: ask about local law instead
        controls += [
            _switch(q("q_rpt_elder").title, answers.elder_by_local_law,
                    lambda e: setattr(answers, "elder_by_local_law", e.control.value)),
            *_help(q("q_rpt_elder").detail),
        ]  # fmt: skip
    controls += [error, ft.FilledButton(_("Show result"), icon=Icons.ARROW_FORWARD, on_click=submit)]
    return scrolling(controls)


def capacity_check(tr: Translator, text: ReportingFile, pack: Pack, answers: Answers, show) -> ft.Control:
    _ = tr._
    group = text.group("grp_rpt_capacity")
    verdict = ft.Text("", theme_style=ft.TextThemeStyle.TITLE_MEDIUM)
    use = ft.FilledButton(_("Use this result"), icon=Icons.CHECK)
    labels = {
        Capacity.intact: _("The patient can make this decision."),
        Capacity.lacking: _("The patient cannot make this decision now."),
        Capacity.uncertain: _("Capacity is uncertain: involve your supervisor."),
    }

    def refresh() -> None:
        outcome = assess(answers.capacity_check)
        verdict.value = labels[outcome] if outcome else _("Answer all four questions.")
        use.disabled = outcome is None

    def answer(ability: str):
        def handler(e) -> None:
            answers.capacity_check[ability] = e.control.value
            refresh()

        return handler

    def apply() -> None:
        outcome = assess(answers.capacity_check)
        if outcome:
            answers.capacity = outcome
            show("form")

    use.on_click = apply
    rows: list[ft.Control] = [heading(group.title), ft.Text(group.intro or "", italic=True)]
    for ability in ABILITIES:
        rows += [
            ft.Text(text.item(ability).title, theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.RadioGroup(
                value=answers.capacity_check.get(ability),
                on_change=answer(ability),
                content=ft.Row(
                    [
                        ft.Radio(value="yes", label=_("Yes")),
                        ft.Radio(value="no", label=_("No")),
                        ft.Radio(value="unsure", label=_("Not sure")),
                    ],
                    wrap=True,
                ),
            ),
        ]
    refresh()
    rows += [
        verdict,
        ft.Row([use, ft.TextButton(_("Back"), on_click=lambda: show("form"))], wrap=True),
        source_line(tr, text.item(ABILITIES[0])),
    ]
    return scrolling(rows)


def result(tr: Translator, text: ReportingFile, pack: Pack, answers: Answers, show) -> ft.Control:
    _ = tr._
    outcome: Result = evaluate(answers.case(pack.id), pack)
    status = text.item(f"status_{outcome.status.value}")
    background, foreground = STATUS_COLORS[outcome.status]

    def section(title: str, items: list[ft.Control]) -> list[ft.Control]:
        return [subheading(title), *items]

    def bullet(line: str) -> ft.Control:
        return ft.Row([ft.Text("•"), ft.Text(line, expand=True)], vertical_alignment=ft.CrossAxisAlignment.START)

    def start_again() -> None:
        fresh = Answers()
        for name in fresh.__dataclass_fields__:
            setattr(answers, name, getattr(fresh, name))
        show("form")

    card = ft.Container(
        ft.Column(
            [
                ft.Text(status.title, theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM,
                        weight=ft.FontWeight.W_700, color=foreground),
                ft.Text(status.detail or "", color=foreground),
            ]
        ),
        bgcolor=background,
        border_radius=ft.BorderRadius.all(16),
        padding=16,
        expand=True,
        key="status",
    )  # fmt: skip
    rows: list[ft.Control] = [ft.Row([card])]  # a Row lets the card take the full width
    directory = load_directory()

    def with_numbers(title: str, category: str) -> str:
        phones = [tr.ltr(entry.phone) for entry in directory.by_category(category) if entry.phone]
        return f"{title}: {', '.join(phones)}" if phones else title

    said_first: tuple[str, ...] = ()
    if outcome.report_to:
        agencies = sorted(outcome.report_to)
        contacts = [bullet(with_numbers(text.item(f"agency_{a}").title, a)) for a in agencies]
        if any(not directory.by_category(a) for a in agencies):
            contacts.append(ft.Text(_("Add your verified local numbers for these services to the directory."),
                                    theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT))
        rows += section(_("Whom to contact"), contacts)
        said_first = ("step_explain_confidentiality", "step_tell_before_call")
        rows += section(_("Say this to the patient first"), [bullet(text.item(step).title) for step in said_first])
    steps = []
    for step in outcome.steps:
        if step in said_first:
            continue
        line = text.item(step).title
        if step == "step_offer_hotline_together":
            line = with_numbers(line, "hotline")
        steps.append(bullet(line))
    rows += section(_("Steps"), steps)
    why = [
        ft.Column([bullet(text.item(f"rule_{reason.id}").title), source_line(tr, text.item(f"rule_{reason.id}"))], spacing=2)
        for reason in outcome.reasons
    ] or [bullet(_("No rule that requires a report applies."))]
    rows += section(_("Why"), why)
    reviewed = format_date(pack.reviewed, format="long", locale=tr.language.code)
    rows += [
        ft.Divider(),
        ft.Text(
            _("Rules: {jurisdiction}, reviewed on {date}.").format(
                jurisdiction=text.item(f"pack_{pack.id}").title, date=reviewed
            ),
            theme_style=ft.TextThemeStyle.BODY_SMALL,
        ),
        ft.Text(text.item(f"pack_{pack.id}").detail or "", theme_style=ft.TextThemeStyle.BODY_SMALL),
        ft.Row(
            [
                ft.OutlinedButton(_("Change answers"), icon=Icons.EDIT, on_click=lambda: show("form")),
                ft.TextButton(_("Start again"), icon=Icons.RESTART_ALT, on_click=start_again),
            ],
            wrap=True,
        ),
    ]
    return scrolling(rows)
