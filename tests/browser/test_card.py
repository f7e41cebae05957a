"""Contacts and the referral card in the real app: the card in a language other than the UI's,
neutral by default, Arabic right to left; Exit where it always is while a card in the other
direction is shown; a number tapped opens the dialler with a tel: link; the PDF card downloaded."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from playwright.sync_api import expect

from app.directory import load_directory
from app.directory.card import card_entries, make_card
from app.i18n import LANGUAGES, Translator

pytestmark = pytest.mark.browser
CARD_FOR = {"en": "ar", "es": "en", "ar": "es"}  # each UI language shows a card in another language
ALARMING = re.compile(r"traffick|trata|اتجار|exploit|explota|استغلال", re.IGNORECASE)


def show_card(app, ui: str, card_language: str, named: bool = False) -> None:
    _ = Translator(ui)._
    app.choose(LANGUAGES[card_language].native_name)
    app.button(_("Show card")).click()
    app.see(_("Ask whether carrying a card is safe for the patient. Memorising the number is an alternative."))
    app.button(_("Continue")).click()
    title = "Help with trafficking and exploitation" if named else "Useful numbers"
    app.see(Translator(card_language)._(title))


@pytest.mark.both_viewports  # layout is what it checks
@pytest.mark.parametrize("ui", ["en", "es", "ar"])
def test_card_in_the_patients_language_with_exit_in_place(app, ui):
    card_language = CARD_FOR[ui]
    _ = Translator(ui)._
    app.use_language(ui).open("/contacts")
    exit_before = app.box(app.button(_("Exit")))
    show_card(app, ui, card_language)

    card = make_card(card_entries(load_directory(), "us"), card_language, named=False, shoe=False)
    snapshot = app.page.locator("body").aria_snapshot()
    assert not ALARMING.search(snapshot), snapshot  # neutral unless the clinician chooses otherwise
    for line in card.lines:
        app.see(line.phone)  # digits exactly as in the directory, in order even inside Arabic
        app.see(line.label)

    # The card follows its own direction; the app keeps its own: Exit has not moved.
    exit_after = app.box(app.button(_("Exit")))
    assert abs(exit_after["x"] - exit_before["x"]) < 2 and abs(exit_after["y"] - exit_before["y"]) < 2
    title, number = app.box(app.text(card.title)), app.box(app.text(card.lines[0].phone))
    middle = app.page.viewport_size["width"] / 2
    if card_language == "ar":
        assert title["x"] + title["width"] > middle and number["x"] + number["width"] > middle
    else:
        assert title["x"] < middle and number["x"] < middle
    app.shot(f"card-{card_language}-ui-{ui}")


@pytest.mark.both_viewports  # layout is what it checks
def test_the_named_shoe_card_is_small(app):
    app.use_language("en").open("/contacts")
    named = app.page.get_by_role("switch", name="Say on the card what the numbers are for")
    named.click()
    expect(named).to_be_checked()
    app.choose("Small card")
    show_card(app, "en", "en", named=True)
    app.see("National Human Trafficking Hotline (US)")
    number = app.box(app.text("1 (888) 373-7888"))
    assert number["y"] + number["height"] < 300  # a bank card's height (214 px) below the app bar
    app.shot("card-shoe-named")
    app.button("Close").click()
    app.see("Card language")


@pytest.mark.parametrize("ui", ["en", "ar"])
def test_tapping_a_number_opens_the_dialler_with_a_tel_link(app, ui):
    # The browser hands tel: to the system: record what the page asks it to open instead.
    app.page.add_init_script("window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return null; };")
    app.use_language(ui, jurisdiction="ca").open("/contacts")
    call = app.page.get_by_role("button", name=re.compile(r"1 \(833\) 900-1010"))
    call.click()
    app.wait_until(lambda: app.page.evaluate("window.__opened.length") > 0, "the dialler to be asked for")
    assert app.page.evaluate("window.__opened") == ["tel:18339001010"]
    assert app.text("1 (888) 373-7888").count() == 0  # Canada's numbers only


def test_the_pdf_card_downloads_in_arabic_with_its_words_in_order(app):
    app.use_language("en").open("/contacts")
    app.choose("العربية")
    app.button("Save card as PDF").click()
    app.see("Ask whether carrying a card is safe")
    with app.page.expect_download() as download:
        app.button("Continue").click()
    data = open(download.value.path(), "rb").read()
    assert download.value.suggested_filename == "card.pdf"
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "أرقام مفيدة" in text and "1 (888) 373-7888" in text


def test_contacts_say_when_the_facility_has_added_nothing(app):
    app.use_language("en").open("/contacts")
    app.see("1 (888) 373-7888")
    size = app.page.viewport_size
    app.page.mouse.move(size["width"] / 2, size["height"] / 2)
    app.page.mouse.wheel(0, 600)  # the numbers sit below the card's options
    app.see("Your facility has not added its local services yet")
    group = app.page.get_by_role("group", name=re.compile(r"^National Human Trafficking Hotline \(US\) United States Last verified: "))
    group.wait_for(state="attached")  # each service with its country and when it was last checked
    assert app.text("1 (833) 900-1010").count() == 0  # the US's numbers only
    assert app.text("local.yaml").count() == 0  # no file names for the clinician
