"""A test app whose button raises, served by the app's own server: what does the browser get?"""

import argparse

import flet as ft

from app import paths
from app.web import server


def main(page: ft.Page) -> None:
    def fail(e) -> None:
        raise RuntimeError("secret detail from /srv/care/app.py")

    page.add(ft.Button("Break", on_click=fail))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int)
    server.serve(main, "127.0.0.1", parser.parse_args().port, assets_dir=paths.ASSETS_DIR)
