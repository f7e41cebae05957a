"""Reading data files (content, jurisdiction packs, the referral directory, scenarios, languages):
the ground floor every other package stands on. Every problem names its file and line; nothing
here raises anything but `DataError` for a bad file.

Import the modules themselves: `problems`, `raw` and `snapshot` are light (no YAML, no pydantic),
so the first screen can use them; `yamlfile` and `text` are not."""
