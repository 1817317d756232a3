"""The publish stage: records, datasets, report and run summary into `extracted/`."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.compact import FieldSets
from pipeline.datamodel.records import (
    ClusterRecord,
    ConflictRecord,
    CountryRecord,
    DocumentError,
    DocumentRecord,
    PolicyRecord,
    RunSummary,
    StageTiming,
)
from pipeline.datamodel.results import DocumentResult, Status
from pipeline.publish.datasets import Dataset, write_datasets
from pipeline.publish.guard import PublishOptions, check_publishable
from pipeline.publish.history import history_step, write_run_record
from pipeline.publish.manifest import write_manifest
from pipeline.publish.output import fault_point, new_staging, swap_in
from pipeline.publish.report_pages import ReportSettings, write_report
from pipeline.publish.writer import (
    read_previous_documents,
    write_records,
    write_run_summary,
)
from pipeline.reconcile.records import Reconciled


def document_record(result: DocumentResult) -> DocumentRecord:
    error = result.errors[0] if result.errors else None
    counts = Counter(c.attribute.split(".")[0] for c in result.claims)
    return DocumentRecord(
        id=result.doc_id,
        uri=result.uri,
        sha256=result.sha256,
        media_type=result.media_type if result.media_type in ("pdf", "html") else None,  # type: ignore[arg-type]
        kind=result.kind,
        title=result.title,
        published=result.published,
        producer=result.producer,
        pages=result.pages,
        status=result.status.value,  # type: ignore[arg-type]
        error=DocumentError(code=error.code, message=error.message) if error else None,
        claim_counts=dict(sorted(counts.items())),
        claims=len(result.claims),
        warnings=result.warnings,
    )


def publish(
    out_dir: Path,
    results: Sequence[DocumentResult],
    reconciled: Reconciled,
    timings: Sequence[StageTiming],
    *,
    options: PublishOptions | None = None,
    raw_dir: Path | None = None,
    report: ReportSettings | None = None,
) -> RunSummary:
    """Write every output; return the run summary (also written as run.json).

    The output is built in a staging folder beside `out_dir` and swapped in as a whole
    (`pipeline.publish.output`); an empty or shrunken output is refused first
    (`pipeline.publish.guard`), leaving the previous one untouched. Callers hold
    `output_lock(out_dir)` around the run.
    """
    previous = read_previous_documents(out_dir)
    documents: list[DocumentRecord] = []
    quarantined = from_cache = 0
    for r in results:  # one pass: stored results are read back one at a time
        documents.append(document_record(r))
        quarantined += r.status == Status.QUARANTINED
        from_cache += r.cached
    documents.sort(key=lambda d: d.uri)
    datasets = [
        Dataset("documents", DocumentRecord, documents),
        Dataset("policies", PolicyRecord, reconciled.policies),
        Dataset("clusters", ClusterRecord, reconciled.clusters),
        Dataset("countries", CountryRecord, reconciled.countries),
        Dataset("conflicts", ConflictRecord, reconciled.conflicts),
        Dataset("claims", Claim, reconciled.claims),
    ]
    check_publishable(out_dir, {d.name: len(d.records) for d in datasets}, options or PublishOptions())
    new = sum(1 for d in documents if d.id not in previous)
    unchanged = sum(1 for d in documents if d.id in previous and previous[d.id].sha256 == d.sha256)
    # the history is read from the live output (runs/ is carried over by swap_in); report links are
    # computed from out_dir, which is where the report ends up (staging is its sibling)
    step = history_step(
        out_dir,
        documents,
        reconciled.claims,
        reconciled.conflicts,
        reconciled.warnings,
        elapsed=sum(t.seconds for t in timings),
    )
    sets = FieldSets()  # one print per claim, kept until the run record is written
    for claim_print in step.claims:
        sets.share(claim_print)
    staging = new_staging(out_dir)
    try:
        counts = {
            "documents": write_records(staging / "documents", documents),
            "policies": write_records(staging / "policies", reconciled.policies),
            "clusters": write_records(staging / "clusters", reconciled.clusters),
            "countries": write_records(staging / "countries", reconciled.countries, name_of="country"),
            "conflicts": write_records(staging / "conflicts", reconciled.conflicts),
            "claims": len(reconciled.claims),
        }
        fault_point("publish.records")
        write_datasets(staging / "datasets", datasets)
        write_report(staging, out_dir, raw_dir, results, step, documents, reconciled, report)
        summary = RunSummary(
            id=step.run_id,
            documents_seen=len(documents),
            documents_new=new,
            documents_changed=len(documents) - new - unchanged,
            documents_unchanged=unchanged,
            documents_quarantined=quarantined,
            documents_from_cache=from_cache,
            records_written=counts,
            conflicts_open=sum(1 for c in reconciled.conflicts if c.status == "open"),
            conflicts_resolved=sum(1 for c in reconciled.conflicts if c.status == "resolved"),
            timings=list(timings),
            warnings=step.warnings,
        )
        write_manifest(staging, summary.id)
        write_run_summary(staging, summary)
        fault_point("publish.staged")
        swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    write_run_record(out_dir, step, counts)  # after the swap: into the carried-over runs/
    return summary

