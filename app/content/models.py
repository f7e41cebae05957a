"""Pydantic models: the single source of truth for every content file.

The JSON Schema in content/_schema/ is exported from these models
(`python -m app.tools schema`), so editors can validate YAML as they type.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.datafiles.text import Body, Title, text

SCHEMA_VERSION = 1

# The seed documents every clinical statement must come from: code -> (file, short neutral label).
# Labels are deliberately bland: a source line is read over a shoulder as easily as anything else.
SEEDS: dict[str, tuple[str, str]] = {
    "000": ("000_cb4750a430c84956.txt", "IOM/LSHTM training study"),
    "001": ("001_c55da85934561060.txt", "IOM/LSHTM handbook page"),
    "002": ("002_874e8852603e43c7.txt", "Clinician guide, part 2 (2025)"),
    "003": ("003_743cb132768e5398.txt", "Healthcare resource toolkit page"),
    "004": ("004_da1a2d5a13956d1f.txt", "ICMEC toolkit, 2nd edition"),
}

ItemId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$"),
    Field(description="Stable identifier, identical in every language (lower_snake_case)."),
]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a key must not silently drop content."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    seed: Literal["000", "001", "002", "003", "004"] = Field(
        description="Seed document code: the file under shared/seeds/ whose name starts with it."
    )
    section: text(200) = Field(description="Section, table or heading of the seed the item was written from.")

    @property
    def file(self) -> str:
        return SEEDS[self.seed][0]

    @property
    def label(self) -> str:
        return SEEDS[self.seed][1]


class Item(Strict):
    id: ItemId
    title: Title = Field(description="Short label shown in lists; translated.")
    detail: Body | None = Field(default=None, description="Optional longer explanation; translated.")
    child: bool = Field(default=False, description="Applies specifically to children and adolescents (under 18).")
    safety: bool = Field(default=False, description="A safety line: shown whole wherever it appears, never collapsed.")
    app_note: Body | None = Field(
        default=None,
        description="A precaution of the app's own, beyond what the source says; shown labelled as such. Translated.",
    )
    source: list[Source] = Field(min_length=1, description="Where the seeds support this item.")


class Principle(Item):
    maps_to: ItemId | None = Field(
        default=None, description="For the guide's key principles: the id of the toolkit concept they belong to."
    )


ADDRESS_FORMS = ("woman", "man")


class SpokenItem(Item):
    """A line said or shown to the patient. `title` addresses the patient without assuming their
    gender; where the language marks gender (es, ar: see `address_forms` in languages.yaml), `forms`
    gives the line as said to a woman and to a man, and the clinician chooses."""

    forms: dict[Literal["woman", "man"], Title] | None = Field(
        default=None, description="The line addressed to a woman and to a man, where the language needs it; translated."
    )


class Question(SpokenItem):
    """`title` is what the clinician says; `detail` is the guidance shown beside it."""

    instead_of: Title | None = Field(default=None, description="The closed or blunt question this one replaces; translated.")
    why: Body | None = Field(default=None, description="One line on why the open question works better; translated.")

    @model_validator(mode="after")
    def _pair_is_complete(self) -> Question:
        if (self.instead_of is None) != (self.why is None):
            raise ValueError("'instead_of' and 'why' go together: give both or neither")
        return self


class QuizItem(Item):
    """A statement to judge true or false (`title`), with its answer and why."""

    answer: bool = Field(description="Whether the statement is true.")
    explanation: Body = Field(description="Why, drawn from the sources; translated.")
    percent_correct: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="For the training study's items only: the exact pre-training share of providers who "
        "answered correctly (seed 000, Table 2).",
    )
    see_also: Literal["indicators", "principles", "questions", "guidance", "reporting"] | None = Field(
        default=None, description="The section of the app the explanation points to."
    )


class GlossaryItem(Item):
    """A term (`title`) and its definition (`detail`), with the items that use it."""

    see_also: list[ItemId] = Field(
        default_factory=list, description="Items of any section that use the term; each shows a link to it."
    )


ItemT = TypeVar("ItemT", bound=Item)


class Group(Strict, Generic[ItemT]):
    id: ItemId
    title: Title = Field(description="Group heading; translated.")
    intro: Body | None = Field(default=None, description="Optional line shown under the heading; translated.")
    items: list[ItemT] = Field(min_length=1)


class ContentFile(Strict):
    language: Literal["en", "es", "ar"] = Field(description="Language of every text in this file.")
    schema_version: Literal[1] = Field(description="Version of this schema the file was written for.")


class GroupedTopic(ContentFile, Generic[ItemT]):
    """A section of content: framing notes that are always shown, then groups of items."""

    # Where items stand in a file: lists of items, and lists of groups of items. Validation,
    # search and the screens all walk a topic through these names.
    ITEM_LISTS: ClassVar[tuple[str, ...]] = ("framing",)
    GROUP_LISTS: ClassVar[tuple[str, ...]] = ("groups",)
    # The lists (of items, or of groups of items) whose items are said or shown to the patient.
    SPOKEN: ClassVar[tuple[str, ...]] = ()

    title: Title
    framing: list[Item] = Field(min_length=1, description="Always visible above the groups.")
    groups: list[Group[ItemT]] = Field(min_length=1)

    def all_groups(self) -> list[Group]:
        return [group for name in self.GROUP_LISTS for group in getattr(self, name)]

    def items(self) -> list[Item]:
        listed = [item for name in self.ITEM_LISTS for item in getattr(self, name)]
        return [*listed, *(item for group in self.all_groups() for item in group.items)]

    def item(self, item_id: str) -> Item:
        return next(item for item in self.items() if item.id == item_id)

    def group(self, group_id: str) -> Group:
        return next(group for group in self.all_groups() if group.id == group_id)

    def grouped_items(self) -> list[ItemT]:
        """The items of `groups` (the questions, the statements...), without framing or extras."""
        return [item for group in self.groups for item in group.items]


class IndicatorsFile(GroupedTopic[Item]):
    """Potential indicators, grouped by category, with framing notes that are always shown."""

    topic: Literal["indicators"]

    @model_validator(mode="after")
    def _framing_is_not_child_only(self) -> IndicatorsFile:
        # The framing applies to everyone; a child-only filter must never hide it.
        if any(item.child for item in self.framing):
            raise ValueError("framing notes apply to every patient; remove 'child: true'")
        return self


class ReportingFile(GroupedTopic[Item]):
    """Wording for the reporting aid, by the ids the rules engine and packs use."""

    topic: Literal["reporting"]


class PrinciplesFile(GroupedTopic[Principle]):
    """Trauma-informed care: the toolkit's concepts with the clinician behaviours for each,
    the guide's key principles mapped onto them, and further behaviours."""

    topic: Literal["principles"]
    # `maps_to` must name an item of this file: checked by the validator, which knows its line.


class QuestionsFile(GroupedTopic[Question]):
    """The question bank: groups are the question categories; `advice` holds how to ask and
    what not to ask; `script` is said to the patient before any sensitive question."""

    ITEM_LISTS: ClassVar[tuple[str, ...]] = ("framing", "script", "universal")
    GROUP_LISTS: ClassVar[tuple[str, ...]] = ("groups", "advice")
    SPOKEN: ClassVar[tuple[str, ...]] = ("script", "groups", "universal")

    topic: Literal["questions"]
    script: list[SpokenItem] = Field(
        min_length=3,
        description="Confidentiality limits, said before sensitive questions: what stays private, "
        "what the law may require to be reported, and that the patient may decline to answer.",
    )
    advice: list[Group[Item]] = Field(min_length=1, description="How to ask, and what not to ask or do.")
    universal: list[SpokenItem] = Field(
        min_length=3,
        description="A few lines a clinician can say to every patient, with or without signs: information "
        "that help exists, without asking anything and without labels.",
    )


class GuidanceFile(GroupedTopic[Item]):
    """Around the encounter: safety, immediate care, documentation, refusal, handoffs,
    interpreters and care of children."""

    topic: Literal["guidance"]


class QuizFile(GroupedTopic[QuizItem]):
    """Study mode: statements grouped by where they come from, and "did you know" figures."""

    ITEM_LISTS: ClassVar[tuple[str, ...]] = ("framing", "facts")

    topic: Literal["quiz"]
    facts: list[Item] = Field(min_length=1, description="Figures for context, exactly as the sources give them.")


class GlossaryFile(GroupedTopic[GlossaryItem]):
    """Terms and definitions, each linked from the items that use it."""

    topic: Literal["glossary"]


class SelfCareFile(GroupedTopic[Item]):
    """Looking after yourself: the toolkit's guidance on vicarious trauma and secondary traumatic stress."""

    topic: Literal["selfcare"]


class Choice(Strict):
    """What the trainee may do at a step, and what the sources say about it."""

    id: ItemId
    title: Title = Field(description="What the clinician does; translated.")
    best: bool = Field(default=False, description="A choice the sources support.")
    feedback: Body = Field(description="Why it is right or not, from the sources; translated.")
    source: list[Source] = Field(min_length=1)
    see: ItemId = Field(description="The item of the app that explains it (opened from the feedback).")
    next: ItemId = Field(description="The step that follows, or 'end'.")


class Step(Strict):
    id: ItemId
    situation: Body = Field(description="What the clinician sees or hears now; translated.")
    choices: list[Choice] = Field(min_length=2, max_length=4)


class CaseEnd(Strict):
    outcome: Body = Field(description="The case's learning point, from the sources; translated.")
    source: list[Source] = Field(min_length=1)


class Case(Strict):
    """A short branching case: a scene, then decisions, each answered with feedback and its source."""

    id: ItemId
    title: Title
    intro: Body
    source: list[Source] = Field(min_length=1)
    steps: list[Step] = Field(min_length=3)
    end: CaseEnd

    @model_validator(mode="after")
    def _every_path_ends(self) -> Case:
        steps = {step.id: step for step in self.steps}
        for step in self.steps:
            for choice in step.choices:
                if choice.next != "end" and choice.next not in steps:
                    raise ValueError(f"{step.id}.{choice.id}: next {choice.next!r} is neither a step nor 'end'")

        def ends(step_id: str, seen: tuple[str, ...]) -> None:
            if step_id in seen:
                raise ValueError(f"the path {' > '.join((*seen, step_id))} goes round in a circle")
            for choice in steps[step_id].choices:
                if choice.next != "end":
                    ends(choice.next, (*seen, step_id))

        ends(self.steps[0].id, ())
        if not any(choice.best for step in self.steps for choice in step.choices):
            raise ValueError("a case needs at least one best choice")
        return self


class CasesFile(ContentFile):
    """Practice cases for Study. Not items in groups: validated and compared across languages by
    their structure (app.content.validate)."""

    ITEM_LISTS: ClassVar[tuple[str, ...]] = ("framing",)
    GROUP_LISTS: ClassVar[tuple[str, ...]] = ()
    SPOKEN: ClassVar[tuple[str, ...]] = ()

    topic: Literal["cases"]
    title: Title
    framing: list[Item] = Field(default_factory=list)
    cases: list[Case] = Field(min_length=1)

    def all_groups(self) -> list[Group]:
        return []

    def items(self) -> list[Item]:
        return list(self.framing)

    def case(self, case_id: str) -> Case:
        return next(case for case in self.cases if case.id == case_id)


# topic name (the file's stem) -> model. Every language directory holds one file per topic.
TOPICS: dict[str, type[GroupedTopic] | type[CasesFile]] = {
    "indicators": IndicatorsFile,
    "principles": PrinciplesFile,
    "questions": QuestionsFile,
    "guidance": GuidanceFile,
    "quiz": QuizFile,
    "reporting": ReportingFile,
    "glossary": GlossaryFile,
    "selfcare": SelfCareFile,
    "cases": CasesFile,
}


class Bundle(BaseModel):
    """All validated content of one language."""

    model_config = ConfigDict(frozen=True)

    language: str
    indicators: IndicatorsFile
    principles: PrinciplesFile
    questions: QuestionsFile
    guidance: GuidanceFile
    quiz: QuizFile
    reporting: ReportingFile
    glossary: GlossaryFile
    selfcare: SelfCareFile
    cases: CasesFile

    def topic(self, name: str) -> GroupedTopic:
        return getattr(self, name)

    def items(self) -> list[Item]:
        return [item for topic in TOPICS for item in self.topic(topic).items()]
