"""The run summary as Markdown (Prefect's markdown artifact; readable anywhere)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.datamodel.claims import NotAvailable
from pipeline.datamodel.records import ConflictRecord, RunSummary


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _value(value: object) -> str:
    return value.text if isinstance(value, NotAvailable) else str(value)


def run_markdown(summary: RunSummary, conflicts: Sequence[ConflictRecord], out_dir: Path) -> str:
    """A short summary table, then one row per open conflict with its values and sources."""
    lines = [
        f"# Run `{summary.id}`",
        "",
        f"Published to `{out_dir}`.",
        "",
        "| what | count |",
        "| --- | ---: |",
        f"| documents seen | {summary.documents_seen} |",
        f"| new / changed / unchanged | {summary.documents_new} / {summary.documents_changed} / "
        f"{summary.documents_unchanged} |",
        f"| quarantined | {summary.documents_quarantined} |",
        f"| taken from cache | {summary.documents_from_cache} |",
        *(f"| {_cell(name)} written | {n} |" for name, n in summary.records_written.items()),
        f"| conflicts open / resolved | {summary.conflicts_open} / {summary.conflicts_resolved} |",
        "",
    ]
    open_conflicts = [c for c in conflicts if c.status == "open"]
    lines.append(f"## Open conflicts ({len(open_conflicts)})")
    lines.append("")
    if not open_conflicts:
        lines.append("None.")
        return "\n".join(lines) + "\n"
    lines += ["| subject | attribute | kind | values (sources) |", "| --- | --- | --- | --- |"]
    for c in open_conflicts:
        values = "; ".join(
            f"{_value(v.value)} ({', '.join(sorted({e.uri for e in v.evidence}))})" for v in c.values
        )
        lines.append(f"| {_cell(c.subject_name)} | {_cell(c.attribute)} | {c.kind} | {_cell(values)} |")
    return "\n".join(lines) + "\n"
