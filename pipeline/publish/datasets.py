"""The datasets of a run (`datasets/<name>.<format>`) and the registry of their writers.

A writer is one module in `pipeline/publish/formats/` exposing a `Writer`; it is made
available by one registration line in `formats/__init__.py`. Writers receive a
`Dataset` (name, record model, records) and return the file they wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pipeline.datamodel.base import StrictModel
from pipeline.publish.tabular import Column, Scalar, columns_of, flat_row

# The flat datasets (one row per record, no per-record lists of facts) also go to CSV.
FLAT_DATASETS = frozenset({"policies", "countries", "clusters", "conflicts"})


@dataclass(frozen=True)
class Dataset:
    name: str
    model: type[StrictModel]
    records: Sequence[StrictModel]

    @cached_property
    def columns(self) -> list[Column]:
        return columns_of(self.model)

    def rows(self) -> list[dict[str, Scalar]]:
        return list(self.iter_rows())

    def iter_rows(self) -> Iterator[dict[str, Scalar]]:
        """The flat rows one at a time, so that a writer never holds them all as dicts."""
        for record in self.records:
            yield flat_row(record, self.columns)


@dataclass(frozen=True)
class Writer:
    """A dataset format: file suffix, which datasets it applies to, and the write function."""

    suffix: str
    write: Callable[[Dataset, Path], None]
    applies: Callable[[Dataset], bool] = lambda dataset: True


WRITERS: dict[str, Writer] = {}


def register(name: str, writer: Writer) -> Writer:
    WRITERS[name] = writer
    return writer


def write_datasets(folder: Path, datasets: Sequence[Dataset]) -> list[Path]:
    """Every dataset in every registered format that applies to it; returns the files."""
    import pipeline.publish.formats  # noqa: F401  (registers the writers)

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for dataset in datasets:
        for writer in WRITERS.values():
            if writer.applies(dataset):
                path = folder / f"{dataset.name}{writer.suffix}"
                writer.write(dataset, path)
                written.append(path)
    return written
