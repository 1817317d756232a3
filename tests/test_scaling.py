"""Memory that does not grow with the number of documents (issue 11): the run history is scanned
one record at a time, the state fingerprint is hashed item by item, the forkserver is stopped
once the documents are processed. Each gives exactly what the all-in-memory version gave."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from pathlib import Path

import psutil
import pytest

from pipeline.publish.history import (
    ClaimPrint,
    ConflictPrint,
    DocumentChanges,
    InputFile,
    RunRecord,
    baseline,
    load_history,
    scan_history,
    state_fingerprint,
)
from pipeline.stages.pool import stop_forkserver


def _print(i: int) -> ClaimPrint:
    return ClaimPrint(
        subject_id=f"cluster-{i % 7}",
        subject_type="cluster",
        subject_name=f"Clüster «{i % 7}»",  # not ASCII: written as it is (ensure_ascii=False)
        attribute=("created_year", "mentioned", "name")[i % 3],
        doc_id=f"doc-{i:04d}",
        uri=f"press/{i:04d}.html",
        qualifier="announced" if i % 5 == 0 else None,
        value=json.dumps(2000 + i % 11),
    )


def _whole_text_fingerprint(
    inputs: list[InputFile], claims: list[ClaimPrint], conflicts: list[ConflictPrint], warnings: list[str]
) -> str:
    """The fingerprint as it was computed before: the whole payload as one JSON text."""
    payload = {
        "inputs": sorted((i.doc_id, i.sha256, i.status) for i in inputs),
        "claims": sorted(c.fact() for c in claims),
        "conflicts": sorted(c.model_dump_json() for c in conflicts),
        "warnings": sorted(warnings),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize("n", [0, 1, 40])
def test_state_fingerprint_hashes_the_same_text_item_by_item(n: int) -> None:
    inputs = [InputFile(doc_id=f"doc-{i}", uri=f"{i}.html", sha256=f"{i:x}", status="ok") for i in range(n)]
    claims = [_print(i) for i in reversed(range(n))]
    conflicts = [
        ConflictPrint(id=f"c{i}", subject_id="s", subject_name="Š", attribute="a", status="open", values=["1", "2"])
        for i in range(n // 10)
    ]
    warnings = [f"warning {i} — é" for i in range(n % 3)]
    expected = _whole_text_fingerprint(inputs, claims, conflicts, warnings)
    assert state_fingerprint(inputs, claims, conflicts, warnings) == expected


def _record(run_id: str, state: str, n_claims: int = 0) -> RunRecord:
    return RunRecord(
        run_id=run_id,
        started_at="",
        finished_at="",
        tool_version="0",
        state=state,
        inputs=[InputFile(doc_id="d", uri=f"{run_id}.html", sha256="0", status="ok")],
        documents=DocumentChanges(),
        claims=[_print(i) for i in range(n_claims)],
        conflicts=[],
    )


HISTORIES = {
    "empty": [],
    "reruns of the same state": [("20260101T0Z-a", "A"), ("20260102T0Z-b", "B"), ("20260103T0Z-c", "B")],
    "only the current state": [("20260101T0Z-a", "B")],
    "an unreadable file": [("20260101T0Z-a", "A"), ("20260102T0Z-b", None), ("20260103T0Z-c", "C")],
    "a file named out of order": [("20260105T0Z-z", "A"), ("20260101T0Z-a", "C")],
}


@pytest.mark.parametrize("history", HISTORIES, ids=list(HISTORIES))
def test_scan_history_finds_the_latest_run_and_the_baseline_of_load_history(tmp_path: Path, history: str) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    for n, (run_id, state) in enumerate(HISTORIES[history]):
        name = f"{n:02d}-{run_id}.json" if history == "a file named out of order" else f"{run_id}.json"
        text = "{broken" if state is None else _record(run_id, state, n_claims=3).model_dump_json()
        (runs / name).write_text(text, encoding="utf-8")
    loaded = load_history(tmp_path)
    scanned = scan_history(tmp_path, "B")
    assert scanned.problems == loaded.problems
    assert scanned.latest == loaded.latest
    assert scanned.baseline == baseline(loaded.runs, "B")


def test_stop_forkserver_stops_it_and_a_later_pool_starts_it_again() -> None:
    ctx = multiprocessing.get_context("forkserver")
    with ctx.Pool(1) as pool:
        assert pool.apply(sum, ([1, 2],)) == 3
    from multiprocessing import forkserver

    pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    assert pid is not None
    assert stop_forkserver() is True
    assert forkserver._forkserver._forkserver_pid is None  # type: ignore[attr-defined]
    assert not psutil.pid_exists(pid)  # stopped and reaped
    assert stop_forkserver() is False  # nothing left to stop
    with ctx.Pool(1) as pool:
        assert pool.apply(sum, ([3, 4],)) == 7
