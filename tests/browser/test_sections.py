"""Care approach, Asking, Guidance and search: the real app in each language."""

from __future__ import annotations

import re

import pytest

from app.content.loader import load_bundle
from app.i18n import LANGUAGES, Translator

pytestmark = pytest.mark.browser

# A query typed as a user would (no accents, no harakat) and the item it must open.
SEARCHES = {"en": "interpreter", "es": "interprete", "ar": "مترجم"}
OPENS = ("guidance", "interp_professional")
SECTION_ROUTE = {"guidance": "/guidance"}


def item(language: str, topic: str, item_id: str):
    return load_bundle(language).topic(topic).item(item_id)


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_search_from_the_shell_and_open_a_result(app, language):
    _ = Translator(language)._
    app.use_language(language).open("/indicators")
    app.page.get_by_role("button", name=_("Search"), exact=True).click()  # reachable from every section
    field = app.page.get_by_role("textbox", name=_("Search"))
    app.type_into(field, SEARCHES[language])  # results follow each keystroke
    target = item(language, *OPENS)
    app.see(target.detail)
    app.shot(f"search-{language}")
    app.text(target.detail).first.click()
    app.page.wait_for_url(re.compile(r"/guidance$"))
    app.see(_("Guidance"))
    app.see(target.title)  # its group opened and the item scrolled into view
    box = app.box(app.text(target.title).first)
    assert 0 <= box["y"] < app.page.viewport_size["height"]
    app.shot(f"search-opened-{language}")


def test_search_all_three_languages(app):
    app.open("/search")
    field = app.page.get_by_role("textbox", name="Search")
    app.type_into(field, "tatuaje")
    app.see("Nothing found in this language. Try searching all three languages.")
    app.page.get_by_role("switch", name="Search all three languages").click()
    app.see(item("es", "questions", "q_add_tattoo_meaning").title)
    app.see("Asking · Español")


@pytest.mark.parametrize("ui, patient", [("en", "ar"), ("ar", "es"), ("es", "en")])
def test_question_in_the_patients_language(app, ui, patient):
    _ = Translator(ui)._
    questions, theirs = load_bundle(ui).questions, load_bundle(patient).questions
    app.use_language(ui).open("/asking")
    app.choose(LANGUAGES[patient].native_name)
    script = theirs.item("script_report").title
    app.see(script)  # the confidentiality script first, in the patient's language
    app.see(f"{LANGUAGES[ui].native_name}: {questions.item('script_report').title}")  # and the clinician's
    app.page.get_by_role("button", name=re.compile("^" + re.escape(questions.group("cat_environment").title))).click()
    asked = theirs.item("q_env_typical_day").title
    app.see(asked)
    app.see(_("Patient's language"))  # the app itself stays in its own language
    words = app.box(app.text(asked).first)
    tags = app.page.get_by_text(LANGUAGES[patient].native_name, exact=True)
    tag = min((app.box(tags.nth(n)) for n in range(tags.count())), key=lambda box: abs(box["y"] - words["y"]))
    assert abs(tag["y"] - words["y"]) < 40, (tag, words)  # the language tag leads the question
    if LANGUAGES[patient].rtl and not LANGUAGES[ui].rtl:  # Arabic reads from the right inside the English app
        assert tag["x"] > words["x"] + words["width"] / 2, (tag, words)
    elif not LANGUAGES[ui].rtl:
        assert tag["x"] < words["x"], (tag, words)
    app.shot(f"asking-{ui}-patient-{patient}")


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_care_approach_and_guidance(app, language):
    _ = Translator(language)._
    principles, guidance = load_bundle(language).principles, load_bundle(language).guidance
    app.use_language(language).open("/care")
    for framing in principles.framing:
        app.see(framing.title)
    app.page.get_by_role("button", name=re.compile("^" + re.escape(principles.group("grp_tic_key_principles").title))).click()
    comfort = principles.item("tic_002_provide_comfort")
    app.see(comfort.title)
    app.see(_("Part of: {concept}").format(concept=principles.item(comfort.maps_to).title))
    app.shot(f"care-{language}")
    app.route_to("/guidance", _("Guidance"))  # as the browser's Back and Forward would, without loading again
    for framing in guidance.framing:
        app.see(framing.title)
    app.page.get_by_role("button", name=re.compile("^" + re.escape(guidance.group("grp_documentation").title))).click()
    app.see(guidance.item("doc_injury_detail").detail)
    app.shot(f"guidance-{language}")
