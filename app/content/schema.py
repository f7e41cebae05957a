"""JSON Schema exported from the models, so editors can validate YAML while typing."""

from __future__ import annotations

import json
from pathlib import Path

from app import paths
from app.content.models import TOPICS


def schema_texts() -> dict[str, str]:
    from app.directory.models import DirectoryFile
    from app.rules.models import Pack

    models = {**TOPICS, "directory": DirectoryFile, "rules": Pack}
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        for name, model in models.items()
    }


def write_schemas(directory: Path = paths.SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
