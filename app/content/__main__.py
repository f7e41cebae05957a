"""Content tools for editors, translators and CI.

    python -m app.content check              validate every file, packs included; exit 1 when anything is wrong
    python -m app.content dump --lang es     print one language's validated bundle as JSON
    python -m app.content schema             write the JSON Schema to content/_schema/
    python -m app.content cache              snapshot the parsed content for fast start-up (make does this)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from app import i18n, paths
from app.content import cache
from app.content.loader import parse_yaml
from app.content.dump import bundle_as_dict
from app.content.schema import write_schemas
from app.content.validate import validate_tree


def _rules_problems(root: Path, report) -> list:
    """Packs and the referral directory are content too: validate them, and check every language
    words each pack."""
    from app.content.validate import Problem, display
    from app.rules.packs import check_packs
    from app.rules.wording import missing_wording

    from app.directory.load import read_directory

    packs, problems = check_packs(root / "rules")
    for path in sorted((root / "directory").glob("*.yaml")):
        problems += read_directory(path)[1]
    for language, bundle in report.bundles.items():
        for item_id in missing_wording(bundle.reporting, packs):
            path = root / language / "reporting.yaml"
            problems.append(Problem(display(path), 1, f"missing wording for {item_id!r} (used by the reporting rules)"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.content", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate all content and report every problem")
    dump = commands.add_parser("dump", help="print one language's content as JSON")
    dump.add_argument("--lang", required=True, choices=sorted(i18n.LANGUAGES))
    for command in (check, dump):
        command.add_argument("--root", type=Path, default=paths.CONTENT_DIR, help="content tree (default: bundled)")
    commands.add_parser("schema", help="export JSON Schema from the models")
    commands.add_parser("cache", help="snapshot the parsed content files for fast loading")
    args = parser.parse_args(argv)

    if args.command == "cache":
        files = [path for language in i18n.LANGUAGES for path in sorted((paths.CONTENT_DIR / language).glob("*.yaml"))]
        files.append(paths.LOCALES_DIR / "languages.yaml")  # read by i18n on the way to the first screen
        try:
            count = cache.write(files, parse_yaml)
        except yaml.YAMLError as error:  # nothing to snapshot until the file parses; `check` says where
            print(f"not cached: {error}", file=sys.stderr)
            return 1
        print(f"cached {count} files in {cache.CACHE_DIR}")
        return 0

    if args.command == "schema":
        for path in write_schemas():
            print(f"wrote {path}")
        return 0

    report = validate_tree(args.root)
    if args.command == "check":
        report.problems.extend(_rules_problems(args.root, report))
        for problem in report.problems:
            print(problem)
        if report.problems:
            print(f"{len(report.problems)} problem(s) in {report.files} file(s)", file=sys.stderr)
            return 1
        items = sum(len(bundle.items()) for bundle in report.bundles.values())
        print(f"content OK: {report.files} files, {items} items in {len(report.bundles)} languages")
        return 0

    if args.lang not in report.bundles:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        return 1
    json.dump(bundle_as_dict(report.bundles[args.lang]), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
