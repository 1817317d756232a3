"""Reviewer decisions: read them entry by entry, check them against the run's conflicts, make new ones.

A decisions file is a JSON list of `Decision` entries (see `conflicts.py`).
Nothing in it is ignored silently. A file that cannot be read, is not JSON or
is not a list is a `DecisionsError` naming the file (the run stops before any
work, as for a missing raw folder). Inside a readable list, an entry that does
not validate, a decision naming a conflict the run does not have, or choosing a
value that is not among the conflict's values becomes a warning (in the report
and in `run.json`) and is not applied; the other entries still are.

`make_decision` / `append_decision` back the `decide` command, which writes the
same entry the report's decision form produces.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pipeline.datamodel.claims import ClaimValue, NotAvailable
from pipeline.datamodel.records import ConflictRecord
from pipeline.storage import atomic_write
from pipeline.reconcile.conflicts import Decision, DecisionsError

__all__ = [
    "CheckedDecisions",
    "DecisionsRead",
    "ReviewError",
    "append_decision",
    "check_against_conflicts",
    "make_decision",
    "read_decisions",
    "value_text",
]


class ReviewError(ValueError):
    """A decision cannot be made: unknown conflict, value not among its candidates, bad file."""


def value_key(value: ClaimValue) -> str:
    data = value.model_dump() if isinstance(value, NotAvailable) else value
    if isinstance(data, float) and data.is_integer():
        data = int(data)  # 7.0 and 7 are the same choice
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def value_text(value: ClaimValue) -> str:
    """How a value is typed on the command line or shown in a form.

    >>> value_text(2002), value_text(7.0), value_text("2000/2003"), value_text(["a", "b"])
    ('2002', '7', '2000/2003', 'a; b')
    """
    if isinstance(value, NotAvailable):
        return "not available"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class DecisionsRead:
    decisions: list[Decision] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _where(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    return f"{err['msg'].lower()}{f' at {loc}' if loc else ''}"


def read_decisions(path: Path | None) -> DecisionsRead:
    """Every valid entry of a decisions file, and a warning naming each malformed one.
    No file: no decisions, no warning. A file that is unreadable, not JSON or not a list
    raises `DecisionsError`."""
    if path is None or not path.exists():
        return DecisionsRead()
    name = path.name
    try:
        data = json.loads(path.read_bytes())
    except OSError as exc:
        raise DecisionsError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise DecisionsError(f"{path}: not a valid decisions file: Invalid JSON ({exc})") from exc
    if not isinstance(data, list):
        raise DecisionsError(f"{path}: not a valid decisions file: it must be a JSON list of decisions")
    decisions, warnings = [], []
    for n, entry in enumerate(data, 1):
        try:
            decisions.append(Decision.model_validate_json(json.dumps(entry)))
        except ValidationError as exc:
            cid = entry.get("conflict_id") if isinstance(entry, dict) else None
            label = f"entry {n}" + (f" ({cid})" if isinstance(cid, str) else "")
            warnings.append(f"{name}: {label} is malformed ({_where(exc)}); not applied")
    return DecisionsRead(decisions, warnings)


@dataclass(frozen=True)
class CheckedDecisions:
    valid: list[Decision]
    warnings: list[str]


def check_against_conflicts(conflicts: Sequence[ConflictRecord], decisions: Sequence[Decision]) -> CheckedDecisions:
    """Keep the decisions that name a conflict of this run and one of its values; warn about the rest."""
    by_id = {c.id: c for c in conflicts}
    valid, warnings = [], []
    for d in decisions:
        conflict = by_id.get(d.conflict_id)
        if conflict is None:
            warnings.append(f"decision by {d.decided_by} names unknown conflict {d.conflict_id}; not applied")
            continue
        candidates = [v.value for v in conflict.values]
        if value_key(d.value) not in {value_key(v) for v in candidates}:
            shown = ", ".join(value_text(v) for v in candidates)
            warnings.append(
                f"decision by {d.decided_by} for conflict {d.conflict_id} ({conflict.subject_name}, "
                f"{conflict.attribute}) chooses {value_text(d.value)!r}, not one of its values ({shown}); "
                "not applied"
            )
            continue
        valid.append(d)
    counts = Counter(d.conflict_id for d in valid)
    for conflict_id in sorted(k for k, n in counts.items() if n > 1):
        warnings.append(
            f"conflict {conflict_id} is decided {counts[conflict_id]} times; the last decision counts"
        )
    return CheckedDecisions(valid, warnings)


def make_decision(
    conflict: ConflictRecord, value: str, reason: str, decided_by: str, decided_at: str
) -> Decision:
    """The decision choosing the candidate typed as `value` (as `value_text` shows it, or its JSON)."""
    if not reason.strip() or not decided_by.strip():
        raise ReviewError("a decision needs a reason and a name (--reason, --by)")
    candidates = [v.value for v in conflict.values]
    chosen = [v for v in candidates if value_text(v) == value.strip()]
    if not chosen:
        try:
            typed = json.loads(value)
            chosen = [v for v in candidates if value_key(v) == value_key(typed)]
        except ValueError:
            chosen = []
    if not chosen:
        shown = ", ".join(repr(value_text(v)) for v in candidates)
        raise ReviewError(f"{value!r} is not one of the values of conflict {conflict.id}: {shown}")
    return Decision(
        conflict_id=conflict.id,
        value=chosen[0],
        decided_by=decided_by.strip(),
        reason=reason.strip(),
        decided_at=decided_at,
        values_seen=candidates,
    )


def append_decision(path: Path, decision: Decision) -> int:
    """Append to a decisions file (created if absent), replacing an earlier decision on the same
    conflict; returns how many earlier ones were replaced. A file that is not a JSON list is left
    alone (ReviewError)."""
    entries: list = []
    if path.exists():
        try:
            entries = json.loads(path.read_bytes())
        except ValueError as exc:
            raise ReviewError(f"{path}: not valid JSON ({exc}); fix or move it first") from exc
        if not isinstance(entries, list):
            raise ReviewError(f"{path}: must be a JSON list of decisions; fix or move it first")
    kept = [e for e in entries if not (isinstance(e, dict) and e.get("conflict_id") == decision.conflict_id)]
    kept.append(decision.model_dump(mode="json"))
    atomic_write(path, json.dumps(kept, ensure_ascii=False, indent=2) + "\n")
    return len(entries) + 1 - len(kept)
