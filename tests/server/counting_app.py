"""The app, served by its own server, with flet-web's session manager logging each session it
creates and deletes ("New session created (N total)", "Delete session (N left)")."""

import argparse
import logging
import sys

from app import paths
from app.web import server
from app.main import main

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    manager = logging.getLogger("flet_web.fastapi")
    manager.addHandler(handler)
    manager.setLevel(logging.INFO)
    server.serve(main, "127.0.0.1", parser.parse_args().port, assets_dir=paths.ASSETS_DIR)
