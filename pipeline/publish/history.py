"""Run history (`runs/<run_id>.json`) and the diff the report opens with.

Every run writes one summary to `runs/`: when it ran, with which tool version,
which inputs (uri, sha256, status), what it wrote, which documents were new /
changed / unchanged / quarantined / removed since the previous run, and the
fingerprints of its claims and conflicts, so that the next run can say what
changed without keeping old datasets around.

Design choices:

- The run id is time-ordered and unique (`20261126T190512345Z-3fa9c1`: UTC time
  to the millisecond, then random hex), so `runs/` sorts chronologically; record
  ids elsewhere stay content-derived.
- A claim's fingerprint is what a reviewer calls "the same fact": subject (the
  resolved record), attribute, document, qualifier and value, not the quote or
  page. Between two states a fact present on one side only is added or removed;
  an added and a removed fact with the same subject, attribute, document and
  qualifier, one each, is one *changed* value.
- The report must stay byte-identical across runs on the same inputs, so it
  never shows the current run's id or time. It compares the current output
  *state* (a hash of inputs, claim and conflict fingerprints and warnings) with
  the last *different* state in the history: re-running on the same inputs
  gives the same baseline, hence the same report.
- Everything but `load_history` / `write_run_record` is a pure function.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from pipeline.datamodel.base import SCHEMA_VERSION, StrictModel
from pipeline.datamodel.claims import Claim, ClaimValue, NotAvailable
from pipeline.datamodel.records import ConflictRecord, DocumentRecord
from pipeline.publish.writer import atomic_write

__all__ = [
    "ClaimPrint",
    "ConflictPrint",
    "DocumentChanges",
    "HistoryStep",
    "InputFile",
    "RunDiff",
    "RunRecord",
    "baseline",
    "claim_print",
    "conflict_print",
    "diff_states",
    "document_changes",
    "history_step",
    "load_history",
    "scan_history",
    "new_run_id",
    "state_fingerprint",
    "write_run_record",
]

RUNS_DIR = "runs"
TOOL_NAME = "cluster-policy-pipeline"


# ---------------------------------------------------------------- the run record


class InputFile(StrictModel):
    doc_id: str
    uri: str
    sha256: str
    status: str


class ClaimPrint(StrictModel):
    """One fact as the diff compares it (see the module docstring)."""

    subject_id: str
    subject_type: str
    subject_name: str
    attribute: str
    doc_id: str
    uri: str
    qualifier: str | None = None
    value: str  # canonical JSON of the value

    def slot(self) -> tuple[str, str, str, str]:
        return (self.subject_id, self.attribute, self.doc_id, self.qualifier or "")

    def fact(self) -> tuple[str, str, str, str, str]:
        return (*self.slot(), self.value)


class ConflictPrint(StrictModel):
    id: str
    subject_id: str
    subject_name: str
    attribute: str
    status: str
    values: list[str]  # canonical JSON of each value, sorted
    resolution: str | None = None


class DocumentChanges(StrictModel):
    """Uris of documents by what happened to them since a previous state."""

    new: list[str] = Field(default_factory=list)
    changed: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    quarantined: list[str] = Field(default_factory=list)


class RunRecord(StrictModel):
    """`runs/<run_id>.json`: one run, enough to diff the next one against it."""

    record_type: Literal["run_history"] = "run_history"
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    run_id: str
    started_at: str
    finished_at: str
    tool_version: str
    state: str
    inputs: list[InputFile]
    counts: dict[str, int] = Field(default_factory=dict)
    documents: DocumentChanges
    claims: list[ClaimPrint]
    conflicts: list[ConflictPrint]
    warnings: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- pure helpers


def new_run_id(now: datetime, token: str) -> str:
    """A unique, time-ordered run id.

    >>> new_run_id(datetime(2026, 11, 26, 19, 5, 12, 345678, tzinfo=UTC), "3fa9c1")
    '20261126T190512345Z-3fa9c1'
    """
    now = now.astimezone(UTC)
    return f"{now:%Y%m%dT%H%M%S}{now.microsecond // 1000:03d}Z-{token}"


def iso(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def canonical_value(value: ClaimValue) -> str:
    """A claimed value as canonical JSON (sorted keys, no spaces): equal values, equal text.

    >>> canonical_value(2002), canonical_value(NotAvailable(text="n/a"))
    ('2002', '{"not_available":true,"text":"n/a"}')
    """
    data = value.model_dump() if isinstance(value, NotAvailable) else value
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def display_value(canonical: str) -> str:
    """The canonical JSON of a value as a reader wants it.

    >>> display_value('"2000/2003"'), display_value('["a","b"]'), display_value('{"not_available":true,"text":"n/a"}')
    ('2000/2003', 'a; b', 'not available (n/a)')
    """
    data = json.loads(canonical)
    if isinstance(data, dict) and data.get("not_available"):
        return f"not available ({data.get('text', '')})"
    if isinstance(data, list):
        return "; ".join(str(v) for v in data)
    if data is None:
        return "—"
    return str(data)


def claim_print(claim: Claim) -> ClaimPrint:
    return ClaimPrint(
        subject_id=claim.subject_id,
        subject_type=claim.subject_type,
        subject_name=claim.subject_name,
        attribute=claim.attribute,
        doc_id=claim.evidence.doc_id,
        uri=claim.evidence.uri,
        qualifier=claim.qualifier,
        value=canonical_value(claim.value),
    )


def conflict_print(conflict: ConflictRecord) -> ConflictPrint:
    return ConflictPrint(
        id=conflict.id,
        subject_id=conflict.subject_id,
        subject_name=conflict.subject_name,
        attribute=conflict.attribute,
        status=conflict.status,
        values=sorted(canonical_value(v.value) for v in conflict.values),
        resolution=canonical_value(conflict.resolution.value) if conflict.resolution else None,
    )


def input_file(document: DocumentRecord) -> InputFile:
    return InputFile(doc_id=document.id, uri=document.uri, sha256=document.sha256, status=document.status)


def state_fingerprint(
    inputs: Sequence[InputFile],
    claims: Sequence[ClaimPrint],
    conflicts: Sequence[ConflictPrint],
    warnings: Sequence[str],
) -> str:
    """A hash of everything the report's content depends on besides the history itself.

    The hashed text is the compact, key-sorted JSON of `{"claims": [...], "conflicts": [...],
    "inputs": [...], "warnings": [...]}` (each list sorted), fed to the hash item by item so that
    a large run's text is never held whole.

    >>> state_fingerprint([], [], [], ["w"]) == hashlib.sha256(
    ...     b'{"claims":[],"conflicts":[],"inputs":[],"warnings":["w"]}').hexdigest()[:16]
    True
    """
    parts = {
        "claims": _in_order(claims, ClaimPrint.fact),
        "conflicts": sorted(c.model_dump_json() for c in conflicts),
        "inputs": sorted((i.doc_id, i.sha256, i.status) for i in inputs),
        "warnings": sorted(warnings),
    }
    digest = hashlib.sha256()
    for n, (key, items) in enumerate(parts.items()):  # already in sort_keys order
        digest.update(f'{"{" if n == 0 else ","}{json.dumps(key)}:['.encode())
        for i, item in enumerate(items):
            text = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
            digest.update(((("," if i else "") + text)).encode("utf-8"))
        digest.update(b"]")
    digest.update(b"}")
    return digest.hexdigest()[:16]


def _in_order(items: Sequence[ClaimPrint], key: Callable[[ClaimPrint], tuple[str, ...]]) -> Iterable[tuple[str, ...]]:
    """The keys of `items` in sorted order: one at a time when the items are in that order already
    (a run's prints are), else sorted in a list."""
    if all(key(a) <= key(b) for a, b in zip(items, items[1:], strict=False)):
        return (key(item) for item in items)
    return sorted(key(item) for item in items)


def document_changes(previous: Sequence[InputFile] | None, current: Sequence[InputFile]) -> DocumentChanges:
    """New / changed / unchanged / removed / quarantined documents (uris, sorted).

    >>> a = InputFile(doc_id="d1", uri="a.pdf", sha256="1", status="ok")
    >>> b = InputFile(doc_id="d2", uri="b.html", sha256="2", status="quarantined")
    >>> document_changes([a], [a.model_copy(update={"sha256": "9"}), b]).model_dump()
    {'new': ['b.html'], 'changed': ['a.pdf'], 'unchanged': [], 'removed': [], 'quarantined': ['b.html']}
    """
    before = {i.doc_id: i for i in previous or ()}
    now = {i.doc_id: i for i in current}
    return DocumentChanges(
        new=sorted(i.uri for d, i in now.items() if d not in before),
        changed=sorted(i.uri for d, i in now.items() if d in before and before[d].sha256 != i.sha256),
        unchanged=sorted(i.uri for d, i in now.items() if d in before and before[d].sha256 == i.sha256),
        removed=sorted(i.uri for d, i in before.items() if d not in now),
        quarantined=sorted(i.uri for i in now.values() if i.status == "quarantined"),
    )


# ---------------------------------------------------------------- the diff


@dataclass(frozen=True)
class ValueChange:
    before: ClaimPrint
    after: ClaimPrint


@dataclass
class RecordChanges:
    """Claims added, removed and changed for one record (subject)."""

    subject_id: str
    subject_type: str
    subject_name: str
    added: list[ClaimPrint] = field(default_factory=list)
    removed: list[ClaimPrint] = field(default_factory=list)
    changed: list[ValueChange] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


ConflictChangeKind = Literal["opened", "resolved", "reopened", "values changed", "gone"]


@dataclass(frozen=True)
class ConflictChange:
    id: str
    subject_name: str
    attribute: str
    change: ConflictChangeKind
    status: str


@dataclass(frozen=True)
class RunDiff:
    """What changed between the baseline state and now (`baseline_run_id` None: no history)."""

    baseline_run_id: str | None
    baseline_finished_at: str | None
    documents: DocumentChanges
    records: list[RecordChanges]
    conflicts: list[ConflictChange]

    @property
    def first(self) -> bool:
        return self.baseline_run_id is None

    def conflicts_by(self, change: str) -> list[ConflictChange]:
        return [c for c in self.conflicts if c.change == change]

    @property
    def claim_counts(self) -> dict[str, int]:
        return {
            "added": sum(len(r.added) for r in self.records),
            "removed": sum(len(r.removed) for r in self.records),
            "changed": sum(len(r.changed) for r in self.records),
        }


def _claim_sort(c: ClaimPrint) -> tuple[str, ...]:
    return (c.attribute, c.uri, c.qualifier or "", c.value)


def claim_changes(before: Sequence[ClaimPrint], after: Sequence[ClaimPrint]) -> list[RecordChanges]:
    """Claims added, removed and changed per record, records sorted by type and name."""
    old = {c.fact(): c for c in before}
    new = {c.fact(): c for c in after}
    added = [new[k] for k in sorted(new.keys() - old.keys())]
    removed = [old[k] for k in sorted(old.keys() - new.keys())]
    by_slot_added: dict[tuple, list[ClaimPrint]] = defaultdict(list)
    by_slot_removed: dict[tuple, list[ClaimPrint]] = defaultdict(list)
    for c in added:
        by_slot_added[c.slot()].append(c)
    for c in removed:
        by_slot_removed[c.slot()].append(c)
    records: dict[str, RecordChanges] = {}

    def record(c: ClaimPrint) -> RecordChanges:
        if c.subject_id not in records:
            records[c.subject_id] = RecordChanges(c.subject_id, c.subject_type, c.subject_name)
        return records[c.subject_id]

    for slot in sorted(by_slot_added.keys() | by_slot_removed.keys()):
        plus, minus = by_slot_added.get(slot, []), by_slot_removed.get(slot, [])
        if len(plus) == 1 and len(minus) == 1:
            record(plus[0]).changed.append(ValueChange(before=minus[0], after=plus[0]))
            continue
        for c in plus:
            record(c).added.append(c)
        for c in minus:
            record(c).removed.append(c)
    for r in records.values():
        r.added.sort(key=_claim_sort)
        r.removed.sort(key=_claim_sort)
        r.changed.sort(key=lambda v: _claim_sort(v.after))
    return sorted(records.values(), key=lambda r: (r.subject_type, r.subject_name.casefold(), r.subject_id))


def conflict_changes(before: Sequence[ConflictPrint], after: Sequence[ConflictPrint]) -> list[ConflictChange]:
    """Conflicts opened, resolved, reopened, whose values changed, or gone (no longer a conflict)."""
    old = {c.id: c for c in before}
    out = []
    for c in after:
        prev = old.get(c.id)
        change: ConflictChangeKind | None = None
        if prev is None:
            change = "opened" if c.status == "open" else "resolved"
        elif prev.status == "open" and c.status == "resolved":
            change = "resolved"
        elif prev.status == "resolved" and c.status == "open":
            change = "reopened"
        elif prev.values != c.values:
            change = "values changed"
        if change is not None:
            out.append(ConflictChange(c.id, c.subject_name, c.attribute, change, c.status))
    now = {c.id for c in after}
    out.extend(
        ConflictChange(c.id, c.subject_name, c.attribute, "gone", c.status) for c in before if c.id not in now
    )
    order = ["opened", "reopened", "values changed", "resolved", "gone"]
    return sorted(out, key=lambda c: (order.index(c.change), c.subject_name.casefold(), c.attribute, c.id))


def baseline(history: Sequence[RunRecord], state: str) -> RunRecord | None:
    """The most recent run whose state differs from `state`, skipping the trailing runs
    that produced `state` (re-runs on the same inputs), so that re-runs compare alike."""
    for record in reversed(history):
        if record.state != state:
            return record
    return None


def diff_states(
    base: RunRecord | None,
    inputs: Sequence[InputFile],
    claims: Sequence[ClaimPrint],
    conflicts: Sequence[ConflictPrint],
) -> RunDiff:
    if base is None:
        return RunDiff(None, None, document_changes(None, inputs), [], [])
    return RunDiff(
        baseline_run_id=base.run_id,
        baseline_finished_at=base.finished_at,
        documents=document_changes(base.inputs, inputs),
        records=claim_changes(base.claims, claims),
        conflicts=conflict_changes(base.conflicts, conflicts),
    )


# ---------------------------------------------------------------- I/O


@dataclass(frozen=True)
class History:
    runs: list[RunRecord]
    problems: list[str]

    @property
    def latest(self) -> RunRecord | None:
        return self.runs[-1] if self.runs else None


def load_history(out_dir: Path) -> History:
    """Every readable run record, oldest first; unreadable ones are named in `problems`."""
    runs, problems = [], []
    for path in sorted((out_dir / RUNS_DIR).glob("*.json")):
        try:
            runs.append(RunRecord.model_validate_json(path.read_bytes()))
        except (OSError, ValidationError) as exc:
            problems.append(
                f"run history {RUNS_DIR}/{path.name} is unreadable and was skipped: {_first(exc)}"
            )
    runs.sort(key=lambda r: r.run_id)
    return History(runs, problems)


@dataclass(frozen=True)
class HistoryScan:
    """What a run needs of the history: the latest run, the baseline for a state, the problems."""

    latest: RunRecord | None
    baseline: RunRecord | None
    problems: list[str]


def scan_history(out_dir: Path, state: str) -> HistoryScan:
    """`load_history` then `baseline(runs, state)`, holding at most three run records at once
    (each holds a print of every claim of its run: the history of a large output does not fit
    in memory whole). Every file is still read, so that the same unreadable ones are named."""
    latest: RunRecord | None = None
    base: RunRecord | None = None
    problems: list[str] = []
    for path in sorted((out_dir / RUNS_DIR).glob("*.json")):
        try:
            record = RunRecord.model_validate_json(path.read_bytes())
        except (OSError, ValidationError) as exc:
            problems.append(
                f"run history {RUNS_DIR}/{path.name} is unreadable and was skipped: {_first(exc)}"
            )
            continue
        if latest is None or record.run_id >= latest.run_id:
            latest = record
        if record.state != state and (base is None or record.run_id >= base.run_id):
            base = record
        del record  # equal run ids: the later file wins, as in `load_history` (a stable sort)
    return HistoryScan(latest, base, problems)


def _first(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        return f"{err['msg']} at {'.'.join(str(p) for p in err['loc']) or 'top level'}"
    return str(exc)


def tool_version() -> str:
    try:
        return metadata.version(TOOL_NAME)
    except metadata.PackageNotFoundError:
        from pipeline import __version__

        return __version__


@dataclass(frozen=True)
class HistoryStep:
    """This run's place in the history: its id, state, diff for the report, warnings."""

    run_id: str
    started_at: datetime
    state: str
    inputs: list[InputFile]
    claims: list[ClaimPrint]
    conflicts: list[ConflictPrint]
    documents: DocumentChanges  # since the previous run (not the baseline)
    diff: RunDiff
    warnings: list[str]


def history_step(
    out_dir: Path,
    documents: Iterable[DocumentRecord],
    claims: Iterable[Claim],
    conflicts: Iterable[ConflictRecord],
    warnings: Sequence[str] = (),
    *,
    elapsed: float = 0.0,
) -> HistoryStep:
    """Read `runs/`, fingerprint this run and diff it against its baseline (writes nothing).

    `elapsed`: seconds the run took before publishing (its start time is now minus that).
    """
    now = datetime.now(UTC)
    started = now - timedelta(seconds=max(0.0, elapsed))
    inputs = sorted((input_file(d) for d in documents), key=lambda i: (i.uri, i.doc_id))
    prints = sorted((claim_print(c) for c in claims), key=lambda c: c.fact())
    conflict_prints = sorted((conflict_print(c) for c in conflicts), key=lambda c: c.id)
    state = state_fingerprint(inputs, prints, conflict_prints, warnings)
    history = scan_history(out_dir, state)
    all_warnings = [*warnings, *history.problems]
    return HistoryStep(
        run_id=new_run_id(started, secrets.token_hex(3)),
        started_at=started,
        state=state,
        inputs=inputs,
        claims=prints,
        conflicts=conflict_prints,
        documents=document_changes(history.latest.inputs if history.latest else None, inputs),
        diff=diff_states(history.baseline, inputs, prints, conflict_prints),
        warnings=all_warnings,
    )


def write_run_record(out_dir: Path, step: HistoryStep, counts: dict[str, int]) -> RunRecord:
    """Write `runs/<run_id>.json` (atomically) at the end of a run."""
    record = RunRecord(
        run_id=step.run_id,
        started_at=iso(step.started_at),
        finished_at=iso(datetime.now(UTC)),
        tool_version=tool_version(),
        state=step.state,
        inputs=step.inputs,
        counts=dict(sorted(counts.items())),
        documents=step.documents,
        claims=step.claims,
        conflicts=step.conflicts,
        warnings=step.warnings,
    )
    # one line: these files accumulate, one per run (about 0.4 KB per claim and conflict)
    atomic_write(out_dir / RUNS_DIR / f"{record.run_id}.json", record.model_dump_json() + "\n")
    return record
