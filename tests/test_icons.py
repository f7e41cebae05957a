"""The UI's own icon set names the same icons as Flet's Material table, and the UI uses no
other way to name icons (which would load the whole table into the server)."""

from __future__ import annotations

import re
import subprocess
import sys

import flet as ft
import pytest

from app import paths
from app.ui.icons import Icons

UI_SOURCES = sorted(p for p in (paths.ROOT / "app" / "ui").glob("*.py") if p.name != "icons.py")


@pytest.mark.parametrize("icon", list(Icons), ids=lambda icon: icon.name)
def test_each_icon_is_the_material_icon_of_that_name(icon):
    assert int(icon) == int(getattr(ft.Icons, icon.name))


def test_the_ui_names_icons_only_through_its_own_set():
    for path in UI_SOURCES:
        assert not re.search(r"\bft\.Icons\b", path.read_text(encoding="utf-8")), path.name


def test_every_icon_of_the_set_is_used():
    used = {name for path in UI_SOURCES for name in re.findall(r"\bIcons\.([A-Z_0-9]+)", path.read_text())}
    assert {icon.name for icon in Icons} == used


def test_warming_up_never_loads_flets_icon_table():
    code = (
        "import sys\n"
        "from app.ui import warmup\n"
        "warmup.warm_first_screen()\n"
        "warmup.warm_the_rest('en')\n"
        "print('flet.controls.material.icons' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.ROOT, check=True)
    assert out.stdout.strip() == "False"
