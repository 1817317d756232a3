"""Prefect flows: a thin orchestration layer over the pure stages.

Only this module imports Prefect. Tasks are plain typed functions; only I/O
(reading a source) gets retries. The flow body reads extract → transform → load.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, task
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.api import reconcile_results
from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, LoadedSource, SourceRef
from pipeline.publish.publish import publish
from pipeline.reconcile.records import Reconciled
from pipeline.settings import PipelineSettings
from pipeline.stages.cache import ResultCache, default_cache, process_cached
from pipeline.stages.discover import discover, load, load_failed


@task(name="load", retries=2, retry_delay_seconds=1)
def load_task(ref: SourceRef) -> LoadedSource:
    return load(ref)


@task(name="process-document")
def process_task(source: LoadedSource, cache_dir: Path | None) -> DocumentResult:
    return process_cached(source, ResultCache(cache_dir) if cache_dir is not None else None)


@task(name="reconcile")
def reconcile_task(results: list[DocumentResult], decisions: Path | None) -> Reconciled:
    return reconcile_results(results, decisions)


@task(name="publish")
def publish_task(
    out_dir: Path,
    results: list[DocumentResult],
    reconciled: Reconciled,
    timings: list[StageTiming],
    raw_dir: Path | None = None,
) -> RunSummary:
    return publish(out_dir, results, reconciled, timings, raw_dir)


def _processed(
    refs: list[SourceRef], loads: list[PrefectFuture[LoadedSource]], cache_dir: Path | None
) -> list[DocumentResult]:
    """Process every loaded source in parallel; a load that failed after its retries is recorded."""
    pending: list[PrefectFuture[DocumentResult] | DocumentResult] = []
    for ref, future in zip(refs, loads, strict=True):
        source = future.result(raise_on_failure=False)
        if isinstance(source, LoadedSource):
            pending.append(process_task.submit(source, cache_dir))
        else:
            error = source if isinstance(source, OSError) else OSError(str(source))
            pending.append(load_failed(ref, error))
    return [p if isinstance(p, DocumentResult) else p.result() for p in pending]


@flow(name="cluster-policy-run", log_prints=True)
def run_flow(
    raw_dir: Path, out_dir: Path, decisions: Path | None = None, use_cache: bool = True
) -> RunSummary:
    started = time.perf_counter()
    refs = discover(raw_dir)
    results = _processed(refs, load_task.map(refs), default_cache(out_dir).folder if use_cache else None)
    extracted = time.perf_counter()
    reconciled = reconcile_task(results, decisions)
    timings = [
        StageTiming(stage="load+parse+extract", seconds=round(extracted - started, 3)),
        StageTiming(stage="reconcile", seconds=round(time.perf_counter() - extracted, 3)),
    ]
    return publish_task(out_dir, results, reconciled, timings, raw_dir)


def flow_for(settings: PipelineSettings):  # type: ignore[no-untyped-def]
    """The run flow with the task runner the settings ask for (threads, or a Dask cluster)."""
    if settings.runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            runner = DaskTaskRunner(address=settings.dask_address)
        else:
            runner = DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "processes": True})
        return run_flow.with_options(task_runner=runner)
    return run_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.workers))


def serve(settings: PipelineSettings) -> None:
    """Serve the run flow on a cron schedule (needs a Prefect server or Cloud to schedule)."""
    flow_for(settings).serve(
        name="scheduled-ingestion",
        cron=settings.cron,
        parameters={
            "raw_dir": str(settings.raw_dir),
            "out_dir": str(settings.out_dir),
            "decisions": str(settings.decisions_path()),
        },
    )
