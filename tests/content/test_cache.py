"""The parsed-content snapshot: used only for unchanged files, never hiding an error."""

from __future__ import annotations

import datetime as dt
import json
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
    assert cache.write(sorted(root.glob("*/*.yaml")), parse) == (len(list(root.glob("*/*.yaml"))), [])
    return root


def test_an_unchanged_file_comes_from_the_snapshot(tree):
    path = tree / "en" / "indicators.yaml"
    stored = cache.entry(path.read_bytes())
    assert json.loads(stored.read_text(encoding="utf-8")) == parse(path.read_text(encoding="utf-8"), path)
    stored.write_text('{"marked": true}', encoding="utf-8")  # what read() returns is the entry's, not a parse
    assert read(path) == {"marked": True}


def test_a_damaged_entry_is_parsed_instead(tree):
    path = tree / "en" / "indicators.yaml"
    cache.entry(path.read_bytes()).write_text('{"cut sh', encoding="utf-8")
    assert read(path) == parse(path.read_text(encoding="utf-8"), path)


@pytest.mark.parametrize("value", [dt.date(2026, 3, 1), [1, "2026-03-01", {"$date": "x", "y": 1}], {"a": [True, None, 1.5]}])
def test_an_entry_gives_back_exactly_what_parsing_gave(value):
    assert json.loads(cache.dumps({"v": value}), object_hook=cache._decode) == {"v": value}


@pytest.mark.parametrize("value", [dt.datetime(2026, 3, 1, 12, 0), {1: "a key that is a number"}, float("nan")])
def test_data_that_would_come_back_different_is_not_kept(value):
    assert cache.dumps({"v": value}) is None


def test_a_file_that_does_not_parse_is_left_out_and_named_not_fatal(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("version: 2026-03-01\nname: ok\n", encoding="utf-8")
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "snapshot")
    count, problems = cache.write([good, bad], parse)
    assert count == 1 and [p.file.endswith("bad.yaml") for p in problems] == [True]
    assert read(good) == {"version": dt.date(2026, 3, 1), "name": "ok"}  # a date stays a date


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
