"""The Prefect flow behind `run`, on the embedded default (no server to start)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from pipeline.stages.runmanifest import RUN_MANIFEST
from tests.conftest import RAW, published_bytes

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="module")
def flow_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.flows import run_flow

    raw = tmp_path_factory.mktemp("raw")
    shutil.copytree(RAW / "press", raw / "press")
    shutil.copy(RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf", raw / "be.pdf")
    (raw / "broken.pdf").write_bytes(b"not a pdf at all")
    (raw / "sources.txt").write_text("http://127.0.0.1:9/gone.html\n")  # refused: retried, then recorded
    out = tmp_path_factory.mktemp("out")
    summary = run_flow(str(raw), str(out))
    assert summary.documents_seen == 5
    return out


def test_flow_publishes_records_and_quarantines_bad_input(flow_out: Path) -> None:
    run = json.loads((flow_out / "run.json").read_text())
    assert run["documents_quarantined"] == 2
    errors = sorted(
        json.loads(p.read_text())["error"]["code"]
        for p in (flow_out / "documents").glob("*.json")
        if json.loads(p.read_text())["status"] == "quarantined"
    )
    assert errors == ["blocked_address", "not_pdf"]  # loopback is refused unless fetch_allowed_networks
    assert run["records_written"]["policies"] == 2
    names = sorted(json.loads(p.read_text())["name"] for p in (flow_out / "policies").glob("*.json"))
    assert names == ["Flanders Innovation Clusters Policy", "Walloon Region Competitive Clusters Policy"]
    assert (flow_out / "report.html").read_text().startswith("<!DOCTYPE html>")


def test_flow_and_library_give_the_same_records(flow_out: Path, tmp_path: Path) -> None:
    from pipeline.api import run_pipeline
    from pipeline.flows import run_flow  # noqa: F401  (same inputs, no Prefect)

    raw = tmp_path / "raw"
    shutil.copytree(RAW / "press", raw / "press")
    shutil.copy(RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf", raw / "be.pdf")
    (raw / "broken.pdf").write_bytes(b"not a pdf at all")
    (raw / "sources.txt").write_text("http://127.0.0.1:9/gone.html\n")
    run_pipeline(raw, tmp_path / "out")
    for folder in ("documents", "policies", "clusters", "conflicts", "countries"):
        a = {p.name: p.read_bytes() for p in (flow_out / folder).glob("*.json")}
        b = {p.name: p.read_bytes() for p in (tmp_path / "out" / folder).glob("*.json")}
        assert a == b, folder


def _task_run_names(state: object, expected: int, wait: float = 60) -> list[str]:
    """The names of a flow run's task runs, as the API has them (task runs reach it as events,
    so it is asked until all `expected` are there, for at most `wait` seconds)."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    run_id = state.state_details.flow_run_id  # type: ignore[attr-defined]
    flow_runs = FlowRunFilter(id=FlowRunFilterId(any_=[run_id]))
    names: list[str] = []
    deadline = time.monotonic() + wait
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            names = sorted(r.name for r in client.read_task_runs(flow_run_filter=flow_runs))
            if len(names) >= expected:
                break
            time.sleep(0.5)
    return names


def _press_and_be(raw: Path) -> Path:
    shutil.copytree(RAW / "press", raw / "press")
    shutil.copy(RAW / "factsheets" / "eccp-factsheet-be-2023-reportlab.pdf", raw / "be.pdf")
    return raw


def test_documents_are_processed_in_batches_of_documents_per_task(tmp_path: Path) -> None:
    from pipeline.flows import run_flow

    raw = _press_and_be(tmp_path / "raw")
    state = run_flow(str(raw), str(tmp_path / "out"), documents_per_task=2, return_state=True)
    docs = ["be.pdf", *sorted(f"press/{p.name}" for p in (RAW / "press").glob("*.html"))]
    names = _task_run_names(state, 5)
    batches = [f"process {docs[0]} … {docs[1]} (2 documents)", f"process {docs[2]}"]
    assert names == sorted(["artifacts", "gazetteer second pass", "publish", "reconcile", *batches])
    documents = sorted(p.name for p in (tmp_path / "out" / "documents").glob("*.json"))
    assert len(documents) == 3  # one record per document, whatever the batch


def test_a_warm_run_makes_no_processing_task(tmp_path: Path) -> None:
    from pipeline.flows import run_flow

    raw = _press_and_be(tmp_path / "raw")
    run_flow(str(raw), str(tmp_path / "out"))
    first = published_bytes(tmp_path / "out")
    (tmp_path / "out" / RUN_MANIFEST).unlink()  # else nothing changed: no task at all (below)
    state = run_flow(str(raw), str(tmp_path / "out"), return_state=True)
    summary = state.result()  # type: ignore[union-attr]
    assert (summary.documents_seen, summary.documents_from_cache) == (3, 3)
    assert _task_run_names(state, 3) == ["artifacts", "gazetteer second pass", "publish", "reconcile"]
    assert published_bytes(tmp_path / "out") == first


def test_a_run_on_which_nothing_changed_makes_no_task_and_publishes_nothing(tmp_path: Path) -> None:
    from pipeline.flows import run_flow

    raw, out = _press_and_be(tmp_path / "raw"), tmp_path / "out"
    run_flow(str(raw), str(out))
    first = published_bytes(out)
    report = (out / "report.html").stat().st_mtime_ns
    state = run_flow(str(raw), str(out), return_state=True)
    summary = state.result()  # type: ignore[union-attr]
    assert (summary.documents_seen, summary.documents_unchanged, summary.documents_from_cache) == (3, 3, 3)
    assert [t.stage for t in summary.timings] == ["unchanged check"]
    assert _task_run_names(state, 1, wait=5) == []
    assert published_bytes(out) == first
    assert (out / "report.html").stat().st_mtime_ns == report
    assert max(p.stem for p in (out / "runs").glob("*.json")) == summary.id
