"""Write `extracted/` atomically, with sorted keys, so that equal inputs give equal bytes."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.records import DocumentRecord, RunSummary
from pipeline.publish.output import file_mode

RECORD_DIRS = ("documents", "policies", "clusters", "countries", "conflicts")


def to_json(model: StrictModel) -> str:
    """Canonical JSON: sorted keys, two-space indent, UTF-8, trailing newline."""
    data = model.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(models: Iterable[StrictModel]) -> str:
    return "".join(
        json.dumps(m.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        + "\n"
        for m in models
    )


def atomic_write(path: Path, text: str) -> bool:
    """Write via a temporary file and rename; skip when the bytes are already there.

    Returns True when the file changed.
    """
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, file_mode())  # mkstemp's 0600 would hide the output from other readers
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


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
