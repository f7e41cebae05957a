"""Does a screenshot show `text` set in a given TTF, shaped and right to left?

Renders the expected string with the same font file through Pillow's RAQM layout
(HarfBuzz shaping + FriBiDi, as Flutter/SkParagraph uses HarfBuzz), then compares
the *ink* (dark-on-light or light-on-dark, detected from the region's background)
against the screenshot region:

1. ink bounding-box size must match within `size_tol` (px): a fallback font has other
   advance widths and heights at the same font size;
2. best IoU of the two ink masks over small shifts must reach `min_iou`.

Pure Pillow (needs a Pillow build with RAQM: `PIL.features.check("raqm")`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFont, features

INK_THRESHOLD = 0.5  # fraction of full contrast counted as ink


@dataclass
class GlyphMatch:
    iou: float
    ref_size: tuple[int, int]
    shot_size: tuple[int, int]
    ok: bool

    def __str__(self) -> str:
        return (f"iou={self.iou:.3f} ref={self.ref_size} shot={self.shot_size} "
                f"-> {'MATCH' if self.ok else 'NO MATCH'}")


def render_reference(text: str, font_path: str, size_px: float, *, direction: str = "rtl",
                     language: str = "ar", basic: bool = False) -> Image.Image:
    """Black-on-white rendering of `text`, cropped to its ink (mode 'L')."""
    if not basic and not features.check("raqm"):
        raise RuntimeError("Pillow was built without RAQM; cannot shape Arabic")
    engine = ImageFont.Layout.BASIC if basic else ImageFont.Layout.RAQM
    font = ImageFont.truetype(font_path, size=size_px, layout_engine=engine)
    kw = {} if basic else {"direction": direction, "language": language}
    left, top, right, bottom = font.getbbox(text, **kw)
    img = Image.new("L", (right - left + 20, bottom - top + 20), 255)
    ImageDraw.Draw(img).text((10 - left, 10 - top), text, font=font, fill=0, **kw)
    return _ink_crop(img)


def _ink_crop(gray: Image.Image) -> Image.Image:
    """Normalise to dark ink on white, and crop to the ink's bounding box."""
    w, h = gray.size
    border = [gray.getpixel((x, y)) for x in range(w) for y in (0, h - 1)] + \
             [gray.getpixel((x, y)) for y in range(h) for x in (0, w - 1)]
    background = sorted(border)[len(border) // 2]
    if background < 128:  # light text on a dark background (dark theme)
        gray = ImageChops.invert(gray)
        background = 255 - background
    contrast = max(background, 1)
    cut = background - contrast * INK_THRESHOLD
    mask = gray.point(lambda v: 255 if v < cut else 0)
    box = mask.getbbox()
    if box is None:
        raise ValueError("no ink in region")
    return gray.crop(box)


def screenshot_ink(shot: Image.Image, region: tuple[int, int, int, int]) -> Image.Image:
    """Crop `region` (left, top, right, bottom) of a screenshot to its ink."""
    return _ink_crop(shot.crop(region).convert("L"))


def _mask(img: Image.Image) -> Image.Image:
    return img.point(lambda v: 255 if v < 255 * (1 - INK_THRESHOLD) else 0).convert("1")


def _count(mask: Image.Image) -> int:
    return mask.convert("L").histogram()[255]


def compare(ref: Image.Image, shot: Image.Image, *, size_tol: int = 4, min_iou: float = 0.6,
            shift: int = 3) -> GlyphMatch:
    size_ok = abs(ref.width - shot.width) <= size_tol and abs(ref.height - shot.height) <= size_tol
    w, h = max(ref.width, shot.width) + 2 * shift, max(ref.height, shot.height) + 2 * shift
    a = Image.new("1", (w, h), 0)
    a.paste(_mask(ref), (shift, shift))
    best = 0.0
    sm = _mask(shot)
    for dx in range(2 * shift + 1):
        for dy in range(2 * shift + 1):
            b = Image.new("1", (w, h), 0)
            b.paste(sm, (dx, dy))
            inter = _count(ImageChops.logical_and(a, b))
            union = _count(ImageChops.logical_or(a, b))
            best = max(best, inter / union if union else 0.0)
    return GlyphMatch(best, ref.size, shot.size, size_ok and best >= min_iou)


def check_text(shot: Image.Image, region: tuple[int, int, int, int], text: str, font_path: str,
               size_px: float, **kw) -> GlyphMatch:
    """One call for tests: is `text` in `font_path` at `size_px` what `region` shows?"""
    return compare(render_reference(text, font_path, size_px), screenshot_ink(shot, region), **kw)
