"""`python -m app.rules check`: counts, exit codes, and clear messages for malformed files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import paths
from app.rules.packs import check_packs

CASES = Path(__file__).parent / "cases"


def check(*files) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.rules", "check", *map(str, files)],
        capture_output=True, text=True, cwd=paths.ROOT, env={"PYTHONPATH": str(paths.ROOT)},
    )  # fmt: skip


def test_shipped_scenarios_pass_and_are_at_least_20_per_pack():
    for pack in ("generic", "us", "ca"):
        result = check(CASES / f"{pack}.yaml")
        assert result.returncode == 0, result.stdout + result.stderr
        passed = int(result.stdout.split()[-4])
        assert passed >= 20 and result.stdout.strip().endswith(f"{passed} passed, 0 failed")


def test_a_wrong_expectation_fails_with_exit_1(tmp_path):
    file = tmp_path / "wrong.yaml"
    file.write_text(
        "jurisdiction: us\nscenarios:\n"
        "  - name: adult reported by mistake\n"
        "    case: {age: 30}\n"
        "    expect: {status: must_report, report_to: [law_enforcement]}\n"
        "  - name: child\n"
        "    case: {age: 9}\n"
        "    expect: {status: must_report, report_to: [child_protection]}\n"
    )
    result = check(file)
    assert result.returncode == 1
    assert f"FAIL {file}:3: adult reported by mistake: expected must_report" in result.stdout
    assert result.stdout.strip().endswith("1 passed, 1 failed")


def test_malformed_yaml_names_file_and_line_with_exit_2(tmp_path):
    file = tmp_path / "broken.yaml"
    file.write_text("jurisdiction: us\nscenarios:\n  - name: x\n    case: {age: 3\n    expect: {}\n")
    result = check(file)
    assert result.returncode == 2
    assert f"{file}:5: malformed YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_case_and_unknown_jurisdiction_are_named(tmp_path):
    file = tmp_path / "invalid.yaml"
    file.write_text(
        "jurisdiction: atlantis\nscenarios:\n"
        "  - name: x\n    case: {age: -1, capacity: sleepy, wings: true}\n    expect: {status: must_report}\n"
    )
    result = check(file)
    assert result.returncode == 2
    assert f"{file}:1: unknown jurisdiction 'atlantis'" in result.stderr
    assert f"{file}:4: scenarios.0.case.age" in result.stderr
    assert "scenarios.0.case.capacity" in result.stderr and "scenarios.0.case.wings" in result.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    result = check(tmp_path / "nope.yaml")
    assert result.returncode == 2 and f"{tmp_path / 'nope.yaml'}:1: missing file" in result.stderr


def test_shipped_packs_validate_and_cite_sources():
    packs, problems = check_packs()
    assert problems == []
    assert {"generic", "us", "ca"} <= set(packs)
    for pack in packs.values():
        assert pack.elder_age is None  # the seeds give no elder age: never invented here
        assert all(rule.source for rule in pack.rules)


PACK = (
    "schema_version: 2\nid: {id}\nversion: '1'\nvalid_from: 2025-08-06\nreviewed: {reviewed}\n"
    "source: [{{seed: '002', section: s}}]\n"
    "rules:\n  - id: r\n    when: [{fact}]\n    duty: required\n    adds: [law_enforcement]\n    source: [{{seed: '002', section: s}}]\n"
    # Every pack asks about the answers the form lets be open.
    "  - {{id: a, when: [may_be_child], duty: assess_first, source: [{{seed: '002', section: s}}]}}\n"
    "  - {{id: b, when: [elder_not_sure], duty: assess_first, source: [{{seed: '002', section: s}}]}}\n"
    "  - {{id: c, when: [adult], capacity: uncertain, duty: assess_first, source: [{{seed: '002', section: s}}]}}\n"
)


def test_bad_packs_are_reported_with_file_and_line(tmp_path):
    (tmp_path / "fact.yaml").write_text(PACK.format(id="fact", reviewed="2026-01-01", fact="martian"))
    (tmp_path / "dates.yaml").write_text(PACK.format(id="dates", reviewed="2024-01-01", fact="child"))
    (tmp_path / "name.yaml").write_text(PACK.format(id="other", reviewed="2026-01-01", fact="child"))
    packs, problems = check_packs(tmp_path)
    messages = [str(p) for p in problems]
    assert any("fact.yaml:9: rules.0.when.0" in m for m in messages), messages
    assert any("dates.yaml:5:" in m and "reviewed must not be before valid_from" in m for m in messages), messages
    assert any("name.yaml:2: pack id 'other' must match the file name" in m for m in messages), messages
