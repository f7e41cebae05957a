"""Where bundled files live. Always relative to this package, never the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
SCHEMA_DIR = CONTENT_DIR / "_schema"
LOCALES_DIR = ROOT / "locales"
ASSETS_DIR = ROOT / "assets"
