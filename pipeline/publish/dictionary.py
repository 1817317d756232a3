"""The data dictionary (`schemas/README.md`), generated from the JSON Schemas and the
dataset column rules; a test fails when it drifts (regenerate: `python -m pipeline export-schemas`)."""

from __future__ import annotations

import json

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.records import RECORD_MODELS, ConflictRecord, CountryRecord, DocumentRecord
from pipeline.datamodel.records import ClusterRecord, PolicyRecord
from pipeline.publish.datasets import FLAT_DATASETS
from pipeline.publish.formats.parquet import ARROW_TYPES
from pipeline.publish.tabular import columns_of

DATASET_MODELS = {
    "documents": DocumentRecord,
    "policies": PolicyRecord,
    "clusters": ClusterRecord,
    "countries": CountryRecord,
    "conflicts": ConflictRecord,
    "claims": Claim,
}

INTRO = """# Data dictionary

Generated from the pydantic models by `python -m pipeline export-schemas`; do not edit by hand.
The JSON Schema of each record type is in this folder (`<type>.schema.json`).

## Files of a run (`extracted/`)

| file | rows | formats |
| --- | --- | --- |
| `<folder>/<id>.json` | one record | JSON, exactly the record model |
| `datasets/<name>.jsonl` | one record per line | the record as its model dumps it; `claims.jsonl` adds typed value fields |
| `datasets/<name>.parquet` | one record per row | typed, flat columns (below) |
| `datasets/<name>.csv` | one record per row | the Parquet columns, for the flat datasets only ({flat}) |
| `manifest.json` | | run id and time, tool versions, each file's bytes, rows and sha256 |
| `run.json`, `runs/` | | what the run did (timings and new/unchanged counts vary per run) |

Over the same inputs every file is byte-identical on every run, except `run.json`, `runs/`
and the `run` block (`id`, `created_at`) of `manifest.json`.

### Typed values

A claimed `value` mixes text, numbers, lists and "not available" markers. It is kept
unchanged in JSON and JSONL, as the output contract says; each row of `claims.jsonl` adds
four typed fields beside it, and in Parquet and CSV every claimed value (a claim's
`value`, a conflict's `resolution.value`) is replaced by the same four typed columns
(prefixed with the field's path, e.g. `resolution_value_year`):

| column | type | set when |
| --- | --- | --- |
| `value_text` | text | the value is text (or the text of a "not available" marker) |
| `value_number` | float | the value is a number |
| `value_year` | integer | the value is an integer year (1000-2999) of a `*year` attribute |
| `value_json` | text | always (null only for a null value): the value as canonical JSON |

Parquet and CSV have only the typed columns. Tools that infer one type per column from
JSON Lines (polars' `read_ndjson`) read `claims.jsonl` with `infer_schema_length=None`
(the mixed `value` becomes text) or should read the Parquet file; `policies.jsonl` keeps
the contract's mixed `history.ending_year` (a year or a marker), so polars reads policies
from Parquet or CSV.

### Flattening rules (Parquet and CSV)

Nested objects are flattened with `_` (`history.starting_year` → `history_starting_year`).
A field that may hold an explicit "not available" marker becomes its scalar column (null
when not available) and a boolean `<name>_not_available`. Lists of text are lists in
Parquet and JSON arrays in CSV. Lists of objects and maps (evidence, claims of a cluster,
a conflict's values) are one `<name>_json` text column of canonical JSON.
"""


def _type(schema: dict, defs: dict) -> str:
    if "$ref" in schema:
        return f"`{schema['$ref'].rsplit('/', 1)[-1]}`"
    if "anyOf" in schema:
        return " or ".join(_type(s, defs) for s in schema["anyOf"])
    if "const" in schema:
        return f"`{json.dumps(schema['const'])}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}), defs)}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"map of text to {_type(schema['additionalProperties'], defs)}"
    return str(kind or "any")


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _fields_table(schema: dict, defs: dict) -> list[str]:
    required = set(schema.get("required", []))
    lines = ["| field | type | required | description |", "| --- | --- | --- | --- |"]
    for name, prop in schema.get("properties", {}).items():
        description = prop.get("description", "")
        lines.append(
            f"| `{name}` | {_cell(_type(prop, defs))} | {'yes' if name in required else ''} | "
            f"{_cell(description)} |"
        )
    return lines


def _record_section(name: str) -> list[str]:
    model = RECORD_MODELS[name]
    schema = model.model_json_schema(mode="validation")
    defs = schema.get("$defs", {})
    lines = [f"## `{name}` (`{name}.schema.json`)", ""]
    if schema.get("description"):
        lines += [_cell(schema["description"]), ""]
    lines += _fields_table(schema, defs)
    for def_name, sub in sorted(defs.items()):
        if "properties" not in sub:
            continue
        lines += ["", f"### `{def_name}`", ""]
        if sub.get("description"):
            lines += [_cell(sub["description"]), ""]
        lines += _fields_table(sub, defs)
    return [*lines, ""]


def _dataset_section(name: str) -> list[str]:
    formats = "JSONL, Parquet, CSV" if name in FLAT_DATASETS else "JSONL, Parquet"
    lines = [
        f"### `datasets/{name}` ({formats})",
        "",
        "| column | type | from field | description |",
        "| --- | --- | --- | --- |",
    ]
    for column in columns_of(DATASET_MODELS[name]):
        lines.append(
            f"| `{column.name}` | {ARROW_TYPES[column.kind]} | `{'.'.join(column.path)}` | "
            f"{_cell(column.description or '')} |"
        )
    return [*lines, ""]


def data_dictionary() -> str:
    lines = [INTRO.replace("{flat}", ", ".join(sorted(FLAT_DATASETS))), "## Dataset columns", ""]
    for name in DATASET_MODELS:
        lines += _dataset_section(name)
    lines += ["# Record types", ""]
    for name in sorted(RECORD_MODELS):
        lines += _record_section(name)
    return "\n".join(lines).rstrip("\n") + "\n"
