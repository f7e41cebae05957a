"""Copy the ASCII punctuation that Noto Sans Arabic lacks (parentheses, slash, plus, ...) from
Noto Sans into it, so that an Arabic line is one font run: extractors that reorder right-to-left
text per text-showing run (pdf.js, PDFium, MuPDF, pypdf) then put "(كندا)" in the right place.
Build-time step, run once on the bundled fonts: python scripts/merge_punctuation.py assets/fonts assets/fonts
(it leaves characters the Arabic font already has alone, so running it again changes nothing)."""
import copy
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

# Neutral ASCII characters a label or a detail line may hold (letters and digits excluded:
# Latin names stay in Noto Sans as their own left-to-right run).
PUNCTUATION = "()[]{}/\\+*&#%'\"<>=@_|~^`$;?!"


def merge(arabic: Path, latin: Path, dest: Path) -> list[str]:
    ar, la = TTFont(arabic), TTFont(latin)
    assert ar["head"].unitsPerEm == la["head"].unitsPerEm
    ar_cmap, la_cmap = ar.getBestCmap(), la.getBestCmap()
    order = ar.getGlyphOrder()
    added = []
    for ch in PUNCTUATION:
        cp = ord(ch)
        if cp in ar_cmap or cp not in la_cmap:
            continue
        src = la_cmap[cp]
        glyph = la["glyf"][src]
        if glyph.isComposite():  # none of these are; keep the copy simple
            continue
        name = f"{src}.latn"
        order.append(name)
        ar["glyf"].glyphs[name] = copy.deepcopy(glyph)
        ar["hmtx"].metrics[name] = la["hmtx"].metrics[src]
        for table in ar["cmap"].tables:
            if table.isUnicode():
                table.cmap[cp] = name
        added.append(ch)
    ar.setGlyphOrder(order)
    ar["glyf"].glyphOrder = order
    ar["maxp"].numGlyphs = len(order)
    if "post" in ar and ar["post"].formatType == 2.0:
        ar["post"].extraNames = []  # rebuilt from the glyph order on save
    ar.save(dest)
    return added


if __name__ == "__main__":
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    dst.mkdir(parents=True, exist_ok=True)
    for style in ("Regular", "Bold"):
        added = merge(src / f"NotoSansArabic-{style}.ttf", src / f"NotoSans-{style}.ttf", dst / f"NotoSansArabic-{style}.ttf")
        print(style, "added", "".join(added))
