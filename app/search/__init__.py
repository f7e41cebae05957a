"""Search across the content, per language, with no UI dependency."""

from app.search.index import Hit, SearchIndex, default_index
from app.normalize import normalize, terms

__all__ = ["Hit", "SearchIndex", "default_index", "normalize", "terms"]
