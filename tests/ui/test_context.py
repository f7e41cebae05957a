"""Screens are given a narrow Context, never the shell, and ask for the app's language one way."""

from __future__ import annotations

from app import paths

UI = paths.ROOT / "app" / "ui"


def test_no_screen_reaches_for_the_shell():
    offenders = [path.name for path in UI.glob("*.py") if path.name != "shell.py" and "app.ui.shell" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_the_language_is_asked_one_way():
    # tr.language in a screen; the shell alone reads the stored setting it comes from.
    offenders = [path.name for path in UI.glob("*.py") if path.name != "shell.py" and "settings.language" in path.read_text(encoding="utf-8")]
    assert offenders == []
