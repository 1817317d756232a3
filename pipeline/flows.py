"""Prefect flows: a thin orchestration layer over the pure stages.

Only this module imports Prefect. Tasks are plain typed functions; only I/O
(reading a source) gets retries. The flow body reads extract → transform → load.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture
from prefect.settings import PREFECT_API_URL
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.api import reconcile_results
from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, LoadedSource, SourceRef
from pipeline.publish.publish import publish
from pipeline.reconcile.records import Reconciled
from pipeline.settings import PipelineSettings
from pipeline.stages.cache import ResultCache, default_cache
from pipeline.stages.discover import discover, load, load_failed
from pipeline.stages.pool import (
    DocumentOutcome,
    DocumentPool,
    PoolSettings,
    StoredResults,
    job_for,
    outcome_of,
    run_job,
)


@task(name="load", retries=2, retry_delay_seconds=1)
def load_task(ref: SourceRef) -> LoadedSource:
    return load(ref)


# pools of the flow runs in this process, by flow run id: tasks on the thread runner submit to it
_POOLS: dict[str, DocumentPool] = {}


@task(name="process-document", task_run_name="process {item.uri}", cache_policy=NO_CACHE)
def process_task(
    item: SourceRef | LoadedSource, cache_dir: Path, fingerprint: str, read_cache: bool, pool_key: str
) -> DocumentOutcome:
    """One document in the flow's worker pool (killable, with a deadline and a memory cap); on a
    runner whose tasks run in other processes (Dask), in that worker process itself."""
    pool = _POOLS.get(pool_key)
    if pool is not None:
        return pool.submit(item).result()
    limit = PoolSettings().memory_limit_mib
    cache = ResultCache(cache_dir, fingerprint)  # the flow's key, which reads the results back
    return run_job(job_for(item), cache, read_cache=read_cache, limit_mib=limit)


@task(name="reconcile", cache_policy=NO_CACHE)
def reconcile_task(results: Sequence[DocumentResult], decisions: Path | None) -> Reconciled:
    return reconcile_results(results, decisions)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(
    out_dir: Path,
    results: Sequence[DocumentResult],
    reconciled: Reconciled,
    timings: list[StageTiming],
    raw_dir: Path | None = None,
) -> RunSummary:
    return publish(out_dir, results, reconciled, timings, raw_dir)


@contextmanager
def _flow_pool(cache: ResultCache, read_cache: bool) -> Iterator[str]:
    """A worker pool for this flow run when its tasks run in this process (the thread runner);
    yields the key tasks find it by. On other runners (Dask) tasks run in their own processes."""
    ctx = FlowRunContext.get()
    key = str(ctx.flow_run.id) if ctx is not None and ctx.flow_run is not None else "flow"
    if ctx is None or not isinstance(ctx.task_runner, ThreadPoolTaskRunner):
        yield key
        return
    with DocumentPool(PoolSettings(), cache, read_cache=read_cache) as pool:
        _POOLS[key] = pool
        try:
            yield key
        finally:
            _POOLS.pop(key, None)


def _processed(refs: list[SourceRef], cache: ResultCache, read_cache: bool) -> StoredResults:
    """Process every source: files go straight to a pool worker (which reads them); URLs are
    fetched by the `load` task first (it retries), and a fetch that still fails is recorded.
    Results stay in the cache; only small outcomes come back through Prefect."""
    with _flow_pool(cache, read_cache) as key:
        urls = [ref for ref in refs if ref.path is None]
        loads = dict(zip((r.uri for r in urls), load_task.map(urls), strict=True)) if urls else {}
        pending: list[PrefectFuture[DocumentOutcome] | DocumentOutcome] = []
        for ref in refs:
            item = loads[ref.uri].result(raise_on_failure=False) if ref.path is None else ref
            if isinstance(item, (SourceRef, LoadedSource)):
                pending.append(process_task.submit(item, cache.folder, cache.fingerprint, read_cache, key))
            else:
                error = item if isinstance(item, OSError) else OSError(str(item))
                pending.append(outcome_of(load_failed(ref, error), stored=False))
        outcomes = [p if isinstance(p, DocumentOutcome) else p.result() for p in pending]
    return StoredResults(outcomes, cache)


@flow(name="cluster-policy-run", log_prints=True)
def run_flow(
    raw_dir: Path, out_dir: Path, decisions: Path | None = None, use_cache: bool = True
) -> RunSummary:
    started = time.perf_counter()
    refs = discover(raw_dir)
    results = _processed(refs, default_cache(out_dir), use_cache)
    extracted = time.perf_counter()
    reconciled = reconcile_task(results, decisions)
    timings = [
        StageTiming(stage="load+parse+extract", seconds=round(extracted - started, 3)),
        StageTiming(stage="reconcile", seconds=round(time.perf_counter() - extracted, 3)),
    ]
    return publish_task(out_dir, results, reconciled, timings, raw_dir)


def _share_api_with_worker_processes() -> None:
    """Dask workers are processes of their own: with no API URL set, each would start its own
    temporary Prefect server (about 200 MiB and several seconds of CPU each). Start the temporary
    server once, here, and hand its URL to the workers through the environment they inherit."""
    if os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value():
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the same instance Prefect's client uses in this process
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url


def flow_for(settings: PipelineSettings):  # type: ignore[no-untyped-def]
    """The run flow with the task runner the settings ask for (threads, or a Dask cluster)."""
    if settings.runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            runner = DaskTaskRunner(address=settings.dask_address)
        else:
            _share_api_with_worker_processes()
            cluster = {"n_workers": settings.workers, "threads_per_worker": 1, "processes": True}
            runner = DaskTaskRunner(cluster_kwargs=cluster)
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
