"""`manifest.json`: what a run published, with each file's rows and sha256.

Everything in the manifest except its `run` block (run id and time) is byte-identical
on every run over the same inputs. `run.json`, `runs/` and `.cache/` are not listed:
they describe runs, not the published data.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
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


def row_count(path: Path) -> int | None:
    if path.suffix == ".jsonl":
        return sum(1 for line in path.read_bytes().splitlines() if line.strip())
    if path.suffix == ".parquet":
        return pq.read_metadata(path).num_rows
    if path.suffix == ".csv":
        return sum(1 for _ in csv.reader(io.StringIO(path.read_text("utf-8")))) - 1
    if path.suffix == ".json":
        return 1
    return None


def file_entry(root: Path, path: Path) -> ManifestFile:
    data = path.read_bytes()
    return ManifestFile(
        path=path.relative_to(root).as_posix(),
        bytes=len(data),
        rows=row_count(path),
        sha256=hashlib.sha256(data).hexdigest(),
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
