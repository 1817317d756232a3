"""`manifest.json`: what a run published, with each file's rows and sha256.

Everything in the manifest except its `run` block (run id and time) is byte-identical
on every run over the same inputs. `run.json`, `runs/` and `.cache/` are not listed:
they describe runs, not the published data.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq
from pydantic import Field

import pipeline
from pipeline.datamodel.base import SCHEMA_VERSION, StrictModel

MANIFEST = "manifest.json"
UNLISTED = frozenset({MANIFEST, "run.json", "runs", ".cache"})


class ManifestRun(StrictModel):
    id: str = Field(description="The run summary's id (run.json).")
    created_at: str = Field(description="When the output was published (UTC, ISO 8601); varies per run.")


class ManifestFile(StrictModel):
    path: str = Field(description="Path relative to the output folder, with forward slashes.")
    bytes: int
    rows: int | None = Field(
        description="Records in the file: lines of JSONL, data rows of CSV and Parquet, 1 for a record "
        "file; null for the report."
    )
    sha256: str


class Manifest(StrictModel):
    record_type: str = "manifest"
    schema_version: str = SCHEMA_VERSION
    run: ManifestRun
    tool: dict[str, str] = Field(description="Versions of the pipeline and of the dataset writers.")
    varies_between_runs: list[str] = Field(
        default=["run"],
        description="The parts of this manifest that differ between runs over the same inputs; "
        "everything else, and every listed file, is byte-identical.",
    )
    files: list[ManifestFile]


CSV_FIELD_LIMIT = 2**31 - 1  # a cell holds a whole list as JSON: far above csv's 128 KiB default
READ_CHUNK = 1 << 20


@contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def row_count(path: Path) -> int | None:
    """Records in a published file, read line by line (the file is never held whole)."""
    if path.suffix == ".jsonl":
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    if path.suffix == ".parquet":
        return pq.read_metadata(path).num_rows
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as text, _csv_field_limit(CSV_FIELD_LIMIT):
            return sum(1 for _ in csv.reader(text)) - 1
    if path.suffix == ".json":
        return 1
    return None


def _digest(path: Path) -> tuple[int, str]:
    """Size and sha256 of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as data:
        while chunk := data.read(READ_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def file_entry(root: Path, path: Path) -> ManifestFile:
    size, sha256 = _digest(path)
    return ManifestFile(
        path=path.relative_to(root).as_posix(),
        bytes=size,
        rows=row_count(path),
        sha256=sha256,
    )


def build_manifest(root: Path, run_id: str, now: datetime | None = None) -> Manifest:
    files = sorted(
        (p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] not in UNLISTED),
        key=lambda p: p.relative_to(root).as_posix(),
    )
    return Manifest(
        run=ManifestRun(
            id=run_id, created_at=(now or datetime.now(UTC)).isoformat(timespec="seconds")
        ),
        tool={"cluster-policy-pipeline": pipeline.__version__, "pyarrow": pyarrow.__version__},
        files=[file_entry(root, p) for p in files],
    )


def write_manifest(root: Path, run_id: str) -> Path:
    manifest = build_manifest(root, run_id)
    path = root / MANIFEST
    path.write_text(
        json.dumps(manifest.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return path
