"""Whole flows in every language, through the real shell on the fake client, tapping what a
clinician taps by the words on it: a study session, a practice case, a glossary term opened where
it is used, and the reporting aid's three kinds of result. The browser tests play each flow once,
in one language (a different one per flow), for what only a browser shows; here every language
plays every flow in milliseconds."""

from __future__ import annotations

import asyncio
from typing import Any

import flet as ft
import pytest

from app.content.loader import load_bundle
from app.formats import percent_text
from app.i18n import Translator
from app.study import summary_text
from tests.fake_client import FakeClient, texts, walk
from tests.ui.harness import running_shell

LANGUAGES = ["en", "es", "ar"]


class Screen:
    """The shell's current view, read and tapped by its words."""

    def __init__(self, shell, client: FakeClient) -> None:
        self.shell, self.client = shell, client

    def words(self) -> list[str]:
        found = texts(self.shell.view)
        found += [node.content for node in walk(self.shell.view) if isinstance(getattr(node, "content", None), str)]
        return found

    def shows(self, text: str, part: bool = False) -> bool:
        """A whole line, or (`part`, or a long text) within a line."""
        return any(word == text or ((part or len(text) >= 30) and text in word) for word in self.words())

    def see(self, text: str, part: bool = False) -> None:
        assert self.shows(text, part), f"{text!r} is not on {self.shell._route}"

    def _named(self, node: Any) -> list[str]:
        names = [getattr(node, name, None) for name in ("content", "tooltip", "label")]
        icons = [icon.semantics_label for icon in [*walk(node), getattr(node, "icon", None)] if isinstance(icon, ft.Icon)]
        return [name for name in names + icons if isinstance(name, str)] + texts(node)

    async def tap(self, text: str) -> None:
        tappable = [node for node in walk(self.shell.view) if getattr(node, "on_click", None) and text in self._named(node)]
        assert tappable, f"nothing to tap named {text!r} on {self.shell._route}"
        await self.client.event(tappable[0], "click")

    async def choose(self, question_key: str, label: str) -> None:
        """A chip under the question whose block has this key."""
        block = next(node for node in walk(self.shell.view) if getattr(node, "key", None) == question_key)
        chip = next(node for node in walk(block) if isinstance(node, ft.Chip) and node.label.value == label)
        chip.selected = True
        await self.client.event(chip, "select")

    async def type_age(self, age: str) -> None:
        field = next(node for node in walk(self.shell.view) if isinstance(node, ft.TextField))
        await self.client.change(field, value=age)


async def fill(screen: Screen, tr: Translator, age: str, **answers: str) -> None:
    """The age, then each question (its id without q_rpt_) and an English answer label."""
    await screen.type_age(age)
    for question, label in answers.items():
        await screen.choose(f"q_rpt_{question}", tr._(label))


def play(language: str, route: str, flow, **settings) -> None:
    async def run() -> None:
        async with running_shell(route, language=language, **settings) as (shell, client):
            await flow(Screen(shell, client), Translator(language), load_bundle(language))

    asyncio.run(run())


async def study_session(screen: Screen, tr: Translator, bundle) -> None:
    _ = tr._
    study = bundle.quiz.group("grp_quiz_study").items
    screen.see(bundle.quiz.facts[0].title)
    await screen.tap(_("The study's 11 questions"))
    wrong = {1, 4}
    for n in range(len(study)):
        screen.see(_("Question {number} of {total}").format(number=n + 1, total=len(study)))
        item = next(item for item in study if screen.shows(item.title))
        choice = item.answer if n not in wrong else not item.answer
        await screen.tap(_("True") if choice else _("False"))
        screen.see(_("Correct") if n not in wrong else _("Not quite"))
        screen.see(item.explanation)
        screen.see(percent_text(item.percent_correct, tr.language.code), part=True)  # how peers answered
        await screen.tap(_("See results") if n == len(study) - 1 else _("Next"))
    screen.see(summary_text(tr, len(study) - len(wrong), len(study)))
    await screen.tap(_("Review missed questions"))
    screen.see(_("Question {number} of {total}").format(number=1, total=len(wrong)))


async def practice_case(screen: Screen, tr: Translator, bundle) -> None:
    _ = tr._
    case = bundle.cases.cases[0]
    await screen.tap(case.title)
    step, wrong_first = case.steps[0], True
    while True:
        screen.see(step.situation)
        choice = next(c for c in step.choices if c.best != wrong_first)
        await screen.tap(choice.title)
        screen.see(_("There is a better way") if not choice.best else _("What the sources support"))
        screen.see(choice.feedback)
        wrong_first = False
        if choice.next == "end":
            await screen.tap(_("See how it ends"))
            break
        await screen.tap(_("Next"))
        step = next(s for s in case.steps if s.id == choice.next)
    screen.see(case.end.outcome)
    await screen.tap(_("Back to the cases"))
    screen.see(case.title)


async def glossary_from_where_it_is_used(screen: Screen, tr: Translator, bundle) -> None:
    _ = tr._
    term = bundle.glossary.item("gl_sexual_exploitation")
    await screen.tap(_("Glossary: {term}").format(term=term.title))
    screen.see(term.detail)
    await screen.tap(_("Back"))
    screen.see(bundle.reporting.item("q_rpt_age").title)


async def first_use_and_an_elder_not_sure(screen: Screen, tr: Translator, bundle) -> None:
    """Where the clinician practises, asked once; nothing preset; the missing answers named; and
    an 84-year-old "not sure" to be an elder is "assess first" with the open answer to resolve."""
    _, text = tr._, bundle.reporting
    screen.see(_("Where do you practise?"))
    await screen.tap(text.item("pack_us").title)
    assert screen.shell.settings.jurisdiction == "us"
    await screen.type_age("84")
    await screen.tap(_("Show result"))
    missing = ["q_rpt_appears_minor", "q_rpt_sexual_exploitation", "q_rpt_assault_or_abuse", "q_rpt_serious_injury",
               "q_rpt_capacity", "q_rpt_developmental_disability", "q_rpt_elder"]  # fmt: skip
    named = "; ".join(text.item(question).title for question in missing)
    screen.see(tr.ngettext("Answer this question first: {questions}", "Answer these questions first: {questions}",
                           len(missing)).format(questions=named))  # fmt: skip
    assert not screen.shows(text.item("status_patient_decides").title)
    await fill(screen, tr, "84", appears_minor="No", sexual_exploitation="No", assault_or_abuse="No",
               serious_injury="No", capacity="Yes", developmental_disability="No", elder="Not sure")  # fmt: skip
    await screen.tap(_("Show result"))
    for line in (text.item("status_assess_first").title, _("Still to resolve"), text.item("step_check_elder_law").title,
                 text.item("agency_adult_protection__us").title, _("What you entered"), text.item("rpt_verify_local_law").detail):  # fmt: skip
        screen.see(line)
    await screen.tap(_("Home"))
    await screen.tap(_("Next steps"))
    assert screen.shell.visit.reporting.age == "" and not screen.shows(_("What you entered"))  # leaving forgets it all


async def another_country(screen: Screen, tr: Translator, bundle) -> None:
    """Practising elsewhere: "check local law", the child agencies, and no US or Canadian number."""
    _, text = tr._, bundle.reporting
    await fill(screen, tr, "15", appears_minor="Yes", sexual_exploitation="Yes", assault_or_abuse="No", serious_injury="No")
    await screen.tap(_("Show result"))
    for line in (text.item("status_check_local_law").title, text.item("agency_child_protection").title,
                 text.item("agency_law_enforcement").title, text.item("pack_generic").title, text.item("rpt_verify_local_law").detail):  # fmt: skip
        screen.see(line, part=True)
    assert not screen.shows(text.item("status_must_report").title)
    assert not any("373-7888" in word or "900-1010" in word for word in screen.words())


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_use_no_presets_and_an_84_year_old_not_sure_to_be_an_elder(language):
    play(language, "/next", first_use_and_an_elder_not_sure)


@pytest.mark.parametrize("language", LANGUAGES)
def test_another_country_is_told_to_check_local_law(language):
    play(language, "/next", another_country, jurisdiction="generic")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_study_session_with_feedback_summary_and_review(language):
    play(language, "/study", study_session)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_practice_case_played_to_its_end_with_a_wrong_choice_first(language):
    play(language, "/study", practice_case)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_glossary_term_opens_from_where_it_is_used_and_back_returns(language):
    play(language, "/next", glossary_from_where_it_is_used, jurisdiction="us")
