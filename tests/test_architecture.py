"""The layering the folder layout promises: the domain never imports Flet; the UI never parses YAML."""

from __future__ import annotations

import ast
import subprocess
import sys

from app import paths

DOMAIN = [
    "app.content.loader", "app.content.validate", "app.rules", "app.rules.scenarios", "app.search", "app.study", "app.directory",
    "app.i18n", "app.settings", "app.visit", "app.datafiles.yamlfile", "app.directory.card",
]  # fmt: skip


def test_domain_modules_do_not_import_flet():
    code = f"import sys; import {', '.join(DOMAIN)}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'flet'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_ui_never_parses_yaml():
    for path in (paths.ROOT / "app" / "ui").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not any(name.split(".")[0] == "yaml" for name in imported), path


# Loaded only once the first screen has been shown (app.ui.warmup): pulling any of them back onto
# the way to the first screen costs start-up what bench/startup.py measures.
NOT_BEFORE_FIRST_SCREEN = [
    "pydantic", "yaml", "babel", "app.content.models", "app.rules", "app.search", "app.study", "app.directory",
]  # fmt: skip


def test_the_first_screen_loads_no_content_models_rules_search_or_babel():
    code = (
        "import sys, app.main\n"
        "from app.ui import warmup\n"
        "warmup.warm_first_screen()\n"
        "from app.i18n import Translator\n"
        "from app.settings import Settings\n"
        "Translator(Settings.from_stored({'language': 'ar', 'jurisdiction': 'us'}).language)._('Home')\n"
        f"heavy = {NOT_BEFORE_FIRST_SCREEN!r}\n"
        "print(sorted(h for h in heavy if any(m == h or m.startswith(h + '.') for m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.ROOT, check=True)
    assert out.stdout.strip() == "[]", "loaded before the first screen (yaml: has `make cache` run?)"


def test_every_section_has_a_screen_that_builds():
    from app.ui.shell import SECTIONS, screen_module

    for section in SECTIONS:
        assert callable(screen_module(section.screen).build), section.route


def test_every_command_the_docs_and_content_name_can_be_run():
    """A comment that sends an editor to `python -m app.content check` (which has no __main__)
    sends them nowhere: every `python -m app…` in the docs, the content and the code must run."""
    import importlib.util
    import re

    files = [paths.ROOT / "README.md", paths.ROOT / "Makefile", *(paths.ROOT / "docs").rglob("*.md"),
             *paths.CONTENT_DIR.rglob("*.yaml"), *(paths.ROOT / "app").rglob("*.py")]  # fmt: skip
    wrong = []
    for path in files:
        for module in set(re.findall(r"python -m (app(?:\.\w+)*)", path.read_text(encoding="utf-8"))):
            spec = importlib.util.find_spec(module)
            if spec is None or (spec.submodule_search_locations and importlib.util.find_spec(f"{module}.__main__") is None):
                wrong.append(f"{path.relative_to(paths.ROOT)}: python -m {module}")
    assert wrong == []
