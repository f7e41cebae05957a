"""The layering the folder layout promises: the domain never imports Flet; the UI never parses YAML."""

from __future__ import annotations

import ast
import subprocess
import sys

from app import paths
from tests.python_source import parse

DOMAIN = [
    "app.content.loader", "app.content.validate", "app.rules", "app.rules.scenarios", "app.search", "app.study", "app.directory",
    "app.i18n", "app.settings", "app.visit", "app.datafiles.yamlfile", "app.directory.card",
    "app.formats",
]  # fmt: skip


def test_domain_modules_do_not_import_flet():
    code = f"import sys; import {', '.join(DOMAIN)}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'flet'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_ui_never_parses_yaml():
    for path in (paths.ROOT / "app" / "ui").glob("*.py"):
        tree = parse(path.read_text(encoding="utf-8"))
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


def test_serving_shipped_files_never_loads_babel_or_yaml():
    """Every screen's module, every language's content, the packs and the directory, and the
    clock, a review date and a percentage in each language: Babel's locale data (4.9 MB resident
    for English alone) and PyYAML (0.9 MB) stay out of a server that serves only shipped files
    (app.formats; the snapshot, `make cache`). A card listing a facility's languages loads Babel."""
    code = (
        "import datetime as dt, sys\n"
        "from app import formats, i18n\n"
        "from app.directory import load_directory\n"
        "from app.ui import warmup\n"
        "for code in i18n.LANGUAGES:\n"
        "    warmup.warm_the_rest(code)\n"
        "    formats.date_text(dt.date.today(), 'full', code), formats.time_text(dt.datetime.now(), code)\n"
        "    formats.percent_text(87.9, code)\n"
        "load_directory()\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'babel', 'yaml'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=paths.ROOT, check=True)
    assert out.stdout.strip() == "[]", "loaded (yaml: has `make cache` run?)"


def test_every_section_has_a_screen_that_builds():
    """Each section's screen, built for real on a fake client: it shows words, and no error."""
    import asyncio

    from app.ui.sections import SECTIONS
    from tests.fake_client import texts
    from tests.ui.harness import running_shell

    async def build_all() -> dict[str, list[str]]:
        shown = {}
        async with running_shell("/", jurisdiction="us") as (shell, client):
            for section in SECTIONS:
                shell.navigate(section.route)
                await client.settle()
                assert shell._current() is section, section.route
                shown[section.route] = texts(shell.view)
        return shown

    for route, words in asyncio.run(build_all()).items():
        assert len(words) > 3, route
        assert not any("Something went wrong" in word for word in words), route


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


def test_every_test_types_through_the_drivers_one_helper():
    """Issue 28: text reaches a field only through App.keys (tests/browser/driver.py), which types
    a key at a time as a person does; no test fills a field or types another way."""
    other_ways = ("keyboard.type(", "insert_text(", "press_sequentially(", ".fill(")
    the_helper = ("driver.py", "self.page.keyboard.type(text, delay=delay)")
    offenders = []
    for path in [*(paths.ROOT / "tests").rglob("*.py"), *(paths.ROOT / "bench").rglob("*.py")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0].strip()
            wizard = ".fill(" in code and ("wizard" in code.lower() or code.startswith("def fill("))  # the form's answers
            if any(way in code for way in other_ways) and not wizard and (path.name, code) != the_helper \
                    and path.name != "test_architecture.py":
                offenders.append(f"{path.relative_to(paths.ROOT)}:{number}: {code}")
    assert offenders == []
