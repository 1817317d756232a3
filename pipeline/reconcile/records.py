"""Build the output records from resolved claims (pure; no I/O)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.datamodel.claims import Claim, ClaimValue, Evidence, NotAvailable
from pipeline.datamodel.records import (
    AgglomerationRow,
    Agglomerations,
    Budget,
    CategorisedText,
    ClaimedValue,
    ClusterOrganisationCount,
    ClusterRecord,
    ConflictRecord,
    CountryRecord,
    Evaluation,
    History,
    Instruments,
    Maturity,
    PolicyRecord,
)
from pipeline.models.regions import country_name
from pipeline.reconcile.conflicts import Decision, apply_decisions, detect_conflicts
from pipeline.reconcile.entities import TABLE_METHOD, Resolved, resolve
from pipeline.reconcile.review import check_against_conflicts

CREATION_QUALIFIERS_EXCLUDED = {"announced", "lineage", "planned"}
_SENTENCE_END = (".", "!", "?", ":", ";", "”", '"', ")")
_CATEGORISED = (
    "objectives",
    "focus",
    "responsible_authorities",
    "beneficiaries",
    "instruments.financial",
    "instruments.technical_assistance",
)


@dataclass(frozen=True)
class Reconciled:
    claims: list[Claim]
    policies: list[PolicyRecord]
    clusters: list[ClusterRecord]
    countries: list[CountryRecord]
    conflicts: list[ConflictRecord]
    warnings: list[str] = field(default_factory=list)  # reviewer decisions that were not applied


def join_paragraphs(texts: Sequence[str]) -> str:
    out = ""
    for text in texts:
        if not out:
            out = text
        elif out.endswith(_SENTENCE_END):
            out += "\n\n" + text
        else:
            out += " " + text
    return out


def _by_doc(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        out[c.evidence.uri].append(c)
    return dict(sorted(out.items()))


def _evidence_map(claims: Sequence[Claim]) -> dict[str, list[Evidence]]:
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for c in claims:
        if c.evidence not in evidence[c.attribute]:
            evidence[c.attribute].append(c.evidence)
    return {k: v for k, v in sorted(evidence.items())}


# ------------------------------------------------------------------ policies


def _policy_fields(claims: Sequence[Claim]) -> dict[str, ClaimValue | list[str]]:
    """One document's table claims for one policy, folded into field path -> value."""
    lists: dict[str, list[str]] = defaultdict(list)
    scalars: dict[str, ClaimValue] = {}
    for c in claims:
        if c.attribute.endswith((".categories", ".description")) or c.attribute == "eu_priorities":
            if isinstance(c.value, str):
                lists[c.attribute].append(c.value)
        elif c.attribute not in scalars:
            scalars[c.attribute] = c.value
        elif isinstance(c.value, str) and isinstance(scalars[c.attribute], str):
            scalars[c.attribute] = join_paragraphs([scalars[c.attribute], c.value])  # type: ignore[list-item]
    out: dict[str, ClaimValue | list[str]] = dict(scalars)
    for key, values in lists.items():
        out[key] = join_paragraphs(values) if key.endswith(".description") else values
    return out


def _categorised(fields: dict[str, ClaimValue | list[str]], path: str) -> CategorisedText | None:
    cats = fields.get(f"{path}.categories")
    desc = fields.get(f"{path}.description")
    if cats is None and desc is None:
        return None
    return CategorisedText(
        categories=list(cats) if isinstance(cats, list) else [],
        description=desc if isinstance(desc, str) else None,
    )


def _text(value: object) -> str | NotAvailable | None:
    return value if isinstance(value, str | NotAvailable) else None


def policy_record(pid: str, country: str | None, name: str, claims: Sequence[Claim]) -> PolicyRecord:
    table = [c for c in claims if c.evidence.method == TABLE_METHOD]
    docs = _by_doc(table)
    per_doc = [_policy_fields(cs) for cs in docs.values()]
    fields: dict[str, ClaimValue | list[str]] = {}
    for key in sorted({k for f in per_doc for k in f}):
        values = [f[key] for f in per_doc if key in f]
        first = values[0]
        agree = all(v == first for v in values)
        if agree or isinstance(first, list):
            fields[key] = first
        # disagreeing scalars stay unset; the conflict record carries both values
    period = fields.get("history.period")
    ending = fields.get("history.ending_year")
    starting = fields.get("history.starting_year")
    return PolicyRecord(
        id=pid,
        country=country or "unknown",
        region=_text(fields.get("region")) if isinstance(fields.get("region"), str) else None,  # type: ignore[arg-type]
        policy_type=fields.get("policy_type") if isinstance(fields.get("policy_type"), str) else None,  # type: ignore[arg-type]
        name=name,
        objectives=_categorised(fields, "objectives"),
        focus=_categorised(fields, "focus"),
        responsible_authorities=_categorised(fields, "responsible_authorities"),
        beneficiaries=_categorised(fields, "beneficiaries"),
        instruments=Instruments(
            financial=_categorised(fields, "instruments.financial"),
            technical_assistance=_categorised(fields, "instruments.technical_assistance"),
            explanation=fields.get("instruments.explanation")
            if isinstance(fields.get("instruments.explanation"), str)
            else None,  # type: ignore[arg-type]
        ),
        history=History(
            period=period if period in ("limited", "unlimited") or isinstance(period, NotAvailable) else None,  # type: ignore[arg-type]
            starting_year=starting if isinstance(starting, int) else None,
            ending_year=ending if isinstance(ending, int | NotAvailable) else None,
            ending_year_text=fields.get("history.ending_year_text")
            if isinstance(fields.get("history.ending_year_text"), str)
            else None,  # type: ignore[arg-type]
            explanation=fields.get("history.explanation")
            if isinstance(fields.get("history.explanation"), str)
            else None,  # type: ignore[arg-type]
        ),
        budget=Budget(
            overall=_text(fields.get("budget.overall")),
            annual=_text(fields.get("budget.annual")),
            source_of_funding=_text(fields.get("budget.source_of_funding")),
        ),
        evaluation=Evaluation(
            availability=_text(fields.get("evaluation.availability")),
            results=_text(fields.get("evaluation.results")),
        ),
        eu_priorities=list(fields["eu_priorities"]) if isinstance(fields.get("eu_priorities"), list) else [],  # type: ignore[arg-type]
        sources=sorted({c.evidence.doc_id for c in claims}),
        evidence=_evidence_map(table),
    )


# ------------------------------------------------------------------ countries


def country_record(country: str, claims: Sequence[Claim]) -> CountryRecord:
    docs = _by_doc(claims)
    first = next(iter(docs.values()))
    maturity: dict[str, float] = {}
    orgs_total: int | None = None
    by_region: dict[str, int] = {}
    names: list[str] = []
    as_of: str | None = None
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for c in first:
        a, v = c.attribute, c.value
        if a.startswith("maturity.") and isinstance(v, int | float):
            maturity.setdefault(a.removeprefix("maturity."), float(v))
        elif a == "cluster_organisations.total" and isinstance(v, int) and orgs_total is None:
            orgs_total = v
        elif a.startswith("cluster_organisations.by_region.") and isinstance(v, int):
            by_region.setdefault(a.removeprefix("cluster_organisations.by_region."), v)
        elif a == "cluster_organisations.names" and isinstance(v, str) and v not in names:
            names.append(v)
        elif a == "cluster_organisations.as_of" and isinstance(v, str):
            as_of = as_of or v
        elif a.startswith("agglomerations."):
            _, kind, rest = a.split(".", 2)
            key, _, field = rest.rpartition(".")
            row = rows.setdefault((kind, key), {"nodes": []})
            if field == "nodes" and isinstance(v, str):
                row["nodes"].append(v)  # type: ignore[union-attr]
            else:
                row[field] = v
    agglomerations = Agglomerations(
        sectoral=_rows(rows, "sectoral"),
        ecosystem=_rows(rows, "ecosystem"),
    )
    return CountryRecord(
        id=country,
        country=country,
        name=country_name(country),
        maturity=Maturity(**maturity) if maturity else None,
        cluster_organisations=ClusterOrganisationCount(
            total=orgs_total, by_region=dict(sorted(by_region.items())), as_of=as_of, names=names
        )
        if orgs_total is not None
        else None,
        agglomerations=agglomerations,
        sources=sorted({c.evidence.doc_id for c in claims}),
        evidence=_evidence_map([c for c in claims if c.evidence.method.startswith("factsheet.")]),
    )


def _rows(rows: dict[tuple[str, str], dict[str, object]], kind: str) -> list[AgglomerationRow]:
    out = []
    for (k, key), row in rows.items():
        if k != kind or not isinstance(row.get("count"), int):
            continue
        code = key if key != row.get("region") else None
        out.append(
            AgglomerationRow(
                region_code=code,
                region=str(row.get("region", key)),
                count=row["count"],  # type: ignore[arg-type]
                nodes=list(row["nodes"]),  # type: ignore[call-overload]
            )
        )
    return out


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
        if c.subject_type == "policy" and c.evidence.method == TABLE_METHOD
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
        if any(c.evidence.method == TABLE_METHOD for c in by_subject[p.id])
    ]
    countries = [
        country_record(cc, cs)
        for cc, cs in sorted(by_subject.items())
        if cs
        and cs[0].subject_type == "country"
        and any(c.evidence.method.startswith("factsheet.") for c in cs)
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
