"""Composition root: wires the page, the stored settings and the shell. Nothing else."""

from __future__ import annotations

import argparse
import os

import flet as ft

from app import paths
from app.ui import warmup


async def main(page: ft.Page) -> None:
    # Imported here, not before serving: the server answers the browser sooner, and the warm-up
    # thread imports them while the browser loads the client.
    from app.ui.settings_store import SettingsStore
    from app.ui.shell import Shell

    store = SettingsStore()
    settings = await store.load()
    Shell(page, store, settings).start()
    warmup.after_first_screen(settings.language)


def serve(host: str = "127.0.0.1", port: int = 8550) -> None:
    """Serve the web app locally, fully offline: renderer, fonts and content are bundled (the fonts
    are declared in assets/assets/FontManifest.json, see app.web_files)."""
    print(f"Care Reference is being served at http://{host}:{port}/ (offline; Ctrl+C stops it)", flush=True)
    warmup.while_client_loads(host, port)
    ft.run(
        main,
        view=ft.AppView.WEB_BROWSER,
        host=host,
        port=port,
        assets_dir=str(paths.ASSETS_DIR),
        no_cdn=True,
    )


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app", description="Serve Care Reference locally.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8550)))
    args = parser.parse_args(argv)
    serve(args.host, args.port)
