"""The layering the folder layout promises: the domain never imports Flet; the UI never parses YAML."""

from __future__ import annotations

import ast
import subprocess
import sys

from app import paths

DOMAIN = [
    "app.content", "app.content.validate", "app.rules", "app.rules.scenarios", "app.search", "app.study", "app.directory",
    "app.i18n", "app.settings",
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
