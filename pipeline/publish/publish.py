"""The publish stage: records, datasets, report and run summary into `extracted/`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pipeline.datamodel.records import DocumentError, DocumentRecord, RunSummary, StageTiming
from pipeline.datamodel.results import DocumentResult, Status
from pipeline.publish.history import history_step, write_run_record
from pipeline.publish.report import render_report, report_extras
from pipeline.publish.writer import (
    atomic_write,
    read_previous_documents,
    to_jsonl,
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
    raw_dir: Path | None = None,
) -> RunSummary:
    """Write every output; return the run summary (also written as run.json)."""
    previous = read_previous_documents(out_dir)
    documents = sorted((document_record(r) for r in results), key=lambda d: d.uri)
    new = sum(1 for d in documents if d.id not in previous)
    unchanged = sum(1 for d in documents if d.id in previous and previous[d.id].sha256 == d.sha256)
    counts = {
        "documents": write_records(out_dir / "documents", documents),
        "policies": write_records(out_dir / "policies", reconciled.policies),
        "clusters": write_records(out_dir / "clusters", reconciled.clusters),
        "countries": write_records(out_dir / "countries", reconciled.countries, name_of="country"),
        "conflicts": write_records(out_dir / "conflicts", reconciled.conflicts),
        "claims": len(reconciled.claims),
    }
    datasets = out_dir / "datasets"
    atomic_write(datasets / "documents.jsonl", to_jsonl(documents))
    atomic_write(datasets / "policies.jsonl", to_jsonl(reconciled.policies))
    atomic_write(datasets / "clusters.jsonl", to_jsonl(reconciled.clusters))
    atomic_write(datasets / "countries.jsonl", to_jsonl(reconciled.countries))
    atomic_write(datasets / "conflicts.jsonl", to_jsonl(reconciled.conflicts))
    atomic_write(datasets / "claims.jsonl", to_jsonl(reconciled.claims))
    step = history_step(
        out_dir,
        documents,
        reconciled.claims,
        reconciled.conflicts,
        reconciled.warnings,
        elapsed=sum(t.seconds for t in timings),
    )
    atomic_write(
        out_dir / "report.html",
        render_report(
            extras=report_extras(out_dir, raw_dir, results, step),
            documents=documents,
            policies=reconciled.policies,
            countries=reconciled.countries,
            clusters=reconciled.clusters,
            conflicts=reconciled.conflicts,
            claims=reconciled.claims,
        ),
    )
    summary = RunSummary(
        id=step.run_id,
        documents_seen=len(documents),
        documents_new=new,
        documents_changed=len(documents) - new - unchanged,
        documents_unchanged=unchanged,
        documents_quarantined=sum(1 for r in results if r.status == Status.QUARANTINED),
        documents_from_cache=sum(1 for r in results if r.cached),
        records_written=counts,
        conflicts_open=sum(1 for c in reconciled.conflicts if c.status == "open"),
        conflicts_resolved=sum(1 for c in reconciled.conflicts if c.status == "resolved"),
        timings=list(timings),
        warnings=step.warnings,
    )
    write_run_summary(out_dir, summary)
    write_run_record(out_dir, step, counts)
    return summary
