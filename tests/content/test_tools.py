"""The editor tools: `check`, `dump`, and the exported JSON Schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.content.models import TOPICS
from tests.content.faults import FAULTS, expected_location, tree_with

from app import paths
from app.tools import schema_texts

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, cwd: Path = paths.ROOT, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.tools", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": str(paths.ROOT), "PATH": "/usr/bin:/bin", **env},
        timeout=120,  # a reader that blocks on a pipe or reads /dev/zero fails here rather than hanging
    )


def test_exported_schema_is_up_to_date():
    for name, text in schema_texts().items():
        path = paths.SCHEMA_DIR / name
        assert path.exists(), f"{path} missing: run `make schema`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `make schema`"


def test_schema_rejects_unknown_keys():
    schema = json.loads(schema_texts()["indicators.schema.json"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Item"]["additionalProperties"] is False
    assert "description" in schema["$defs"]["Item"]["properties"]["child"]


def test_check_passes_on_shipped_content(tmp_path):
    result = run("check", cwd=tmp_path)  # from anywhere: files are found relative to the package
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"content OK: {len(TOPICS) * 3} files")


def test_check_reports_problems_without_traceback(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", root)
    shutil.copytree(FIXTURES / "malformed_yaml", root, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "no_arabic_script", root, dirs_exist_ok=True)
    result = run("check", "--root", str(root))
    assert result.returncode == 1
    assert "es/indicators.yaml:15: malformed YAML" in result.stdout
    assert "ar/indicators.yaml:14: untranslated" in result.stdout  # both reported in one run
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_dump_is_stable_json_with_ids_and_sources(language):
    result = run("dump", "--lang", language)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["language"] == language
    indicators = data["sections"]["indicators"]
    items = indicators["framing"] + [i for g in indicators["groups"] for i in g["items"]]
    assert len(items) > 100
    for item in items:
        assert item["id"] and item["title"]
        assert item["source"] and all(s["file"].startswith(s["seed"] + "_") and s["section"] for s in item["source"])


def test_dump_rejects_unknown_language():
    result = run("dump", "--lang", "fr")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.parametrize("fault", ["latin1_bytes", "duplicate_key", "bidi_override", "control_character",
                                   "impossible_date", "alias_bomb", "malformed_yaml", "huge_integer",
                                   "typed_int", "typed_float", "typed_bool", "typed_timestamp",
                                   "dev_zero", "named_pipe", "too_large"])  # fmt: skip
def test_check_names_file_and_line_of_bad_bytes_and_silent_input_without_traceback(fault, tmp_path):
    root = tree_with(fault, tmp_path)
    relative, line = expected_location(fault)
    result = run("check", "--root", str(root))
    assert result.returncode == 1
    assert any(f"{relative}:{line}: " in row and FAULTS[fault] in row for row in result.stdout.splitlines()), result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_reports_a_missing_facility_directory_and_a_reused_id(tmp_path):
    """Facility numbers are never lost without a word (issue 33)."""
    missing = tmp_path / "local.yaml"
    result = run("check", CARE_REFERENCE_DIRECTORY=str(missing))
    assert result.returncode == 1
    assert f"{missing}:1: missing file: the facility's services are to be read from this file" in result.stdout
    reused = paths.ROOT / "tests" / "directory" / "fixtures" / "reused_builtin_id.yaml"
    result = run("check", "--directory", str(reused))
    assert result.returncode == 1
    assert "reused_builtin_id.yaml:8: id 'ref_hotline_us' is already used by a built-in entry" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
