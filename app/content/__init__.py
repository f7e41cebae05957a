"""Clinical content: pydantic models, YAML loading and validation. Never imports Flet."""

from app.content.loader import load_bundle
from app.content.models import Bundle

__all__ = ["Bundle", "load_bundle"]
