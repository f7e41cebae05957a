"""Composition root: wires the page, the stored settings and the shell. Nothing else."""

from __future__ import annotations

import argparse
import os
import sys

import flet as ft

from app import paths
from app.ui import warmup


async def main(page: ft.Page) -> None:
    # Imported here, not before serving: the server answers the browser sooner, and the warm-up
    # thread imports them while the browser loads the client.
    from app.ui.settings_store import SettingsStore
    from app.ui.shell import Shell

    if not page.web:
        prepare_window(page)
    store = SettingsStore()
    settings = await store.load(page)
    Shell(page, store, settings).start()
    warmup.after_first_screen(settings.language)


def prepare_window(page: ft.Page) -> None:
    """Outside a browser: the bundled fonts (the web client has them from its font manifest, before
    it starts; other clients only from page.fonts) and a window that fits the layouts."""
    from app.web.policy import app_fonts

    page.fonts = {family: f"fonts/{file}" for family, file in app_fonts().items()}
    page.window.width, page.window.height = 1100, 760
    page.window.min_width, page.window.min_height = 360, 560


def serve(host: str = "127.0.0.1", port: int = 8550) -> None:
    """Serve the web app, fully offline: renderer, fonts and content are bundled (the fonts are
    declared in assets/assets/FontManifest.json, see app.web.generate). Only the app is served: see
    app.web.server for what is refused."""
    from app.web import server

    server.refuse_flet_overrides(host, port)
    shown = f"[{host}]" if ":" in host else host
    print(f"Care Reference is being served at http://{shown}:{port}/ (offline; Ctrl+C stops it)", flush=True)
    warmup.while_client_loads(host, port)
    server.serve(main, host, port, assets_dir=paths.ASSETS_DIR, allowed_hosts=_allowed_hosts())


def desktop() -> None:
    """The app in a window of Flet's own client: downloaded by Flet on first use on a connected
    machine, or the one FLET_VIEW_PATH points at. Closing the window ends the app."""
    ft.run(main, view=ft.AppView.FLET_APP, assets_dir=str(paths.ASSETS_DIR))


def _allowed_hosts() -> list[str]:
    """Names the app may be reached by besides IP addresses and localhost (a hospital's DNS name for
    the machine serving it), from CARE_REFERENCE_HOSTNAMES, comma-separated."""
    return [name.strip() for name in os.environ.get("CARE_REFERENCE_HOSTNAMES", "").split(",") if name.strip()]


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app", description="Serve Care Reference locally, or open it in a window.")
    parser.add_argument("--desktop", action="store_true", help="open a desktop window instead of serving the web app")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8550)))
    args = parser.parse_args(argv)
    from app.datafiles.problems import DataError

    try:
        from app import i18n  # noqa: F401 - reads locales/languages.yaml, which every screen needs
    except DataError as error:
        print("Care Reference cannot start:", *map(str, error.problems), sep="\n", file=sys.stderr)
        sys.exit(2)
    if args.desktop:
        desktop()
    else:
        serve(args.host, args.port)
