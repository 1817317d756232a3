"""Prefect flows: a thin orchestration layer over the pure stages.

Only this module imports Prefect. Tasks are plain typed functions; only I/O
(reading or fetching a source) gets retries, with exponential backoff. The flow
body reads extract → transform → load. Flow parameters are plain strings, numbers
and booleans so that a deployment run validates them without importing anything.

Documents are parsed in the killable worker pool (`pipeline.stages.pool`): on the
thread runner each `process <uri>` task submits its document to the flow run's pool;
on Dask the task runs in the Dask worker process. Results stay in the cache and only
small outcomes travel through Prefect.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.deployments.runner import EntrypointType
from prefect.futures import PrefectFuture
from prefect.logging import get_run_logger
from prefect.logging.loggers import task_run_logger
from prefect.settings import PREFECT_API_URL
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff

from pipeline import progress
from pipeline.api import reconcile_results
from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, LoadedSource, Reconciled, SourceRef, Status
from pipeline.publish.guard import DEFAULT_MAX_SHRINK, PublishOptions
from pipeline.publish.output import DEFAULT_LOCK_TIMEOUT, output_lock
from pipeline.publish.publish import publish
from pipeline.publish.summary import run_markdown
from pipeline.settings import PipelineSettings
from pipeline.stages.cache import ResultCache, default_cache
from pipeline.stages.discover import discover, load, load_failed
from pipeline.stages.gazetteer import second_pass
from pipeline.stages.inputs import select_refs
from pipeline.stages.pool import (
    DocumentOutcome,
    DocumentPool,
    PoolSettings,
    StoredResults,
    job_for,
    outcome_of,
    run_job,
)

DEPLOYMENT_NAME = "scheduled-ingestion"


def _document_finished(task, task_run, state) -> None:  # type: ignore[no-untyped-def]
    """Task hook: one INFO (or WARNING) line per document, and the CLI's progress."""
    outcome = state.result(raise_on_failure=False)
    if not isinstance(outcome, DocumentOutcome):
        return
    logger = task_run_logger(task_run, task=task)
    if outcome.status == Status.OK:
        cached = " (cached)" if outcome.cached else ""
        logger.info("%s: ok, %d claims%s", outcome.uri, outcome.claims, cached)
    else:
        logger.warning("%s: quarantined: %s", outcome.uri, outcome.error_code or "unknown error")
    progress.document_done(
        progress.DocumentDone(outcome.uri, outcome.status, outcome.error_code, outcome.claims, outcome.cached)
    )


@task(
    name="load",
    task_run_name="load {ref.uri}",
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    retry_jitter_factor=0.2,
)
def load_task(ref: SourceRef) -> LoadedSource:
    return load(ref)


# pools of the flow runs in this process, by flow run id: tasks on the thread runner submit to it
_POOLS: dict[str, DocumentPool] = {}


@task(
    name="process-document",
    task_run_name="process {item.uri}",
    cache_policy=NO_CACHE,
    on_completion=[_document_finished],
)
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


@task(name="gazetteer", task_run_name="gazetteer second pass", cache_policy=NO_CACHE)
def gazetteer_task(
    refs: list[SourceRef], results: Sequence[DocumentResult], cache: ResultCache, read_cache: bool
) -> Sequence[DocumentResult]:
    """Names known from other documents, and the pages re-extracted with them."""
    return second_pass(refs, results, cache, read_cache=read_cache)


@task(name="reconcile", task_run_name="reconcile", cache_policy=NO_CACHE)
def reconcile_task(results: Sequence[DocumentResult], decisions: Path | None) -> Reconciled:
    return reconcile_results(results, decisions)


@task(name="publish", task_run_name="publish", cache_policy=NO_CACHE)
def publish_task(
    out_dir: Path,
    results: Sequence[DocumentResult],
    reconciled: Reconciled,
    timings: list[StageTiming],
    options: PublishOptions,
    raw_dir: Path | None = None,
) -> RunSummary:
    return publish(out_dir, results, reconciled, timings, options=options, raw_dir=raw_dir)


@task(name="artifacts", task_run_name="artifacts", cache_policy=NO_CACHE)
def artifacts_task(summary: RunSummary, reconciled: Reconciled, out_dir: Path) -> None:
    """The run summary with open conflicts (markdown) and a link to the report, in Prefect's UI."""
    create_markdown_artifact(
        markdown=run_markdown(summary, reconciled.conflicts, out_dir),
        key="cluster-policy-run-summary",
        description="What the run did, and the conflicts that wait for a reviewer.",
    )
    create_link_artifact(
        link=(out_dir / "report.html").resolve().as_uri(),
        link_text="review report",
        key="cluster-policy-report",
        description="The self-contained review report of the published output.",
    )


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
                outcome = outcome_of(load_failed(ref, error), stored=False)
                progress.document_done(
                    progress.DocumentDone(outcome.uri, outcome.status, outcome.error_code, 0, False)
                )
                pending.append(outcome)
        outcomes = [p if isinstance(p, DocumentOutcome) else p.result() for p in pending]
    return StoredResults(outcomes, cache)


@flow(name="cluster-policy-run", log_prints=True)
def run_flow(
    raw_dir: str,
    out_dir: str,
    decisions: str | None = None,
    use_cache: bool = True,
    allow_shrink: bool = False,
    max_shrink: float = DEFAULT_MAX_SHRINK,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    only: list[str] | None = None,
) -> RunSummary:
    """Discover, load, parse, extract, reconcile and publish one raw folder, holding the
    output folder's lock.

    Args:
        raw_dir: Folder of input documents (absolute in a deployment).
        out_dir: Output folder; published as a whole, in one step.
        decisions: Reviewer decisions file; default `<raw_dir>/decisions.json`.
        use_cache: Reuse the results of unchanged documents.
        allow_shrink: Publish even an empty output or one that drops many records.
        max_shrink: Largest share of a dataset's previous records a run may drop.
        lock_timeout: Seconds to wait for another run on the same output folder.
        only: Paths relative to `raw_dir` to process instead of the whole folder.
    """
    logger = get_run_logger()
    out, raw = Path(out_dir), Path(raw_dir)
    with output_lock(out, lock_timeout):
        started = time.perf_counter()
        refs = select_refs(discover(raw), only)
        logger.info("%d document(s) in %s", len(refs), raw_dir)
        progress.documents_found(len(refs))
        results = _processed(refs, default_cache(out), use_cache)
        results = gazetteer_task(refs, results, default_cache(out), use_cache)
        extracted = time.perf_counter()
        decisions_file = Path(decisions) if decisions else raw / "decisions.json"
        reconciled = reconcile_task(results, decisions_file)
        timings = [
            StageTiming(stage="load+parse+extract", seconds=round(extracted - started, 3)),
            StageTiming(stage="reconcile", seconds=round(time.perf_counter() - extracted, 3)),
        ]
        options = PublishOptions(max_shrink=max_shrink, allow_shrink=allow_shrink)
        summary = publish_task(out, results, reconciled, timings, options, raw)
    logger.info(
        "published %s: %d document(s) (%d quarantined), %d open conflict(s)",
        out, summary.documents_seen, summary.documents_quarantined, summary.conflicts_open,
    )
    artifacts_task(summary, reconciled, out)
    return summary


def guard_embedded_server() -> None:
    """Start Prefect's temporary API server now (when no PREFECT_API_URL is set), once for the
    whole run: its URL goes into the environment, so Dask worker processes share it instead of
    each starting their own (about 200 MiB and seconds of CPU each); a watchdog stops it if this
    process is killed (`pipeline.watchdog`; Linux /proc)."""
    from prefect.server.api.server import SubprocessASGIServer

    if os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value():
        return
    server = SubprocessASGIServer()  # the same instance Prefect's client uses in this process
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    if server.server_process is None or not Path("/proc/self/stat").exists():
        return
    subprocess.Popen(
        [sys.executable, "-m", "pipeline.watchdog", str(os.getpid()), str(server.server_process.pid),
         "prefect.server.api.server"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def flow_parameters(settings: PipelineSettings, only: list[str] | None = None) -> dict[str, object]:
    """The run flow's parameters from settings, with paths made absolute (a deployment
    runs in another working directory)."""
    return {
        "raw_dir": str(settings.raw_dir.resolve()),
        "out_dir": str(settings.out_dir.resolve()),
        "decisions": str(settings.decisions.resolve()) if settings.decisions else None,
        "allow_shrink": settings.allow_shrink,
        "max_shrink": settings.max_shrink,
        "lock_timeout": settings.lock_timeout,
        "only": only,
    }


def flow_for(settings: PipelineSettings):  # type: ignore[no-untyped-def]
    """The run flow with the task runner the settings ask for (threads, or a Dask cluster)."""
    if settings.runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            runner = DaskTaskRunner(address=settings.dask_address)
        else:
            guard_embedded_server()  # one API server for the flow and every Dask worker
            cluster = {"n_workers": settings.workers, "threads_per_worker": 1, "processes": True}
            runner = DaskTaskRunner(cluster_kwargs=cluster)
        return run_flow.with_options(task_runner=runner)
    return run_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.workers))


def serve(settings: PipelineSettings) -> None:
    """Serve the run flow on a cron schedule (needs a Prefect server or Cloud to schedule);
    one run at a time (a concurrency limit of 1, and the output folder's lock)."""
    params = flow_parameters(settings)
    params.pop("only")
    run_flow.serve(
        name=DEPLOYMENT_NAME,
        cron=settings.cron,
        parameters=params,
        global_limit=1,
        description="Scheduled ingestion of the raw folder into the published output.",
        entrypoint_type=EntrypointType.MODULE_PATH,  # importable wherever the package is installed
    )
