"""Every screen built for real by the real shell, in every language, at phone and desktop width,
with Exit last in the app bar; and the reporting form's states and the card, which need answers."""

from __future__ import annotations

import asyncio

import flet as ft
import pytest

from app.content.loader import load_bundle
from app.i18n import Translator
from app.ui.sections import SECTIONS
from app.ui.widgets import FullScreen
from app.visit import CardChoice
from tests.fake_client import texts, walk
from tests.ui.harness import running_shell

LANGUAGES = ("en", "es", "ar")
WIDTHS = {"phone": 390, "desktop": 1280}


def exit_is_last(shell) -> bool:
    actions = next(control for control in walk(shell.view) if isinstance(control, ft.AppBar)).actions
    return isinstance(actions[-1], ft.TextButton) and actions[-1].key == "quick-exit"


def shown(shell) -> list[str]:
    return texts(shell.view)


async def build_every_section(language: str, width: float) -> list[str]:
    problems = []
    async with running_shell("/", width=width, language=language, jurisdiction="us") as (shell, client):
        tr = Translator(language)
        for section in SECTIONS:
            shell.navigate(section.route)
            await client.settle()
            words = shown(shell)
            if tr._("This section's content could not be loaded.") in words:
                problems.append(f"{section.route}: content error")
            if not exit_is_last(shell):
                problems.append(f"{section.route}: Exit is not last in the app bar")
            if len(words) < 3:
                problems.append(f"{section.route}: nearly empty ({words})")
    return problems


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_section_builds_in_every_language(language, width):
    assert asyncio.run(build_every_section(language, WIDTHS[width])) == []


async def build_reporting_states(language: str) -> list[str]:
    async with running_shell("/next", language=language, jurisdiction="generic") as (shell, client):
        tr = Translator(language)
        text = load_bundle(language).reporting
        words = shown(shell)
        assert text.item("q_rpt_age").title in words
        answers = shell.visit.reporting
        answers.age = "84"
        for question, answer in [("q_rpt_appears_minor", "no"), ("q_rpt_sexual_exploitation", "no"),
                                 ("q_rpt_assault_or_abuse", "no"), ("q_rpt_serious_injury", "no"),
                                 ("q_rpt_capacity", "intact"), ("q_rpt_developmental_disability", "no"),
                                 ("q_rpt_elder", "not_sure")]:  # fmt: skip
            answers.choose(question, answer)
        for part in ("capacity", "result"):
            answers.showing = part
            shell.render()
            await client.settle()
        words = shown(shell)
        # Another country: check local law, and the open elder answer is still named.
        assert text.item("status_check_local_law").title in words
        assert tr._("Still to resolve") in words and text.item("rule_elder_not_sure").title in words
        assert tr._("What you entered") in words
        return words


SAYS_19_LOOKS_14 = [("q_rpt_appears_minor", "yes"), ("q_rpt_sexual_exploitation", "yes"), ("q_rpt_assault_or_abuse", "no"),
                    ("q_rpt_serious_injury", "no"), ("q_rpt_capacity", "intact"), ("q_rpt_developmental_disability", "no")]  # fmt: skip


async def stated_adult_who_looks_under_18(language: str, jurisdiction: str) -> None:
    """Issue 25: a stated 19 never overrules a patient who looks under 18. The result is "assess
    first" (another country: check local law) with the verify-age step and the child agencies, and
    its parts come in the order a clinician needs them."""
    async with running_shell("/next", language=language, jurisdiction=jurisdiction) as (shell, client):
        tr, text = Translator(language), load_bundle(language).reporting
        answers = shell.visit.reporting
        answers.age = "19"
        for question, answer in SAYS_19_LOOKS_14:
            answers.choose(question, answer)
        answers.showing = "result"
        shell.render()
        await client.settle()
        words = shown(shell)
        status = "status_check_local_law" if jurisdiction == "generic" else "status_assess_first"
        agency = {"us": "agency_child_protection__us"}.get(jurisdiction, "agency_child_protection")
        expected_in_order = [
            text.item(status).title, tr._("Steps"), tr._("Still to resolve"), text.item("rule_may_be_child").title,
            text.item("step_verify_age").title, text.item(agency).title, text.item("agency_law_enforcement").title,
            tr._("What you entered"),
        ]  # fmt: skip
        found = [next((i for i, w in enumerate(words) if w == phrase or (len(phrase) > 30 and phrase in w)), -1)
                 for phrase in expected_in_order]  # fmt: skip
        assert -1 not in found and found == sorted(found), list(zip(expected_in_order, found))
        assert text.item("status_patient_decides").title not in words


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("jurisdiction", ["us", "ca", "generic"])
def test_a_stated_adult_age_never_hides_a_child(language, jurisdiction):
    asyncio.run(stated_adult_who_looks_under_18(language, jurisdiction))


@pytest.mark.parametrize("language", LANGUAGES)
def test_reporting_form_capacity_check_and_result_build(language):
    assert asyncio.run(build_reporting_states(language))


async def show_card(language: str, card_language: str) -> FullScreen:
    async with running_shell("/contacts", language=language, jurisdiction="us") as (shell, client):
        shell.visit.card = CardChoice(language=card_language, showing=True)
        shell.render()
        await client.settle()
        assert shell.view.navigation_bar is None and exit_is_last(shell)
        assert Translator(card_language)._("Useful numbers") in shown(shell)
        # The page keeps the app's direction whatever the card's: Exit stays in its corner.
        assert shell.page.rtl == (language == "ar")
        return shell


@pytest.mark.parametrize("language, card_language", [("en", "ar"), ("ar", "es"), ("es", "en")])
def test_the_card_is_shown_alone_with_exit_in_place(language, card_language):
    asyncio.run(show_card(language, card_language))


def test_no_screen_keeps_state_of_its_own_in_the_shell():
    """Everything entered lives in the visit: the shell's own attributes are infrastructure only."""

    async def attributes() -> set[str]:
        async with running_shell("/") as (shell, client):
            for section in SECTIONS:
                shell.navigate(section.route)
                await client.settle()
            return set(vars(shell))

    allowed = {"page", "store", "settings", "clock", "visit", "exit_keys", "idle", "exited", "view", "_after_render",
               "_route", "_came_from", "_narrow", "_clock_running", "_connected", "_closed", "_reset_on_return",
               "_idle_warned", "_field_takes_focus", "_drawn", "_drawn_for", "_framed",  # the frame as drawn: controls only
               "_unreported"}  # fmt: skip  # routes, no patient detail
    assert asyncio.run(attributes()) <= allowed


async def tap_every_destination(language: str, width: float) -> list[str]:
    """Each bar or rail destination, tapped as the client taps it (an event with its data, which
    a handler with a default argument would take for its own), opens its section."""
    problems = []
    async with running_shell("/", width=width, language=language, jurisdiction="us") as (shell, client):
        tr = Translator(language)
        tapped = 0
        for section in SECTIONS:
            name = tr._(section.label)
            destinations = [c for c in walk(shell.view) if isinstance(c, ft.Semantics) and c.button
                            and (c.label == name or any(getattr(t, "semantics_label", None) == name for t in walk(c)))]  # fmt: skip
            if not destinations:
                continue  # not on this layout's bar (reached from Home or the app bar)
            await client.event(destinations[0].content, "click")
            tapped += 1
            if shell._current().route != section.route:
                problems.append(f"{section.label}: tapping it showed {shell._current().route}")
        if tapped < 5:
            problems.append(f"only {tapped} destinations found")
    return problems


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_tapping_each_destination_opens_its_section(width):
    assert asyncio.run(tap_every_destination("es", WIDTHS[width])) == []


async def change_country_in_place() -> None:
    async with running_shell("/next", language="en", jurisdiction="us") as (shell, client):
        answers = shell.visit.reporting
        answers.age = "19"
        for question, answer in SAYS_19_LOOKS_14:
            answers.choose(question, answer)
        shell.render()
        await client.settle()
        rules_for = next(c for c in walk(shell.view) if getattr(c, "key", None) == "rules-for")
        canada = next(c for c in walk(rules_for) if isinstance(c, ft.Chip) and c.label.value == "Canada")
        canada.selected = True
        await client.event(canada, "select")
        assert shell.settings.jurisdiction == "ca" and shell._route == "/next"
        assert shell.visit.reporting is answers and answers.chosen == dict(SAYS_19_LOOKS_14) and answers.age == "19"


def test_changing_the_country_from_the_form_keeps_the_answers():
    """Issue 27: changed in place, not by a trip to Settings that forgot every answer."""
    asyncio.run(change_country_in_place())


@pytest.mark.parametrize("language", LANGUAGES)
def test_safety_lines_are_never_collapsed(language):
    """Issue 27: at 160 % on a phone the banner folds to its first line and a "+N", but a safety
    line ("never ask with a companion present") always stays in view."""
    from app.content.loader import load_bundle
    from app.ui.topic import framing_banner

    bundle = load_bundle(language)
    for topic in ("questions", "guidance", "indicators"):
        items = bundle.topic(topic).framing
        banner = framing_banner(items, compact=True)
        rows = banner.content.controls
        assert any(item.safety for item in items), topic
        for index, (row, item) in enumerate(zip(rows, items)):
            assert row.visible is not False or not (index == 0 or item.safety), (topic, item.id)
    assert next(i for i in bundle.questions.framing if i.id == "qn_companion_present").safety


def test_the_form_of_address_is_offered_only_where_a_line_changes_with_it():
    """Issue 27: woman / man / not assumed changed nothing in Spanish, whose lines use «usted»."""
    from app.content.loader import load_bundle
    from app.ui.asking import address_matters

    assert address_matters(load_bundle("ar").questions)
    assert not address_matters(load_bundle("es").questions) and not address_matters(load_bundle("en").questions)

    async def offered(patient: str) -> bool:
        async with running_shell("/asking", language="en") as (shell, client):
            shell.visit.patient_language = patient
            shell.render()
            await client.settle()
            return Translator("en")._("Speak to the patient as") in shown(shell)

    assert asyncio.run(offered("ar")) and not asyncio.run(offered("es"))


def test_a_wrong_choice_in_a_practice_case_shows_what_the_sources_support():
    """Issue 27: after the feedback on a choice that is not the best, the best one is shown."""
    from app.study.cases import CasePlay

    async def run() -> None:
        async with running_shell("/study", language="es") as (shell, client):
            case = next(c for c in load_bundle("es").cases.cases
                        if any(not ch.best for ch in c.steps[0].choices) and any(ch.best for ch in c.steps[0].choices))  # fmt: skip
            play = shell.visit.case = CasePlay.start(case)
            wrong = next(ch for ch in case.steps[0].choices if not ch.best)
            play.choose(case, wrong.id)
            shell.render()
            await client.settle()
            best = next(c for c in walk(shell.view) if getattr(c, "key", None) == "case-best")
            assert {ch.title for ch in case.steps[0].choices if ch.best} <= set(texts(best))
            assert Translator("es")._("What the sources support here") in texts(best)
            right = next(ch for ch in case.steps[0].choices if ch.best)
            shell.visit.case = play = CasePlay.start(case)
            play.choose(case, right.id)
            shell.render()
            await client.settle()
            assert not [c for c in walk(shell.view) if getattr(c, "key", None) == "case-best"]

    asyncio.run(run())
def test_only_search_takes_the_focus_from_the_key_listener():
    """Flutter gives autofocus to the first widget asking, and the key listener around each screen
    (quick exit's Shift) is the field's ancestor: on search it must not ask, so the field has the
    keys as it opens (issue 27); everywhere else it asks, so Shift is heard with nothing focused."""

    async def autofocus() -> dict[str, tuple[bool, list[bool]]]:
        async with running_shell("/") as (shell, client):
            seen = {}
            for section in SECTIONS:
                shell.navigate(section.route)
                await client.settle()
                listeners = [c for c in walk(shell.view) if isinstance(c, ft.KeyboardListener)]
                fields = [c.autofocus for c in walk(shell.view) if isinstance(c, ft.TextField)]
                seen[section.route] = (listeners[0].autofocus, fields)
            return seen

    for route, (listener, fields) in asyncio.run(autofocus()).items():
        if route == "/search":
            assert (listener, fields) == (False, [True])
        else:
            assert listener and not any(fields), route


def test_a_pack_without_its_wording_is_not_used_and_the_screen_says_why(monkeypatch):
    """Issue 33: a pack that fails its check (a rule with no wording) was used anyway, and "Show
    result" ended the session. The screen now names the missing wording, and nothing crashes."""
    from app.rules.models import Rule, Source
    from app.ui import reporting

    real = reporting.load_packs()
    extra = Rule(id="unworded", when=["child"], duty="required", adds=["child_protection"],
                 source=[Source(seed="002", section="Navigating the Reporting Maze")])  # fmt: skip
    monkeypatch.setattr(reporting, "load_packs", lambda: {**real, "us": real["us"].model_copy(update={"rules": [*real["us"].rules, extra]})})

    async def run():
        async with running_shell("/next", language="en", jurisdiction="us") as (shell, client):
            words = " ".join(shown(shell))
            assert "missing wording for 'rule_unworded'" in words and "reporting.yaml:1" in words
            assert Translator("en")._("Show result") not in words
            assert not client.crashes

    asyncio.run(run())


async def answer_after_show_result() -> None:
    async with running_shell("/next", language="en", jurisdiction="us") as (shell, client):
        show = next(c for c in walk(shell.view) if isinstance(c, ft.FilledButton) and c.content == "Show result")
        await client.event(show, "click")
        question = next(c for c in walk(shell.view) if getattr(c, "key", None) == "q_rpt_serious_injury")
        mark = question.controls[-1]
        assert mark.visible and mark.value == "Not answered yet."
        no = next(c for c in walk(question) if isinstance(c, ft.Chip) and c.label.value == "No")
        no.selected = True
        await client.event(no, "select")
        assert shell.visit.reporting.chosen["q_rpt_serious_injury"] == "no"
        assert mark.visible and mark.value == "", "the mark keeps its line: the questions below stay put"


def test_answering_after_show_result_moves_nothing_below():
    """A lost tap under load: answering hid the question's "Not answered yet." and every question
    below moved up a line, under the clinician's next tap."""
    asyncio.run(answer_after_show_result())
