"""Library entry points, usable without Prefect: `run_pipeline` does what the flow does."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, SourceRef
from pipeline.publish.publish import publish
from pipeline.reconcile.records import Reconciled, reconcile
from pipeline.reconcile.review import read_decisions
from pipeline.stages.cache import ResultCache, default_cache, process_cached
from pipeline.stages.discover import discover, load, load_failed


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
    read = read_decisions(decisions_file)  # malformed entries become warnings, not a failed run
    reconciled = reconcile(claims, read.decisions)
    return replace(reconciled, warnings=[*read.warnings, *reconciled.warnings])


def run_pipeline(
    raw_dir: Path, out_dir: Path, decisions_file: Path | None = None, *, use_cache: bool = True
) -> RunSummary:
    """Discover, load, parse, extract, reconcile and publish, in this process."""
    timings: list[StageTiming] = []
    t = time.perf_counter()
    cache = default_cache(out_dir) if use_cache else None
    results = [load_and_process(ref, cache) for ref in discover(raw_dir)]
    timings.append(StageTiming(stage="load+parse+extract", seconds=round(time.perf_counter() - t, 3)))
    t = time.perf_counter()
    reconciled = reconcile_results(results, decisions_file)
    timings.append(StageTiming(stage="reconcile", seconds=round(time.perf_counter() - t, 3)))
    t = time.perf_counter()
    summary = publish(out_dir, results, reconciled, timings, raw_dir)
    return summary
