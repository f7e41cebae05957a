"""The baseline: Flet's hello world, served exactly as the app is (web, offline, same flags)."""

from __future__ import annotations

import argparse

import flet as ft


def main(page: ft.Page) -> None:
    page.add(ft.Text("Hello, world"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    ft.run(main, view=ft.AppView.WEB_BROWSER, host=args.host, port=args.port, no_cdn=True)
