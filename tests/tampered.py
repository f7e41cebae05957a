"""What tampered storage may hold: every JSON type, nested and mixed lists (which threw in the
client before any Python ran), a list nested 2,000 deep, a language no one has, and text that is
not JSON at all. The fake client is handed the values themselves (tests/ui/test_stored_values.py);
the browser stores them as localStorage text (tests/browser/test_hardening.py)."""

from __future__ import annotations

import json
from typing import Any

DEEP: list = []
for _ in range(2000):
    DEEP = [DEEP]
NOT_JSON = "not json {"
TAMPERED: dict[str, Any] = {
    "[]": [], '["us", "ar"]': ["us", "ar"], "{}": {}, "{language}": {"language": "ar"}, "0": 0, "1.6": 1.6, "true": True,
    "null": None, '""': "", "atlantis": "atlantis", "[[]]": [[]], '[1, "x"]': [1, "x"], '[{"a": 1}]': [{"a": 1}],
    "deep": DEEP, "raw": NOT_JSON,
}  # fmt: skip


def as_stored_text(value: Any) -> str:
    """The value as localStorage holds it: JSON text, except the text that is not JSON at all
    (json.dumps would nest 2,000 lists deeper than Python's recursion limit allows)."""
    if value is NOT_JSON:
        return NOT_JSON
    if value is DEEP:
        return "[" * 2000 + "]" * 2000
    return json.dumps(value)
