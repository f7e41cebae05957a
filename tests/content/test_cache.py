"""The parsed-content snapshot: used only for unchanged files, never hiding an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.content.validate import validate_tree
from app.datafiles import snapshot as cache
from app.datafiles.yamlfile import parse, read

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", root)
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "snapshot")
    cache.write(sorted(root.glob("*/*.yaml")), parse)
    return root


def test_an_unchanged_file_comes_from_the_snapshot(tree):
    path = tree / "en" / "indicators.yaml"
    assert cache.entry(path.read_bytes()).exists()
    assert read(path) == parse(path.read_text(encoding="utf-8"), path)


def test_the_same_bundles_with_and_without_the_snapshot(tree, tmp_path, monkeypatch):
    with_snapshot = validate_tree(tree)
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "absent")
    without = validate_tree(tree)
    assert with_snapshot.ok and without.ok
    assert with_snapshot.bundles == without.bundles


def test_a_changed_file_is_parsed_again_and_its_error_found(tree):
    path = tree / "es" / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Presentación", "title: [unclosed"), encoding="utf-8")
    report = validate_tree(tree)
    assert any(p.file.endswith("es/indicators.yaml") and "malformed YAML" in p.message for p in report.problems)


def test_a_changed_text_is_not_served_stale(tree):
    path = tree / "en" / "guidance.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Alert your supervisor", "Tell your supervisor"), encoding="utf-8")
    assert validate_tree(tree, languages=("en",)).bundles["en"].guidance.item("safe_alert_supervisor").title == (
        "Tell your supervisor"
    )
