"""The referral directory: facility-editable contacts for the referral card. Never imports Flet."""

from app.directory.load import Directory, load_directory

__all__ = ["Directory", "load_directory"]
