"""Study mode's logic, with no UI dependency."""

from app.study.session import Answer, Session, summary_text

__all__ = ["Answer", "Session", "summary_text"]
