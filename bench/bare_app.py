"""The baseline: Flet's hello world, served exactly as the app is (web, offline, same flags).

With --app-server: the same hello world served by the app's own server (app.web.server: its client
patches, among them the single-threaded renderer, and its security layers), which shows how much
of the app's start-up is the server and renderer it needs rather than the app itself."""

from __future__ import annotations

import argparse
import tempfile

import flet as ft


def main(page: ft.Page) -> None:
    page.add(ft.Text("Hello, world"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--app-server", action="store_true")
    args = parser.parse_args()
    if args.app_server:
        from app.web import server

        with tempfile.TemporaryDirectory() as no_assets:  # Flet's own index.html, icons and fonts
            server.serve(main, args.host, args.port, assets_dir=no_assets)
    else:
        ft.run(main, view=ft.AppView.WEB_BROWSER, host=args.host, port=args.port, no_cdn=True)
