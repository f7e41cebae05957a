"""One validation pass over a content tree that reports every problem, each with file and line.

Used by the tests and by `python -m app.tools check`; the app uses it too when it loads content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pydantic

from app import i18n, paths
from app.content.models import TOPICS, Bundle
from app.datafiles.problems import DataError, Problem, display
from app.datafiles.yamlfile import Lines, model_problems, plain, read

REFERENCE = "en"  # every other language must have exactly the ids English has
TRANSLATED_KEYS = (
    "title", "detail", "intro", "instead_of", "why", "explanation", "forms", "app_note", "situation", "feedback", "outcome",
)  # fmt: skip
LANGUAGE_SPECIFIC = ("forms",)  # present in the languages that need them only (see `_check_address_forms`)
SCRIPT_PATTERNS = {"Arab": re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")}


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    bundles: dict[str, Bundle] = field(default_factory=dict)
    files: int = 0
    lines: Lines = field(default_factory=Lines, repr=False, compare=False)  # each file composed once per check

    def line(self, path: Path, loc: tuple) -> int:
        return self.lines(path, loc)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Located:
    """An id and the facts that must agree across languages, with where it stands."""

    topic: str
    path: Path
    loc: tuple
    group: str | None
    facts: tuple


def topic_path(root: Path, language: str, topic: str) -> Path:
    return root / language / f"{topic}.yaml"


def validate_tree(root: Path = paths.CONTENT_DIR, languages: tuple[str, ...] | None = None) -> Report:
    languages = languages or tuple(i18n.LANGUAGES)
    report = Report()
    ids: dict[str, dict[str, Located]] = {}
    parsed: dict[str, set[str]] = {}  # language -> topics whose file could be read
    contents: dict[str, dict[str, Any]] = {}  # language -> topic -> parsed data
    for language in languages:
        data_by_topic: dict[str, Any] = contents.setdefault(language, {})
        models: dict[str, Any] = {}
        ids[language] = {}
        for topic in TOPICS:
            path = topic_path(root, language, topic)
            data, model = _check_file(path, language, topic, report)
            if data is not None:
                data_by_topic[topic] = data
                _collect_ids(path, topic, data, ids[language], report)
            if model is not None:
                models[topic] = model
        parsed[language] = set(data_by_topic)
        if len(data_by_topic) == len(TOPICS):  # a link into an unreadable file is that file's problem, once
            _check_links(root, language, data_by_topic, ids[language], report)
        _unexpected_files(root / language, report)
        if len(models) == len(TOPICS) and not _has_problems_in(root / language, report):
            report.bundles[language] = Bundle(language=language, **models)
    if REFERENCE in ids:
        for language in languages:
            if language != REFERENCE:
                # A file that is missing or unreadable in either language is reported once, as
                # itself, not again as every one of its items missing or unknown in the other.
                both = parsed[REFERENCE] & parsed[language]
                reference = {k: v for k, v in ids[REFERENCE].items() if v.topic in both}
                theirs = {k: v for k, v in ids[language].items() if v.topic in both}
                _check_parity(reference, theirs, root, language, report)
                if "cases" in both:
                    _check_cases_parity(root, language, contents[REFERENCE]["cases"], contents[language]["cases"], report)
    report.problems.sort()
    report.lines = Lines()  # the composed files are needed no longer
    return report


def _check_file(path: Path, language: str, topic: str, report: Report) -> tuple[dict | None, Any]:
    """Parse and validate one file: its data when it is usable for cross-file checks, and its
    model when it is valid."""
    where = display(path)
    if not path.exists():
        report.problems.append(Problem(where, 1, f"missing file: every language needs {topic}.yaml"))
        return None, None
    report.files += 1
    try:
        data = read(path)
    except DataError as error:
        report.problems += error.problems
        return None, None
    if not isinstance(data, dict):
        report.problems.append(Problem(where, 1, "expected a mapping with language, schema_version and topic"))
        return None, None
    declared = data.get("language")
    if declared != language:
        line = report.line(path, ("language",))
        report.problems.append(
            Problem(where, line, f"wrong language tag: file is under '{language}/' but declares {declared!r}")
        )
    model = None
    try:
        model = TOPICS[topic].model_validate(data)
    except pydantic.ValidationError as error:
        report.problems += [
            problem
            for problem in model_problems(path, error, describe=_describe, lines=report.lines)
            if not problem.message.startswith("language:")  # already reported above, more clearly
        ]
    _check_script(path, language, data, report)
    _check_address_forms(path, language, topic, data, report)
    return data, model


def _describe(issue: dict) -> str:
    loc = ".".join(str(part) for part in issue["loc"])
    kind = issue["type"]
    if kind == "missing" and issue["loc"][-1] == "source":
        return f"missing source at {loc}: every item records its seed file and section"
    if kind == "string_too_short":
        return f"empty text at {loc}"
    if kind == "extra_forbidden":
        return f"unknown key {issue['loc'][-1]!r} at {loc}"
    return plain(issue)


def _texts(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every translated string in a file, with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TRANSLATED_KEYS and isinstance(value, str):
                yield (*loc, key), value
            elif key == "forms" and isinstance(value, dict):
                yield from (((*loc, key, form), text) for form, text in value.items() if isinstance(text, str))
            else:
                yield from _texts(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*loc, index))


def _check_script(path: Path, language: str, data: dict, report: Report) -> None:
    pattern = SCRIPT_PATTERNS.get(i18n.LANGUAGES[language].script)
    if pattern is None:
        return
    for loc, text in _texts(data):
        if text.strip() and not pattern.search(text):
            where = display(path)
            shown = ".".join(map(str, loc))
            report.problems.append(
                Problem(where, report.line(path, loc), f"untranslated: {shown} has no {language} script: {text[:60]!r}")
            )


def _check_address_forms(path: Path, language: str, topic: str, data: dict, report: Report) -> None:
    """Every line said to a patient has the forms its language needs to address a woman or a man
    (and none where the language does not mark gender)."""
    needed = set(i18n.LANGUAGES[language].address_forms)
    for loc, _group, item in _items_with_location(topic, data):
        if loc[0] not in TOPICS[topic].SPOKEN or len(loc) == 2 and loc[0] in TOPICS[topic].GROUP_LISTS:
            continue  # not said to the patient, or a group heading
        if not isinstance(item, dict):
            continue
        forms = item.get("forms")
        given = set(forms) if isinstance(forms, dict) else set()
        where = (*loc, "forms") if forms is not None else (*loc, "title")
        if needed - given:
            missing = ", ".join(sorted(needed - given))
            report.problems.append(Problem(display(path), report.line(path, where),
                                           f"{item.get('id')!r} is said to the patient: it needs its {missing} form in {language}"))
        elif given and not needed:
            report.problems.append(Problem(display(path), report.line(path, where),
                                           f"{item.get('id')!r}: {language} does not mark gender; give no forms"))


def _items_with_location(topic: str, data: dict) -> Iterator[tuple[tuple, str | None, dict]]:
    """Every item and group of a file with its location and the list or group it stands in."""
    model = TOPICS[topic]
    for name in model.ITEM_LISTS:
        for index, item in enumerate(_list(data, name)):
            yield (name, index), name, item
    for name in model.GROUP_LISTS:
        for g, group in enumerate(_list(data, name)):
            if not isinstance(group, dict):
                continue
            yield (name, g), name, group
            for index, item in enumerate(_list(group, "items")):
                yield (name, g, "items", index), group.get("id"), item


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    return value if isinstance(value, list) else []


def _facts(entry: dict) -> tuple:
    """What must agree across languages: every untranslated field (child flag, sources, answers,
    figures...) and which translated fields are present, so a missing `detail` is caught too."""
    facts = {k: repr(v) for k, v in entry.items() if k not in (*TRANSLATED_KEYS, "id", "items")}
    facts |= {k: "present" for k in entry if k in TRANSLATED_KEYS and k not in LANGUAGE_SPECIFIC}
    return tuple(sorted(facts.items()))


def _differing(ours: tuple, theirs: tuple) -> list[str]:
    mine, other = dict(ours), dict(theirs)
    return sorted(k for k in mine.keys() | other.keys() if mine.get(k) != other.get(k))


def _collect_ids(path: Path, topic: str, data: dict, seen: dict[str, Located], report: Report) -> None:
    for loc, group, item in _items_with_location(topic, data):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        item_id = item["id"]
        here = Located(topic, path, loc, group, _facts(item))
        if item_id in seen:
            first = seen[item_id]
            report.problems.append(
                Problem(
                    display(path),
                    report.line(path, (*loc, "id")),
                    f"duplicate id {item_id!r}: already used at {display(first.path)}:{report.line(first.path, first.loc)}",
                )
            )
            continue
        seen[item_id] = here
    _check_references(path, topic, data, report)


def _check_references(path: Path, topic: str, data: dict, report: Report) -> None:
    """`maps_to` names another item of the same file."""
    entries = list(_items_with_location(topic, data))
    known = {item.get("id") for _loc, _group, item in entries if isinstance(item, dict)}
    for loc, _group, item in entries:
        target = item.get("maps_to") if isinstance(item, dict) else None
        if target is not None and target not in known:
            line = report.line(path, (*loc, "maps_to"))
            report.problems.append(Problem(display(path), line, f"maps_to {target!r}: no item with that id in this file"))


def _check_parity(reference: dict[str, Located], other: dict[str, Located], root: Path, language: str, report: Report) -> None:
    for item_id, ref in reference.items():
        theirs = other.get(item_id)
        if theirs is None:
            path = topic_path(root, language, ref.topic)
            report.problems.append(
                Problem(
                    display(path),
                    report.line(path, ref.loc[:-1]),  # the list it should be in
                    f"missing translation: {item_id!r} (in {display(ref.path)}:{report.line(ref.path, ref.loc)}) is absent",
                )
            )
        elif theirs.group != ref.group or theirs.facts != ref.facts:
            differs = (["group"] if theirs.group != ref.group else []) + _differing(ref.facts, theirs.facts)
            where = theirs.loc if differs[0] == "group" else (*theirs.loc, differs[0])  # its line, if present
            report.problems.append(
                Problem(
                    display(theirs.path),
                    report.line(theirs.path, where),
                    f"{item_id!r} differs from {REFERENCE} in {', '.join(differs)}: "
                    "only the texts are translated; everything else must match",
                )
            )
    for item_id, theirs in other.items():
        if item_id not in reference:
            report.problems.append(
                Problem(
                    display(theirs.path),
                    report.line(theirs.path, (*theirs.loc, "id")),
                    f"unknown id {item_id!r}: not in the {REFERENCE} content",
                )
            )


def _check_links(root: Path, language: str, data: dict[str, Any], known: dict[str, Located], report: Report) -> None:
    """A glossary term's `see_also` and a case choice's `see` name items that exist."""
    glossary = data.get("glossary")
    if isinstance(glossary, dict):
        path = topic_path(root, language, "glossary")
        for loc, _group, item in _items_with_location("glossary", glossary):
            for index, target in enumerate(item.get("see_also") or [] if isinstance(item, dict) else []):
                if target not in known:
                    report.problems.append(Problem(display(path), report.line(path, (*loc, "see_also", index)),
                                                   f"see_also {target!r}: no item with that id"))  # fmt: skip
    cases = data.get("cases")
    if isinstance(cases, dict):
        path = topic_path(root, language, "cases")
        for c, case in enumerate(_list(cases, "cases")):
            for s, step in enumerate(_list(case, "steps") if isinstance(case, dict) else []):
                for h, choice in enumerate(_list(step, "choices") if isinstance(step, dict) else []):
                    target = choice.get("see") if isinstance(choice, dict) else None
                    if target is not None and target not in known:
                        where = ("cases", c, "steps", s, "choices", h, "see")
                        report.problems.append(Problem(display(path), report.line(path, where), f"see {target!r}: no item with that id"))


def _skeleton(value: Any) -> Any:
    """A case without its texts: what must be the same in every language."""
    if isinstance(value, dict):
        return {k: _skeleton(v) for k, v in value.items() if k not in TRANSLATED_KEYS}
    if isinstance(value, list):
        return [_skeleton(v) for v in value]
    return value


def _check_cases_parity(root: Path, language: str, reference: Any, theirs: Any, report: Report) -> None:
    ours = {case.get("id"): case for case in _list(theirs, "cases") if isinstance(case, dict)}
    path = topic_path(root, language, "cases")
    for index, case in enumerate(_list(reference, "cases")):
        if not isinstance(case, dict):
            continue
        other = ours.get(case.get("id"))
        if other is None:
            report.problems.append(Problem(display(path), report.line(path, ("cases",)), f"missing translation: case {case.get('id')!r}"))
        elif _skeleton(other) != _skeleton(case):
            position = list(ours).index(case.get("id"))
            report.problems.append(Problem(display(path), report.line(path, ("cases", position)),
                                           f"case {case.get('id')!r} differs from {REFERENCE} in its steps, choices, "
                                           "links or sources: only the texts are translated"))  # fmt: skip


def _unexpected_files(directory: Path, report: Report) -> None:
    if not directory.is_dir():
        return
    for path in sorted(directory.glob("*.yaml")):
        if path.stem not in TOPICS:
            report.problems.append(Problem(display(path), 1, f"unknown content file: expected one of {sorted(TOPICS)}"))


def _has_problems_in(directory: Path, report: Report) -> bool:
    prefix = display(directory) + "/"
    return any(p.file.startswith(prefix) for p in report.problems)
