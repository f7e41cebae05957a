"""Directory validation: one fixture per fault, each naming file and line; built-ins survive a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.directory.load import BUILTIN, load_directory, read_directory
from app.directory.models import web_link

FIXTURES = Path(__file__).parent / "fixtures"
FAULTS = {
    "malformed_yaml": "malformed YAML",
    "missing_contact": "needs a phone number or a URL",
    "invalid_number": "invalid phone number 'call reception'",
    "unknown_category": "entries.0.category: Input should be",
    "future_date": "is in the future",
    "duplicate_key": "duplicate key 'phone' (first given on line 6)",
    "bidi_override": "U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed",
    "control_character": "character U+0007 is not allowed",
    "impossible_date": "impossible date '2026-02-30'",
    "latin1_bytes": "not UTF-8 text",
    "alias_bomb": "aliases expand this to more than 250,000 values",
    "too_long": "at most 120 characters",
    "script_url": "invalid web address 'javascript:alert(1)'",
    "scheme_in_path": "invalid web address 'evil.example/x://y'",
    "huge_integer": "number too large",
    "typed_value": "'hello' is not a date (YYYY-MM-DD) (tagged !!timestamp)",
}


def expected_line(path: Path) -> int:
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    (line,) = [n for n, text in enumerate(lines, 1) if "# expect" in text]
    return line


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_fault_names_file_and_line(fault):
    path = FIXTURES / f"{fault}.yaml"
    entries, problems = read_directory(path)
    assert entries == []
    assert any(FAULTS[fault] in p.message and p.line == expected_line(path) and p.file.endswith(path.name)
               for p in problems), [str(p) for p in problems]  # fmt: skip


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_bad_local_file_keeps_the_built_in_entries(fault):
    directory = load_directory(local=FIXTURES / f"{fault}.yaml")
    assert directory.problems and not directory.has_local
    assert {e.id for e in directory.entries} == {e.id for e in read_directory(BUILTIN)[0]}


def test_shipped_directory_has_the_seed_hotlines_exactly():
    entries, problems = read_directory(BUILTIN)
    assert problems == []
    phones = {e.id: e.phone for e in entries if e.phone}
    assert phones == {"ref_hotline_us": "1 (888) 373-7888", "ref_hotline_ca": "1 (833) 900-1010"}
    urls = {e.url for e in entries if e.url}
    assert "https://www.ohchr.org/EN/pages/home.aspx" in urls and "www.who.int/" in urls
    assert all(e.source for e in entries)  # nothing built in without a seed behind it


def test_tel_links_use_ascii_digits_only():
    us = next(e for e in read_directory(BUILTIN)[0] if e.id == "ref_hotline_us")
    assert us.dial == "18883737888"


def test_web_addresses_open_over_http_and_keep_what_the_source_wrote():
    links = {e.id: (e.url, e.link) for e in read_directory(BUILTIN)[0] if e.url}
    assert links["ref_who"] == ("www.who.int/", "https://www.who.int/")
    assert links["ref_unhcr"] == ("http://www.unhcr.org/en-us/", "http://www.unhcr.org/en-us/")
    assert all(link.startswith(("https://", "http://")) for _, link in links.values())


def test_a_valid_local_file_adds_its_entries(tmp_path):
    local = tmp_path / "local.yaml"
    local.write_text(
        "schema_version: 1\nentries:\n  - id: local_cps\n    category: child_protection\n"
        "    name: Child protection\n    phone: '+34 900 000 000'\n    verified: 2026-01-01\n"
    )
    directory = load_directory(local=local)
    assert directory.problems == [] and directory.has_local
    assert [e.id for e in directory.by_category("child_protection")] == ["local_cps"]


def test_the_example_a_facility_copies_is_valid_and_shows_every_field():
    example = BUILTIN.with_name("local.example.yaml")
    directory = load_directory(local=example)
    assert directory.problems == []
    local = [entry for entry in directory.entries if entry.id.startswith("local_")]
    assert {"names", "card_label", "jurisdiction", "url", "hours", "eligibility"} <= {
        field for entry in local for field, value in entry if value
    }


def test_a_local_entry_that_reuses_a_built_in_id_is_a_problem_not_dropped_silently():
    path = FIXTURES / "reused_builtin_id.yaml"
    directory = load_directory(local=path)
    (problem,) = directory.problems
    assert problem.file.endswith(path.name) and problem.line == expected_line(path), str(problem)
    assert "id 'ref_hotline_us' is already used by a built-in entry" in problem.message
    hotline = next(e for e in directory.entries if e.id == "ref_hotline_us")
    assert hotline.phone == "1 (888) 373-7888"  # the built-in entry stands
    assert "local_shelter" in {e.id for e in directory.entries} and directory.has_local


def test_an_id_given_twice_in_the_local_file_is_a_problem(tmp_path):
    local = tmp_path / "local.yaml"
    entry = "  - {{id: local_cps, category: child_protection, name: {name}, phone: '+34 900 000 000', verified: 2026-01-01}}\n"
    local.write_text("schema_version: 1\nentries:\n" + entry.format(name="First") + entry.format(name="Second"))
    directory = load_directory(local=local)
    assert [str(p) for p in directory.problems] == [
        f"{local}:4: id 'local_cps' is already used earlier in this file (line 3): this entry is not shown; give it an id of its own"
    ]
    assert [e.name for e in directory.by_category("child_protection")] == ["First"]


def test_a_directory_file_named_by_the_environment_that_is_missing_is_a_problem(tmp_path, monkeypatch):
    missing = tmp_path / "facility" / "local.yaml"
    monkeypatch.setenv("CARE_REFERENCE_DIRECTORY", str(missing))
    directory = load_directory()
    assert [str(p) for p in directory.problems] == [
        f"{missing}:1: missing file: the facility's services are to be read from this file (CARE_REFERENCE_DIRECTORY), "
        "which does not exist; none are shown"
    ]
    assert {e.id for e in directory.entries} == {e.id for e in read_directory(BUILTIN)[0]}


def test_no_facility_file_is_no_problem_when_none_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("CARE_REFERENCE_DIRECTORY", raising=False)
    monkeypatch.setattr("app.directory.load.paths.CONTENT_DIR", tmp_path)  # no local.yaml there
    directory = load_directory()
    assert directory.problems == [] and not directory.has_local


@pytest.mark.parametrize("url", ["evil.example/x://y", "javascript:alert(1)", "ftp://files.example.org",
                                 "https://who.int@evil.example/", "https://localhost/", "https://example.org:99999/",
                                 "example.org/a b", "//example.org", "https://", ""])  # fmt: skip
def test_only_http_addresses_with_a_host_are_opened(url):
    assert web_link(url) is None


@pytest.mark.parametrize("url, opened", [("www.who.int/", "https://www.who.int/"), ("HTTP://Example.org/a?b=https://c", "HTTP://Example.org/a?b=https://c"),
                                          ("example.org:8443/x", "https://example.org:8443/x")])  # fmt: skip
def test_a_bare_host_opens_over_https_and_a_full_address_as_written(url, opened):
    assert web_link(url) == opened
