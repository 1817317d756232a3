"""Prefect flows: a thin orchestration layer over the pure stages.

Only this module imports Prefect. Tasks are plain typed functions; only I/O
(reading or fetching a source) gets retries, with exponential backoff. The flow
body reads extract → transform → load. Flow parameters are plain strings, numbers
and booleans so that a deployment run validates them without importing anything.

Documents are parsed in the killable worker pool (`pipeline.stages.pool`): on the
thread runner each `process …` task submits its batch of documents to the flow run's
pool; on Dask the task runs in the Dask worker process. Results stay in the cache and
only small outcomes travel through Prefect.

What Prefect costs is kept per batch, not per document (measured with benchmarks/bench.py
`--only prefect-overhead`): unchanged documents are answered from the cache before any
task is submitted, so a warm run makes no processing task at all; the others go in
batches of at most `documents_per_task` (one task run, one log line per document); no
task persists its result or computes a cache key; large arguments (the results, the
reconciled records) are passed `quote`d, so Prefect does not walk through them looking
for futures.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import as_completed
from contextlib import contextmanager
from logging import Logger, LoggerAdapter
from pathlib import Path
from typing import TypeVar

from prefect import flow, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.deployments.runner import EntrypointType
from prefect.logging import get_run_logger
from prefect.settings import PREFECT_API_URL
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

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
    cached_outcome,
    default_workers,
    job_for,
    outcome_of,
    run_job,
)
from pipeline.stages.runmanifest import RunKey, remember_publish, run_key, run_settings, unchanged_run

DEPLOYMENT_NAME = "scheduled-ingestion"
DEFAULT_DOCUMENTS_PER_TASK = 25
TASKS_PER_WORKER = 4  # on Dask: at least this many batches per worker (see spread_batch_size)

T = TypeVar("T")
RunLogger = Logger | LoggerAdapter  # type: ignore[type-arg]


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """Consecutive batches of `size` items (the last one shorter); a size below 1 counts as 1.

    >>> [len(b) for b in batches(list(range(60)), 25)]
    [25, 25, 10]
    >>> batches([], 25)
    []
    """
    size = max(1, size)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def spread_batch_size(documents: int, per_task: int, workers: int) -> int:
    """The batch size for a runner whose tasks are the parallel units (Dask): at most `per_task`,
    and small enough for `TASKS_PER_WORKER` batches per worker, so that one slow batch does not
    leave the other workers idle at the end of the run. (On the thread runner the flow's pool
    runs a batch's documents in parallel, so batches are `per_task` long.)

    >>> spread_batch_size(56, 25, 2), spread_batch_size(1000, 25, 2), spread_batch_size(3, 25, 2)
    (7, 25, 1)
    """
    return max(1, min(per_task, math.ceil(documents / (TASKS_PER_WORKER * workers))))


def batch_label(uris: Sequence[str]) -> str:
    """The name of a batch's task run.

    >>> batch_label(["be.pdf"])
    'be.pdf'
    >>> batch_label(["a.pdf", "b.html", "c.pdf"])
    'a.pdf … c.pdf (3 documents)'
    """
    if len(uris) == 1:
        return uris[0]
    return f"{uris[0]} … {uris[-1]} ({len(uris)} documents)"


def _report(outcome: DocumentOutcome, logger: RunLogger) -> None:
    """One INFO (or WARNING) line per processed document, and the CLI's progress."""
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
    cache_policy=NO_CACHE,
    persist_result=False,
)
def load_task(ref: SourceRef) -> LoadedSource:
    return load(ref)


# pools of the flow runs in this process, by flow run id: tasks on the thread runner submit to it
_POOLS: dict[str, DocumentPool] = {}


@task(
    name="process-documents",
    task_run_name="process {label}",
    cache_policy=NO_CACHE,
    persist_result=False,
)
def process_task(
    items: list[SourceRef | LoadedSource], label: str, cache_dir: Path, fingerprint: str, pool_key: str
) -> list[DocumentOutcome]:
    """A batch of documents (not in the cache) in the flow's worker pool (killable, with a
    deadline and a memory cap); on a runner whose tasks run in other processes (Dask), one after
    the other in that worker process itself. Outcomes in the items' order."""
    logger = get_run_logger()
    pool = _POOLS.get(pool_key)
    outcomes: list[DocumentOutcome] = []
    if pool is not None:
        futures = [pool.submit(item) for item in items]
        for future in as_completed(futures):
            _report(future.result(), logger)
        return [future.result() for future in futures]
    limit = PoolSettings().memory_limit_mib
    cache = ResultCache(cache_dir, fingerprint)  # the flow's key, which reads the results back
    for item in items:
        outcomes.append(run_job(job_for(item), cache, read_cache=False, limit_mib=limit))
        _report(outcomes[-1], logger)
    return outcomes


@task(name="gazetteer", task_run_name="gazetteer second pass", cache_policy=NO_CACHE, persist_result=False)
def gazetteer_task(
    refs: list[SourceRef], results: Sequence[DocumentResult], cache: ResultCache, read_cache: bool
) -> Sequence[DocumentResult]:
    """Names known from other documents, and the pages re-extracted with them."""
    return second_pass(refs, results, cache, read_cache=read_cache)


@task(name="reconcile", task_run_name="reconcile", cache_policy=NO_CACHE, persist_result=False)
def reconcile_task(results: Sequence[DocumentResult], decisions: Path | None) -> Reconciled:
    return reconcile_results(results, decisions)


@task(name="publish", task_run_name="publish", cache_policy=NO_CACHE, persist_result=False)
def publish_task(
    out_dir: Path,
    results: Sequence[DocumentResult],
    reconciled: Reconciled,
    timings: list[StageTiming],
    options: PublishOptions,
    raw_dir: Path | None = None,
) -> RunSummary:
    return publish(out_dir, results, reconciled, timings, options=options, raw_dir=raw_dir)


@task(name="artifacts", task_run_name="artifacts", cache_policy=NO_CACHE, persist_result=False)
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
def _flow_pool(cache: ResultCache) -> Iterator[str]:
    """A worker pool for this flow run when its tasks run in this process (the thread runner);
    yields the key tasks find it by. On other runners (Dask) tasks run in their own processes.
    The pool does not read the cache: the flow has looked every document up before."""
    ctx = FlowRunContext.get()
    key = str(ctx.flow_run.id) if ctx is not None and ctx.flow_run is not None else "flow"
    if ctx is None or not isinstance(ctx.task_runner, ThreadPoolTaskRunner):
        yield key
        return
    with DocumentPool(PoolSettings(), cache, read_cache=False) as pool:
        _POOLS[key] = pool
        try:
            yield key
        finally:
            _POOLS.pop(key, None)


def _load_failure(ref: SourceRef, error: object) -> DocumentOutcome:
    """The recorded outcome of a URL whose fetch still failed after the load task's retries."""
    failure = error if isinstance(error, OSError) else OSError(str(error))
    outcome = outcome_of(load_failed(ref, failure), stored=False)
    progress.document_done(progress.DocumentDone(outcome.uri, outcome.status, outcome.error_code, 0, False))
    return outcome


def _processed(refs: list[SourceRef], cache: ResultCache, read_cache: bool, per_task: int) -> StoredResults:
    """Process every source: files go straight to a pool worker (which reads them); URLs are
    fetched by the `load` task first (it retries), and a fetch that still fails is recorded.
    A document whose bytes and extractor are unchanged is taken from the cache here, before
    any task; the others are processed in batches (`batches`). Results stay in the cache;
    only small outcomes come back through Prefect."""
    logger = get_run_logger()
    outcomes: list[DocumentOutcome | None] = [None] * len(refs)
    todo: list[tuple[int, SourceRef | LoadedSource]] = []
    with _flow_pool(cache) as key:
        urls = [ref for ref in refs if ref.path is None]
        loads = dict(zip((r.uri for r in urls), load_task.map(urls), strict=True)) if urls else {}
        for i, ref in enumerate(refs):
            item = loads[ref.uri].result(raise_on_failure=False) if ref.path is None else ref
            if not isinstance(item, (SourceRef, LoadedSource)):
                outcomes[i] = _load_failure(ref, item)
            elif read_cache and (hit := cached_outcome(item, cache)) is not None:
                outcomes[i] = hit
                done = progress.DocumentDone(hit.uri, hit.status, hit.error_code, hit.claims, True)
                progress.document_done(done)
            else:
                todo.append((i, item))
        unchanged = sum(1 for o in outcomes if o is not None and o.cached)
        if unchanged:
            logger.info("%d document(s) unchanged: taken from the cache", unchanged)
        in_pool = key in _POOLS
        size = per_task if in_pool else spread_batch_size(len(todo), per_task, default_workers())
        submitted = []
        for batch in batches(todo, size):
            items = [item for _, item in batch]
            label = batch_label([item.uri for item in items])
            submitted.append((batch, process_task.submit(items, label, cache.folder, cache.fingerprint, key)))
        for batch, future in submitted:
            for (i, _), outcome in zip(batch, future.result(), strict=True):
                outcomes[i] = outcome
    return StoredResults([o for o in outcomes if o is not None], cache)


@flow(name="cluster-policy-run", log_prints=True, persist_result=False)
def run_flow(
    raw_dir: str,
    out_dir: str,
    decisions: str | None = None,
    use_cache: bool = True,
    allow_shrink: bool = False,
    max_shrink: float = DEFAULT_MAX_SHRINK,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    only: list[str] | None = None,
    documents_per_task: int = DEFAULT_DOCUMENTS_PER_TASK,
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
        documents_per_task: Most documents one processing task run takes (fewer task runs,
            less of Prefect's bookkeeping per document); below 1 counts as 1.
    """
    logger = get_run_logger()
    out, raw = Path(out_dir), Path(raw_dir)
    decisions_file = Path(decisions) if decisions else raw / "decisions.json"
    options = PublishOptions(max_shrink=max_shrink, allow_shrink=allow_shrink)
    with output_lock(out, lock_timeout):
        started = time.perf_counter()
        refs = select_refs(discover(raw), only)
        logger.info("%d document(s) in %s", len(refs), raw_dir)
        progress.documents_found(len(refs))
        key = run_key(refs, decisions_file, run_settings(options, raw, out)) if use_cache else None
        timings = [StageTiming(stage="unchanged check", seconds=round(time.perf_counter() - started, 3))]
        if (unchanged := unchanged_run(out, key, timings)) is not None:
            logger.info("nothing changed since run %s: run recorded, nothing published", unchanged.previous_run_id)
            return unchanged.summary
        summary = _publish_all(refs, key, out, raw, decisions_file, use_cache, documents_per_task, options, started)
    logger.info(
        "published %s: %d document(s) (%d quarantined), %d open conflict(s)",
        out, summary.documents_seen, summary.documents_quarantined, summary.conflicts_open,
    )
    return summary


def _publish_all(
    refs: list[SourceRef],
    key: RunKey | None,
    out: Path,
    raw: Path,
    decisions_file: Path,
    use_cache: bool,
    documents_per_task: int,
    options: PublishOptions,
    started: float,
) -> RunSummary:
    """Process, reconcile and publish (the run manifest after: `remember_publish`); the artifacts."""
    first_pass = _processed(refs, default_cache(out), use_cache, documents_per_task)
    results = gazetteer_task(refs, quote(first_pass), default_cache(out), use_cache)  # quote: not walked
    extracted = time.perf_counter()
    reconciled = reconcile_task(quote(results), decisions_file)  # quote: not walked by Prefect
    timings = [
        StageTiming(stage="load+parse+extract", seconds=round(extracted - started, 3)),
        StageTiming(stage="reconcile", seconds=round(time.perf_counter() - extracted, 3)),
    ]
    summary = publish_task(out, quote(results), quote(reconciled), timings, options, raw)
    remember_publish(out, key, refs, decisions_file, run_settings(options, raw, out), first_pass)
    artifacts_task(summary, quote(reconciled), out)
    return summary


def guard_embedded_server() -> None:
    """Start Prefect's temporary API server now (when no PREFECT_API_URL is set), once for the
    whole run: its URL goes into the environment, so Dask worker processes share it instead of
    each starting their own (about 200 MiB and seconds of CPU each); a watchdog stops it if this
    process is killed (`pipeline.watchdog`; Linux /proc)."""
    if os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value():
        return  # a running server (or Cloud): nothing to start, nothing of the server to import
    from prefect.server.api.server import SubprocessASGIServer

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
