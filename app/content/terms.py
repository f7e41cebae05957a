"""The termbase (content/terms.yaml) applied to the content and the UI strings: renderings that are
wrong for a concept appear nowhere, and a concept the English names is rendered as agreed in every
language. Used by `python -m app.tools check` and by the tests."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Iterator

from pydantic import Field

from app import paths
from app.content.models import Bundle, Strict
from app.content.validate import TRANSLATED_KEYS
from app.datafiles.problems import Problem, display
from app.datafiles.raw import read_text
from app.datafiles.text import Body, Title
from app.datafiles.yamlfile import read_model
from app.normalize import fold, normalize

TERMS = paths.CONTENT_DIR / "terms.yaml"


class Avoid(Strict):
    text: Title = Field(description="A pattern that must appear nowhere in the language.")
    why: Title


class Rendering(Strict):
    use: list[Title] = Field(min_length=1, description="Patterns: one must appear wherever the English names the concept.")
    avoid: list[Avoid] = Field(default_factory=list)


class Term(Strict):
    id: Title
    note: Body | None = None
    en: list[Title] = Field(min_length=1, description="Patterns that find the concept in English.")
    es: Rendering
    ar: Rendering

    def rendering(self, language: str) -> Rendering:
        return getattr(self, language)


class TermsFile(Strict):
    schema_version: int
    terms: list[Term]


def _pattern(text: str, language: str) -> re.Pattern:
    return re.compile(fold(text, language), re.IGNORECASE)  # folded as the text is, but not lower-cased: \S is not \s


class Termbase:
    def __init__(self, path: Path = TERMS) -> None:
        self.path = path
        self.file = read_model(TermsFile, path)

    @cached_property
    def _compiled(self) -> list[tuple[Term, list[re.Pattern], dict]]:
        compiled = []
        for term in self.file.terms:
            languages = {}
            for language in ("es", "ar"):
                rendering = term.rendering(language)
                languages[language] = (
                    [_pattern(use, language) for use in rendering.use],
                    [(_pattern(avoid.text, language), avoid.why) for avoid in rendering.avoid],
                )
            languages["en"] = [_pattern(pattern, "en") for pattern in term.en]
            compiled.append((term, languages["en"], languages))
        return compiled

    def wrong_renderings(self, text: str, language: str) -> Iterator[tuple[str, str]]:
        """(term id, why) for every avoided rendering in a text of this language."""
        folded = normalize(text, language)
        for term, _en, languages in self._compiled:
            for pattern, why in languages[language][1]:
                if pattern.search(folded):
                    yield term.id, why

    def inconsistent(self, english: str, text: str, language: str) -> Iterator[str]:
        """Term ids the English names that this text does not render as agreed."""
        english, folded = normalize(english, "en"), normalize(text, language)
        for term, en_patterns, languages in self._compiled:
            if any(p.search(english) for p in en_patterns) and not any(p.search(folded) for p in languages[language][0]):
                yield term.id


# Every topic whose texts the termbase applies to: all of the content (issue 26 added the glossary,
# self-care and the practice cases, where a drifted rendering had gone unchecked).
TOPICS = ("indicators", "principles", "questions", "guidance", "quiz", "reporting", "glossary", "selfcare", "cases")


def _joined(entry) -> str:
    dumped = entry.model_dump(include=set(TRANSLATED_KEYS))
    parts = [value for key, value in dumped.items() if isinstance(value, str)]
    parts += list((dumped.get("forms") or {}).values())
    return " ".join(parts)


def _case_texts(bundle: Bundle) -> dict[str, str]:
    """A practice case's texts, one entry per case, step and choice: 'case_id', 'case_id/s1', 'case_id/s1/a'."""
    texts: dict[str, str] = {}
    for case in bundle.cases.cases:
        texts[case.id] = " ".join((case.title, case.intro, case.end.outcome))
        for step in case.steps:
            texts[f"{case.id}/{step.id}"] = step.situation
            for choice in step.choices:
                texts[f"{case.id}/{step.id}/{choice.id}"] = " ".join((choice.title, choice.feedback))
    return texts


def _topic_texts(bundle: Bundle, topic: str) -> dict[str, str]:
    content = bundle.topic(topic)
    texts = {entry.id: _joined(entry) for entry in [*content.all_groups(), *content.items()]}
    if topic == "cases":
        texts |= _case_texts(bundle)
    return texts


def item_texts(bundle: Bundle) -> dict[str, str]:
    """Every item's, group's and case part's translated text, joined, by id."""
    return {item_id: text for topic in TOPICS for item_id, text in _topic_texts(bundle, topic).items()}


_ID_LINE = re.compile(r"\s*- id: (\S+)\s*(#.*)?$")


def _id_lines(path: Path) -> dict[str, int]:
    """The line of each `- id:` in a file (its first, if given twice), read once per file."""
    lines: dict[str, int] = {}
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        found = _ID_LINE.match(line)
        if found:
            lines.setdefault(found.group(1), number)
    return lines


def check_content(bundles: dict[str, Bundle], root: Path = paths.CONTENT_DIR, termbase: Termbase | None = None) -> list[Problem]:
    termbase = termbase or Termbase()
    english = item_texts(bundles["en"]) if "en" in bundles else {}
    problems = []
    id_lines: dict[Path, dict[str, int]] = {}  # each file read once, however many problems it has

    def line(path: Path, item_id: str) -> int:
        if path not in id_lines:
            id_lines[path] = _id_lines(path)
        return id_lines[path].get(item_id.split("/")[0], 1)  # a case's step or choice: the case's line

    for language in ("es", "ar"):
        if language not in bundles:
            continue
        files = {item_id: topic for topic in TOPICS for item_id in _topic_texts(bundles[language], topic)}
        for item_id, text in item_texts(bundles[language]).items():
            path = root / language / f"{files[item_id]}.yaml"
            for term, why in termbase.wrong_renderings(text, language):
                problems.append(Problem(display(path), line(path, item_id), f"termbase {term!r} in {item_id!r}: {why}"))
            for term in termbase.inconsistent(english.get(item_id, ""), text, language):
                problems.append(Problem(display(path), line(path, item_id),
                                        f"termbase {term!r}: {item_id!r} names it in English but not as agreed in {language}"))  # fmt: skip
    return problems

def check_catalogs(termbase: Termbase | None = None) -> list[Problem]:
    from babel.messages.pofile import read_po

    termbase = termbase or Termbase()
    problems = []
    for language in ("es", "ar"):
        path = paths.LOCALES_DIR / language / "LC_MESSAGES" / "messages.po"
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=language)
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
            for text in strings:
                for term, why in termbase.wrong_renderings(text, language):
                    problems.append(Problem(display(path), message.lineno, f"termbase {term!r}: {why}"))
                for term in termbase.inconsistent(english, text, language):
                    problems.append(Problem(display(path), message.lineno, f"termbase {term!r}: {english!r} is not rendered as agreed"))
    return problems
