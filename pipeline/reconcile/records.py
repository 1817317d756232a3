"""Build the output records from resolved claims (pure; no I/O).

Driven by the attribute vocabulary (`pipeline.datamodel.attributes`): a claim lands in
its record at the vocabulary's `record_path`, folded as the vocabulary says, and only the
claims of the extractors that feed records (`RECORD_SOURCES`) build records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel, TypeAdapter, ValidationError

from pipeline.datamodel.attributes import RecordType, check_value, feeds_record, spec_of
from pipeline.datamodel.claims import Claim, ClaimValue, Evidence
from pipeline.datamodel.records import (
    AgglomerationRow,
    Agglomerations,
    ClaimedValue,
    ClusterRecord,
    ConflictRecord,
    CountryRecord,
    PolicyRecord,
)
from pipeline.datamodel.results import Reconciled
from pipeline.text.regions import country_name
from pipeline.reconcile.conflicts import Decision, apply_decisions, detect_conflicts
from pipeline.reconcile.entities import Resolved, resolve
from pipeline.reconcile.review import check_against_conflicts
from pipeline.text.paragraphs import join_paragraphs

CREATION_QUALIFIERS_EXCLUDED = {"announced", "lineage", "planned"}

__all__ = ["Reconciled", "join_paragraphs", "reconcile", "policy_record", "country_record"]


def feeds(record_type: RecordType, claim: Claim) -> bool:
    """True when the claim's extractor is one that builds `record_type` records."""
    return feeds_record(record_type, claim.extractor)


def _by_doc(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        out[c.evidence.uri].append(c)
    return dict(sorted(out.items()))


def _evidence_map(claims: Sequence[Claim]) -> dict[str, list[Evidence]]:
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    seen: set[tuple[str, Evidence]] = set()  # not `in` the list: linear in a record's evidence
    for c in claims:
        if (c.attribute, c.evidence) not in seen:
            seen.add((c.attribute, c.evidence))
            evidence[c.attribute].append(c.evidence)
    return {k: v for k, v in sorted(evidence.items())}


# ------------------------------------------------------------------ folding claims into fields

FieldValue = ClaimValue | list[str] | dict[str, ClaimValue]


def fold_document(claims: Sequence[Claim]) -> dict[str, FieldValue]:
    """One document's claims about one subject, folded into record path -> value.

    `first`: the first value (later text continuing it is joined as paragraphs); `list`:
    every text value in order; `unique`: the same without repeats; `joined`: the text
    values joined as paragraphs. A keyed family (`….by_region.*`) folds into a dict.
    Claims outside the vocabulary, or of the wrong value type, are left out.
    """
    scalars: dict[str, ClaimValue] = {}
    lists: dict[str, list[str]] = defaultdict(list)
    joined: set[str] = set()
    keyed: dict[str, dict[str, ClaimValue]] = defaultdict(dict)
    for c in claims:
        spec = spec_of(c.subject_type, c.attribute)
        if spec is None or spec.record_path is None:
            continue
        key = spec.key(c.attribute)
        if key is not None:
            if check_value(spec, c.value):
                keyed[spec.record_path.removesuffix(".*")].setdefault(key, c.value)
            continue
        path = spec.record_path
        if spec.fold in ("list", "unique", "joined"):
            if isinstance(c.value, str) and not (spec.fold == "unique" and c.value in lists[path]):
                lists[path].append(c.value)
            if spec.fold == "joined":
                joined.add(path)
            continue
        previous = scalars.get(path)
        if path not in scalars:
            scalars[path] = c.value
        elif isinstance(previous, str) and isinstance(c.value, str):
            scalars[path] = join_paragraphs([previous, c.value])
    out: dict[str, FieldValue] = dict(scalars)
    for path, values in lists.items():
        out[path] = join_paragraphs(values) if path in joined else values
    out.update({path: dict(sorted(values.items())) for path, values in keyed.items()})
    return out


@cache
def _leaf_adapter(model: type[BaseModel], path: str) -> TypeAdapter[object] | None:
    """The type of the record field at a dotted path (None: no such field)."""
    head, _, rest = path.partition(".")
    info = model.model_fields.get(head)
    if info is None:
        return None
    if not rest:
        return TypeAdapter(info.annotation)
    for candidate in (info.annotation, *getattr(info.annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return _leaf_adapter(candidate, rest)
    return None


def nest(model: type[BaseModel], fields: dict[str, FieldValue]) -> dict[str, object]:
    """Record paths to the nested mapping the record model takes; a value the record field
    does not accept (a stray type) is left out, so one odd value never loses the record."""
    nested: dict[str, object] = {}
    for path, value in sorted(fields.items()):
        adapter = _leaf_adapter(model, path)
        if adapter is None:
            continue
        try:
            adapter.validate_python(value, strict=True)
        except ValidationError:
            continue
        *parents, leaf = path.split(".")
        node = nested
        for part in parents:
            child = node.setdefault(part, {})
            assert isinstance(child, dict)
            node = child
        node[leaf] = value
    return nested


# ------------------------------------------------------------------ policies


def policy_record(pid: str, country: str | None, name: str, claims: Sequence[Claim]) -> PolicyRecord:
    """A policy from its table claims; a field on which documents disagree stays unset (the
    conflict record carries both values)."""
    table = [c for c in claims if feeds("policy", c)]
    per_doc = [fold_document(cs) for cs in _by_doc(table).values()]
    fields: dict[str, FieldValue] = {}
    for key in sorted({k for f in per_doc for k in f}):
        values = [f[key] for f in per_doc if key in f]
        first = values[0]
        if isinstance(first, list) or all(v == first for v in values):
            fields[key] = first
    return PolicyRecord.model_validate(
        {
            **nest(PolicyRecord, fields),
            "id": pid,
            "country": country or "unknown",
            "name": name,
            "sources": sorted({c.evidence.doc_id for c in claims}),
            "evidence": _evidence_map(table),
        }
    )


# ------------------------------------------------------------------ countries


@dataclass
class _Row:
    fields: dict[str, ClaimValue] = field(default_factory=dict)
    nodes: list[str] = field(default_factory=list)


def agglomeration_rows(claims: Sequence[Claim], kind: str) -> list[AgglomerationRow]:
    """`agglomerations.<kind>.<region key>.<field>` claims of one document, as table rows.

    A row needs its count; `region_code` is the key when the table gives a code.
    """
    prefix = f"agglomerations.{kind}."
    rows: dict[str, _Row] = {}
    for c in claims:
        if not c.attribute.startswith(prefix):
            continue
        key, _, name = c.attribute.removeprefix(prefix).rpartition(".")
        row = rows.setdefault(key, _Row())
        if name == "nodes":
            if isinstance(c.value, str):
                row.nodes.append(c.value)
        else:
            row.fields[name] = c.value
    out = []
    for key, row in rows.items():
        count, region = row.fields.get("count"), row.fields.get("region", key)
        if isinstance(count, int):
            out.append(
                AgglomerationRow(
                    region_code=key if key != region else None,
                    region=str(region),
                    count=count,
                    nodes=row.nodes,
                )
            )
    return out


def country_record(country: str, claims: Sequence[Claim]) -> CountryRecord:
    """A country from the figures of the first factsheet that gives them."""
    figures = [c for c in claims if feeds("country", c)]
    first = next(iter(_by_doc(figures).values()), [])
    fields = fold_document(first)
    nested = nest(CountryRecord, {k: v for k, v in fields.items() if not k.startswith("agglomerations")})
    orgs = nested.get("cluster_organisations")
    if isinstance(orgs, dict) and orgs.get("total") is None:
        del nested["cluster_organisations"]  # a breakdown without its total is not a count
    agglomerations = Agglomerations(
        sectoral=agglomeration_rows(first, "sectoral"),
        ecosystem=agglomeration_rows(first, "ecosystem"),
    )
    return CountryRecord.model_validate(
        {
            **nested,
            "id": country,
            "country": country,
            "name": country_name(country),
            "agglomerations": agglomerations,
            "sources": sorted({c.evidence.doc_id for c in claims}),
            "evidence": _evidence_map(figures),
        }
    )


# ------------------------------------------------------------------ clusters


def _year_consensus(claims: Sequence[Claim]) -> int | None:
    years = {
        c.value
        for c in claims
        if c.attribute == "created_year"
        and isinstance(c.value, int)
        and c.qualifier not in CREATION_QUALIFIERS_EXCLUDED
    }
    return years.pop() if len(years) == 1 else None


def cluster_records(resolved: Resolved, conflicts: Sequence[ConflictRecord]) -> list[ClusterRecord]:
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for c in resolved.claims:
        by_subject[c.subject_id].append(c)
    # a cluster's initiative: the one table-defined policy named in the documents that name it
    tabled = {
        c.subject_id
        for c in resolved.claims
        if c.subject_type == "policy" and feeds("policy", c)
    }
    doc_policies: dict[str, set[str]] = defaultdict(set)
    for c in resolved.claims:
        if c.subject_type == "policy" and c.subject_id in tabled:
            doc_policies[c.evidence.doc_id].add(c.subject_id)
    records = []
    for entity in resolved.clusters:
        claims = by_subject.get(entity.id, [])
        statuses = sorted({c.value for c in claims if c.attribute == "status" and isinstance(c.value, str)})
        initiatives = {p for c in claims for p in doc_policies.get(c.evidence.doc_id, set())}
        records.append(
            ClusterRecord(
                id=entity.id,
                country=entity.country,
                name=entity.name,
                aliases=entity.aliases,
                created_year=_year_consensus(claims),
                status=statuses[0] if len(statuses) == 1 else None,
                initiative=initiatives.pop() if len(initiatives) == 1 else None,
                claims=[
                    ClaimedValue(
                        attribute=c.attribute,
                        value=c.value,
                        qualifier=c.qualifier,
                        precision=c.precision,
                        claim_id=c.id,
                        evidence=c.evidence,
                    )
                    for c in claims
                ],
                suggestions=entity.suggestions,
                sources=sorted({c.evidence.doc_id for c in claims}),
            )
        )
    return records


# ------------------------------------------------------------------ everything


def reconcile(claims: Sequence[Claim], decisions: Sequence[Decision] = ()) -> Reconciled:
    """Resolve entities, build records, detect conflicts and apply reviewer decisions."""
    resolved = resolve(claims)
    names = {p.id: p.name for p in resolved.policies}
    names.update({e.id: e.name for e in resolved.clusters})
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for c in resolved.claims:
        by_subject[c.subject_id].append(c)
    policies = [
        policy_record(p.id, p.country, p.name, by_subject[p.id])
        for p in resolved.policies
        if any(feeds("policy", c) for c in by_subject[p.id])
    ]
    countries = [
        country_record(cc, cs)
        for cc, cs in sorted(by_subject.items())
        if cs
        and cs[0].subject_type == "country"
        and any(feeds("country", c) for c in cs)
    ]
    for country in countries:
        names[country.id] = country.name or country.id
    detected = detect_conflicts(resolved.claims, names)
    checked = check_against_conflicts(detected, decisions)
    conflicts = apply_decisions(detected, checked.valid)
    clusters = cluster_records(resolved, conflicts)
    return Reconciled(
        claims=resolved.claims,
        policies=sorted(policies, key=lambda p: p.id),
        clusters=clusters,
        countries=countries,
        conflicts=conflicts,
        warnings=checked.warnings,
    )
