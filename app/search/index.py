"""A small in-memory index of every item, per language, answering prefix queries in well
under a millisecond: a sorted vocabulary is searched by bisection, so typing "tatuaj" finds
"tatuaje" and "tatuajes" without scanning every item.

Ranking: a term found in an item's title counts more than one found only in its text, and a
whole word more than a word that merely starts with the term, and a term found as typed
more than one found only once its Arabic article is dropped. Every term must be found.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from app.content.loader import load_bundle
from app.content.models import Bundle
from app.normalize import index_forms, readings, terms, words

SEARCHED_TOPICS = ("indicators", "principles", "questions", "guidance", "glossary", "selfcare")
TITLE, BODY = 1, 2
# Score of one term in one item: title beats body, and a whole word beats a prefix.
SCORES = {(TITLE, True): 16, (TITLE, False): 8, (BODY, True): 4, (BODY, False): 2}
LIMIT = 50


@dataclass(frozen=True)
class Hit:
    topic: str
    item_id: str
    language: str
    title: str
    body: str
    score: int


@dataclass(frozen=True)
class Document:
    topic: str
    item_id: str
    title: str
    body: str
    order: int  # position in the content: the tie-breaker, so equal scores read as the app does


class LanguageIndex:
    def __init__(self, language: str, docs: list[Document]) -> None:
        self.language = language
        self.docs = docs
        postings: dict[str, dict[int, int]] = {}  # word form -> {doc: fields it occurs in}
        for n, doc in enumerate(docs):
            for field, text in ((TITLE, doc.title), (BODY, doc.body)):
                for word in words(text, language):
                    for form in index_forms(word, language):
                        fields = postings.setdefault(form, {})
                        fields[n] = fields.get(n, 0) | field
        self.vocabulary = sorted(postings)
        self.postings = postings

    def _term_scores(self, term: str) -> dict[int, int]:
        """Best score of one term in each doc where a word starts with it."""
        scores: dict[int, int] = {}
        start = bisect_left(self.vocabulary, term)
        for word in self.vocabulary[start:]:
            if not word.startswith(term):
                break
            whole = word == term
            for doc, fields in self.postings[word].items():
                best = SCORES[(TITLE, whole)] if fields & TITLE else SCORES[(BODY, whole)]
                if best > scores.get(doc, 0):
                    scores[doc] = best
        return scores

    def _reading_scores(self, term: str) -> dict[int, int]:
        """Best score of a term in each doc, over its readings; a later reading counts half."""
        scores: dict[int, int] = {}
        for weight, reading in enumerate(readings(term, self.language), start=1):
            for doc, score in self._term_scores(reading).items():
                scores[doc] = max(scores.get(doc, 0), score // weight)
        return scores

    def search(self, query: str) -> list[Hit]:
        query_terms = terms(query, self.language)
        if not query_terms:
            return []
        total: dict[int, int] | None = None
        for term in query_terms:
            scores = self._reading_scores(term)
            total = scores if total is None else {d: s + scores[d] for d, s in total.items() if d in scores}
            if not total:
                return []
        ranked = sorted(total.items(), key=lambda pair: (-pair[1], self.docs[pair[0]].order))
        return [self._hit(doc, score) for doc, score in ranked[:LIMIT]]

    def _hit(self, n: int, score: int) -> Hit:
        doc = self.docs[n]
        return Hit(doc.topic, doc.item_id, self.language, doc.title, doc.body, score)


def _documents(bundle: Bundle) -> list[Document]:
    docs = []
    for topic in SEARCHED_TOPICS:
        for item in bundle.topic(topic).items():
            extra = [getattr(item, key, None) for key in ("detail", "instead_of", "why")]
            docs.append(Document(topic, item.id, item.title, " ".join(t for t in extra if t), len(docs)))
    return docs


class SearchIndex:
    """Indexes per language, each built on first use from that language's content."""

    def __init__(self, bundles: dict[str, Bundle] | None = None, loader=load_bundle) -> None:
        self._bundles = dict(bundles or {})
        self._loader = loader
        self._indexes: dict[str, LanguageIndex] = {}

    def language(self, language: str) -> LanguageIndex:
        if language not in self._indexes:
            bundle = self._bundles.get(language) or self._loader(language)
            self._indexes[language] = LanguageIndex(language, _documents(bundle))
        return self._indexes[language]

    def search(self, query: str, languages: tuple[str, ...]) -> list[Hit]:
        """Hits in the given languages, best first; an item found in several languages is shown
        once, in the language where it scored best (ties go to the first language given)."""
        best: dict[tuple[str, str], Hit] = {}
        for language in languages:
            for hit in self.language(language).search(query):
                key = (hit.topic, hit.item_id)
                if key not in best or hit.score > best[key].score:
                    best[key] = hit
        order = {language: n for n, language in enumerate(languages)}
        ranked = sorted(best.values(), key=lambda h: (-h.score, order[h.language]))
        return ranked[:LIMIT]


@cache
def default_index() -> SearchIndex:
    """The shipped content's index, shared by every session of this process."""
    return SearchIndex()
