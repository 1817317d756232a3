"""Export the JSON Schema of every record type (generated from the pydantic models)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.datamodel.base import SCHEMA_VERSION
from pipeline.datamodel.records import RECORD_MODELS
from pipeline.publish.writer import atomic_write

DICTIONARY = "README.md"


def schema_texts() -> dict[str, str]:
    """File name -> canonical JSON text of the schema, for every record type."""
    out = {}
    for name, model in sorted(RECORD_MODELS.items()):
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"cluster-policy-pipeline/{name}/{SCHEMA_VERSION}"
        out[f"{name}.schema.json"] = json.dumps(schema, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    """Every schema file, and the data dictionary generated from them (README.md)."""
    from pipeline.publish.dictionary import data_dictionary

    paths = []
    for name, text in {**schema_texts(), DICTIONARY: data_dictionary()}.items():
        path = folder / name
        atomic_write(path, text)
        paths.append(path)
    return paths
