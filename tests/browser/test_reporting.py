"""The reporting aid in the real app: asked where the clinician practises on first use, nothing
preset, no result while a question is unanswered, honest answers for another country, and
everything forgotten on leaving. Each flow plays here in one language, a different one for each
(the viewport alternates too); tests/ui/test_flows.py and tests/ui/test_screens.py play every
flow in every language on the fake client."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.i18n import Translator
from tests.browser.driver import Wizard

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["ar"])
def test_first_use_no_presets_and_an_84_year_old_not_sure_to_be_an_elder(app, language):
    app.use_language(language, jurisdiction=None).open("/next")
    wizard = Wizard(app, language)
    _ = wizard._

    # Where the clinician practises is asked once, and stored as a setting.
    app.see(_("Where do you practise?"))
    app.text(wizard.text.item("pack_us").title).first.click()
    app.wait_for_storage("jurisdiction", "us")
    wizard.age_field().wait_for()

    # Nothing is preset: with only the age given there is no result, and the missing answers are named.
    wizard.enter_age("84")
    wizard.press("Show result")
    missing = ["q_rpt_appears_minor", "q_rpt_sexual_exploitation", "q_rpt_assault_or_abuse", "q_rpt_serious_injury",
               "q_rpt_capacity", "q_rpt_developmental_disability", "q_rpt_elder"]  # fmt: skip
    named = "; ".join(wizard.text.item(question).title for question in missing)
    app.see(Translator(language).ngettext("Answer this question first: {questions}",
                                          "Answer these questions first: {questions}", len(missing)).format(questions=named))  # fmt: skip
    assert app.page.get_by_text(wizard.text.item("status_patient_decides").title, exact=True).count() == 0
    app.shot(f"report-unanswered-{language}")

    # Answering now empties that question's "Not answered yet." but keeps its line: the questions
    # below stay where they are, under the clinician's next tap. Measured from the answered
    # question, in the same scrolling list: the tap itself scrolls the list when the answer lies
    # below the screen's edge (on a phone, in Arabic, it may), which moves both alike. Measured on
    # the screen instead, the question below was 605 px higher after the tap (1444 -> 839), twice.
    def below() -> float:
        app.tree_settled()
        return wizard.question("q_rpt_elder").bounding_box()["y"] - wizard.question("q_rpt_appears_minor").bounding_box()["y"]

    before = below()
    wizard.answer("q_rpt_appears_minor", "No")
    expect(wizard.choice("q_rpt_appears_minor", "No")).to_be_checked()
    assert below() == before

    wizard.fill("84", sexual_exploitation="No", assault_or_abuse="No", serious_injury="No",
                capacity="Yes", developmental_disability="No", elder="Not sure")  # fmt: skip
    wizard.press("Show result")
    wizard.expect_status("assess_first", [])
    app.see(_("Still to resolve"))  # the open answer, with how to resolve it and whom it would add
    app.see(wizard.text.item("step_check_elder_law").title)
    app.see(wizard.text.item("agency_adult_protection__us").title)
    app.see(_("What you entered"))
    app.see(_("{jurisdiction} · rules version {version}, reviewed {date}").split("{jurisdiction}")[0]
            + wizard.text.item("pack_us").title)  # fmt: skip
    app.shot(f"report-elder-not-sure-{language}")

    # Leaving the section forgets it all.
    app.go(Translator(language)._("Home"))
    app.see(Translator(language)._("Point-of-care guidance for clinicians."))  # a tap during the redraw is lost
    app.go(Translator(language)._("Next steps"))
    field = wizard.age_field()
    field.wait_for()
    assert field.input_value() == ""
    assert app.text(_("What you entered")).count() == 0


@pytest.mark.parametrize("language", ["es"])
def test_another_country_is_told_to_check_local_law(app, language):
    app.use_language(language, jurisdiction="generic").open("/next")
    wizard = Wizard(app, language)
    wizard.fill("15", appears_minor="Yes", sexual_exploitation="Yes", assault_or_abuse="No", serious_injury="No")
    wizard.press("Show result")
    wizard.expect_status("check_local_law", ["child_protection", "law_enforcement"], pack="generic")
    app.see(wizard.text.item("pack_generic").title)
    assert app.page.get_by_text(wizard.text.item("status_must_report").title, exact=True).count() == 0
    # US and Canadian numbers are not offered to someone practising elsewhere.
    assert app.text("373-7888").count() == 0 and app.text("900-1010").count() == 0
    app.shot(f"report-generic-{language}")


@pytest.mark.parametrize("app", ["desktop"], indirect=True)
def test_capacity_check_and_a_mandatory_report_with_the_jurisdictions_numbers(app):
    app.use_language("en", jurisdiction="us").open("/next")
    wizard = Wizard(app, "en")
    wizard.fill("40", appears_minor="No", sexual_exploitation="No", assault_or_abuse="No", serious_injury="No",
                developmental_disability="No", elder="No")  # fmt: skip
    wizard.press("Check capacity")
    for element, label in zip(("cap_understanding", "cap_comprehension", "cap_reasoning", "cap_communication"),
                              ("Yes", "No", "Yes", "Yes")):  # fmt: skip
        wizard.answer(element, label)
    app.see("The patient cannot make this decision now.")
    wizard.press("Use this result")
    wizard.press("Show result")
    wizard.expect_status("must_report", ["law_enforcement"])
    app.see(wizard.text.item("rule_lacks_capacity").title)
    app.see(wizard.text.item("step_call_together_anonymously").title)
    app.see("United States: 1 (888) 373-7888")  # labelled with its country; Canada's is not shown
    assert app.text("900-1010").count() == 0
    app.shot("report-capacity-en")


@pytest.mark.parametrize("language", ["en"])
def test_a_stated_adult_who_looks_under_18_is_never_left_to_decide(app, language):
    """Issue 25: says 19, looks about 14, paid sex. How old the patient looks is asked with the age
    filled in; the result is "assess first" with the verify-age step, the child agencies and the
    national line's number, and never "the patient decides"."""
    app.use_language(language, jurisdiction="us").open("/next")
    wizard = Wizard(app, language)
    _ = wizard._
    wizard.enter_age("19")
    wizard.question("q_rpt_appears_minor").wait_for()
    assert wizard.age_field().input_value() == "19"
    wizard.fill("19", appears_minor="Yes", sexual_exploitation="Yes", assault_or_abuse="No", serious_injury="No",
                capacity="Yes", developmental_disability="No")  # fmt: skip
    assert wizard.question("q_rpt_elder").count() == 0  # a patient who may be a child is not asked about old age
    wizard.press("Show result")
    wizard.expect_status("assess_first", ["child_protection", "law_enforcement"])
    app.see(_("Still to resolve"))
    app.see(wizard.text.item("step_verify_age").title)
    app.see(_("{condition}, also contact:").format(condition=wizard.text.item("if_may_be_child").title))
    app.see("373-7888")  # the US national line, in any language
    assert app.page.get_by_text(wizard.text.item("status_patient_decides").title, exact=True).count() == 0
    app.shot(f"report-stated-adult-looks-under-18-{language}")
