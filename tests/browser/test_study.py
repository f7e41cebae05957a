"""Study mode in the real app: answers right and wrong, feedback with peers' figures, the summary
with its plural form, and a review of the missed items, here in Arabic (right to left); every
language plays it on the fake client (tests/ui/test_flows.py)."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle
from app.formats import percent_text
from app.i18n import Translator
from app.study import summary_text

pytestmark = pytest.mark.browser


def on_screen(app, items):
    """The statement being asked: the one whose text is shown."""
    shown = [item for item in items if app.page.get_by_text(item.title, exact=True).count()]
    assert len(shown) == 1, [item.id for item in shown]
    return shown[0]


@pytest.mark.parametrize("app", ["phone"], indirect=True)
@pytest.mark.parametrize("language", ["ar"])
def test_a_session_with_feedback_summary_and_review(app, language):
    tr = Translator(language)
    _ = tr._
    quiz = load_bundle(language).quiz
    study = quiz.group("grp_quiz_study").items
    app.use_language(language).open("/study")
    app.see(quiz.facts[0].title)  # did-you-know figures on the first screen
    app.page.get_by_role("button", name=_("The study's 11 questions")).click()
    wrong = {1, 4}  # answer these positions wrongly, the rest rightly
    for n in range(len(study)):
        app.see(_("Question {number} of {total}").format(number=n + 1, total=len(study)))
        item = on_screen(app, study)
        choice = item.answer if n not in wrong else not item.answer
        app.page.get_by_role("button", name=_("True") if choice else _("False"), exact=True).click()
        app.see(_("Correct") if n not in wrong else _("Not quite"))
        app.see(item.explanation)
        app.see(percent_text(item.percent_correct, language))  # how peers answered, locally written
        if n == 1:
            app.shot(f"study-feedback-{language}")
        last = n == len(study) - 1
        app.page.get_by_role("button", name=_("See results") if last else _("Next"), exact=True).click()
    app.see(summary_text(tr, len(study) - len(wrong), len(study)))
    app.see(_("Review missed questions"))
    app.shot(f"study-summary-{language}")
    app.page.get_by_role("button", name=_("Review missed questions")).click()
    app.see(_("Question {number} of {total}").format(number=1, total=len(wrong)))
    app.page.get_by_role("button", name=_("Exit")).click()  # scores are never kept


def test_feedback_links_to_the_reporting_aid(app):
    quiz = load_bundle("en").quiz
    app.open("/study")
    app.page.get_by_role("button", name="The study's 11 questions").click()
    study = quiz.group("grp_quiz_study").items
    for n in range(len(study)):  # answer until the police item comes up, then follow its link
        app.see(f"Question {n + 1} of {len(study)}")
        item = on_screen(app, study)
        app.page.get_by_role("button", name="True", exact=True).click()
        app.see(item.explanation)
        if item.id == "quiz_t2_police":
            break
        app.page.get_by_role("button", name="Next", exact=True).click()
    app.page.get_by_role("button", name="Open Next steps").click()
    app.see("Verify local law")
