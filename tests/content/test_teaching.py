"""What the sources teach beyond the bedside lists: the glossary, looking after yourself, the
universal-education lines, the discretion and facility items, and the practice cases, whose every
path is walked."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle

LANGUAGES = ["en", "es", "ar"]


@pytest.fixture(scope="module", params=LANGUAGES)
def bundle(request):
    return load_bundle(request.param)


def all_item_ids(bundle) -> set[str]:
    return {item.id for item in bundle.items()} | {g.id for t in ("indicators", "principles", "questions", "guidance",
                                                                  "quiz", "reporting", "glossary", "selfcare")
                                                   for g in bundle.topic(t).all_groups()}  # fmt: skip


def test_the_glossary_has_the_legal_definitions_and_every_term_of_the_inventory():
    glossary = load_bundle("en").glossary
    ids = {item.id for item in glossary.items()}
    assert {"gl_trafficking_un", "gl_forced_labour", "gl_victim_survivor", "gl_trauma_bonding", "gl_vt",
            "gl_jurisdiction_varies", "gl_child_no_means", "gl_sexual_exploitation", "gl_trauma", "gl_tic",
            "gl_rights_based", "gl_privacy", "gl_confidentiality", "gl_warm_handoff", "gl_throwaway", "gl_lgbtq",
            "gl_hcp", "gl_aaaq", "gl_shoe_card", "gl_forced_child_labour", "gl_child_labour"} <= ids  # fmt: skip
    palermo = glossary.item("gl_trafficking_un").detail
    for element in ("recruitment", "transportation", "transfer", "harbouring", "receipt", "abduction", "fraud",
                    "deception", "exploitation", "forced labour", "servitude", "removal of organs", "child"):  # fmt: skip
        assert element in palermo, element
    assert "1930 (No. 29)" in glossary.item("gl_forced_labour").title
    assert "15-year-old" in glossary.item("gl_jurisdiction_varies").detail  # ★ exactly as the toolkit gives it


def test_glossary_terms_link_to_items_that_exist(bundle):
    known = all_item_ids(bundle)
    for term in bundle.glossary.items():
        assert set(getattr(term, "see_also", []) or []) <= known, term.id


def test_looking_after_yourself_and_the_new_guidance_are_there(bundle):
    assert {item.id for item in bundle.selfcare.items()} >= {"vt_awareness", "vt_self_care_plan", "vt_debrief", "vt_org_culture"}
    guidance = {item.id for item in bundle.guidance.items()}
    assert {"disc_posters_placards", "disc_literacy", "disc_device_monitoring", "ref_maint_update", "ref_maint_barriers"} <= guidance


def test_the_universal_lines_are_said_to_every_patient_without_labels():
    for language, labels in {"en": ("traffick", "abuse", "victim"), "es": ("trata", "abuso", "víctima"),
                             "ar": ("اتجار", "إساءة", "ضحية")}.items():  # fmt: skip
        lines = load_bundle(language).questions.universal
        assert len(lines) >= 3
        for line in lines:
            said = " ".join([line.title, *((line.forms or {}).values())]).lower()
            assert not any(label in said for label in labels), (language, line.id)


def test_the_seven_missing_statements_are_in_study(bundle):
    ids = {item.id for item in bundle.quiz.grouped_items()}
    assert {"quiz_orientation", "quiz_erection_consent", "quiz_labour_settings", "quiz_not_identify", "quiz_first_visit",
            "quiz_protected_areas", "quiz_discharge_diagnosis"} <= ids  # fmt: skip


def paths_through(case) -> list[list[tuple[str, str]]]:
    """Every path from the first step to the end, as (step, choice) pairs."""
    steps = {step.id: step for step in case.steps}

    def walk(step_id: str) -> list[list[tuple[str, str]]]:
        found = []
        for choice in steps[step_id].choices:
            tails = [[]] if choice.next == "end" else walk(choice.next)
            found += [[(step_id, choice.id), *tail] for tail in tails]
        return found

    return walk(case.steps[0].id)


def test_every_case_reaches_its_end_from_every_path_with_feedback_and_sources(bundle):
    known = all_item_ids(bundle)
    cases = bundle.cases.cases
    assert len(cases) >= 6
    for case in cases:
        assert len(case.steps) >= 3, case.id
        paths = paths_through(case)
        visited = {step for path in paths for step, _choice in path}
        assert visited == {step.id for step in case.steps}, f"{case.id}: a step no path reaches"
        assert all(len(path) >= 3 for path in paths), f"{case.id}: a path with fewer than three decisions"
        for step in case.steps:
            assert any(choice.best for choice in step.choices), f"{case.id}.{step.id} has no best choice"
            for choice in step.choices:
                assert choice.feedback and choice.source and choice.see in known, f"{case.id}.{step.id}.{choice.id}"
        assert case.end.outcome and case.end.source
