"""The app, served by its own server, with flet-web's session manager logging each session it
creates and deletes ("New session created (N total)", "Delete session (N left)"), and the Flet
Session objects still alive after a collection, each time that number changes ("Sessions alive: N")."""

import argparse
import gc
import logging
import sys
import threading
import time

from app import paths
from app.main import main
from app.web import server
from tests.server.sessions_alive import count_sessions


def log_sessions_alive(log: logging.Logger) -> None:
    alive = count_sessions()

    def watch() -> None:
        last = None
        while True:
            time.sleep(0.5)
            gc.collect()
            if len(alive) != last:
                last = len(alive)
                log.info(f"Sessions alive: {last}")

    threading.Thread(target=watch, daemon=True).start()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    manager = logging.getLogger("flet_web.fastapi")
    manager.addHandler(handler)
    manager.setLevel(logging.INFO)
    log_sessions_alive(manager)
    server.serve(main, "127.0.0.1", parser.parse_args().port, assets_dir=paths.ASSETS_DIR)
