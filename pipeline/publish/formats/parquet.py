"""Parquet (pyarrow): the flat typed columns of `pipeline.publish.tabular`, one type per column."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
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
# rows turned into Arrow (compact columns) at a time, so the rows are never all held as dicts
DEFAULT_BATCH_ROWS = 4096


def arrow_schema(dataset: Dataset) -> pa.Schema:
    return pa.schema(
        [
            pa.field(c.name, ARROW_TYPES[c.kind], metadata={"description": c.description or ""})
            for c in dataset.columns
        ]
    )


def record_batches(dataset: Dataset, schema: pa.Schema, size: int) -> Iterator[pa.RecordBatch]:
    rows = dataset.iter_rows()
    while batch := list(islice(rows, size)):
        yield pa.RecordBatch.from_pylist(batch, schema=schema)


def arrow_table(dataset: Dataset, batch_rows: int = DEFAULT_BATCH_ROWS) -> pa.Table:
    """The dataset as one Arrow table, built `batch_rows` rows at a time; its columns are then
    made contiguous, so the file's bytes do not depend on the batch size."""
    schema = arrow_schema(dataset)
    return contiguous(pa.Table.from_batches(record_batches(dataset, schema, batch_rows), schema=schema))


def contiguous(table: pa.Table) -> pa.Table:
    """`table.combine_chunks()`, column by column, each column's chunks let go as soon as it is
    combined: the table is held about once, not twice (its batches and the combined copy).

    >>> t = pa.Table.from_batches([pa.record_batch({"a": [1]}), pa.record_batch({"a": [2]})])
    >>> contiguous(t).equals(t.combine_chunks()), contiguous(t).column("a").num_chunks
    (True, 1)
    """
    schema, columns = table.schema, []
    while table.num_columns:
        columns.append(table.column(0).combine_chunks())
        table = table.remove_column(0)
    return pa.Table.from_arrays(columns, schema=schema)


def write(dataset: Dataset, path: Path) -> None:
    pq.write_table(arrow_table(dataset), path, compression="zstd")
    pa.default_memory_pool().release_unused()  # the table is gone: give its memory back now


WRITER = Writer(suffix=".parquet", write=write)
