"""JSON Lines: each record exactly as its model dumps it (the DESIGN.md contract), one per line.

Records with a claimed `value` (claims) get the typed fields `value_text`, `value_number`,
`value_year` and `value_json` ADDED beside `value`, which is kept as it is: `value` mixes
text, numbers, lists and objects, so tools that infer one type per column (polars) should
read `value_json` or the typed fields instead.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.publish.datasets import Dataset, Writer
from pipeline.publish.tabular import typed_value


def jsonl_line(record: object) -> str:
    data = record.model_dump(mode="json")  # type: ignore[attr-defined]
    if "value" in data and "attribute" in data:
        data.update(typed_value(record.value, record.attribute))  # type: ignore[attr-defined]
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(dataset: Dataset, path: Path) -> None:
    """Line by line into the file (the dataset is never held as text)."""
    with path.open("w", encoding="utf-8") as out:
        for record in dataset.records:
            out.write(jsonl_line(record))


WRITER = Writer(suffix=".jsonl", write=write)
