"""What a text in a data file may hold: no control characters and no bidirectional overrides or
isolates (U+202E behind a name stored as "enilpleh" shows "helpline"), and a length that fits a
screen. Direction is the app's business: it isolates runs itself where a language needs it."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

# C0 and C1 controls except tab and line feed; the bidi embeddings, overrides and isolates.
FORBIDDEN = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")

TITLE_MAX = 300  # a line in a list; the longest shipped is ~175
BODY_MAX = 1500  # a paragraph; the longest shipped is ~575


def _allowed(value: str) -> str:
    found = FORBIDDEN.search(value)
    if found:
        char = found.group()
        name = unicodedata.name(char, "a control character")
        raise ValueError(f"character U+{ord(char):04X} ({name}) is not allowed in text, at position {found.start() + 1}")
    return value


def text(max_length: int) -> type[str]:
    return Annotated[  # type: ignore[return-value]
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length), AfterValidator(_allowed)
    ]


Title = text(TITLE_MAX)
Body = text(BODY_MAX)
