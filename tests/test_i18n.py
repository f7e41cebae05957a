"""UI strings: complete catalogs, matching placeholders, correct plural forms, an up-to-date template."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from app import i18n, paths

TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def catalog(code: str):
    with (paths.LOCALES_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        return read_po(stream, locale=code)


def template():
    with (paths.LOCALES_DIR / "messages.pot").open("rb") as stream:
        return read_po(stream)


def ids(cat) -> set:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in cat if m.id}


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated(code):
    cat = catalog(code)
    assert ids(cat) == ids(template()), "run `make update` and translate the new messages"
    for message in cat:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(form.strip() for form in forms), f"{code}: untranslated {message.id!r}"
        assert not message.fuzzy, f"{code}: fuzzy {message.id!r}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_match(code):
    for message in catalog(code):
        if not message.id:
            continue
        if isinstance(message.id, str):
            assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(message.id)), message.id
        else:
            wanted = set(PLACEHOLDER.findall(message.id[1]))
            for form in message.string:
                # Arabic's "one" and "two" forms may say the number in words; none may invent a placeholder.
                assert set(PLACEHOLDER.findall(form)) <= wanted, (message.id, form)
            assert set(PLACEHOLDER.findall(message.string[-1])) == wanted, message.id


@pytest.mark.parametrize("code, forms", [("es", 2), ("ar", 6)])
def test_plural_forms_follow_cldr(code, forms):
    cat = catalog(code)
    assert cat.num_plurals == forms
    for message in cat:
        if message.id and not isinstance(message.id, str):
            assert len(message.string) == forms


def test_arabic_uses_all_six_plural_forms_at_run_time():
    tr = i18n.Translator("ar")
    shown = {n: tr.ngettext("{count} indicator shown", "{count} indicators shown", n) for n in (0, 1, 2, 3, 11, 100)}
    assert len(set(shown.values())) == 6
    assert shown[11].format(count=11) == "يُعرض 11 مؤشرًا"


def test_template_matches_the_source(tmp_path):
    out = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_",
         "-k", "ngettext:1,2", "--no-location", "-o", str(out), "app"],
        cwd=paths.ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with out.open("rb") as stream:
        assert ids(read_po(stream)) == ids(template()), "run `make update`"


@pytest.mark.parametrize("code", list(i18n.LANGUAGES))
def test_language_metadata_agrees_with_cldr(code):
    language = i18n.LANGUAGES[code]
    assert language.rtl == (Locale.parse(code).character_order == "right-to-left")
    assert language.native_name[0].isupper() or language.rtl


def test_native_names_come_from_cldr():
    assert [lang.native_name for lang in i18n.LANGUAGES.values()] == ["English", "Español", "العربية"]
    for code, language in i18n.LANGUAGES.items():
        cldr = Locale.parse(code).get_display_name(code)
        assert language.native_name == cldr[:1].upper() + cldr[1:]


def test_ltr_isolation_only_inside_right_to_left_text():
    assert i18n.Translator("en").ltr("1 (888) 373-7888") == "1 (888) 373-7888"
    assert i18n.Translator("ar").ltr("1 (888) 373-7888") == "\u20661 (888) 373-7888\u2069"


def test_catalog_compiles_in_memory_without_mo_files(tmp_path, monkeypatch):
    """Running without `make` (no .mo yet) still shows translated text."""
    import shutil

    shutil.copytree(paths.LOCALES_DIR, tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(paths, "LOCALES_DIR", tmp_path / "locales")
    i18n._catalog.cache_clear()
    try:
        assert i18n.Translator("es")._("Settings") == "Ajustes"
    finally:
        i18n._catalog.cache_clear()
