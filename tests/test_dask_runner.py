"""The Dask runner: one Prefect API server for the flow and every Dask worker, spaCy built once
per worker process, and output identical to the single-process run whatever the batching."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psutil
import pytest

from tests.conftest import RAW, published_bytes

pytestmark = pytest.mark.slow

DOCS = [
    "press/luxembourg-lu-creative-industries-cluster.html",
    "press/luxinnovation-news-cluster-initiative.html",
    "presentations/luxinnovation-2008-cluster-initiative.pdf",
    "factsheets/eccp-factsheet-be-2023-reportlab.pdf",
]


def _worker_facts() -> tuple[int, int, str | None]:
    """Run on each Dask worker: its pid, how many spaCy pipelines it built, its API URL."""
    from pipeline.models.nlp.pipeline import _build_nlp

    return os.getpid(), _build_nlp.cache_info().misses, os.environ.get("PREFECT_API_URL")


def _servers() -> list[psutil.Process]:
    """Prefect API server processes below this one (the temporary server runs uvicorn on
    `prefect.server.api.server`; a worker starting its own would be below its nanny, so here too)."""
    found = []
    for proc in psutil.Process().children(recursive=True):
        try:
            if "prefect.server.api.server:create_app" in " ".join(proc.cmdline()):
                found.append(proc)
        except psutil.Error:
            continue
    return found


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    for uri in DOCS:
        (folder / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(RAW / uri, folder / uri)
    return folder


def test_dask_workers_share_one_prefect_server_and_build_spacy_once(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    monkeypatch.setenv("DO_NOT_TRACK", "1")
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from distributed import Client, LocalCluster

    from pipeline.api import run_pipeline
    from pipeline.flows import flow_for, guard_embedded_server
    from pipeline.settings import PipelineSettings

    run_pipeline(raw, tmp_path / "single", in_process=True)
    guard_embedded_server()  # as `run` does: before any worker starts
    api = os.environ["PREFECT_API_URL"]
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        settings = PipelineSettings(
            raw_dir=raw, out_dir=tmp_path / "dask", runner="dask", dask_address=cluster.scheduler_address
        )
        summary = flow_for(settings)(str(raw), str(tmp_path / "dask"), None, False, documents_per_task=1)
        facts = list(client.run(_worker_facts).values())
        servers = _servers()
    assert summary.documents_seen == len(DOCS)
    assert len(servers) == 1
    assert [url for _, _, url in facts] == [api, api]
    builds = sorted(misses for _, misses, _ in facts)
    assert builds in ([1, 1], [0, 1])  # never twice in one worker (0: that worker parsed no press)
    assert published_bytes(tmp_path / "dask") == published_bytes(tmp_path / "single")
