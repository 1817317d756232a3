"""Library entry points, usable without Prefect: `run_pipeline` does what the flow does.

Extension points (see ARCHITECTURE.md): `register_backend` (a parser for a media type) and
`register_extractor` (claims from a document kind), re-exported here.
"""

from __future__ import annotations

import time
from itertools import chain
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from pipeline import progress
from pipeline.datamodel.compact import FieldSets, SharedStrings
from pipeline.datamodel.records import RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, Reconciled, SourceRef
from pipeline.publish.guard import PublishOptions
from pipeline.publish.output import DEFAULT_LOCK_TIMEOUT, output_lock
from pipeline.reconcile.records import reconcile
from pipeline.reconcile.review import read_decisions
from pipeline.stages.cache import ResultCache, default_cache, process_cached
from pipeline.stages.decisions_input import check_decisions
from pipeline.stages.discover import discover, load, load_failed
from pipeline.stages.gazetteer import second_pass
from pipeline.stages.inputs import select_refs
from pipeline.stages.overlap import import_later_stages
from pipeline.stages.pool import DocumentOutcome, PoolSettings, StoredResults, process_in_pool, stop_forkserver
from pipeline.stages.registry import Extraction, register_backend, register_extractor
from pipeline.stages.runmanifest import remember_publish, run_key, run_settings, unchanged_run

__all__ = [
    "Extraction",
    "load_and_process",
    "reconcile_results",
    "register_backend",
    "register_extractor",
    "run_pipeline",
]


def load_and_process(ref: SourceRef, cache: ResultCache | None = None) -> DocumentResult:
    """Load one source and process it (or take it from the cache); a source that cannot be
    loaded is recorded, not raised."""
    try:
        source = load(ref)
    except OSError as exc:
        return load_failed(ref, exc)
    return process_cached(source, cache)


def by_uri(results: Sequence[DocumentResult]) -> Iterable[DocumentResult]:
    """The results in uri order; stored results are read back one at a time, in that order."""
    if isinstance(results, StoredResults):
        return results.sorted_by_uri()
    return sorted(results, key=lambda r: r.uri)


def reconcile_results(results: Sequence[DocumentResult], decisions_file: Path | None) -> Reconciled:
    """Reconcile the claims of every result; only the claims are kept, never every result whole,
    and the claims share their field sets and equal texts (`pipeline.datamodel.compact`)."""
    sets, strings = FieldSets(), SharedStrings()
    claims = list(strings.share_all(sets.share_all(c for r in by_uri(results) for c in r.claims)))
    read = read_decisions(decisions_file)  # malformed entries become warnings, not a failed run
    reconciled = reconcile(claims, read.decisions)
    del claims
    records = (reconciled.policies, reconciled.clusters, reconciled.countries, reconciled.conflicts)
    for record in chain(reconciled.claims, *records):  # resolved claims are copies: new sets
        sets.share(record)
    return replace(reconciled, warnings=[*read.warnings, *reconciled.warnings])


def run_pipeline(
    raw_dir: Path,
    out_dir: Path,
    decisions_file: Path | None = None,
    *,
    use_cache: bool = True,
    pool: PoolSettings | None = None,
    in_process: bool = False,
    publish_options: PublishOptions | None = None,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    only: Sequence[str] | None = None,
) -> RunSummary:
    """Discover, load, parse, extract, reconcile and publish, holding the output folder's lock
    (see `pipeline.publish.output`). Documents are processed in a pool of killable worker
    processes (`pool`; default: one per core) whose results go to the cache (`use_cache=False`
    re-extracts everything but still refreshes it); `in_process` processes them one after the
    other in this process instead (no deadline or memory cap)."""
    check_decisions(decisions_file, explicit=False)  # a bad decisions file fails before extraction
    with output_lock(out_dir, lock_timeout):
        return _run_locked(
            raw_dir, out_dir, decisions_file, use_cache, publish_options, only, pool, in_process
        )


def _report(outcome: DocumentOutcome) -> None:
    progress.document_done(
        progress.DocumentDone(
            outcome.uri, outcome.status, outcome.error_code, outcome.claims, outcome.cached
        )
    )


def _run_locked(
    raw_dir: Path,
    out_dir: Path,
    decisions_file: Path | None,
    use_cache: bool,
    publish_options: PublishOptions | None,
    only: Sequence[str] | None,
    pool: PoolSettings | None,
    in_process: bool,
) -> RunSummary:
    timings: list[StageTiming] = []
    t = time.perf_counter()
    refs = select_refs(discover(raw_dir), only)
    progress.documents_found(len(refs))
    settings = run_settings(publish_options or PublishOptions(), raw_dir, out_dir)
    key = run_key(refs, decisions_file, settings) if use_cache else None
    check = [StageTiming(stage="unchanged check", seconds=round(time.perf_counter() - t, 3))]
    if (unchanged := unchanged_run(out_dir, key, check)) is not None:
        return unchanged.summary  # nothing changed since the last publish: only the run recorded
    results: Sequence[DocumentResult]
    if in_process:
        cache = default_cache(out_dir) if use_cache else None
        done: list[DocumentResult] = []
        for ref in refs:
            done.append(load_and_process(ref, cache))
            progress.document_done(progress.DocumentDone.of(done[-1]))
        results = done
    else:
        cache = default_cache(out_dir)
        results = process_in_pool(
            refs, cache, pool, read_cache=use_cache, on_outcome=_report, meanwhile=import_later_stages
        )
        stop_forkserver()  # nothing forks any more: reconcile and publish run without it
    first_pass = results
    results = second_pass(refs, results, cache, read_cache=use_cache)  # the corpus gazetteer
    timings.append(StageTiming(stage="load+parse+extract", seconds=round(time.perf_counter() - t, 3)))
    t = time.perf_counter()
    reconciled = reconcile_results(results, decisions_file)
    timings.append(StageTiming(stage="reconcile", seconds=round(time.perf_counter() - t, 3)))
    t = time.perf_counter()
    from pipeline.publish.publish import publish  # imported while the pool parsed (stages.overlap)

    summary = publish(out_dir, results, reconciled, timings, options=publish_options, raw_dir=raw_dir)
    remember_publish(out_dir, key, refs, decisions_file, settings, first_pass)
    return summary
