"""Command line: a thin layer mapping library errors to clean exits (sqlite-utils style)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pipeline.datamodel.records import RunSummary
from pipeline.reconcile.conflicts import DecisionsError
from pipeline.settings import PipelineSettings
from pipeline.stages.decisions_input import check_decisions
from pipeline.stages.discover import DiscoverError

app = typer.Typer(
    help="Turn European cluster-policy documents into validated, provenance-carrying records.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

RawOpt = Annotated[Path, typer.Option("--raw", help="Folder of input documents (PDF, HTML).")]
OutOpt = Annotated[Path, typer.Option("--out", help="Output folder (the extracted/ contract).")]


def _prefect_defaults() -> None:
    """Run Prefect offline on its embedded default: no telemetry, quiet logs."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")


def _fail(message: str, code: int = 2) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True, highlight=False)
    return typer.Exit(code)


def _print_summary(summary: RunSummary, out: Path) -> None:
    table = Table(title=f"run {summary.id} → {out}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents seen", str(summary.documents_seen))
    table.add_row(
        "  new / changed / unchanged",
        f"{summary.documents_new} / {summary.documents_changed} / {summary.documents_unchanged}",
    )
    table.add_row("  quarantined", str(summary.documents_quarantined))
    table.add_row("  taken from cache", str(summary.documents_from_cache))
    for name, n in summary.records_written.items():
        table.add_row(f"{name} written", str(n))
    table.add_row("conflicts open / resolved", f"{summary.conflicts_open} / {summary.conflicts_resolved}")
    for timing in summary.timings:
        table.add_row(f"{timing.stage} (s)", f"{timing.seconds:.2f}")
    Console().print(table)


@app.command()
def run(
    raw: RawOpt = Path("raw"),
    out: OutOpt = Path("extracted"),
    decisions: Annotated[
        Path | None, typer.Option(help="Reviewer decisions (JSON); default RAW/decisions.json.")
    ] = None,
    runner: Annotated[str, typer.Option(help="Task runner: threads or dask.")] = "threads",
    dask_address: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler.")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Parallel workers.")] = 2,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Re-extract every document, even unchanged ones.")
    ] = False,
    no_prefect: Annotated[
        bool, typer.Option("--no-prefect", help="Run the stages in-process, without Prefect.")
    ] = False,
) -> None:
    """Run the whole flow on a folder, offline, on Prefect's embedded default."""
    try:
        settings = PipelineSettings(
            raw_dir=raw,
            out_dir=out,
            decisions=decisions,
            runner=runner,
            dask_address=dask_address,
            workers=workers,
        )  # type: ignore[arg-type]
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    try:
        check_decisions(settings.decisions_path(), explicit=decisions is not None)  # before any extraction
        if no_prefect:
            from pipeline.api import run_pipeline
            from pipeline.stages.pool import PoolSettings

            summary = run_pipeline(
                settings.raw_dir,
                settings.out_dir,
                settings.decisions_path(),
                use_cache=not no_cache,
                pool=PoolSettings(workers=settings.workers),
            )
        else:
            _prefect_defaults()
            from pipeline.flows import flow_for

            summary = flow_for(settings)(
                settings.raw_dir, settings.out_dir, settings.decisions_path(), not no_cache
            )
    except (DiscoverError, DecisionsError) as exc:
        raise _fail(str(exc)) from exc
    _print_summary(summary, settings.out_dir)


@app.command()
def serve(
    raw: RawOpt = Path("raw"),
    out: OutOpt = Path("extracted"),
    cron: Annotated[str, typer.Option(help="Cron schedule for scheduled ingestion runs.")] = "0 6 * * 1",
) -> None:
    """Serve the run flow on a schedule (needs a Prefect server: `prefect server start`)."""
    _prefect_defaults()
    from pipeline.flows import serve as serve_flow

    serve_flow(PipelineSettings(raw_dir=raw, out_dir=out, cron=cron))


@app.command("build-corpus")
def build_corpus(
    out: Annotated[Path, typer.Option("--out", help="Where to write the sample corpus.")] = Path("raw"),
) -> None:
    """Rebuild the sample corpus (PDF and HTML renditions of the seed documents)."""
    from corpus.build import build_corpus as build

    for path in build(out):
        Console().print(str(path))


@app.command("export-schemas")
def export_schemas(
    out: Annotated[Path, typer.Option("--out", help="Schema folder.")] = Path("schemas"),
) -> None:
    """Write the JSON Schema of every record type into a folder."""
    from pipeline.publish.schemas import write_schemas

    for path in write_schemas(out):
        Console().print(str(path))


@app.command()
def evaluate(
    extracted: Annotated[Path, typer.Option("--extracted", help="Output folder of a run.")] = Path(
        "extracted"
    ),
    gold: Annotated[Path, typer.Option("--gold", help="Gold folder.")] = Path("tests/gold"),
    press: Annotated[
        Path | None,
        typer.Option("--press", help="Written press evaluation set (tests/eval/press): score dev and test."),
    ] = None,
    producers: Annotated[
        Path | None,
        typer.Option(help="Factsheet × producer matrix: fixtures folder (gold from GOLD/factsheets)."),
    ] = None,
) -> None:
    """Print precision and recall per field and claim type against the gold files."""
    if press is not None:
        from pipeline.evaluation.press import PressEvalError, evaluate_press, render_press

        try:
            press_report = evaluate_press(press)
        except PressEvalError as exc:
            raise _fail(str(exc)) from exc
        Console().print(render_press(press_report))
        return
    from pipeline.evaluate import EvaluationError, render
    from pipeline.evaluate import evaluate as run_evaluation

    try:
        if producers is not None:
            from pipeline.evaluate import evaluate_producers, render_producer_matrix

            cells = evaluate_producers(producers, gold / "factsheets", raw=Path("raw"))
            Console(width=200).print(render_producer_matrix(cells))
            return
        report = run_evaluation(extracted, gold)
    except EvaluationError as exc:
        raise _fail(str(exc)) from exc
    Console().print(render(report))


@app.command()
def decide(
    conflict_id: Annotated[str, typer.Argument(help="The conflict's id (conflict-…), as in the report.")],
    value: Annotated[str, typer.Argument(help="The chosen value, as the report shows it (e.g. 2002).")],
    reason: Annotated[str, typer.Option("--reason", help="Why this value (which source, why).")],
    by: Annotated[str, typer.Option("--by", help="Who decides (name or e-mail).")],
    decisions: Annotated[
        Path | None, typer.Option(help="Decisions file to append to; default RAW/decisions.json.")
    ] = None,
    raw: RawOpt = Path("raw"),
    out: OutOpt = Path("extracted"),
) -> None:
    """Record a reviewer's decision on a conflict (the next run applies it)."""
    _decide(conflict_id, value, reason, by, decisions or raw / "decisions.json", out)


def _decide(conflict_id: str, value: str, reason: str, by: str, path: Path, out: Path) -> None:
    from datetime import UTC, datetime

    from pipeline.datamodel.records import ConflictRecord
    from pipeline.reconcile.review import ReviewError, append_decision, make_decision

    record = out / "conflicts" / f"{conflict_id}.json"
    if "/" in conflict_id or not record.is_file():
        known = sorted(p.stem for p in (out / "conflicts").glob("*.json"))
        raise _fail(f"unknown conflict {conflict_id!r} in {out}; known: {', '.join(known) or 'none'}")
    try:
        conflict = ConflictRecord.model_validate_json(record.read_bytes())
        decision = make_decision(conflict, value, reason, by, datetime.now(UTC).date().isoformat())
        replaced = append_decision(path, decision)
    except (ReviewError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    note = f" (replacing {replaced} earlier decision{'s' if replaced > 1 else ''})" if replaced else ""
    Console().print(f"{conflict_id}: {decision.value!r} recorded in {path}{note}", highlight=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
