"""Every line said to a patient addresses a woman, a man, or someone whose gender is not assumed, in
every language whose grammar needs it; validation refuses a line that lacks a form."""

from __future__ import annotations

import re

import pytest

from app.content.loader import load_bundle
from app.content.validate import validate_tree
from app.i18n import LANGUAGES
from tests.content.faults import tree_with

# A masculine or feminine "you" written into Arabic: vocalised suffixes (ـكَ/ـكِ) or the second-person
# feminine verb ending (ـين before the end of a word, as in تستطيعين).
ARABIC_MARKED = re.compile(r"كَ|كِ|تَ\b|تِ\b")


def spoken(language: str):
    questions = load_bundle(language).questions
    return [*questions.script, *questions.grouped_items()]


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_line_said_to_a_patient_has_a_form_for_a_woman_and_for_a_man(language):
    for item in spoken(language):
        assert item.forms and set(item.forms) == set(LANGUAGES[language].address_forms), item.id


def test_english_needs_no_forms():
    assert all(item.forms is None for item in spoken("en"))


def test_the_arabic_default_assumes_no_gender_and_the_forms_do():
    for item in spoken("ar"):
        assert not ARABIC_MARKED.search(item.title), f"{item.id}: the default line marks a gender"
    marked = [item.id for item in spoken("ar") if ARABIC_MARKED.search(item.forms["woman"] + item.forms["man"])]
    assert len(marked) > len(spoken("ar")) / 2  # the forms really address a woman or a man


def test_a_missing_form_is_a_problem_at_its_line(tmp_path):
    root = tree_with(None, tmp_path)
    ar = root / "ar" / "questions.yaml"
    text = ar.read_text(encoding="utf-8")
    first_forms = next(line for line in text.splitlines() if "forms:" in line)
    ar.write_text(text.replace(first_forms, first_forms.split("forms:")[0] + 'forms: {woman: "نعم"}', 1), encoding="utf-8")
    report = validate_tree(root)
    assert any("it needs its man form in ar" in p.message for p in report.problems), [str(p) for p in report.problems]
