"""Search never raises, whatever is typed or pasted, and every hit matches every term."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.search import default_index, normalize, terms

LANGUAGES = st.sampled_from([("en",), ("es",), ("ar",), ("en", "es", "ar")])


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=300), languages=LANGUAGES)
def test_search_never_raises(query, languages):
    hits = default_index().search(query, languages)
    assert len(hits) <= 50
    assert all(hit.language in languages for hit in hits)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), language=st.sampled_from(["en", "es", "ar"]))
def test_normalising_twice_changes_nothing(text, language):
    once = normalize(text, language)
    assert normalize(once, language) == once


@settings(max_examples=100, deadline=None)
@given(language=st.sampled_from(["en", "es", "ar"]), data=st.data())
def test_every_hit_contains_every_term(language, data):
    index = default_index().language(language)
    doc = data.draw(st.sampled_from(index.docs))
    word = data.draw(st.sampled_from(terms(f"{doc.title} {doc.body}", language) or ["zz"]))
    prefix = word[: data.draw(st.integers(min_value=2, max_value=max(2, len(word))))]
    hits = index.search(prefix)
    assert hits, prefix
    for hit in hits:
        text = normalize(f"{hit.title} {hit.body}", language)
        assert prefix in text or (language == "ar" and prefix in text.replace("ال", "")), (prefix, hit.item_id)
