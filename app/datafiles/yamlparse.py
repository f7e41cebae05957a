"""The YAML parser of data files: safe, strict and bounded, with every problem at its line.

- Duplicate keys are errors (PyYAML lets the last one win silently: `jurisdiction: us` then
  `jurisdiction: ca` would run as ca).
- Aliases may not expand a file past `MAX_NODES` nodes (an "alias bomb" of a few lines can
  stand for 10^8 values, and whatever walks it afterwards runs out of memory).
- Impossible values (`2026-02-30`), values their tag does not fit (`!!int abc`, `!!bool maybe`),
  integers of more than `MAX_INT_DIGITS` digits, control characters and nesting too deep for the
  parser are reported with their line, like any syntax error. (PyYAML raises a bare ValueError,
  KeyError or AttributeError for a bad typed value, with no line; and Python refuses to turn an
  integer of more than 4,300 digits into text, so one in a file stopped every check.)

Imported only when a file is parsed or a problem's line is looked up: a file unchanged since
`make cache` is read from its JSON snapshot, so a server that serves only shipped files never
loads PyYAML (app.datafiles.yamlfile).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from app.datafiles.problems import DataError, Problem, display, problem
from app.datafiles.raw import read_text

MAX_NODES = 250_000  # after alias expansion; the largest shipped file has about 4,000
MAX_INT_DIGITS = 15  # no number in a data file comes near; JSON readers keep 15 digits exactly
# What a tag's value must be, for the message when it is not.
KINDS = {"int": "a whole number", "float": "a number", "bool": "true or false", "timestamp": "a date (YYYY-MM-DD)"}

# libyaml parses several times faster than the pure-Python parser; fall back when it is absent.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_Base):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        seen: dict[tuple[str, str], int] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value != "<<":
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise ConstructorError(
                        None, None, f"duplicate key {key_node.value!r} (first given on line {seen[key]})", key_node.start_mark
                    )
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: ScalarNode):
        if not isinstance(node, ScalarNode) or not self.timestamp_regexp.match(node.value):
            return self._typed("timestamp", node)
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:  # e.g. 2026-02-30: PyYAML raises a bare ValueError with no line
            raise ConstructorError(None, None, f"impossible date {node.value!r}: {error}", node.start_mark) from None

    def construct_yaml_int(self, node: ScalarNode):
        text = node.value if isinstance(node, ScalarNode) else ""
        digits = text.lstrip("+-").replace("_", "").replace(":", "").removeprefix("0x").removeprefix("0b")
        if len(digits) > MAX_INT_DIGITS:  # checked before Python converts it (4,300 digits is its limit)
            shown = f"{text[:20]}… ({len(text):,} characters)" if len(text) > 40 else text
            raise ConstructorError(None, None, f"number too large: {shown} (at most {MAX_INT_DIGITS} digits)", node.start_mark)
        value = self._typed("int", node)
        if abs(value) >= 10**MAX_INT_DIGITS:  # 1:2:3:4:5:6:7:8:9 (base 60) is short but large
            raise ConstructorError(None, None, f"number too large: {node.value} (at most {MAX_INT_DIGITS} digits)", node.start_mark)
        return value

    def construct_yaml_float(self, node: ScalarNode):
        return self._typed("float", node)

    def construct_yaml_bool(self, node: ScalarNode):
        return self._typed("bool", node)

    def _typed(self, tag: str, node: Node):
        """A value of a YAML type, or a ConstructorError at its line if it is not one."""
        try:
            return getattr(SafeConstructor, f"construct_yaml_{tag}")(self, node)
        except (ValueError, LookupError, TypeError, AttributeError, ArithmeticError):
            value = node.value if isinstance(node, ScalarNode) else "this"
            shown = repr(value) if len(str(value)) <= 40 else f"{str(value)[:20]!r}… ({len(str(value)):,} characters)"
            raise ConstructorError(None, None, f"{shown} is not {KINDS[tag]} (tagged !!{tag})", node.start_mark) from None


StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)
for _tag in KINDS:
    StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", getattr(StrictLoader, f"construct_yaml_{_tag}"))


def _too_large(node: Node) -> Node | None:
    """The smallest part of the document that alias expansion makes larger than MAX_NODES nodes
    (each shared node counted once per use, each computed once), or None."""
    sizes: dict[int, int] = {}
    culprit: list[Node] = []

    def size(node: Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # a node that contains itself counts once
        if isinstance(node, SequenceNode):
            total = 1 + sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        else:
            total = 1
        if total > MAX_NODES and not culprit:
            culprit.append(node)
        sizes[id(node)] = total
        return total

    size(node)
    return culprit[0] if culprit else None


def yaml_problem(path: Path, error: yaml.YAMLError, text: str = "") -> Problem:
    """A parse error at the line PyYAML marks (or, for a bad character, at its position)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        line = mark.line + 1
    elif getattr(error, "position", None) is not None:
        line = text[: error.position].count("\n") + 1
    else:
        line = 1
    if isinstance(error, yaml.reader.ReaderError):
        reason = f"character U+{error.character:04X} is not allowed (a control character)"
    else:
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    kind = "malformed YAML" if not isinstance(error, ConstructorError) else "invalid value"
    return Problem(display(path), line, f"{kind}: {reason}")


def parse(text: str, path: Path) -> Any:
    """One document's data. Raises DataError (with file and line) for anything wrong."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        culprit = _too_large(node)
        if culprit is not None:
            raise problem(path, culprit.start_mark.line + 1, f"aliases expand this to more than {MAX_NODES:,} values")
        return loader.construct_document(node)
    except yaml.YAMLError as error:
        raise DataError([yaml_problem(path, error, text)]) from None
    except RecursionError:
        raise problem(path, 1, "nested too deeply to be a data file") from None
    finally:
        loader.dispose()


def compose(path: Path) -> Node | None:
    """The file's node tree (lines, not values), or None if it cannot be read or parsed."""
    try:
        return yaml.compose(read_text(path), Loader=_Base)
    except (DataError, yaml.YAMLError, RecursionError):
        return None
