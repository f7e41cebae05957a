"""Flet's, flet-web's and uvicorn's private parts are named in app/web/internals.py only, and the
app refuses to start on versions those hooks were not read from."""

from __future__ import annotations

import ast
import re

import pytest

from app import paths
from app.web import internals
from tests.python_source import parse

INTERNALS = paths.ROOT / "app" / "web" / "internals.py"
# In code (comments and docstrings left out): what reaches into another package's private parts.
PRIVATE = {
    "a name-mangled attribute of a Flet class": r"_(Flet|Page|Session|Connection)\w*__\w",
    "a private attribute read or set by name": r"\b(get|set|has|del)attr\((?!self\b|cls\b)[^,()]+,\s*[\"']_[A-Za-z]",
    "a private module or attribute of flet, flet_web or uvicorn": r"\b(flet|flet_web|uvicorn)(\.\w+)*\._[A-Za-z]",
    "a file inside flet's or flet_web's package": r"\bflet\w*\.__file__|files\([\"']flet",
    "uvicorn's protocol internals": r"\buvicorn\.protocols\b",
    "a string of the compiled client": r"Working\.\.\.|cdn\.jsdelivr\.net|flutterConfig|forceSingleThreadedSkwasm",
}


def code_of(source: str) -> str:
    """The module's code without comments and docstrings."""
    tree = parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):  # fmt: skip
            body[0] = ast.Pass()
    return ast.unparse(tree)


def private_parts(source: str) -> list[str]:
    """Each private part the source reaches: the patterns above, and any `x._name` whose x is not
    the object's own self or class."""
    code = code_of(source)
    found = [what for what, pattern in PRIVATE.items() if re.search(pattern, code)]
    for node in ast.walk(parse(code)):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and node.attr != "_" \
                and not (node.attr.startswith("__") and node.attr.endswith("__")) \
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):  # fmt: skip
            found.append(f"{ast.unparse(node)}")
    return found


def test_no_module_but_internals_names_a_private_part():
    offenders = {}
    for path in (paths.ROOT / "app").rglob("*.py"):
        if path != INTERNALS and (parts := private_parts(path.read_text(encoding="utf-8"))):
            offenders[str(path.relative_to(paths.ROOT))] = parts
    assert offenders == {}, "move these into app/web/internals.py, or use a public API"


@pytest.mark.parametrize("code", [
    'getattr(conn, "_FletApp__send_queue", None)',
    "conn._FletApp__send_queue",
    "page._Page__session",
    "import flet_web\nroot = flet_web.__file__",
    "from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol",
    "from flet.messaging._session import X",
    'PATTERN = b"Working..."',
    "session.connection._send_queue",
])  # fmt: skip
def test_the_scan_finds_a_private_part(code):
    assert private_parts(code)


def test_the_scan_leaves_public_use_and_own_attributes_alone():
    code = '"""Flet shows "Working..." here (flet_web/fastapi/flet_app.py:133)."""\n# _FletApp__send_queue\n'
    code += 'import flet_web.fastapi\nself._route = "/"\nsetattr(self, "_closed", True)\nTranslator("en")._("Clock")\n'
    assert private_parts(code) == []


def test_internals_names_every_hook_it_is_kept_for():
    assert private_parts(INTERNALS.read_text(encoding="utf-8"))  # else the scan above proves nothing


def test_the_installed_versions_pass():
    internals.check_versions()


def test_a_changed_version_is_refused_naming_the_package_the_versions_and_the_hooks():
    installed = {package: expected for package, (expected, _hooks) in internals.EXPECTED_VERSIONS.items()}
    installed["flet-web"] = "1.0.6"
    with pytest.raises(internals.VersionChanged) as refused:
        internals.check_versions(installed.get)
    message = str(refused.value)
    assert "flet-web: expected 1.0.5, installed 1.0.6" in message
    assert "_FletApp__send_queue" in message and "byte patterns" in message  # which hooks to check
    assert "uvicorn:" not in message and "- flet:" not in message  # only what changed
    with pytest.raises(internals.VersionChanged, match="uvicorn: expected 0.55.0, installed none"):
        internals.check_versions({**installed, "flet-web": "1.0.5", "uvicorn": None}.get)


def test_the_server_will_not_start_on_a_changed_version(monkeypatch, tmp_path):
    from app.web import server

    monkeypatch.setattr(internals, "installed_version", lambda package: "9.9.9")
    with pytest.raises(SystemExit, match="flet: expected 1.0.5, installed 9.9.9"):
        server.serve(lambda page: None, "127.0.0.1", 1, assets_dir=tmp_path)
