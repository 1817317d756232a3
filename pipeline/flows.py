"""Prefect flows: a thin orchestration layer over the pure stages.

Only this module imports Prefect. Tasks are plain typed functions; only I/O
(reading or fetching a source) gets retries, with exponential backoff. The flow
body reads extract → transform → load. Flow parameters are plain strings, numbers
and booleans so that a deployment run validates them without importing anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from prefect import flow, task
from prefect.deployments.runner import EntrypointType
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.futures import PrefectFuture
from prefect.logging import get_run_logger
from prefect.logging.loggers import task_run_logger
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff

from pipeline import progress
from pipeline.api import reconcile_results
from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, LoadedSource, SourceRef, Status
from pipeline.publish.guard import DEFAULT_MAX_SHRINK, PublishOptions
from pipeline.publish.output import DEFAULT_LOCK_TIMEOUT, output_lock
from pipeline.publish.publish import publish
from pipeline.publish.summary import run_markdown
from pipeline.reconcile.records import Reconciled
from pipeline.settings import PipelineSettings
from pipeline.stages.cache import ResultCache, default_cache, process_cached
from pipeline.stages.discover import discover, load, load_failed
from pipeline.stages.inputs import select_refs

DEPLOYMENT_NAME = "scheduled-ingestion"


def _document_finished(task, task_run, state) -> None:  # type: ignore[no-untyped-def]
    """Task hook: one INFO (or WARNING) line per document, and the CLI's progress."""
    result = state.result(raise_on_failure=False)
    if not isinstance(result, DocumentResult):
        return
    logger = task_run_logger(task_run, task=task)
    if result.status == Status.OK:
        cached = " (cached)" if result.cached else ""
        logger.info("%s: ok, %d claims%s", result.uri, len(result.claims), cached)
    else:
        error = result.errors[0] if result.errors else None
        logger.warning("%s: quarantined: %s", result.uri, error.message if error else "unknown error")
    progress.document_done(result)


@task(
    name="load",
    task_run_name="load {ref.uri}",
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    retry_jitter_factor=0.2,
)
def load_task(ref: SourceRef) -> LoadedSource:
    return load(ref)


@task(name="process-document", task_run_name="process {source.uri}", on_completion=[_document_finished])
def process_task(source: LoadedSource, cache_dir: Path | None) -> DocumentResult:
    return process_cached(source, ResultCache(cache_dir) if cache_dir is not None else None)


@task(name="reconcile", task_run_name="reconcile")
def reconcile_task(results: list[DocumentResult], decisions: Path | None) -> Reconciled:
    return reconcile_results(results, decisions)


@task(name="publish", task_run_name="publish")
def publish_task(
    out_dir: Path,
    results: list[DocumentResult],
    reconciled: Reconciled,
    timings: list[StageTiming],
    options: PublishOptions,
) -> RunSummary:
    return publish(out_dir, results, reconciled, timings, options=options)


@task(name="artifacts", task_run_name="artifacts")
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
    out = Path(out_dir)
    with output_lock(out, lock_timeout):
        started = time.perf_counter()
        refs = select_refs(discover(Path(raw_dir)), only)
        logger.info("%d document(s) in %s", len(refs), raw_dir)
        progress.documents_found(len(refs))
        results = _processed(refs, load_task.map(refs), default_cache(out).folder if use_cache else None)
        extracted = time.perf_counter()
        decisions_file = Path(decisions) if decisions else Path(raw_dir) / "decisions.json"
        reconciled = reconcile_task(results, decisions_file)
        timings = [
            StageTiming(stage="load+parse+extract", seconds=round(extracted - started, 3)),
            StageTiming(stage="reconcile", seconds=round(time.perf_counter() - extracted, 3)),
        ]
        options = PublishOptions(max_shrink=max_shrink, allow_shrink=allow_shrink)
        summary = publish_task(out, results, reconciled, timings, options)
    logger.info(
        "published %s: %d document(s) (%d quarantined), %d open conflict(s)",
        out, summary.documents_seen, summary.documents_quarantined, summary.conflicts_open,
    )
    artifacts_task(summary, reconciled, out)
    return summary


def guard_embedded_server() -> None:
    """Start Prefect's temporary API server now (when no PREFECT_API_URL is set) with a
    watchdog that stops it if this process is killed (`pipeline.watchdog`; Linux /proc)."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value() or not Path("/proc/self/stat").exists():
        return
    server = SubprocessASGIServer()
    server.start()
    if server.server_process is None:
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
            runner = DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "processes": True})
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
