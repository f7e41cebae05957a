"""One patient visit: everything entered or chosen during one encounter, and the rules for
forgetting it. Memory only; nothing here is ever stored, logged or sent.

The shell holds one `Visit` and replaces it with a fresh one on quick exit and on idle (the rules
for those are app.discretion), so a field added here is forgotten then without anyone remembering
to reset it. What leaving a section forgets is declared on the field itself (`kept_in`). No Flet
here: the rules are tested in milliseconds (tests/test_visit.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the types only: none of these is needed before a section is used
    from app.rules.answers import Answers
    from app.study import Session
    from app.study.cases import CasePlay

VISIT = None  # kept for the whole visit, across sections


def kept_in(route: str | None, default: Any = None, factory: Any = None) -> Any:
    """A field kept while the user stays in `route` (VISIT: across sections), forgotten on leaving it."""
    metadata = {"kept_in": route}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass
class CardChoice:
    """How the referral card should look, and whether it is on screen."""

    language: str
    shoe: bool = False
    named: bool = False  # say what the numbers are for; off by default, as the card may be found
    showing: bool = False
    asking: str | None = None  # "show" or "pdf": is carrying a card safe? asked on the page, not in a dialog


@dataclass
class Opened:
    """An item a search result or a link opened: marked on its own section only."""

    route: str
    item_id: str


@dataclass
class Back:
    """Where Back returns from a screen that a link or the search button led to: the one Back
    there is besides a screen's parent (Privacy's is Settings)."""

    on: str  # the route it is shown on
    to: str  # where the link or the search button was


@dataclass
class PatientView:
    """What is shown full screen to the patient: the script, the lines for every patient, or one question."""

    part: str  # "script" | "universal" | "question"
    item_id: str | None = None


@dataclass
class Visit:
    reporting: Answers | None = kept_in("/next")  # the "Must I report?" answers and capacity check
    card: CardChoice | None = kept_in("/contacts")
    opened: Opened | None = kept_in(VISIT)  # forgotten on leaving its own route (see `enter`)
    back: Back | None = kept_in(VISIT)  # likewise
    child_only: bool = kept_in(VISIT, False)  # the indicators filter
    patient_language: str | None = kept_in(VISIT)  # questions and script in the patient's language
    patient_address: str | None = kept_in(VISIT)  # "woman" or "man": how lines address the patient; unset, neither
    patient_view: PatientView | None = kept_in("/asking")  # on screen for the patient, full screen
    search_text: str = kept_in(VISIT, "")
    search_all_languages: bool = kept_in(VISIT, False)
    study: Session | None = kept_in(VISIT)  # a trainee's round; the score is never stored
    case: CasePlay | None = kept_in(VISIT)  # a practice case being played; nothing of it is counted

    def enter(self, route: str) -> None:
        """The user is now on `route`: forget what belongs to the sections they left."""
        fresh = Visit()
        for spec in fields(self):
            home = spec.metadata["kept_in"]
            if home is not None and home != route:
                setattr(self, spec.name, getattr(fresh, spec.name))
        if self.opened is not None and self.opened.route != route:
            self.opened = None
        if self.back is not None and self.back.on != route:
            self.back = None
        if getattr(self.study, "finished", False) is True and route != "/study":
            self.study = None  # a round kept across a look at another section; once scored, leaving ends it

    def open_item(self, route: str, item_id: str) -> None:
        self.opened = Opened(route, item_id)

    def opened_item(self, route: str) -> str | None:
        return self.opened.item_id if self.opened and self.opened.route == route else None

    def came_from(self, route: str, here: str) -> None:
        """Back on `route` returns to `here`, where the link or the search button was."""
        self.back = Back(route, here)

    def back_from(self, route: str) -> str | None:
        return self.back.to if self.back and self.back.on == route else None

    def is_fresh(self) -> bool:
        return self == Visit()

