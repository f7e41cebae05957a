"""python -m app.facility --workers N: the app in N processes behind nginx. Ctrl+C stops them all."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app import paths
from app.facility.nginx import STICKY
from app.facility.supervisor import CannotServe, Run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.facility", description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, required=True, help="how many processes of the app (about one per core)")
    parser.add_argument("--host", default="127.0.0.1", help="address nginx listens on (default: loopback only)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8550)), help="port nginx listens on")
    parser.add_argument("--run-dir", type=Path, default=paths.ROOT / "build" / "facility",
                        help="where nginx's configuration, its error log and the processes' logs go")  # fmt: skip
    parser.add_argument("--sticky", choices=STICKY, default="cookie",
                        help="keep each browser on one process by a cookie nginx sets (default), or by its address alone")  # fmt: skip
    parser.add_argument("--tls-certificate", type=Path, help="the facility's certificate (PEM, with its chain): nginx then speaks HTTPS")
    parser.add_argument("--tls-key", type=Path, help="the certificate's private key (PEM)")
    parser.add_argument("--app-user", help="run the app's processes as this user (when started as root, say for port 443)")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if (args.tls_certificate is None) != (args.tls_key is None):
        parser.error("--tls-certificate and --tls-key go together")
    host = f"[{args.host}]" if ":" in args.host else args.host
    try:
        run = Run.plan(args.workers, f"{host}:{args.port}", args.run_dir, args.app_user, sticky=args.sticky,
                       tls_certificate=args.tls_certificate, tls_key=args.tls_key)  # fmt: skip
    except CannotServe as error:
        print(f"Care Reference cannot serve: {error}", file=sys.stderr)
        return 2
    return run.serve()


if __name__ == "__main__":
    sys.exit(main())
