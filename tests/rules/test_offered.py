"""Which jurisdictions the app offers, and in what order, comes from the packs alone."""

from __future__ import annotations

import shutil

from app import paths
from app.rules.packs import load_packs, offered


def test_the_shipped_packs_are_offered_us_and_canada_first_another_country_last():
    assert offered() == ["us", "ca", "generic"]


def test_a_facility_pack_comes_where_its_data_puts_it_and_a_broken_one_is_not_offered(tmp_path):
    for pack in ("us", "ca", "generic"):
        shutil.copy(paths.RULES_DIR / f"{pack}.yaml", tmp_path)
    text = (paths.RULES_DIR / "us.yaml").read_text(encoding="utf-8")
    (tmp_path / "mx.yaml").write_text(text.replace("\nid: us\noffered: 10\n", "\nid: mx\n"), encoding="utf-8")
    (tmp_path / "aa.yaml").write_text(text.replace("\nid: us\noffered: 10\n", "\nid: aa\noffered: 5\n"), encoding="utf-8")
    (tmp_path / "zz.yaml").write_text("schema_version: 2\nid: zz\n", encoding="utf-8")
    assert offered(tmp_path) == ["aa", "us", "ca", "mx", "generic"]  # mx: no number, between the named and the last
    assert "zz" not in load_packs(tmp_path)
