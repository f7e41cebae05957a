"""The printable card: Arabic shaped and in reading order in the text layer, numbers whole and in
order, nothing in the file about when or for whom it was made, and a legible size or a refusal.
pdftotext and pdftoppm come from Debian's poppler-utils (scripts/ensure-test-tools installs it)."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pypdf
import pytest
from PIL import Image

from app.directory import load_directory
from app.directory.card import Card, CardLine, card_entries, make_card
from app.directory.card_pdf import LAYOUTS, CardTooLong, card_pdf

LOCAL = """schema_version: 1
entries:
  - {id: local_shelter, category: shelter, name: مأوى المدينة, phone: "+1 555 010 2030", hours: "24/7", languages: [ar, en], verified: 2026-01-01}
  - {id: local_interpreters, category: interpreters, name: Clinic interpreters, phone: "555-0199", verified: 2026-01-01}
"""


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    local = tmp_path_factory.mktemp("facility") / "local.yaml"
    local.write_text(LOCAL, encoding="utf-8")
    return load_directory(local=local)


def pdftotext(data: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    return lines(out.stdout.decode())


def pypdf_text(data: bytes) -> list[str]:
    return lines(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text())


def lines(text: str) -> list[str]:
    """Non-empty lines, without the bidi embedding marks pdftotext puts around right-to-left lines."""
    drop = {c for c in text if unicodedata.category(c) == "Cf"}
    return [" ".join("".join(c for c in line if c not in drop).split()) for line in text.splitlines() if line.strip()]


def picture(data: bytes, folder) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", "-", str(folder / "card")], input=data, check=True)
    return Image.open(folder / "card.png").convert("L")


@pytest.mark.parametrize("shoe", [False, True])
@pytest.mark.parametrize("named", [False, True])
def test_an_arabic_card_reads_in_logical_order_with_numbers_in_order(directory, named, shoe):
    card = make_card(card_entries(directory, "us"), "ar", named=named, shoe=shoe)
    text = pdftotext(card_pdf(card))
    joined = " ".join(text)  # a label may wrap onto a second line
    assert joined.startswith(card.title)
    for line in card.lines:
        assert line.label in joined  # words in reading order; lam-alef kept as "لا", not turned into "ال"
        assert line.phone in text  # the digits in order, a line of their own
    if not shoe:
        assert any(detail.startswith("ساعات العمل") or "24/7" in detail for detail in text)


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_pypdf_reads_every_word_and_number(directory, language):
    card = make_card(card_entries(directory, "ca"), language, named=True, shoe=True)
    text = pypdf_text(card_pdf(card))
    words = set(re.findall(r"\w+", " ".join(text)))  # pypdf may misplace a parenthesis in RTL lines
    for line in card.lines:
        assert set(re.findall(r"\w+", line.label)) <= words
    assert [t for t in text if re.fullmatch(r"[\d ()+-]+", t)] == [line.phone for line in card.lines]


def test_the_arabic_card_is_drawn_right_aligned_and_the_english_left_aligned(directory, tmp_path):
    """Looked at as a picture: every line of text on an Arabic card ends at the right margin; on
    an English card every line begins at the left one."""

    def text_lines(image: Image.Image) -> list[tuple[int, int]]:
        """(leftmost, rightmost) ink of each band of rows with ink, inside the frame; bands a few
        pixels tall are the dots below a line of Arabic, not a line."""
        width, height = image.size
        pixels = image.load()
        inset = round(width * 0.06)
        bands, current, rows = [], None, 0
        for y in range(inset, height - inset):
            ink = [x for x in range(inset, width - inset) if pixels[x, y] < 128]
            if ink:
                current = (min(ink[0], current[0]), max(ink[-1], current[1])) if current else (ink[0], ink[-1])
                rows += 1
            elif current:
                if rows > 4:
                    bands.append(current)
                current, rows = None, 0
        return bands

    for language in ("ar", "en"):
        card = make_card(card_entries(directory, "us"), language, named=False, shoe=True)
        bands = text_lines(picture(card_pdf(card), tmp_path))
        assert len(bands) >= 1 + 2 * len(card.lines), "a line of the card is missing"
        ends = [right for _, right in bands] if language == "ar" else [left for left, _ in bands]
        assert max(ends) - min(ends) <= 4, (language, ends)


def test_the_file_says_nothing_about_when_or_what(directory):
    card = make_card(card_entries(directory, "us"), "es", named=True, shoe=False)
    data = card_pdf(card)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert dict(reader.metadata) == {"/Title": "Números útiles", "/CreationDate": "D:20000101000000Z"}
    assert reader.xmp_metadata is None
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert b"fpdf" not in data.lower() and b"trata" not in data.lower()  # the title is drawn as glyph codes
    assert card_pdf(card) == data  # the same card, the same bytes: nothing of the moment in it


def test_the_small_card_is_bank_card_sized_and_the_full_one_a6(directory):
    for shoe, size in ((True, (85, 55)), (False, (105, 148))):
        card = make_card(card_entries(directory, "us"), "ar", named=True, shoe=shoe)
        reader = pypdf.PdfReader(io.BytesIO(card_pdf(card)))
        box = reader.pages[0].mediabox
        assert len(reader.pages) == 1
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == size


def test_too_many_numbers_are_refused_not_shrunk_to_nothing():
    assert LAYOUTS["shoe"].min_scale * LAYOUTS["shoe"].label_pt >= 6
    lines = tuple(CardLine("خط المساعدة (كندا)", "1 (833) 900-1010", "18339001010") for _ in range(12))
    with pytest.raises(CardTooLong):
        card_pdf(Card("أرقام مفيدة", "ar", lines, shoe=True))
