"""The reporting wizard in each language: a child, an elder, a patient lacking capacity, a competent adult."""

from __future__ import annotations

import re

import pytest

from app.content.loader import load_bundle
from app.i18n import Translator

pytestmark = pytest.mark.browser


class Wizard:
    def __init__(self, app, language: str) -> None:
        self.app, self.page = app, app.page
        self.text = load_bundle(language).reporting
        self._ = Translator(language)._

    def switch(self, item_id: str):
        return self.page.get_by_role("switch", name=self.text.item(item_id).title)

    def button(self, label: str):
        return self.page.get_by_role("button", name=self._(label))

    def enter_age(self, age: str) -> None:
        box = self.page.get_by_role("textbox", name=self.text.item("q_rpt_age").title)
        for _attempt in range(3):  # Flutter focuses the field a frame after the click; keys before that are lost
            # force: a scroll settling after the screen swapped can keep the box "unstable" for a while;
            # the value check below is what proves the typing landed.
            box.click(force=True)
            self.page.wait_for_timeout(150)
            self.page.keyboard.type(age)
            if box.input_value() == age:
                return
            box.fill("")  # clears the DOM field only; retyping below is what Flutter sees
        raise AssertionError(f"could not type the age {age!r}")

    def expect_status(self, status: str, agencies: list[str]) -> None:
        self.app.see(self.text.item(f"status_{status}").title)
        for agency in agencies:
            self.app.see(self.text.item(f"agency_{agency}").title)
        self.app.see(self.text.item("rpt_verify_local_law").title)

    def start_again(self) -> None:
        self.button("Start again").click()
        self.page.get_by_role("button", name=self._("Show result")).wait_for()


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_four_cases_to_their_results(app, language):
    app.use_language(language).open("/next")
    wizard = Wizard(app, language)

    # A 15-year-old who is sexually exploited: child protection and the police.
    wizard.enter_age("15")
    wizard.switch("q_rpt_sexual_exploitation").click()
    wizard.button("Show result").click()
    wizard.expect_status("must_report", ["child_protection", "law_enforcement"])
    app.see(wizard.text.item("rule_child_sexual_exploitation").title)
    app.shot(f"report-child-{language}")
    wizard.start_again()

    # An elder as local law defines it (the packs set no elder age): adult protective services.
    wizard.enter_age("84")
    wizard.switch("q_rpt_elder").click()
    wizard.button("Show result").click()
    wizard.expect_status("must_report", ["adult_protection"])
    wizard.start_again()

    # An adult found by the capacity check to lack capacity: the police.
    wizard.enter_age("40")
    wizard.button("Check capacity").click()
    for index, answer in enumerate(["Yes", "No", "Yes", "Yes"]):  # cannot appreciate it: lacks capacity
        group = app.page.get_by_role("radiogroup").nth(index)
        group.get_by_role("radio", name=wizard._(answer), exact=True).click()
    app.see(wizard._("The patient cannot make this decision now."))
    app.shot(f"report-capacity-{language}")
    wizard.button("Use this result").click()
    wizard.button("Show result").click()
    wizard.expect_status("must_report", ["law_enforcement"])
    wizard.start_again()

    # A competent adult: the patient decides, and nobody is to be contacted without consent.
    wizard.enter_age("30")
    wizard.button("Show result").click()
    wizard.expect_status("patient_decides", [])
    app.see(wizard.text.item("step_consent_needed").title)
    assert app.text(wizard._("Whom to contact")).count() == 0
    app.shot(f"report-adult-{language}")


def test_bad_age_is_explained_not_crashed(app):
    app.open("/next")
    wizard = Wizard(app, "en")
    wizard.button("Show result").click()
    app.see("Enter the age in whole years")


def test_answers_are_forgotten_on_leaving(app):
    app.open("/next")
    wizard = Wizard(app, "en")
    wizard.enter_age("15")
    wizard.switch("q_rpt_sexual_exploitation").click()
    app.go("Home")
    app.go("Next steps")
    textbox = app.page.get_by_role("textbox", name=wizard.text.item("q_rpt_age").title)
    textbox.wait_for()
    assert not wizard.switch("q_rpt_sexual_exploitation").is_checked()
    assert re.fullmatch(r"\s*", textbox.input_value() or "")
