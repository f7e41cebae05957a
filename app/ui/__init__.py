"""The Flet user interface. Reads content, i18n and settings; nothing below it imports Flet."""
