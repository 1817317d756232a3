"""Library entry points, usable without Prefect: `run_pipeline` does what the flow does."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from pipeline import progress
from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, SourceRef
from pipeline.publish.guard import PublishOptions
from pipeline.publish.output import DEFAULT_LOCK_TIMEOUT, output_lock
from pipeline.publish.publish import publish
from pipeline.reconcile.conflicts import load_decisions
from pipeline.reconcile.records import Reconciled, reconcile
from pipeline.stages.cache import ResultCache, default_cache, process_cached
from pipeline.stages.discover import discover, load, load_failed
from pipeline.stages.inputs import select_refs


def load_and_process(ref: SourceRef, cache: ResultCache | None = None) -> DocumentResult:
    """Load one source and process it (or take it from the cache); a source that cannot be
    loaded is recorded, not raised."""
    try:
        source = load(ref)
    except OSError as exc:
        return load_failed(ref, exc)
    return process_cached(source, cache)


def reconcile_results(results: Sequence[DocumentResult], decisions_file: Path | None) -> Reconciled:
    claims = [c for r in sorted(results, key=lambda r: r.uri) for c in r.claims]
    return reconcile(claims, load_decisions(decisions_file))


def run_pipeline(
    raw_dir: Path,
    out_dir: Path,
    decisions_file: Path | None = None,
    *,
    use_cache: bool = True,
    publish_options: PublishOptions | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    only: Sequence[str] | None = None,
) -> RunSummary:
    """Discover, load, parse, extract, reconcile and publish, in this process, holding
    the output folder's lock (see `pipeline.publish.output`)."""
    with output_lock(out_dir, lock_timeout):
        return _run_locked(raw_dir, out_dir, decisions_file, use_cache, publish_options, only)


def _run_locked(
    raw_dir: Path,
    out_dir: Path,
    decisions_file: Path | None,
    use_cache: bool,
    publish_options: PublishOptions | None,
    only: Sequence[str] | None,
) -> RunSummary:
    timings: list[StageTiming] = []
    t = time.perf_counter()
    cache = default_cache(out_dir) if use_cache else None
    refs = select_refs(discover(raw_dir), only)
    progress.documents_found(len(refs))
    results = []
    for ref in refs:
        results.append(load_and_process(ref, cache))
        progress.document_done(results[-1])
    timings.append(StageTiming(stage="load+parse+extract", seconds=round(time.perf_counter() - t, 3)))
    t = time.perf_counter()
    reconciled = reconcile_results(results, decisions_file)
    timings.append(StageTiming(stage="reconcile", seconds=round(time.perf_counter() - t, 3)))
    t = time.perf_counter()
    summary = publish(out_dir, results, reconciled, timings, options=publish_options)
    return summary
