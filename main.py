"""Entry point for `flet build` (desktop and mobile bundles), which expects main.py at the app path."""

import flet as ft

from app.main import main

ft.run(main, assets_dir="assets")
