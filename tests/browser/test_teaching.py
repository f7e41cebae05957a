"""Teaching in the real app: a glossary term opened from a link where the term is used, and a
practice case played to its end with a wrong choice and right ones. Each in one language here;
every language plays both on the fake client (tests/ui/test_flows.py)."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle
from app.i18n import Translator

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en"])
def test_a_glossary_term_opens_from_where_it_is_used(app, language):
    _ = Translator(language)._
    glossary = load_bundle(language).glossary
    term = glossary.item("gl_sexual_exploitation")
    app.use_language(language).open("/next")
    app.button(_("Glossary: {term}").format(term=term.title)).first.click()
    app.see(term.detail[:40])  # the definition itself, on the glossary screen
    app.see(_("Glossary"))
    app.button(_("Back")).click()
    app.see(load_bundle(language).reporting.item("q_rpt_age").title)  # back where the link was


@pytest.mark.parametrize("language", ["es"])
def test_a_practice_case_played_to_its_end(app, language):
    _ = Translator(language)._
    case = load_bundle(language).cases.cases[0]
    app.use_language(language).open("/study")
    app.page.get_by_text(case.title).first.click()
    step = case.steps[0]
    wrong_first = True
    while True:
        app.see(step.situation)
        choice = next(c for c in step.choices if c.best != wrong_first) if wrong_first else next(c for c in step.choices if c.best)
        app.button(choice.title).click()
        app.see(_("There is a better way") if not choice.best else _("What the sources support"))
        app.see(choice.feedback[:40])
        wrong_first = False
        if choice.next == "end":
            app.button(_("See how it ends")).click()
            break
        app.button(_("Next")).click()
        step = next(s for s in case.steps if s.id == choice.next)
    app.see(case.end.outcome[:40])
    app.button(_("Back to the cases")).click()
    app.see(case.title)
