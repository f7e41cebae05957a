"""A study session: statements drawn without repeats, answered one at a time with feedback,
then a summary and a review of the ones missed. Nothing of it is ever stored.

The session holds item ids, not texts, so the app's language can change halfway through."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from app.i18n import Translator

DEFAULT_SIZE = 10


@dataclass(frozen=True)
class Answer:
    item_id: str
    given: bool
    correct: bool


@dataclass
class Session:
    item_ids: list[str]
    key: Mapping[str, bool]  # item id -> the right answer
    answers: list[Answer] = field(default_factory=list)
    showing_feedback: bool = False  # the last answer's feedback is on screen until `next()`

    @classmethod
    def draw(cls, key: Mapping[str, bool], pool: Sequence[str] | None = None, size: int | None = DEFAULT_SIZE,
             rng: random.Random | None = None) -> Session:  # fmt: skip
        """A new session of `size` items from `pool` (all of `key` by default), in random order."""
        pool = list(pool if pool is not None else key)
        count = len(pool) if size is None else min(size, len(pool))
        return cls(item_ids=(rng or random.Random()).sample(pool, count), key=key)

    @property
    def total(self) -> int:
        return len(self.item_ids)

    @property
    def position(self) -> int:
        """How many items have been answered."""
        return len(self.answers)

    @property
    def finished(self) -> bool:
        return self.position == self.total and not self.showing_feedback

    @property
    def current(self) -> str | None:
        """The item on screen: the one being asked, or the one whose feedback is shown."""
        if self.showing_feedback:
            return self.answers[-1].item_id
        return self.item_ids[self.position] if self.position < self.total else None

    @property
    def last(self) -> Answer | None:
        return self.answers[-1] if self.answers else None

    def answer(self, given: bool) -> Answer:
        if self.showing_feedback or self.position >= self.total:
            raise RuntimeError("no item is waiting for an answer")
        item_id = self.item_ids[self.position]
        result = Answer(item_id, given, given == self.key[item_id])
        self.answers.append(result)
        self.showing_feedback = True
        return result

    def next(self) -> None:
        self.showing_feedback = False

    @property
    def correct(self) -> int:
        return sum(answer.correct for answer in self.answers)

    @property
    def missed(self) -> list[str]:
        return [answer.item_id for answer in self.answers if not answer.correct]

    def review(self) -> Session:
        """The missed items again, in the order they came."""
        return Session(item_ids=self.missed, key=self.key)


def summary_text(tr: Translator, correct: int, total: int) -> str:
    """"7 of 10 questions answered correctly", with the plural form each language needs for the total."""
    return tr.ngettext(
        "{correct} of {total} question answered correctly", "{correct} of {total} questions answered correctly", total
    ).format(correct=correct, total=total)
