"""assets/index.html is flet-web's own page plus a neutral title and a CSP; fail when they drift."""

from app import paths
from app.web_index import CSP, flet_index, patched


def test_served_page_is_flets_page_with_our_changes():
    assert (paths.ASSETS_DIR / "index.html").read_text(encoding="utf-8") == patched(
        flet_index().read_text(encoding="utf-8")
    ), "run `python -m app.web_index`"


def test_csp_allows_only_the_page_own_origin():
    directives = dict(part.strip().split(" ", 1) for part in CSP.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert "http" not in CSP  # no outside host is ever allowed
