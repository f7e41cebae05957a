"""The referral card in a language other than the UI's, neutral by default, Arabic right to left."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.directory import load_directory
from app.i18n import LANGUAGES, Translator
from app.ui.contacts import card_entries

pytestmark = pytest.mark.browser
CARD_FOR = {"en": "ar", "es": "en", "ar": "es"}  # each UI language shows a card in another language
ALARMING = re.compile(r"traffick|trata|اتجار|exploit|explota|استغلال", re.IGNORECASE)


@pytest.mark.parametrize("ui", ["en", "es", "ar"])
def test_card_in_the_patients_language(app, ui):
    card_language = CARD_FOR[ui]
    _, card_ = Translator(ui)._, Translator(card_language)._
    app.use_language(ui).open("/contacts")
    app.page.get_by_role("button", name=LANGUAGES[card_language].native_name, exact=True).click()
    app.page.get_by_role("button", name=_("Show card"), exact=True).click()
    app.see(_("Ask whether carrying a card is safe for the patient. Memorising the number is an alternative."))
    app.page.get_by_role("button", name=_("Show card"), exact=True).last.click()
    app.see(card_("Useful numbers"))

    card = app.page.locator("body").aria_snapshot()
    assert not ALARMING.search(card), card  # neutral unless the clinician chooses otherwise
    for entry in card_entries(load_directory()):
        app.see(entry.phone)  # digits exactly as in the directory, in order even inside Arabic
        app.see(entry.card_label[card_language])

    title, number = app.box(app.text(card_("Useful numbers"))), app.box(app.text("1 (888) 373-7888"))
    middle = app.page.viewport_size["width"] / 2
    if card_language == "ar":  # the card follows its own language: right to left for Arabic only
        assert title["x"] + title["width"] > middle and number["x"] + number["width"] > middle
    else:
        assert title["x"] < middle and number["x"] < middle
    app.shot(f"card-{card_language}-ui-{ui}")


def test_naming_the_service_and_the_shoe_card(app):
    app.open("/contacts")
    named = app.page.get_by_role("switch", name="Say on the card what the numbers are for")
    named.click()
    expect(named).to_be_checked()
    app.page.get_by_role("button", name="Small card (fits in a shoe)").click()
    app.page.get_by_role("button", name="Show card", exact=True).click()
    app.see("Ask whether carrying a card is safe")  # the prompt comes first
    app.page.get_by_role("button", name="Show card", exact=True).last.click()
    app.see("Help with trafficking and exploitation")
    app.see("National Human Trafficking Hotline (US)")
    app.shot("card-shoe-named")
    app.page.get_by_role("button", name="Close").click()
    app.see("Card language")


def test_contacts_explain_that_local_entries_are_the_facilitys_job(app):
    app.open("/contacts")
    app.see("Your facility must add and verify local services")
    size = app.page.viewport_size
    app.page.mouse.move(size["width"] / 2, size["height"] / 2)
    app.page.mouse.wheel(0, 3000)  # the directory list sits below the card options
    app.see("Last verified:")
    app.see("1 (833) 900-1010")
