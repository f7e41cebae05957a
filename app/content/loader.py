"""Reading content YAML: fast on the happy path, precise (file and line) when something is wrong."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from app import paths
from app.content import cache as snapshot
from app.content.errors import ContentError
from app.content.models import Bundle

# libyaml is several times faster than the pure-Python parser; fall back when it is absent.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Raises yaml.YAMLError (with a line mark) on malformed input."""
    return yaml.load(text, Loader=_Loader)


def read_yaml(path: Path) -> Any:
    """Parse one file. Raises yaml.YAMLError (with a line mark) on malformed input."""
    return parse_yaml(path.read_text(encoding="utf-8"))


def read_content(path: Path) -> Any:
    """A content file's data, from the parsed snapshot when the file is unchanged."""
    return snapshot.load(path, parse_yaml)


def line_of(path: Path, loc: tuple) -> int:
    """1-based line of the node at `loc` (keys and indices), or of its nearest existing parent.

    Only called when reporting a problem, so the happy path never pays for composing nodes.
    """
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError:
        return 1
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == key), None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def topic_path(root: Path, language: str, topic: str) -> Path:
    return root / language / f"{topic}.yaml"


@cache
def load_bundle(language: str, root: Path = paths.CONTENT_DIR) -> Bundle:
    """Load one language's content. Shipped content is validated by tests and `check`;
    if it is broken anyway, raise with every problem rather than show an empty screen."""
    from app.content.validate import validate_tree  # validation imports the loader

    report = validate_tree(root, languages=(language,))
    if report.problems:
        raise ContentError(report.problems)
    return report.bundles[language]


def build_bundle(language: str, models: dict[str, Any]) -> Bundle:
    """One language's validated topic models as a bundle."""
    return Bundle(language=language, **models)
