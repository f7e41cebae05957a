"""Clinical content: pydantic models, YAML loading and validation. Never imports Flet.

Import from the modules themselves (`app.content.loader`, `app.content.models`): this package
imports nothing, so a light module such as `errors` or `cache` costs no pydantic at start-up."""
