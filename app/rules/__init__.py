"""Reporting rules: jurisdiction packs as dated, cited data, and a tiny pure engine. Never imports Flet."""

from app.rules.engine import evaluate
from app.rules.models import Capacity, Case, Result, Status
from app.rules.packs import load_packs

__all__ = ["Capacity", "Case", "Result", "Status", "evaluate", "load_packs"]
