"""Bad content on the real shell (fake client): every kind of fault in tests/content/fixtures is
shown as the section's problems with file and line, never a crashed session or a traceback.
(The browser test test_broken_content.py checks one fault end to end.)"""

from __future__ import annotations

import asyncio

import pytest

from app import paths
from app.content.loader import load_bundle
from app.i18n import Translator
from tests.content.faults import FAULTS, deadline, expected_location, tree_with
from tests.fake_client import texts
from tests.ui.harness import running_shell


@pytest.fixture
def content_at(monkeypatch):
    """Point the app's content at a tree (as CARE_REFERENCE_CONTENT_DIR would), loaded afresh."""

    def point(root):
        monkeypatch.setattr(paths, "CONTENT_DIR", root)
        load_bundle.cache_clear()

    yield point
    load_bundle.cache_clear()


def shown(fault: str, tmp_path, content_at) -> tuple[list[str], list[str]]:
    content_at(tree_with(fault, tmp_path))

    async def run():
        async with running_shell("/indicators", language="es") as (shell, client):
            return texts(shell.view), client.crashes

    with deadline():
        return asyncio.run(run())


@pytest.mark.parametrize("fault", ["huge_integer", "typed_int", "typed_float", "typed_bool", "typed_timestamp",
                                   "dev_zero", "named_pipe", "too_large"])  # fmt: skip
def test_a_bad_file_or_value_shows_its_file_and_line_and_the_session_goes_on(fault, tmp_path, content_at):
    on_screen, crashes = shown(fault, tmp_path, content_at)
    relative, line = expected_location(fault)
    assert crashes == []
    assert Translator("es")._("This section's content could not be loaded.") in on_screen
    assert any(f"{relative}:{line}: " in text and FAULTS[fault] in text for text in on_screen), on_screen
    assert not any("Traceback" in text for text in on_screen)


def test_content_outside_the_project_is_named_relative_to_the_content_root(tmp_path, content_at):
    """The server's own paths are nobody's business: /srv/…/content/es/indicators.yaml is shown
    as es/indicators.yaml, in the problem and in any path its message names."""
    on_screen, crashes = shown("duplicate_id", tmp_path, content_at)
    problems = [text for text in on_screen if "duplicate id" in text]
    assert problems and crashes == []
    assert all(text.startswith("es/indicators.yaml:") and "already used at es/indicators.yaml:" in text for text in problems), problems
    assert not any(str(tmp_path) in text for text in on_screen), on_screen


def test_a_broken_language_is_validated_once_not_on_every_visit(tmp_path, content_at, monkeypatch):
    """Issue 33: a failed load was not cached, so every visit to a section of a broken language
    validated it again and stalled every user (3 s each with three untranslated files)."""
    from app.content import loader

    content_at(tree_with(sorted(FAULTS)[0], tmp_path))
    calls = []
    real = loader.validate_tree
    monkeypatch.setattr(loader, "validate_tree", lambda *args, **kwargs: calls.append(kwargs.get("languages")) or real(*args, **kwargs))

    async def visit_three_times():
        async with running_shell("/indicators", language="es") as (shell, client):
            for route in ("/care", "/indicators", "/guidance"):
                shell.navigate(route)
                await client.settle()
            return client.crashes

    with deadline():
        assert asyncio.run(visit_three_times()) == []
    assert calls.count(("es",)) == 1
