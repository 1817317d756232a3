"""Write `extracted/` atomically, with sorted keys, so that equal inputs give equal bytes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.records import DocumentRecord, RunSummary
from pipeline.storage import atomic_write, to_json, to_jsonl  # noqa: F401  (re-exported)

RECORD_DIRS = ("documents", "policies", "clusters", "countries", "conflicts")


def write_records(folder: Path, records: Sequence[StrictModel], name_of: str = "id") -> int:
    """One file per record (`<id>.json`); files of records that no longer exist are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{getattr(r, name_of)}.json": r for r in records}
    for stale in folder.glob("*.json"):
        if stale.name not in wanted:
            stale.unlink()
    for name, record in sorted(wanted.items()):
        atomic_write(folder / name, to_json(record))
    return len(wanted)


def read_previous_documents(out_dir: Path) -> dict[str, DocumentRecord]:
    """The document records of the previous run (to count new / changed / unchanged)."""
    previous: dict[str, DocumentRecord] = {}
    for path in sorted((out_dir / "documents").glob("*.json")):
        try:
            record = DocumentRecord.model_validate_json(path.read_bytes())
        except ValueError:
            continue  # a hand-edited or older record only loses its "unchanged" status
        previous[record.id] = record
    return previous


def write_run_summary(out_dir: Path, summary: RunSummary) -> None:
    atomic_write(out_dir / "run.json", to_json(summary))
