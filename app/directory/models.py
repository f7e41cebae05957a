"""A directory entry: who, how to reach them, when, in which languages, and when it was last checked."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from app.content.models import Source
from app.datafiles.text import text

# Seed 004's community-directory template, plus the reporting agencies (issue 5).
Category = Literal[
    "hotline", "anti_trafficking", "shelter", "health", "related", "legal_immigration", "interpreters",
    "embassy", "international", "child_protection", "adult_protection", "law_enforcement",
]  # fmt: skip
PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{2,}[0-9]$")
# A web address to open on an explicit tap: http(s) or a bare host name, nothing a browser would
# run (javascript:, data:) or hand to another program.
URL = re.compile(r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?(/[^\s]*)?$", re.IGNORECASE)
HOST = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def web_link(url: str | None) -> str | None:
    """The http(s) address to open for `url` (https:// added to a bare host name, as sources
    write www.who.int/), or None when it is not an http(s) address with a host. A bare address
    with "://" further on (evil.example/x://y) is refused: it passed the pattern above and was
    opened as it stood, with no scheme, for the browser or the system to guess at."""
    value = (url or "").strip()
    if not URL.match(value):
        return None
    if not re.match(r"https?://", value, re.IGNORECASE):
        if "://" in value:
            return None
        value = f"https://{value}"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not HOST.match(parts.hostname or "") or "@" in parts.netloc:
        return None
    return value
Name = text(120)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    category: Category
    name: Name = Field(description="The organisation's own name, as it presents itself.")
    names: dict[Literal["en", "es", "ar"], Name] | None = Field(
        default=None,
        description="The name in other languages, for a card that names its services: an Arabic card never shows "
        "a name in Latin letters (it falls back to the neutral label).",
    )
    phone: str | None = Field(default=None, description="Digits, spaces, parentheses and dashes; '+' first.")
    url: text(300) | None = None
    hours: Name | None = Field(default=None, description="Opening hours, as the organisation states them.")
    languages: list[text(40)] = Field(default_factory=list, description="Languages served.")
    eligibility: text(300) | None = None
    card_label: dict[Literal["en", "es", "ar"], Name] | None = Field(
        default=None, description="Neutral label per language, shown on the patient's card instead of the name."
    )
    jurisdiction: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)] | None = Field(
        default=None,
        description="The reporting pack (us, ca, generic...) whose users should see it; unset for a facility's own "
        "services, which are shown whatever the pack.",
    )
    verified: dt.date = Field(description="When someone last checked this entry against its source.")
    source: list[Source] | None = Field(default=None, description="Seed passage, for entries that come from a seed.")

    @field_validator("phone")
    @classmethod
    def _phone_shape(cls, value: str | None) -> str | None:
        if value is not None and (len(value) > 40 or not PHONE.match(value.strip()) or sum(c.isdigit() for c in value) < 3):
            raise ValueError(f"invalid phone number {value!r}: use digits, spaces, ( ) and -")
        return value

    @field_validator("url")
    @classmethod
    def _url_shape(cls, value: str | None) -> str | None:
        if value is not None and web_link(value) is None:
            raise ValueError(f"invalid web address {value!r}: use https://… or a host name such as www.example.org")
        return value

    @field_validator("verified")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError(f"verified date {value} is in the future")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> Entry:
        if not self.phone and not self.url:
            raise ValueError("an entry needs a phone number or a URL")
        return self

    @property
    def link(self) -> str | None:
        """The URL to open: as the source writes it, with https:// when it gives no scheme; only
        ever an http(s) address with a host."""
        return web_link(self.url)

    @property
    def site(self) -> str | None:
        """The address as shown: its host name, which fits a phone's width at any text size."""
        link = self.link
        return urlsplit(link).netloc if link else None

    @property
    def dial(self) -> str:
        """What a tel: link needs: ASCII digits and a leading '+' only."""
        return "".join(c for c in self.phone or "" if c.isdigit() or c == "+")


class DirectoryFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1]
    entries: list[Entry] = Field(default_factory=list)
