"""Tools for editors, translators and CI, over every kind of data file the app reads.

    python -m app.tools check              validate content, packs, the directory and languages; exit 1 on any problem
    python -m app.tools dump --lang es     print one language's validated content as JSON, for reviewers
    python -m app.tools schema             write the JSON Schema of every data file to content/_schema/
    python -m app.tools cache              snapshot the parsed content for fast start-up (make does this)

Here, above the packages, so that each package reads only its own files: content knows nothing
of rules or the directory, and the checks that join them live in this module.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app import i18n, paths
from app.datafiles import snapshot
from app.datafiles.problems import DataError, Problem, display
from app.directory.load import BUILTIN as BUILTIN_DIRECTORY


def schema_texts() -> dict[str, str]:
    from app.content.models import TOPICS
    from app.directory.models import DirectoryFile
    from app.rules.models import Pack

    models = {**TOPICS, "directory": DirectoryFile, "rules": Pack}
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        for name, model in models.items()
    }


def write_schemas(directory: Path = paths.SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def check(root: Path, directory_file: Path | None = None) -> tuple[list[Problem], str]:
    """Every problem in every data file the app would read from `root`, and a one-line summary."""
    from app.content.validate import validate_tree
    from app.directory.load import load_directory
    from app.rules.packs import check_packs
    from app.rules.wording import missing_wording

    problems: list[Problem] = []
    try:
        i18n.load_languages()
    except DataError as error:
        problems += error.problems
    report = validate_tree(root)
    problems += report.problems
    packs, pack_problems = check_packs(root / "rules")
    problems += pack_problems
    # The directory the app will actually use: the built-in file and the facility's own.
    problems += load_directory(root / "directory" / "builtin.yaml", directory_file).problems
    problems += _termbase_problems(root, report.bundles)
    for language, bundle in report.bundles.items():
        path = root / language / "reporting.yaml"
        for item_id in missing_wording(bundle.reporting, packs):
            problems.append(Problem(display(path), 1, f"missing wording for {item_id!r} (used by the reporting rules)"))
    items = sum(len(bundle.items()) for bundle in report.bundles.values())
    summary = f"content OK: {report.files} files, {items} items in {len(report.bundles)} languages, {len(packs)} packs"
    return sorted(set(problems)), summary


def _termbase_problems(root: Path, bundles: dict) -> list[Problem]:
    """The termbase over the content and the UI strings (content/terms.yaml, when the tree has one)."""
    from app.content.terms import Termbase, check_catalogs, check_content

    path = root / "terms.yaml"
    if not path.exists():
        return []
    try:
        termbase = Termbase(path)
    except DataError as error:
        return error.problems
    return check_content(bundles, root, termbase) + check_catalogs(termbase)


def cache_files() -> list[Path]:
    """Every shipped data file the app reads: with all of them snapshotted, a server that serves
    only shipped files never imports PyYAML (0.9 MB resident). A facility's own directory file is
    left out: it changes without `make cache`, and the app, not `make`, reports its problems."""
    files = [path for language in i18n.LANGUAGES for path in sorted((paths.CONTENT_DIR / language).glob("*.yaml"))]
    return [*files, paths.LOCALES_DIR / "languages.yaml", *paths.pack_files(), BUILTIN_DIRECTORY]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.tools", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help="validate every data file and report every problem")
    check_command.add_argument("--directory", type=Path, help="the facility's directory file (default: the one the app uses)")
    dump = commands.add_parser("dump", help="print one language's content as JSON")
    dump.add_argument("--lang", required=True, choices=sorted(i18n.LANGUAGES))
    for command in (check_command, dump):
        command.add_argument("--root", type=Path, default=paths.CONTENT_DIR, help="content tree (default: bundled)")
    commands.add_parser("schema", help="export JSON Schema from the models")
    commands.add_parser("cache", help="snapshot the parsed content files for fast loading")
    args = parser.parse_args(argv)

    if args.command == "cache":
        from app.datafiles.yamlfile import parse

        try:
            count = snapshot.write(cache_files(), parse)
        except DataError as error:  # nothing is snapshotted until every file parses; `check` says more
            print("\n".join(map(str, error.problems)), file=sys.stderr)
            return 1
        print(f"cached {count} files in {snapshot.CACHE_DIR}")
        return 0

    if args.command == "schema":
        for path in write_schemas():
            print(f"wrote {path}")
        return 0

    if args.command == "check":
        problems, summary = check(args.root, args.directory)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1
        print(summary)
        return 0

    from app.content.dump import bundle_as_dict
    from app.content.validate import validate_tree

    report = validate_tree(args.root, languages=(args.lang,))
    if args.lang not in report.bundles:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        return 1
    json.dump(bundle_as_dict(report.bundles[args.lang]), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
