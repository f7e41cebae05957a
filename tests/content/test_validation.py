"""The validator finds each kind of bad input, naming file and line; shipped content is clean."""

from __future__ import annotations

import pytest

from app.content.validate import validate_tree
from tests.content.faults import FAULTS, deadline, expected_location, tree_with


def test_base_fixture_is_valid(tmp_path):
    report = validate_tree(tree_with(None, tmp_path))
    assert report.problems == []
    assert set(report.bundles) == {"en", "es", "ar"}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_is_reported_with_file_and_line(fault, tmp_path):
    with deadline():
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
    with deadline():
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


def test_a_title_of_a_megabyte_is_refused(tmp_path):
    root = tree_with(None, tmp_path)
    es = root / "es" / "indicators.yaml"
    es.write_text(es.read_text(encoding="utf-8").replace("title: Evita el contacto visual", "title: " + "x" * 1_000_000))
    report = validate_tree(root)
    assert any(p.file.endswith("es/indicators.yaml") and p.line == 14 and "at most 300 characters" in p.message
               for p in report.problems), [str(p) for p in report.problems]  # fmt: skip


def test_a_folder_where_a_file_should_be(tmp_path):
    root = tree_with(None, tmp_path)
    es = root / "es" / "indicators.yaml"
    es.unlink()
    es.mkdir()
    report = validate_tree(root)
    assert [str(p) for p in report.problems if "es/" in p.file] == [f"{es}:1: is a folder, not a file"]


def test_a_broken_reference_file_is_reported_once_not_again_for_every_item(tmp_path):
    root = tree_with(None, tmp_path)
    en = root / "en" / "indicators.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("title: Presentation", "title: [unclosed"), encoding="utf-8")
    report = validate_tree(root)
    assert [p.message.split(":")[0] for p in report.problems] == ["malformed YAML"], [str(p) for p in report.problems]
