"""Content that fails validation at run time shows where it is broken, never an empty screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.driver import desktop_app, serve_app

FIXTURES = Path(__file__).parent.parent / "content" / "fixtures"


@pytest.fixture(scope="module")
def broken_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("content")
    shutil.copytree(FIXTURES / "base", root, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "malformed_yaml", root, dirs_exist_ok=True)  # Spanish file broken
    with serve_app(tmp_path_factory.mktemp("cwd"), CARE_REFERENCE_CONTENT_DIR=str(root)) as url:
        yield url


def test_broken_language_names_file_and_line_and_others_still_work(browser, broken_url):
    with desktop_app(browser, broken_url) as app:
        app.open("/indicators")
        app.see("Most indicators are nonspecific")  # English content is intact and shown
        app.go("Settings")
        app.page.get_by_role("radio", name="Español").click()
        app.go("Indicadores")
        app.see("No se pudo cargar el contenido de esta sección.")
        app.see("es/indicators.yaml:15: malformed YAML")
        app.shot("broken-content-es")
        app.go("Ajustes")  # settings still work, so the user can switch back
        app.page.get_by_role("radio", name="English").click()
        app.see("Text size")
