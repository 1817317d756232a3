"""Dataset formats: one module each; importing this package registers them (one line each)."""

from pipeline.publish.datasets import register
from pipeline.publish.formats import csv, jsonl, parquet

register("jsonl", jsonl.WRITER)
register("parquet", parquet.WRITER)
register("csv", csv.WRITER)
