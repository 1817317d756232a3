"""CSV (RFC 4180, UTF-8, header row) for the flat datasets; lists are written as JSON text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pipeline.publish.datasets import FLAT_DATASETS, Dataset, Writer
from pipeline.publish.tabular import Scalar


def cell(value: Scalar) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write(dataset: Dataset, path: Path) -> None:
    """Row by row into the file (the dataset is never held as text)."""
    with path.open("w", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c.name for c in dataset.columns])
        for row in dataset.iter_rows():
            writer.writerow([cell(v) for v in row.values()])


WRITER = Writer(suffix=".csv", write=write, applies=lambda dataset: dataset.name in FLAT_DATASETS)
