"""No indicator rests on seed 000 Table 3 alone (issue 26). That table lists what health providers
wrote before their training, not guidance. An item drawn from it also cites the guidance (seed 002 or
004), or says plainly, in every language, that health providers named it in a training survey."""

from __future__ import annotations

import pytest

from app.content.loader import load_bundle
from app.content.models import Item, Source

LANGUAGES = ("en", "es", "ar")
GUIDANCE = {"002", "004"}
# The words, in each language, that say an item comes from the training survey.
SAID_PLAINLY = {"en": "in a training survey", "es": "en una encuesta de formación", "ar": "في استبيان تدريبي"}
# Rest on the survey alone, and say so (checked below, so that this list cannot quietly grow).
SURVEY_ONLY = {"ind_inconsistent_history", "ind_low_self_esteem", "ind_hx_far_from_home", "ind_pe_torture"}


def cites_the_survey_table(item: Item) -> bool:
    return any(source.seed == "000" and "Table 3" in source.section for source in item.source)


def rests_on_the_survey_alone(item: Item) -> bool:
    return cites_the_survey_table(item) and not any(source.seed in GUIDANCE for source in item.source)


def says_it_is_from_the_survey(item: Item, language: str) -> bool:
    return SAID_PLAINLY[language] in " ".join(filter(None, (item.title, item.detail))).lower()


def all_items(language: str) -> list[Item]:
    bundle = load_bundle(language)
    return [item for topic in ("indicators", "principles", "questions", "guidance", "quiz", "reporting", "glossary", "selfcare")
            for item in bundle.topic(topic).items()]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_item_rests_on_the_survey_table_unless_it_says_so(language):
    silent = [item.id for item in all_items(language) if rests_on_the_survey_alone(item) and not says_it_is_from_the_survey(item, language)]
    assert silent == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_items_resting_on_the_survey_alone_are_the_known_ones(language):
    assert {item.id for item in all_items(language) if rests_on_the_survey_alone(item)} == SURVEY_ONLY


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_items_citing_the_survey_say_they_come_from_it(language):
    assert [item.id for item in all_items(language) if says_it_is_from_the_survey(item, language) and not cites_the_survey_table(item)] == []


def test_an_indicator_citing_only_the_survey_table_is_caught():
    survey = Source(seed="000", section="Table 3")
    bare = Item(id="ind_example", title="Signs of something", source=[survey])
    labelled = Item(id="ind_example", title="Signs of something", detail="Health providers named this in a training survey.", source=[survey])
    backed = Item(id="ind_example", title="Signs of something", source=[Source(seed="004", section="Table 3, Physical exam"), survey])
    assert rests_on_the_survey_alone(bare) and not says_it_is_from_the_survey(bare, "en")
    assert says_it_is_from_the_survey(labelled, "en")
    assert not rests_on_the_survey_alone(backed)
