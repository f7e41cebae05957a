"""Where bundled files live. Always relative to this package, never the working directory."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A facility may point the app at its own reviewed copy of the content tree.
CONTENT_DIR = Path(os.environ.get("CARE_REFERENCE_CONTENT_DIR") or ROOT / "content")
SCHEMA_DIR = CONTENT_DIR / "_schema"
RULES_DIR = CONTENT_DIR / "rules"  # jurisdiction packs, one file each
LOCALES_DIR = ROOT / "locales"
ASSETS_DIR = ROOT / "assets"


def pack_files(directory: Path = RULES_DIR) -> list[Path]:
    """The jurisdiction packs' files, in name order; each is named by its pack's id (app.rules.packs
    parses them and holds them to it). Listed here once, for the parser and for checking a stored
    setting, which happens before the first screen and must not wait for the packs to be parsed."""
    return sorted(directory.glob("*.yaml"))
