"""Search over the shipped content, written as "A ranks above B" in each language."""

from __future__ import annotations

import pytest

from app.search import default_index
from app.search.index import Document, LanguageIndex


def ids(query: str, *languages: str) -> list[str]:
    return [hit.item_id for hit in default_index().search(query, languages)]


def ranks_above(query: str, language: str, a: str, b: str) -> None:
    found = ids(query, language)
    assert a in found and b in found, (query, found[:10])
    assert found.index(a) < found.index(b), (query, found[:10])


@pytest.mark.parametrize(
    "query, language, expected",
    [
        ("tattoo", "en", "q_add_tattoo_meaning"),
        ("tatuaje", "es", "q_add_tattoo_meaning"),
        ("tatuaj", "es", "q_add_tattoo_meaning"),  # prefix while typing
        ("TATUAJE", "es", "q_add_tattoo_meaning"),
        ("وشم", "ar", "q_add_tattoo_meaning"),
        ("وَشْم", "ar", "q_add_tattoo_meaning"),  # with harakat
        ("الوشم", "ar", "q_add_tattoo_meaning"),  # with the article
        ("interpret", "en", "interp_professional"),
        ("interprete", "es", "interp_professional"),  # "intérprete" without its accent
        ("مترجم", "ar", "interp_professional"),
        ("nino", "es", "kid_alone_sometime"),  # "niño"
        ("طفل", "ar", "kid_alone_sometime"),
        ("confidencialidad limites", "es", "qg_explain_confidentiality_first"),  # every term must match
    ],
)
def test_finds(query, language, expected):
    assert expected in ids(query, language)


def test_title_match_ranks_above_body_match():
    # "interpreter" is in the title of one and only in the text of the other.
    ranks_above("interpreter", "en", "interp_professional", "interp_exception_agency")
    ranks_above("intérprete", "es", "interp_professional", "interp_exception_agency")
    ranks_above("مترجم", "ar", "interp_professional", "interp_exception_agency")


def test_whole_word_ranks_above_partial():
    ranks_above("child", "en", "kid_definition", "safe_child_privacy_chaperone")  # "child" vs "Children"
    ranks_above("tatuaje", "es", "q_add_tattoo_meaning", "qg_tattoo_curiosity")  # "tatuaje" vs "tatuajes"


@pytest.mark.parametrize(
    "language, docs, query",
    [
        ("en", [("prefix", "Cardiology referral", ""), ("whole", "Offer a card", ""),
                ("body", "Something else", "Give a card to hide")], "card"),
        ("ar", [("body", "شيء آخر", "استعن بالمترجم"), ("prefix", "مترجمون محترفون", ""),
                ("whole", "مترجم محترف", "")], "المترجم"),
    ],
)  # fmt: skip
def test_title_whole_word_above_title_prefix_above_body_in_a_small_index(language, docs, query):
    index = LanguageIndex(language, [Document("guidance", *doc, n) for n, doc in enumerate(docs)])
    found = [hit.item_id for hit in index.search(query)]
    assert found == ["whole", "prefix", "body"]


def test_current_language_only_unless_all_are_asked_for():
    assert ids("tatuaje", "en") == []
    hits = default_index().search("tatuaje", ("en", "es", "ar"))
    assert {hit.language for hit in hits} == {"es"}


def test_all_languages_show_each_item_once():
    hits = default_index().search("interpreter intérprete", ("en", "es", "ar"))
    keys = [(hit.topic, hit.item_id) for hit in hits]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_empty_and_nonsense_queries_find_nothing(language):
    for query in ["", " ", "x", "zzqxj", "؟؟", "qwertyuiop asdf"]:
        assert ids(query, language) == []


def test_very_long_input_is_answered():
    assert "interp_professional" in ids("interpreter " * 5_000, "en")
    assert ids("x" * 100_000, "es") == []


def test_an_arabic_word_beginning_like_a_particle_is_found_as_typed():
    # بالغين ("adults") starts with the letters of ب + ال; reading it only without them
    # found nothing (the word "غين") — the regression hypothesis caught.
    docs = [
        Document("indicators", "particle", "غير واضح", "", 0),
        Document("indicators", "word", "عمل جنسي للبالغين", "", 1),
    ]
    index = LanguageIndex("ar", docs)
    assert [hit.item_id for hit in index.search("بالغين")] == ["word"]
    assert [hit.item_id for hit in index.search("بالغي")] == ["word", "particle"]
    assert "vul_com_adult_sex_work" in ids("بالغين", "ar")
