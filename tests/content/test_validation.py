"""The validator finds each kind of bad input, naming file and line; shipped content is clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.content.validate import validate_tree

FIXTURES = Path(__file__).parent / "fixtures"

# fault fixture -> what the message must say. Each fixture overrides files of `base/`; its faulty
# line is marked "# expect", so the expected line number is read from the fixture itself.
FAULTS = {
    "malformed_yaml": "malformed YAML",
    "wrong_language": "wrong language tag",
    "unknown_id": "unknown id 'ind_not_in_english'",
    "duplicate_id": "duplicate id 'ind_underage'",
    "missing_item": "missing translation: 'ind_underage'",
    "empty_text": "empty text at groups.0.items.0.title",
    "no_arabic_script": "has no ar script",
    "missing_source": "missing source at groups.0.items.0.source",
    "question_pair_incomplete": "'instead_of' and 'why' go together",
    "maps_to_unknown": "maps_to 'tic_not_here': no item with that id",
    "differing_fact": "'tic_002_provide_comfort' differs from en in maps_to",
    "missing_translated_field": "'tic_ensure_safety' differs from en in detail",
    "differing_answer": "'quiz_t2_rare' differs from en in answer",
}


def tree_with(fault: str | None, tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", root)
    if fault:
        shutil.copytree(FIXTURES / fault, root, dirs_exist_ok=True)
    return root


def expected_location(fault: str) -> tuple[str, int]:
    (path,) = [p for p in (FIXTURES / fault).rglob("*.yaml")]
    lines = path.read_text(encoding="utf-8").splitlines()
    (line,) = [n for n, text in enumerate(lines, start=1) if "# expect" in text]
    return path.relative_to(FIXTURES / fault).as_posix(), line


def test_base_fixture_is_valid(tmp_path):
    report = validate_tree(tree_with(None, tmp_path))
    assert report.problems == []
    assert set(report.bundles) == {"en", "es", "ar"}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_is_reported_with_file_and_line(fault, tmp_path):
    report = validate_tree(tree_with(fault, tmp_path))
    relative, line = expected_location(fault)
    matching = [p for p in report.problems if FAULTS[fault] in p.message]
    assert matching, f"no problem mentions {FAULTS[fault]!r}: {[str(p) for p in report.problems]}"
    assert any(p.file.endswith(relative) and p.line == line for p in matching), [str(p) for p in matching]
    assert f"{relative}:{line}:" in str(matching[0]) or any(f"{relative}:{line}:" in str(p) for p in matching)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_fault_in_one_file_does_not_hide_the_others(fault, tmp_path):
    """Every problem in one run: add a second, independent fault and both are reported."""
    root = tree_with(fault, tmp_path)
    en = root / "en" / "indicators.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("title: Presentation", "title: ''"), encoding="utf-8")
    report = validate_tree(root)
    assert any(FAULTS[fault] in p.message for p in report.problems)
    assert any(p.file.endswith("en/indicators.yaml") and "empty text" in p.message for p in report.problems)


def test_missing_file_is_reported_once(tmp_path):
    root = tree_with(None, tmp_path)
    (root / "es" / "indicators.yaml").unlink()
    report = validate_tree(root)
    assert [str(p) for p in report.problems if "es/" in p.file] == [
        f"{root / 'es' / 'indicators.yaml'}:1: missing file: every language needs indicators.yaml"
    ]


def test_unknown_content_file(tmp_path):
    root = tree_with(None, tmp_path)
    (root / "en" / "stray.yaml").write_text("language: en\n", encoding="utf-8")
    report = validate_tree(root)
    assert any("stray.yaml" in p.file and "unknown content file" in p.message for p in report.problems)


def test_differing_child_flag_across_languages(tmp_path):
    root = tree_with(None, tmp_path)
    es = root / "es" / "indicators.yaml"
    es.write_text(es.read_text(encoding="utf-8").replace("        child: true\n", ""), encoding="utf-8")
    report = validate_tree(root)
    assert any("'ind_underage' differs from en" in p.message for p in report.problems)


def test_shipped_content_validates():
    report = validate_tree()
    assert [str(p) for p in report.problems] == []
    assert set(report.bundles) == {"en", "es", "ar"}


def test_shipped_content_has_full_parity_and_sources():
    report = validate_tree()
    ids = {lang: [item.id for item in bundle.items()] for lang, bundle in report.bundles.items()}
    assert ids["es"] == ids["en"] and ids["ar"] == ids["en"]
    for bundle in report.bundles.values():
        for item in bundle.items():
            assert item.source, item.id
            assert all(source.section.strip() for source in item.source)
