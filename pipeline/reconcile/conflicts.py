"""Conflict detection over resolved claims, and reviewer decisions.

A conflict is two or more incompatible values for one entity and attribute
(`cross_source` when no single document holds them all, else `internal`), or
a total that does not match its parts (`internal`). A vague value such as
"2000/2003" (the beginning of the 2000s) is compatible with every year it
covers; lineage claims ("dating back to the late 1980s") are not start dates
and never take part.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from pipeline.datamodel.attributes import Compare, parts_of, spec_of
from pipeline.datamodel.base import StrictModel, stable_id
from pipeline.datamodel.claims import Claim, ClaimValue, Evidence, NotAvailable, SubjectType
from pipeline.datamodel.decisions import Decision
from pipeline.datamodel.records import ConflictRecord, ConflictValue, Resolution

__all__ = [
    "Decision",  # defined in pipeline.datamodel.decisions, re-exported for existing callers
    "DecisionsError",
    "apply_decisions",
    "compatible",
    "detect_conflicts",
    "load_decisions",
]

IGNORED_QUALIFIERS = {"lineage"}
_INTERVAL = re.compile(r"^(\d{4})/(\d{4})$")


def compared(claim: Claim) -> tuple[str, Compare] | None:
    """The attribute a claim is compared under and how, from the vocabulary (None: never)."""
    spec = spec_of(claim.subject_type, claim.attribute)
    if spec is None or spec.compare is None:
        return None
    return spec.compared_as(claim.attribute), spec.compare


def as_interval(value: ClaimValue) -> tuple[float, float] | None:
    """A year or number as a point, a 'START/END' string as a range, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return (float(value), float(value))
    if isinstance(value, str) and (m := _INTERVAL.match(value)):
        return (float(m.group(1)), float(m.group(2)))
    return None


def compatible(values: Sequence[ClaimValue], how: Compare = Compare.YEAR) -> bool:
    """True when one point fits every value (precise values equal, ranges covering it).

    Years and numbers compare as points and ranges ("2000/2003" covers 2001); text (and
    any value that is not a number or range) compares as equal or not.
    """
    intervals = [as_interval(v) for v in values] if how != Compare.TEXT else [None]
    if any(i is None for i in intervals):
        texts = {
            json.dumps(v, sort_keys=True) if not isinstance(v, StrictModel) else v.model_dump_json()
            for v in values
        }
        return len(texts) <= 1
    low = max(i[0] for i in intervals if i is not None)
    high = min(i[1] for i in intervals if i is not None)
    return low <= high


def _value_key(value: ClaimValue) -> str:
    if isinstance(value, StrictModel):
        return value.model_dump_json()
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class _Group:
    subject_type: SubjectType
    subject_id: str
    attribute: str
    how: Compare


def _conflict_values(claims: Sequence[Claim]) -> list[ConflictValue]:
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_value[_value_key(claim.value)].append(claim)
    values = []
    for key in sorted(by_value):
        group = by_value[key]
        qualifiers = sorted({c.qualifier for c in group if c.qualifier})
        evidence = sorted({c.evidence.model_dump_json(): c.evidence for c in group}.items())
        values.append(
            ConflictValue(value=group[0].value, qualifiers=qualifiers, evidence=[e for _, e in evidence])
        )
    return values


def _subject_name(claims: Sequence[Claim], names: dict[str, str]) -> str:
    return names.get(claims[0].subject_id) or claims[0].subject_name


def cross_claim_conflicts(claims: Sequence[Claim], names: dict[str, str]) -> list[ConflictRecord]:
    groups: dict[_Group, list[Claim]] = defaultdict(list)
    for claim in claims:
        comparison = compared(claim)
        if comparison is None or claim.qualifier in IGNORED_QUALIFIERS:
            continue
        if claim.value is None or isinstance(claim.value, NotAvailable):
            continue
        groups[_Group(claim.subject_type, claim.subject_id, *comparison)].append(claim)
    conflicts: list[ConflictRecord] = []
    for group, members in groups.items():
        values = [c.value for c in members]
        if compatible(values, group.how):
            continue
        docs_per_value: dict[str, set[str]] = defaultdict(set)
        for c in members:
            docs_per_value[_value_key(c.value)].add(c.evidence.doc_id)
        distinct = list(docs_per_value)
        docs = {d for ds in docs_per_value.values() for d in ds}
        internal = any(all(d in docs_per_value[v] for v in distinct) for d in docs)
        cvalues = _conflict_values(members)
        conflicts.append(
            ConflictRecord(
                id=stable_id(
                    "conflict", {"subject": group.subject_id, "attribute": group.attribute, "check": "values"}
                ),
                subject_type=group.subject_type,
                subject_id=group.subject_id,
                subject_name=_subject_name(members, names),
                attribute=group.attribute,
                kind="internal" if internal else "cross_source",
                values=cvalues,
                explanation=_explain(group.attribute, cvalues, len(docs)),
            )
        )
    return conflicts


def _render(value: ClaimValue) -> str:
    if isinstance(value, str) and (m := _INTERVAL.match(value)):
        return f"{m.group(1)}–{m.group(2)} (vague)"
    return str(value)


def _explain(attribute: str, values: Sequence[ConflictValue], n_docs: int) -> str:
    parts = []
    for v in values:
        qual = f" ({', '.join(v.qualifiers)})" if v.qualifiers else ""
        parts.append(f"{_render(v.value)}{qual} in {len({e.doc_id for e in v.evidence})} document(s)")
    return f"{n_docs} document(s) give incompatible {attribute}: " + "; ".join(parts) + "."


def _total_of(claim: Claim) -> str | None:
    """The total a claim takes part in (as the total itself or as one of its parts)."""
    spec = spec_of(claim.subject_type, claim.attribute)
    if spec is None:
        return None
    if spec.part_of is not None:
        return spec.part_of
    return spec.name if parts_of(spec.name) else None


def _number(claim: Claim) -> float | None:
    value = claim.value
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def sum_conflicts(claims: Sequence[Claim], names: dict[str, str]) -> list[ConflictRecord]:
    """Totals that do not match their parts, per document (merged over documents that agree).

    Which attributes are parts of which total is the vocabulary's `part_of`.
    """
    per_doc: dict[tuple[str, str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        total_attribute = _total_of(claim)
        if total_attribute is not None:
            per_doc[(claim.subject_id, total_attribute, claim.evidence.doc_id)][claim.attribute].append(claim)
    found: dict[tuple[str, str], list[tuple[Claim, list[Claim]]]] = defaultdict(list)
    for (subject, attribute, _doc), attrs in per_doc.items():
        totals = attrs.get(attribute, [])
        parts = [c for a, cs in sorted(attrs.items()) if a != attribute for c in cs[:1]]
        if not totals or not parts or any(_number(c) is None for c in [*totals, *parts]):
            continue
        total = totals[0]
        if abs(_sum(parts) - (_number(total) or 0.0)) > 1e-9:
            found[(subject, attribute)].append((total, parts))
    conflicts = []
    for (subject, attribute), cases in sorted(found.items()):
        totals = [t for t, _ in cases]
        parts = [p for _, ps in cases for p in ps]
        first_parts = cases[0][1]
        parts_sum = _sum(first_parts)
        sum_value: ClaimValue = int(parts_sum) if parts_sum.is_integer() else parts_sum
        expression = " + ".join(_render(c.value) for c in first_parts)
        total_value = totals[0].value
        values = [
            ConflictValue(value=total_value, qualifiers=["stated total"], evidence=_unique_evidence(totals)),
            ConflictValue(
                value=sum_value, qualifiers=[f"sum of parts: {expression}"], evidence=_unique_evidence(parts)
            ),
        ]
        conflicts.append(
            ConflictRecord(
                id=stable_id("conflict", {"subject": subject, "attribute": attribute, "check": "sum"}),
                subject_type=totals[0].subject_type,
                subject_id=subject,
                subject_name=names.get(subject) or totals[0].subject_name,
                attribute=attribute,
                kind="internal",
                values=values,
                explanation=f"The stated {attribute} is {_render(total_value)} but its parts add up to "
                f"{expression} = {_render(sum_value)}.",
            )
        )
    return conflicts


def _sum(claims: Sequence[Claim]) -> float:
    return sum(_number(c) or 0.0 for c in claims)


def _unique_evidence(claims: Sequence[Claim]) -> list[Evidence]:
    return [e for _, e in sorted({c.evidence.model_dump_json(): c.evidence for c in claims}.items())]


def detect_conflicts(claims: Sequence[Claim], names: dict[str, str]) -> list[ConflictRecord]:
    conflicts = cross_claim_conflicts(claims, names) + sum_conflicts(claims, names)
    return sorted(conflicts, key=lambda c: c.id)


# ------------------------------------------------------------------ reviewer decisions


class DecisionsError(ValueError):
    """The decisions file cannot be read; names the file and the problem."""


_DECISIONS = TypeAdapter(list[Decision])


def load_decisions(path: Path | None) -> list[Decision]:
    if path is None or not path.exists():
        return []
    try:
        return _DECISIONS.validate_json(path.read_bytes())
    except ValidationError as exc:
        raise DecisionsError(
            f"{path}: not a valid decisions file: {exc.errors()[0]['msg']} at {exc.errors()[0]['loc']}"
        ) from exc


def apply_decisions(
    conflicts: Sequence[ConflictRecord], decisions: Sequence[Decision]
) -> list[ConflictRecord]:
    """Resolve conflicts the reviewer decided, unless a new value has appeared since (reopened)."""
    by_id = {d.conflict_id: d for d in decisions}
    out = []
    for conflict in conflicts:
        decision = by_id.get(conflict.id)
        if decision is None:
            out.append(conflict)
            continue
        now = sorted(_value_key(v.value) for v in conflict.values)
        seen = sorted(_value_key(v) for v in decision.values_seen)
        if now == seen:
            out.append(
                conflict.model_copy(
                    update={
                        "status": "resolved",
                        "resolution": Resolution(
                            value=decision.value,
                            decided_by=decision.decided_by,
                            reason=decision.reason,
                            decided_at=decision.decided_at,
                        ),
                    }
                )
            )
        else:
            out.append(
                conflict.model_copy(
                    update={
                        "explanation": conflict.explanation
                        + " Reopened: a source brought a value the reviewer had not seen."
                    }
                )
            )
    return out
