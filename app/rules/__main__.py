"""Run a file of reviewed reporting scenarios against the engine.

    python -m app.rules check FILE.yaml [FILE.yaml ...]

Prints each failure and "N passed, M failed"; exit 1 when a scenario fails, 2 when a file is malformed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.datafiles.problems import DataError
from app.rules.scenarios import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.rules", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="run scenario files")
    check.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)

    passed = failed = 0
    for path in args.files:
        try:
            outcomes = run(path)
        except DataError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 2
        for outcome in outcomes:
            if outcome.passed:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {path}:{outcome.line}: {outcome.name}: {outcome.message}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
