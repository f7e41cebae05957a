"""The patient's card as a PDF, made in memory: nothing is written to disk, and the file says
nothing about when or for whom it was made. No Flet: the UI hands the bytes to the user.

fpdf2 lays the card out. With text shaping on, HarfBuzz shapes Arabic (joining forms, lam-alef and
other ligatures, marks) and fpdf2's bidi algorithm orders mixed runs right to left, mirroring
parentheses. Each phone number is a left-to-right paragraph of its own, so its digits keep their
order on paper and in the text layer, in every language.

The bundled Noto Sans Arabic carries Noto Sans's ASCII punctuation (scripts/merge_punctuation.py),
so an Arabic line stays one font run and extractors put "(كندا)" in the right place. fpdf2 is
pinned: _SplitLigaturesFont adjusts its text layer through its internals, and
tests/directory/test_card_pdf.py reads the text back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, TextDirection, XPos, YPos
from fpdf.fonts import TTFFont
from fpdf.prefs import ViewerPreferences

from app import paths
from app.directory.card import Card
from app.i18n import LANGUAGES, Translator

FONTS = paths.ASSETS_DIR / "fonts"

# Bidi controls (LRI/PDI and the like) that the UI puts around numbers. The PDF orders text itself,
# and fpdf2 would draw them as (invisible) glyphs that then get into the text layer.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# When the card was made is itself information about the patient: a fixed date instead of now.
_NEUTRAL_DATE = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Layout:
    """One card size: millimetres, and points at scale 1 (the text shrinks to fit if it must)."""

    width: float
    height: float
    margin: float
    title_pt: float
    label_pt: float
    phone_pt: float
    detail_pt: float
    gap: float  # between entries, mm
    min_scale: float  # below this the card is no longer legible: refuse rather than print it
    details: bool  # hours and languages: on the full card only, like the on-screen card
    frame_inset: float  # the thin frame: the cutting line of the small card


LAYOUTS = {
    # A6 (a postcard), readable at arm's length.
    "full": Layout(105, 148, 9, title_pt=20, label_pt=14, phone_pt=24, detail_pt=11, gap=5, min_scale=0.6,
                   details=True, frame_inset=4),
    # ID-1, a bank or business card (85.6 x 54 mm): hides in a shoe or a wallet. At the smallest
    # scale allowed, labels are 6.4 pt and numbers 10.5 pt.
    "shoe": Layout(85, 55, 4.5, title_pt=11, label_pt=8.5, phone_pt=14, detail_pt=7, gap=1.6, min_scale=0.75,
                   details=False, frame_inset=1.2),
}


class CardTooLong(ValueError):
    """The entries do not fit on the card at a legible size."""


def card_pdf(card: Card) -> bytes:
    """The card as PDF bytes: its title, then each service's label with its number below; the full
    card adds hours and languages. A6 (a postcard) or, for the small card, 85 x 55 mm (a bank card).
    The PDF's title, which a viewer shows in its title bar, is the neutral "Useful numbers" in the
    card's language, whatever the card says. Raises CardTooLong if the text would have to shrink
    below a legible size."""
    layout = LAYOUTS["shoe" if card.shoe else "full"]
    rtl = LANGUAGES[card.language].rtl
    blocks = _blocks(card, layout)
    arabic = rtl or any(_has_arabic(text) for _, text in blocks)
    pdf = _new_document(layout, card.language, _neutral_title(card.language), FONTS, arabic)
    size = "shoe" if card.shoe else "full"
    _draw(pdf, blocks, layout, _fitting_scale(pdf, blocks, layout, rtl, f"{len(card.lines)} entries, {size}"), rtl)
    return bytes(pdf.output())


def _neutral_title(language: str) -> str:
    return Translator(language)._("Useful numbers")


# -- layout -------------------------------------------------------------------------------------

Block = tuple[str, str]  # (kind, text); kinds: title, label, phone, detail, gap

_STYLE = {  # kind -> (font style, the Layout field with its size in pt, line height / size)
    "title": ("B", "title_pt", 1.25),
    "label": ("", "label_pt", 1.25),
    "phone": ("B", "phone_pt", 1.2),
    "detail": ("", "detail_pt", 1.3),
}


def _blocks(card: Card, layout: Layout) -> list[Block]:
    blocks: list[Block] = [("title", _clean(card.title)), ("gap", "")]
    for i, line in enumerate(card.lines):
        if i:
            blocks.append(("gap", ""))
        blocks += [("label", _clean(line.label)), ("phone", _clean(line.phone))]
        if layout.details:
            blocks += [("detail", _clean(detail)) for detail in line.details]
    return blocks


def _clean(text: str) -> str:
    return " ".join(text.translate(_BIDI_CONTROLS).split())


def _has_arabic(text: str) -> bool:
    return any("ARABIC" in unicodedata.name(c, "") for c in text)


def _set_style(pdf: FPDF, kind: str, layout: Layout, scale: float, rtl: bool) -> float:
    """Select font and shaping for a block; return its line height in mm."""
    style, size_field, leading = _STYLE[kind]
    size = getattr(layout, size_field) * scale
    if kind == "phone":  # digits, spaces, ( ) + -: Noto Sans, always left to right
        pdf.set_font("card-latin", style, size)
        pdf.set_text_shaping(True, direction="ltr")
    else:
        pdf.set_font("card-arabic" if rtl else "card-latin", style, size)
        pdf.set_text_shaping(True, direction="rtl" if rtl else "ltr")
    return size * leading / pdf.k


def _height(pdf: FPDF, blocks: list[Block], layout: Layout, scale: float, rtl: bool) -> float:
    total = 0.0
    for kind, text in blocks:
        if kind == "gap":
            total += layout.gap * scale
            continue
        line_height = _set_style(pdf, kind, layout, scale, rtl)
        if kind == "phone":  # never wrapped: a number broken over two lines gets misdialled
            if pdf.get_string_width(text) > pdf.epw:
                return float("inf")
            total += line_height
        else:
            total += pdf.multi_cell(pdf.epw, line_height, text, dry_run=True, output="HEIGHT")
    return total


def _fitting_scale(pdf: FPDF, blocks: list[Block], layout: Layout, rtl: bool, what: str) -> float:
    """The largest scale, in steps of 0.05, at which the blocks fit on the page."""
    room = layout.height - 2 * layout.margin
    height = _height(pdf, blocks, layout, 1.0, rtl)
    if height <= room:
        return 1.0
    # Height is about proportional to scale: start from that guess, then step down.
    scale = min(0.95, int(room / height * 20) / 20) if height != float("inf") else 0.95
    while scale >= layout.min_scale:
        if _height(pdf, blocks, layout, scale, rtl) <= room:
            return scale
        scale = round(scale - 0.05, 2)
    raise CardTooLong(f"does not fit at a legible size: {what}")


def _draw(pdf: FPDF, blocks: list[Block], layout: Layout, scale: float, rtl: bool) -> None:
    align = Align.R if rtl else Align.L
    pdf.set_xy(layout.margin, layout.margin)
    for kind, text in blocks:
        if kind == "gap":
            pdf.set_y(pdf.get_y() + layout.gap * scale)
            continue
        line_height = _set_style(pdf, kind, layout, scale, rtl)
        if kind == "phone":
            pdf.cell(pdf.epw, line_height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            pdf.multi_cell(pdf.epw, line_height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    inset = layout.frame_inset
    pdf.set_draw_color(120)
    pdf.set_line_width(0.3)
    pdf.rect(inset, inset, layout.width - 2 * inset, layout.height - 2 * inset, round_corners=True, corner_radius=3)


# -- document -----------------------------------------------------------------------------------


def _new_document(layout: Layout, language: str, document_title: str, fonts: Path, arabic: bool) -> FPDF:
    pdf = FPDF(unit="mm", format=(layout.width, layout.height))
    pdf.set_margins(layout.margin, layout.margin, layout.margin)
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0  # multi_cell's inner padding: the page margin is enough
    # Metadata: the neutral title and the card's language, nothing else. fpdf2 would otherwise name
    # itself as Producer and stamp the time; it writes no XMP unless asked (set_xmp_metadata).
    pdf.set_title(document_title)
    pdf.set_lang(language)
    pdf.set_producer("")
    pdf.set_creation_date(_NEUTRAL_DATE)
    pdf.viewer_preferences = ViewerPreferences(print_scaling="None")  # print at actual size
    families = [("card-latin", "NotoSans")] + ([("card-arabic", "NotoSansArabic")] if arabic else [])
    for family, stem in families:  # each font costs about 35 ms to load: only those needed
        pdf.add_font(family, "", fonts / f"{stem}-Regular.ttf")
        pdf.add_font(family, "B", fonts / f"{stem}-Bold.ttf")
    if arabic:
        for key in ("card-arabic", "card-arabicB"):
            _split_rtl_ligatures(pdf.fonts[key])
        # Each falls back on the other: parentheses and Latin names inside Arabic text, an Arabic
        # name on an English or Spanish card.
        pdf.set_fallback_fonts(["card-latin", "card-arabic"])
    pdf.add_page()
    return pdf


def _split_rtl_ligatures(font: TTFFont) -> None:
    """Give every glyph of right-to-left text at most one character in the text layer.

    A lam-alef ligature is one glyph for two characters. fpdf2 maps it to both ("لا"), in
    logical order, while the glyphs of a right-to-left run are drawn, and stored, in visual
    order. Extractors put RTL text back in logical order by reversing it character by character,
    which turns that pair into "ال" (pdftotext, PDFium, MuPDF and pdf.js all do). So the ligature
    glyph keeps only the last character and each other character gets an invisible glyph of its
    own over the ligature's right-hand part (where it comes first in reading order), each with an
    equal share of the width, as extractors themselves split a multi-character glyph. The picture does not change; every reversing extractor then reads "لا".

    Relies on fpdf2 internals (TTFFont.shape_text, its SubsetMap and the text_info dicts it
    returns), so the fpdf2 version is pinned and a test checks the extracted text.
    """
    if any(c in font.glyph_ids for c in _BLANKS):
        font.__class__ = _SplitLigaturesFont  # TTFFont has __slots__: no per-instance override


_BLANKS = (0x200B, 0x034F, 0x20)  # ZWSP, CGJ, space: glyphs with no outline (Noto's ZWNJ and ZWJ are visible bars)


class _SplitLigaturesFont(TTFFont):
    __slots__ = ()

    def shape_text(self, text, font_size_pt, text_shaping_params):  # type: ignore[override]
        infos = super().shape_text(text, font_size_pt, text_shaping_params)
        if (text_shaping_params or {}).get("fragment_direction") != TextDirection.RTL:
            return infos
        blank = next(c for c in _BLANKS if c in self.glyph_ids)
        blank_id, blank_name = self.glyph_ids[blank], self.cmap[blank]
        glyphs = {code: glyph for glyph, code in self.subset.items() if glyph is not None}
        out = []
        for info in infos:
            glyph = glyphs.get(info["mapped_char"])
            chars = tuple(glyph.unicode) if glyph is not None and isinstance(glyph.unicode, tuple) else ()
            if len(chars) < 2:
                out.append(info)
                continue
            # n characters share the ligature's advance: the glyph keeps the leftmost n-th (and
            # the last character), blank glyphs take the other n-ths from left to right.
            n, advance, width = len(chars), info["x_advance"], round(glyph.glyph_width / len(chars))
            head = self.subset.get_glyph(
                glyph=glyph.glyph_id, unicode=chars[-1:], glyph_name=glyph.glyph_name, glyph_width=width
            )
            out.append({**info, "mapped_char": self.subset.pick_glyph(head), "force_positioning": True})
            for k in range(1, n):
                part = self.subset.get_glyph(
                    glyph=blank_id, unicode=(chars[n - 1 - k],), glyph_name=blank_name, glyph_width=width
                )
                out.append(
                    {
                        "mapped_char": self.subset.pick_glyph(part),
                        "x_advance": 0,
                        "y_advance": 0,
                        "x_offset": round(advance * (k / n - 1)),  # back from the ligature's right edge
                        "y_offset": 0,
                        "force_positioning": True,
                    }
                )
        return out
