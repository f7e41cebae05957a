"""The patient's card as data: the right numbers for the jurisdiction, neutral unless named,
every label in the card's language."""

from __future__ import annotations

import re

import pytest

from app.directory import load_directory
from app.directory.card import ON_THE_CARD, card_entries, make_card, written_in
from app.i18n import LANGUAGES

LOCAL = """schema_version: 1
entries:
  - {id: local_shelter, category: shelter, name: Casa Segura Shelter, phone: "555 0101", hours: "24/7",
     languages: [en, es], verified: 2026-01-01}
  - {id: local_police, category: law_enforcement, name: City Police, phone: "555 0102", verified: 2026-01-01}
  - {id: local_cps, category: child_protection, name: Child Protection, phone: "555 0103", verified: 2026-01-01}
  - {id: local_clinic, category: health, name: عيادة المدينة, phone: "555 0104", verified: 2026-01-01}
  - {id: local_legal, category: legal_immigration, name: Legal Aid, url: "https://legal.example.org", verified: 2026-01-01}
"""
NAMING_WORDS = re.compile(r"traffick|exploit|trata|explotación|اتجار|استغلال", re.IGNORECASE)


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    local = tmp_path_factory.mktemp("facility") / "local.yaml"
    local.write_text(LOCAL, encoding="utf-8")
    found = load_directory(local=local)
    assert found.problems == []
    return found


@pytest.mark.parametrize(
    "jurisdiction,hotlines",
    [("us", ["ref_hotline_us"]), ("ca", ["ref_hotline_ca"]), ("generic", []), (None, ["ref_hotline_ca", "ref_hotline_us"])],
)
def test_the_card_carries_the_jurisdictions_numbers_and_the_facilitys(directory, jurisdiction, hotlines):
    ids = [e.id for e in card_entries(directory, jurisdiction)]
    assert sorted(i for i in ids if i.startswith("ref_")) == hotlines
    assert ids[: len(hotlines)] == sorted(ids[: len(hotlines)]) and set(ids[: len(hotlines)]) == set(hotlines)
    assert {"local_shelter", "local_clinic"} <= set(ids)


def test_protection_agencies_police_and_web_only_services_stay_off_the_card(directory):
    entries = card_entries(directory, "us")
    assert all(e.category in ON_THE_CARD and e.phone for e in entries)
    assert not {"local_police", "local_cps", "local_legal"} & {e.id for e in entries}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("jurisdiction", ["us", "ca", "generic"])
def test_an_unnamed_card_never_says_what_it_is_for(directory, language, jurisdiction):
    card = make_card(card_entries(directory, jurisdiction), language, named=False, shoe=False)
    for text in (card.title, *(line.label for line in card.lines)):
        assert not NAMING_WORDS.search(text), text
    assert "Casa Segura" not in " ".join(line.label for line in card.lines)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_label_is_in_the_cards_script(directory, language):
    script = LANGUAGES[language].script
    for named in (False, True):
        card = make_card(card_entries(directory, None), language, named=named, shoe=False)
        for text in (card.title, *(line.label for line in card.lines)):
            assert written_in(text, script), (named, text)


def test_a_named_card_names_the_services_in_its_language(directory):
    labels = {line.dial: line.label for line in make_card(card_entries(directory, "us"), "ar", named=True, shoe=False).lines}
    assert labels["18883737888"] == "الخط الوطني لمكافحة الاتجار بالبشر (الولايات المتحدة)"
    assert labels["5550104"] == "عيادة المدينة"  # already Arabic: its own name
    assert labels["5550101"] == "مساعدة في السكن"  # Latin name on an Arabic card: the neutral word instead
    english = {line.dial: line.label for line in make_card(card_entries(directory, "us"), "en", named=True, shoe=False).lines}
    assert english["5550101"] == "Casa Segura Shelter"


def test_the_small_card_drops_the_details_the_full_card_has(directory):
    full = make_card(card_entries(directory, "us"), "es", named=False, shoe=False)
    shoe = make_card(card_entries(directory, "us"), "es", named=False, shoe=True)
    assert [line.phone for line in full.lines] == [line.phone for line in shoe.lines]
    shelter = next(line for line in full.lines if line.dial == "5550101")
    assert shelter.details == ("Horario: 24/7", "Idiomas: inglés, español")
    assert all(line.details == () for line in shoe.lines)


def test_numbers_are_kept_exactly_and_dialled_as_ascii_digits(directory):
    card = make_card(card_entries(directory, "us"), "ar", named=False, shoe=False)
    assert card.lines[0].phone == "1 (888) 373-7888" and card.lines[0].dial == "18883737888"
