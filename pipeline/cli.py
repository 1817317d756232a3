"""Command line: a thin layer mapping library errors to clean exits (sqlite-utils style).

Exit codes (documented in the README; a scheduler can alert on them):

==== ==========================================================================
0    the run published its output, every document ok
1    an unexpected internal error (a bug: please report it with `-v` output)
2    usage error: bad option, missing raw folder, unreadable decisions file,
     output folder not writable
3    the run published its output, but some documents were quarantined
4    publish refused: no documents, or the output would shrink by more than
     `--max-shrink` (the previous output is left untouched; `--allow-shrink`)
5    another run holds the output folder's lock past `--lock-timeout`
130  interrupted (Ctrl-C / SIGINT)
==== ==========================================================================
"""

from __future__ import annotations

import logging
import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import pipeline
from pipeline.datamodel.records import RunSummary
from pipeline.datamodel.results import Status
from pipeline.models.nlp.settings import NlpSettings
from pipeline.progress import DocumentDone
from pipeline.publish.guard import PublishRefusedError
from pipeline.publish.output import OutputLockedError, OutputNotWritableError, ensure_parent
from pipeline.reconcile.conflicts import DecisionsError
from pipeline.settings import PipelineSettings
from pipeline.stages.decisions_input import check_decisions
from pipeline.stages.discover import DiscoverError, discover
from pipeline.stages.inputs import InputSelection, InputSelectionError, resolve_input, select_refs


class ExitCode(IntEnum):
    OK = 0
    INTERNAL_ERROR = 1
    USAGE = 2
    QUARANTINED = 3
    PUBLISH_REFUSED = 4
    LOCKED = 5
    INTERRUPTED = 130


class SettingsError(ValueError):
    """A CLUSTERPIPE_* setting is invalid."""


USER_ERRORS: dict[type[BaseException], ExitCode] = {
    SettingsError: ExitCode.USAGE,
    DiscoverError: ExitCode.USAGE,
    InputSelectionError: ExitCode.USAGE,
    DecisionsError: ExitCode.USAGE,
    OutputNotWritableError: ExitCode.USAGE,
    PermissionError: ExitCode.USAGE,
    PublishRefusedError: ExitCode.PUBLISH_REFUSED,
    OutputLockedError: ExitCode.LOCKED,
}

app = typer.Typer(
    help="Turn European cluster-policy documents into validated, provenance-carrying records.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

RawOpt = Annotated[
    str, typer.Option("--raw", help="Input: a folder of documents (PDF, HTML), one file, or a glob pattern.")
]
OutOpt = Annotated[Path, typer.Option("--out", help="Output folder (the extracted/ contract).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's INFO logs and tracebacks.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors; no progress, no summary.")]


def _version(value: bool) -> None:
    if value:
        print(f"cluster-policy-pipeline {pipeline.__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn European cluster-policy documents into validated, provenance-carrying records."""


def _prefect_defaults(verbose: bool, quiet: bool) -> None:
    """Run Prefect offline on its embedded default: no telemetry; logs at INFO with -v,
    else only warnings (the progress bar and the summary say what happens), and the
    engine's own crash reports silenced so that a user error stays one line."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    level = "INFO" if verbose else "ERROR" if quiet else "WARNING"
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", level)
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    # the embedded server's first start creates its database: give slow machines time
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    if not verbose:
        for name in ("FLOW_RUNS", "TASK_RUNS"):
            os.environ.setdefault(f"PREFECT_LOGGING_LOGGERS_PREFECT_{name}_LEVEL", "CRITICAL")


def _fail(message: str, code: int = ExitCode.USAGE) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True, highlight=False, markup=True)
    return typer.Exit(code)


def _invalid(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"invalid {'.'.join(map(str, first['loc']))}: {first['msg']}"


def _user_error(exc: BaseException) -> ExitCode | None:
    for kind, code in USER_ERRORS.items():
        if isinstance(exc, kind):
            return code
    return None


class _Reporter:
    """Per-document progress: a rich bar on a terminal, plain lines otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Progress | None = None
        self.task = None
        self.count = 0
        self.total = 0

    def __enter__(self) -> _Reporter:
        if not self.quiet and console.is_terminal:
            self.bar = Progress(
                TextColumn("[bold]documents"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=console,
                transient=True,
            )
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def found(self, total: int) -> None:
        self.total = total
        if self.bar is not None:
            self.task = self.bar.add_task("", total=total)
        elif not self.quiet:
            console.print(f"{total} document(s) to process", highlight=False)

    def done(self, item: DocumentDone) -> None:
        self.count += 1
        status = "ok" if item.status == Status.OK else f"quarantined ({item.error_code or 'unknown'})"
        cached = ", cached" if item.cached else ""
        line = f"{item.uri}: {status}, {item.claims} claims{cached}"
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, advance=1, description=item.uri)
            if item.status != Status.OK:
                self.bar.console.print(f"[yellow]{line}[/]", highlight=False)
        elif not self.quiet:
            console.print(f"[{self.count}/{self.total}] {line}", highlight=False, markup=False)


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


def _preflight(selection: InputSelection, settings: PipelineSettings, decisions_given: bool) -> None:
    """Every user error that can be found before a run starts, as one clean line."""
    refs = select_refs(discover(selection.raw_dir), selection.only)
    if not refs and not settings.allow_shrink:
        raise PublishRefusedError(
            f"no documents found in {selection.raw_dir}: nothing published, "
            f"{settings.out_dir} left untouched "
            "(pass --allow-shrink to publish an empty output)"
        )
    check_decisions(settings.decisions_path(), explicit=decisions_given)  # before any extraction
    try:
        NlpSettings()  # a parser that is not installed fails here, not once per document
    except ValidationError as exc:
        raise SettingsError(_invalid(exc)) from exc
    ensure_parent(settings.out_dir)
    out = settings.out_dir
    if out.exists() and not os.access(out, os.W_OK | os.X_OK):
        raise OutputNotWritableError(f"output folder {out} is not writable")


@app.command()
def run(
    raw: RawOpt = "raw",
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
    allow_shrink: Annotated[
        bool,
        typer.Option("--allow-shrink", help="Publish even when no documents are found or datasets shrink."),
    ] = False,
    max_shrink: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Largest share of a dataset's previous records a run may drop."),
    ] = None,
    lock_timeout: Annotated[
        float | None, typer.Option(min=0.0, help="Seconds to wait for another run on the same output.")
    ] = None,
    verbose: VerboseOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Run the whole flow on a folder, a file or a glob, offline, on Prefect's embedded default.

    Exit codes: 0 ok; 1 internal error; 2 usage error; 3 published with quarantined
    documents; 4 publish refused (empty or shrunken output); 5 output folder locked.
    """
    selection = resolve_input(raw)
    overrides = {"max_shrink": max_shrink, "lock_timeout": lock_timeout}
    try:
        settings = PipelineSettings(
            raw_dir=selection.raw_dir,
            out_dir=out,
            decisions=decisions,
            runner=runner,
            dask_address=dask_address,
            workers=workers,
            allow_shrink=allow_shrink,
            **{k: v for k, v in overrides.items() if v is not None},
        )  # type: ignore[arg-type]
    except ValidationError as exc:
        raise _fail(_invalid(exc)) from exc
    try:
        _preflight(selection, settings, decisions is not None)
        with _Reporter(quiet) as reporter:
            summary = _run(settings, selection, reporter, no_prefect, no_cache, verbose, quiet)
    except Exception as exc:
        code = _user_error(exc)
        if code is None:
            if verbose:
                raise
            raise _fail(f"internal error: {type(exc).__name__}: {exc} (run with -v for the traceback)",
                        ExitCode.INTERNAL_ERROR) from exc
        raise _fail(str(exc), code) from exc
    if not quiet:
        _print_summary(summary, settings.out_dir)
    if summary.documents_quarantined:
        if not quiet:
            console.print(
                f"[yellow]{summary.documents_quarantined} document(s) quarantined[/] (exit code "
                f"{int(ExitCode.QUARANTINED)}); see the documents' error codes in the report",
                highlight=False,
            )
        raise typer.Exit(ExitCode.QUARANTINED)


def _run(
    settings: PipelineSettings,
    selection: InputSelection,
    reporter: _Reporter,
    no_prefect: bool,
    no_cache: bool,
    verbose: bool,
    quiet: bool,
) -> RunSummary:
    from pipeline import progress

    with progress.listening(reporter):
        if not no_cache and (unchanged := _record_if_unchanged(settings, selection)) is not None:
            return unchanged  # nothing changed since the last publish: the stages and Prefect not imported
        if no_prefect:
            from pipeline.api import run_pipeline
            from pipeline.stages.pool import PoolSettings

            logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
            return run_pipeline(
                settings.raw_dir,
                settings.out_dir,
                settings.decisions_path(),
                use_cache=not no_cache,
                publish_options=settings.publish_options(),
                lock_timeout=settings.lock_timeout,
                only=selection.only,
                pool=PoolSettings(workers=settings.workers),
            )
        _prefect_defaults(verbose, quiet)
        from pipeline.flows import flow_for, guard_embedded_server

        guard_embedded_server()

        return flow_for(settings)(
            raw_dir=str(settings.raw_dir),
            out_dir=str(settings.out_dir),
            decisions=str(settings.decisions_path()),
            use_cache=not no_cache,
            allow_shrink=settings.allow_shrink,
            max_shrink=settings.max_shrink,
            lock_timeout=settings.lock_timeout,
            only=list(selection.only) if selection.only is not None else None,
        )


def _record_if_unchanged(settings: PipelineSettings, selection: InputSelection) -> RunSummary | None:
    from pipeline.stages.runmanifest import record_if_unchanged

    return record_if_unchanged(
        settings.raw_dir,
        settings.out_dir,
        settings.decisions_path(),
        settings.publish_options(),
        lock_timeout=settings.lock_timeout,
        only=selection.only,
    )


@app.command()
def serve(
    raw: Annotated[Path, typer.Option("--raw", help="Folder of input documents.")] = Path("raw"),
    out: OutOpt = Path("extracted"),
    cron: Annotated[str, typer.Option(help="Cron schedule for scheduled ingestion runs.")] = "0 6 * * 1",
    decisions: Annotated[
        Path | None, typer.Option(help="Reviewer decisions (JSON); default RAW/decisions.json.")
    ] = None,
    allow_shrink: Annotated[
        bool, typer.Option("--allow-shrink", help="Let scheduled runs shrink the output.")
    ] = False,
) -> None:
    """Serve the run flow on a schedule (needs a Prefect server: `prefect server start`).

    Paths are stored absolute in the deployment; one run at a time (concurrency limit 1).
    """
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    from pipeline.flows import serve as serve_flow

    try:
        settings = PipelineSettings(
            raw_dir=raw, out_dir=out, cron=cron, decisions=decisions, allow_shrink=allow_shrink
        )
        if not settings.raw_dir.is_dir():
            raise DiscoverError(f"raw folder {settings.raw_dir} does not exist or is not a folder")
        ensure_parent(settings.out_dir)
    except ValidationError as exc:
        raise _fail(_invalid(exc)) from exc
    except (DiscoverError, OSError) as exc:
        raise _fail(str(exc)) from exc
    serve_flow(settings)


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
    """Write the JSON Schema of every record type, and the data dictionary (README.md), into a folder."""
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
    test_details: Annotated[
        bool,
        typer.Option(
            "--test-details",
            help="With --press: also print the held-out test split's misses (for the final report only).",
        ),
    ] = False,
) -> None:
    """Print precision and recall per field and claim type against the gold files."""
    if press is not None:
        from pipeline.evaluation.press import PressEvalError, evaluate_press, render_press

        try:
            press_report = evaluate_press(press)
        except PressEvalError as exc:
            raise _fail(str(exc)) from exc
        Console().print(render_press(press_report, test_details=test_details))
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


@app.command("train-binder")
def train_binder(
    press: Annotated[
        Path, typer.Option("--press", help="Written press evaluation set whose development splits train the binder.")
    ] = Path("tests/eval/press"),
    split: Annotated[
        list[str] | None,
        typer.Option(
            "--split",
            help="A development split to train on (repeatable); default: the splits the committed weights were trained on.",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the weights here (default: print the figures only).")
    ] = None,
    cross_validate: Annotated[
        bool, typer.Option("--cross-validate", help="Train without each split in turn and score it.")
    ] = False,
    c: Annotated[
        float | None,
        typer.Option("--c", help="Inverse L2 strength of the logistic regression (default 0.25).", min=1e-6),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold", help="Probability at or above which a pair becomes a claim (default 0.9).", min=0.01, max=0.99
        ),
    ] = None,
) -> None:
    """Train the learned start-date binder on the press set's development splits (never on test)."""
    from pipeline.evaluation.binder import (
        DEFAULT_C,
        DEFAULT_THRESHOLD,
        BinderTrainError,
        collect_pages,
        fit,
        score_start_dates,
    )
    from pipeline.evaluation.binder import cross_validate as run_cv
    from pipeline.evaluation.press import PressEvalError, present_splits
    from pipeline.models.nlp.binder import binder_model
    from pipeline.storage import atomic_write

    c = DEFAULT_C if c is None else c
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    try:
        committed = binder_model()
        splits = split or (committed.trained_on if committed else [s for s in present_splits(press) if s != "test"])
        pages = collect_pages(press, splits)
        console = Console()
        if cross_validate:
            table = Table("held-out split", "start dates, rules R / P", "rules + binder R / P")
            for fold in run_cv(pages, c=c, threshold=threshold):
                table.add_row(
                    fold.split,
                    f"{fold.rules.recall:.2f} / {fold.rules.precision:.2f} ({fold.rules.tp} TP, {fold.rules.fp} FP)",
                    f"{fold.with_binder.recall:.2f} / {fold.with_binder.precision:.2f} "
                    f"({fold.with_binder.tp} TP, {fold.with_binder.fp} FP)",
                )
            console.print(table)
        model = fit(pages, c=c, threshold=threshold)
        both = score_start_dates(pages, model)
        console.print(f"trained on {', '.join(model.trained_on)}: {model.note}; "
                      f"start dates on the training pages {both.recall:.2f} / {both.precision:.2f}")
        if out is not None:
            atomic_write(out, model.model_dump_json(by_alias=True, indent=1) + "\n")
            console.print(f"weights written to {out}")
    except (BinderTrainError, PressEvalError) as exc:
        raise _fail(str(exc)) from exc


@app.command()
def decide(
    conflict_id: Annotated[str, typer.Argument(help="The conflict's id (conflict-…), as in the report.")],
    value: Annotated[str, typer.Argument(help="The chosen value, as the report shows it (e.g. 2002).")],
    reason: Annotated[str, typer.Option("--reason", help="Why this value (which source, why).")],
    by: Annotated[str, typer.Option("--by", help="Who decides (name or e-mail).")],
    decisions: Annotated[
        Path | None, typer.Option(help="Decisions file to append to; default RAW/decisions.json.")
    ] = None,
    raw: RawOpt = "raw",
    out: OutOpt = Path("extracted"),
) -> None:
    """Record a reviewer's decision on a conflict (the next run applies it)."""
    _decide(conflict_id, value, reason, by, decisions or Path(raw) / "decisions.json", out)


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
        console.print("interrupted", highlight=False)
        sys.exit(ExitCode.INTERRUPTED)
