"""Every kind of bad pack and scenario file gives one clear problem with its file and line, and
never a traceback, from the library and from the command lines (exit 1 for `tools check`, 2 for a
malformed scenario file)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import paths
from app.datafiles.problems import display
from app.rules.packs import check_packs

FIXTURES = Path(__file__).parent / "fixtures"
PACK_FAULTS = {
    "duplicate_key": "duplicate key 'duty' (first given on line 10)",
    "impossible_date": "impossible date '2026-02-30'",
    "latin1_bytes": "not UTF-8 text",
    "unknown_fact": "rules.0.when.0",
    "bidi_override": "U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed",
    "future_review": "is in the future",
    "wrong_id": "pack id 'other' must match the file name",
    "elder_age_without_source": "elder_age.source: Field required",
    "alias_bomb": "aliases expand this to more than 250,000 values",
    "no_open_answer_rule": "no assess_first rule for an open answer: may_be_child, elder_not_sure",
}
SCENARIO_FAULTS = {
    "duplicate_key": "duplicate key 'jurisdiction' (first given on line 1)",
    "latin1_bytes": "not UTF-8 text",
    "control_character": "character U+0007 is not allowed",
    "bad_elder": "scenarios.0.case.elder",
    "alias_bomb": "aliases expand this to more than 250,000 values",
    "unknown_status": "scenarios.0.expect.status",
}


def expected_line(path: Path) -> int:
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    (line,) = [n for n, text in enumerate(lines, 1) if "# expect" in text]
    return line


@pytest.mark.parametrize("fault", sorted(PACK_FAULTS))
def test_each_bad_pack_is_named_with_its_line(fault, tmp_path):
    source = FIXTURES / "packs" / f"{fault}.yaml"
    shutil.copy(source, tmp_path / source.name)
    packs, problems = check_packs(tmp_path)
    assert packs == {}
    assert [(Path(p.file).name, p.line) for p in problems if PACK_FAULTS[fault] in p.message] == [
        (source.name, expected_line(source))
    ], [str(p) for p in problems]


def test_a_folder_in_place_of_a_pack(tmp_path):
    (tmp_path / "us.yaml").mkdir()
    assert [str(p) for p in check_packs(tmp_path)[1]] == [f"{tmp_path / 'us.yaml'}:1: is a folder, not a file"]


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=paths.ROOT,
        env={"PYTHONPATH": str(paths.ROOT), "PATH": "/usr/bin:/bin", **env},
    )  # fmt: skip


def test_tools_check_reports_a_bad_pack_among_the_shipped_content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, root)
    shutil.copy(FIXTURES / "packs" / "impossible_date.yaml", root / "rules")
    result = run("app.tools", "check", "--root", str(root))
    assert result.returncode == 1
    assert f"{root / 'rules' / 'impossible_date.yaml'}:5: invalid value: impossible date '2026-02-30'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_tools_check_validates_the_directory_the_app_will_use(tmp_path):
    bad = Path(__file__).parent.parent / "directory" / "fixtures" / "duplicate_key.yaml"
    result = run("app.tools", "check", CARE_REFERENCE_DIRECTORY=str(bad))
    assert result.returncode == 1
    assert f"{display(bad)}:8: invalid value: duplicate key 'phone'" in result.stdout, result.stdout


@pytest.mark.parametrize("fault", sorted(SCENARIO_FAULTS))
def test_each_bad_scenario_file_exits_2_with_file_and_line(fault):
    path = FIXTURES / "scenarios" / f"{fault}.yaml"
    result = run("app.rules", "check", str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{display(path)}:{expected_line(path)}: " in result.stderr and SCENARIO_FAULTS[fault] in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
