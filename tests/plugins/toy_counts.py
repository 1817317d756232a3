"""A toy output format, as a plugin would add one: one module and one registration line.

`datasets/<name>.count` holds the number of records of each dataset.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.publish.datasets import WRITERS, Dataset, Writer, register

NAME = "toy-count"


def write(dataset: Dataset, path: Path) -> None:
    path.write_text(f"{len(dataset.records)}\n", encoding="utf-8")


def install() -> None:
    register(NAME, Writer(suffix=".count", write=write))


def uninstall() -> None:
    WRITERS.pop(NAME, None)
