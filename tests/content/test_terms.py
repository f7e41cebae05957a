"""The termbase holds: no wrong rendering anywhere, and every concept the English names is rendered as
agreed, in all content and every UI string."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle
from app.content.terms import Termbase, check_catalogs, check_content
from app.content.validate import validate_tree
from tests.content.faults import tree_with

SEEDED = {"trafficking", "forced_labour", "decision_making_capacity", "caregiver_of_a_child", "health_provider",
          "clinician", "dissociation", "withdrawal", "ptsd", "code_word"}  # fmt: skip


@pytest.fixture(scope="module")
def bundles():
    return {language: load_bundle(language) for language in ("en", "es", "ar")}


def test_the_termbase_has_the_reviews_concepts():
    assert SEEDED <= {term.id for term in Termbase().file.terms}


def test_all_content_follows_the_termbase(bundles):
    assert [str(p) for p in check_content(bundles)] == []


def test_every_ui_string_follows_the_termbase():
    assert [str(p) for p in check_catalogs()] == []


@pytest.mark.parametrize("wrong, term", [("العمل القسري", "forced_labour"), ("الأهلية", "decision_making_capacity")])
def test_a_wrong_rendering_is_named_with_its_item(wrong, term):
    problems = list(Termbase().wrong_renderings(f"نص فيه {wrong} هنا", "ar"))
    assert [found for found, _why in problems] == [term]


def test_an_inconsistent_rendering_is_found_at_its_line(tmp_path):
    root = tree_with(None, tmp_path)
    en, es = root / "en" / "indicators.yaml", root / "es" / "indicators.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("title: Avoids eye contact", "title: Avoids eye contact (forced labour)"))
    es.write_text(es.read_text(encoding="utf-8").replace("title: Evita el contacto visual", "title: Evita el contacto visual (trabajo obligado)"))
    report = validate_tree(root)
    problems = check_content(report.bundles, root)
    assert any(p.file.endswith("es/indicators.yaml") and p.line == 13 and "'forced_labour'" in p.message for p in problems), problems
