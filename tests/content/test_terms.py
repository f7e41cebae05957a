"""The termbase holds: no wrong rendering anywhere, and every concept the English names is rendered as
agreed, in all content and every UI string."""

from __future__ import annotations

import shutil

import pytest

from app import paths
from app.content.loader import load_bundle
from app.content.terms import Termbase, check_catalogs, check_content
from app.content.validate import validate_tree
from tests.content.faults import tree_with

SEEDED = {"trafficking", "forced_labour", "decision_making_capacity", "caregiver_of_a_child", "health_provider",
          "clinician", "dissociation", "withdrawal", "ptsd", "code_word"}  # fmt: skip
# Added by the review of 2026-12-06 (issue 26).
ISSUE_26 = {"trauma_informed", "debt_bondage", "homicidal_ideation", "history_taking", "trauma_bonding", "reacts_badly"}


@pytest.fixture(scope="module")
def bundles():
    return {language: load_bundle(language) for language in ("en", "es", "ar")}


def test_the_termbase_has_the_reviews_concepts():
    assert SEEDED | ISSUE_26 <= {term.id for term in Termbase().file.terms}


def test_all_content_follows_the_termbase(bundles):
    assert [str(p) for p in check_content(bundles)] == []


def test_a_second_rendering_of_trauma_informed_is_caught_at_its_line(tmp_path):
    """Issue 26: «informada sobre el trauma» drifted into es step_respect_refusal where every other
    item says «informada por el trauma». The termbase now names it, with its file and line."""
    root = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, root)
    reporting = root / "es" / "reporting.yaml"
    text = reporting.read_text(encoding="utf-8")
    assert "Es atención informada por el trauma, no abandono" in text
    reporting.write_text(text.replace("informada por el trauma, no abandono", "informada sobre el trauma, no abandono"),
                         encoding="utf-8")  # fmt: skip
    report = validate_tree(root)
    problems = check_content(report.bundles, root, Termbase(root / "terms.yaml"))
    line = next(n for n, l in enumerate(reporting.read_text(encoding="utf-8").splitlines(), 1) if "- id: step_respect_refusal" in l)
    assert [(p.line, p.file.endswith("reporting.yaml")) for p in problems] == [(line, True)] * len(problems) and problems
    assert all("trauma_informed" in p.message for p in problems)


def test_every_ui_string_follows_the_termbase():
    assert [str(p) for p in check_catalogs()] == []


@pytest.mark.parametrize("wrong, term", [("العمل القسري", "forced_labour"), ("الأهلية", "decision_making_capacity"),
                                         ("الرعاية المستنيرة بالصدمات", "trauma_informed"), ("عبودية الديون", "debt_bondage"),
                                         ("أفكار إيذاء الآخرين", "homicidal_ideation"), ("أثناء أخذ السيرة المرضية", "history_taking"),
                                         ("الارتباط الصادم", "trauma_bonding"), ("قد يتصرف بسوء", "reacts_badly")])  # fmt: skip
def test_a_wrong_rendering_is_named_with_its_item(wrong, term):
    problems = list(Termbase().wrong_renderings(f"نص فيه {wrong} هنا", "ar"))
    assert [found for found, _why in problems] == [term]


@pytest.mark.parametrize("drifted", ["atención informada sobre el trauma", "un enfoque informado en el trauma", "atención sensible al trauma"])
def test_a_drifted_spanish_rendering_of_trauma_informed_is_caught(drifted):
    assert [found for found, _why in Termbase().wrong_renderings(f"Es {drifted}, no abandono.", "es")] == ["trauma_informed"]
    assert list(Termbase().inconsistent("It is trauma-informed care.", f"Es {drifted}.", "es")) == ["trauma_informed"]
    assert list(Termbase().inconsistent("It is trauma-informed care.", "Es atención informada por el trauma.", "es")) == []


def test_the_termbase_reaches_the_glossary_self_care_and_the_cases(tmp_path):
    """Issue 26: a rendering that drifts in a practice case, the glossary or self-care is found too."""
    root = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, root)
    cases = root / "es" / "cases.yaml"
    text = cases.read_text(encoding="utf-8")
    assert text.count("enfoque informado por el trauma") == 1
    cases.write_text(text.replace("enfoque informado por el trauma", "enfoque informado sobre el trauma"), encoding="utf-8")
    glossary = root / "es" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace('title: "Atención informada por el trauma"', 'title: "Atención informada en trauma"'), encoding="utf-8")
    report = validate_tree(root)
    found = {(p.file.split("content/")[-1], "'trauma_informed'" in p.message) for p in check_content(report.bundles, root)}
    assert ("es/cases.yaml", True) in found and ("es/glossary.yaml", True) in found, found


def test_an_inconsistent_rendering_is_found_at_its_line(tmp_path):
    root = tree_with(None, tmp_path)
    en, es = root / "en" / "indicators.yaml", root / "es" / "indicators.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("title: Avoids eye contact", "title: Avoids eye contact (forced labour)"))
    es.write_text(es.read_text(encoding="utf-8").replace("title: Evita el contacto visual", "title: Evita el contacto visual (trabajo obligado)"))
    report = validate_tree(root)
    problems = check_content(report.bundles, root)
    assert any(p.file.endswith("es/indicators.yaml") and p.line == 13 and "'forced_labour'" in p.message for p in problems), problems
