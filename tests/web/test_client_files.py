"""The web client's page and font manifest are flet-web's own plus our changes; fail when they drift."""

import json
import re

import pytest

from app import paths
from app.i18n import LANGUAGES
from app.web.generate import FONT_MANIFEST, ICON_FONT, generated, icon_glyphs
from app.web.internals import client_file as flet_web_file
from app.web.policy import CSP, app_fonts


@pytest.mark.parametrize("path", sorted(generated()), ids=lambda path: path.name)
def test_shipped_file_is_the_generated_one(path):
    assert path.read_text(encoding="utf-8") == generated()[path], "run `python -m app.web.generate`"


def test_csp_allows_only_the_page_own_origin():
    directives = dict(part.strip().split(" ", 1) for part in CSP.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert "http" not in CSP  # no outside host is ever allowed


def test_the_engine_loads_every_language_font_from_the_bundle():
    manifest = {entry["family"]: entry["fonts"] for entry in json.loads(FONT_MANIFEST.read_text(encoding="utf-8"))}
    for language in LANGUAGES.values():
        (font,) = manifest[language.font]
        # The engine asks for /assets/<key>; the browser resolves the dot segment to /fonts/<file>.
        assert font["asset"] == f"../fonts/{app_fonts()[language.font]}"
        assert (paths.ASSETS_DIR / "fonts" / app_fonts()[language.font]).is_file()
    assert "MaterialIcons" in manifest


def test_the_ui_shows_nothing_that_needs_the_fonts_left_out():
    # KaTeX's fonts serve Markdown maths, CupertinoIcons the Cupertino controls.
    for path in (paths.ROOT / "app" / "ui").glob("*.py"):
        assert not re.search(r"\bft\.(Markdown|Cupertino\w*)\b", path.read_text(encoding="utf-8")), path.name


def test_the_icon_font_holds_each_icon_the_app_can_show_drawn_as_flet_webs_own():
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    shipped, original = TTFont(ICON_FONT), TTFont(flet_web_file("assets", "fonts", "MaterialIcons-Regular.otf"))
    wanted = {code: name for code, name in original.getBestCmap().items() if name in icon_glyphs()}
    assert len(wanted) == len(icon_glyphs())  # each one found in flet-web's font
    assert shipped.getBestCmap() == wanted, "run `python -m app.web.generate`"

    def drawn(font: TTFont, name: str) -> list:
        pen = RecordingPen()
        font.getGlyphSet()[name].draw(pen)
        return pen.value

    for name in wanted.values():
        assert drawn(shipped, name) == drawn(original, name), name
    assert ICON_FONT.stat().st_size < 20_000  # the point of it: not the whole font (1.26 MB)
