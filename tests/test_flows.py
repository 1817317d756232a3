"""The Prefect flow behind `run`, on the embedded default (no server to start)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import RAW

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
