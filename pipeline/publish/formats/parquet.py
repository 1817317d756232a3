"""Parquet (pyarrow): the flat typed columns of `pipeline.publish.tabular`, one type per column."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.publish.datasets import Dataset, Writer

ARROW_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(),
    "integer": pa.int64(),
    "float": pa.float64(),
    "boolean": pa.bool_(),
    "text_list": pa.list_(pa.string()),
    "json": pa.string(),
}


def arrow_schema(dataset: Dataset) -> pa.Schema:
    return pa.schema(
        [
            pa.field(c.name, ARROW_TYPES[c.kind], metadata={"description": c.description or ""})
            for c in dataset.columns
        ]
    )


def write(dataset: Dataset, path: Path) -> None:
    table = pa.Table.from_pylist(dataset.rows(), schema=arrow_schema(dataset))
    pq.write_table(table, path, compression="zstd")


WRITER = Writer(suffix=".parquet", write=write)
