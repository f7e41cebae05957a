"""The app's sections: route, name, icons, the screen module that builds each, and where each is
offered (the phone's bottom bar, the rail, or neither). A screen's module is imported the first
time it is shown: the first screen needs only Home's, and the others (with the content models,
rules and search behind them) are loaded after it (app.ui.warmup)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import flet as ft

from app.i18n import N_, NP_
from app.ui.icons import Icons


@dataclass(frozen=True)
class Section:
    route: str
    label: str  # marked with N_, translated when shown
    icon: ft.IconData
    selected_icon: ft.IconData
    screen: str  # the module in app.ui that builds it (see `screen_module`)
    parent: str | None = None  # a screen reached from another (Privacy, from Settings) stays off the bar
    on_bar: bool = False  # one of the five a phone's bottom bar has room for; the rest are on Home
    topic: str | None = None  # the content topic it shows, for opening search results
    in_nav: bool = True
    bar_label: str | None = None  # on the phone's bottom bar (context "bar"), where it must fit one line


def screen_module(name: str):
    """A screen's module, imported on first use."""
    return importlib.import_module(f"app.ui.{name}")


SECTIONS = (
    Section("/", N_("Home"), Icons.HOME_OUTLINED, Icons.HOME, "home", on_bar=True, bar_label=NP_("bar", "Home")),
    Section("/indicators", N_("Indicators"), Icons.CHECKLIST_OUTLINED, Icons.CHECKLIST, "indicators",
            on_bar=True, topic="indicators", bar_label=NP_("bar", "Indicators")),
    Section("/care", N_("Care approach"), Icons.VOLUNTEER_ACTIVISM_OUTLINED, Icons.VOLUNTEER_ACTIVISM,
            "principles", topic="principles"),
    Section("/asking", N_("Asking"), Icons.QUESTION_ANSWER_OUTLINED, Icons.QUESTION_ANSWER, "asking",
            on_bar=True, topic="questions", bar_label=NP_("bar", "Asking")),
    Section("/guidance", N_("Guidance"), Icons.MENU_BOOK_OUTLINED, Icons.MENU_BOOK, "guidance",
            topic="guidance"),
    Section("/next", N_("Next steps"), Icons.ALT_ROUTE_OUTLINED, Icons.ALT_ROUTE, "reporting", on_bar=True,
            topic="reporting", bar_label=NP_("bar", "Next steps")),
    Section("/contacts", N_("Contacts"), Icons.CONTACT_PHONE_OUTLINED, Icons.CONTACT_PHONE, "contacts",
            on_bar=True, bar_label=NP_("bar", "Contacts")),
    Section("/study", N_("Study"), Icons.SCHOOL_OUTLINED, Icons.SCHOOL, "study"),
    Section("/glossary", N_("Glossary"), Icons.LIBRARY_BOOKS_OUTLINED, Icons.LIBRARY_BOOKS, "glossary", topic="glossary"),
    Section("/yourself", N_("Looking after yourself"), Icons.SPA_OUTLINED, Icons.SPA, "selfcare", topic="selfcare"),
    Section("/settings", N_("Settings"), Icons.SETTINGS_OUTLINED, Icons.SETTINGS, "settings_view"),
    Section("/privacy", N_("Privacy"), Icons.LOCK_OUTLINE, Icons.LOCK, "privacy", "/settings"),
    Section("/search", N_("Search"), Icons.SEARCH, Icons.SEARCH, "search", in_nav=False),
)  # fmt: skip
HOME = SECTIONS[0]
RAIL = tuple(section for section in SECTIONS if section.parent is None and section.in_nav)
BAR = tuple(section for section in RAIL if section.on_bar)


def section_at(route: str | None) -> Section:
    """The section a route shows (a query string or a trailing slash aside); Home for any other."""
    path = (route or "/").split("?")[0].rstrip("/") or "/"
    return next((section for section in SECTIONS if section.route == path), HOME)


def section_of(topic: str) -> Section:
    """The section that shows a content topic."""
    return next(section for section in SECTIONS if section.topic == topic)
