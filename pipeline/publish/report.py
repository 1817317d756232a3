"""The review report: one self-contained HTML page (`extracted/report.html`).

The report is for the analyst who reviews a run, so it leads with the
conflicts, each with every value, its qualifiers and the verbatim evidence.
Design choices:

- Pure function of the records: no timestamps, run timings or machine
  details, and every sequence is sorted here by a stable key, so the same
  inputs give byte-identical HTML (the output contract asks this of all of
  `extracted/`).
- The template only lays things out; sorting, grouping and counting happen in
  Python where they can be tested.
- Self-contained: CSS inline, system fonts; page crops are WebP data URIs,
  each distinct crop embedded once as an SVG symbol and shown with `<use>`
  (see `crops.py`). Inline JS adds a filter box and the decision forms; both
  stay hidden when JS is off.
- Everything from a source is escaped by Jinja's autoescaping; the only markup
  built in Python goes through `Markup.format`, which escapes its arguments.
  A Content-Security-Policy allows only the report's own script (by hash), so
  even a missed escape could not run injected code.
- The history ("since the last run") and the evidence views are optional
  extras (`ReportExtras`): without them the report renders from records alone.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pipeline.datamodel.claims import Claim, ClaimValue, Evidence, NotAvailable
from pipeline.datamodel.compact import FieldSets
from pipeline.datamodel.records import (
    ClaimedValue,
    ClusterRecord,
    ConflictRecord,
    CountryRecord,
    DocumentRecord,
    PolicyRecord,
)
from pipeline.datamodel.results import DocumentResult
from pipeline.publish.cropcache import CropCache, default_crop_cache
from pipeline.publish.crops import EvidenceMedia, SourceFile, build_evidence_media, source_link
from pipeline.publish.history import HistoryStep, RunDiff, display_value
from pipeline.reconcile.review import value_text

__all__ = ["ReportExtras", "render_report", "report_chunks", "report_extras"]

TEMPLATE = "report.html.j2"
SCRIPT = "report.js"

# ECCP maturity: four criteria scored 0–2 each, 8 in total (see the factsheet annex).
DEFAULT_MATURITY_MAX = 8.0
MATURITY_CRITERIA = (
    ("policy_scope", "Policy scope"),
    ("continuity", "Continuity"),
    ("evidence_of_performance", "Evidence of performance"),
    ("support_instruments", "Support instruments"),
)


# ---------------------------------------------------------------- formatting


def format_number(value: float | int) -> str:
    """`2.0` → "2", `0.5` → "0.5": no locale, no float noise."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_value(value: ClaimValue) -> str | Markup:
    """A claim or record value as text; NotAvailable and None get a muted marker."""
    if isinstance(value, NotAvailable):
        return Markup('<span class="na" title="Source: {}">not available</span>').format(value.text)
    if value is None:
        return Markup('<span class="muted">—</span>')
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def format_time(iso: str | None) -> str:
    """A run's ISO time for people: `2026-11-26T19:41:07.891Z` → "2026-11-26 19:41 UTC".

    >>> format_time("2026-11-26T19:41:07.891Z"), format_time(None)
    ('2026-11-26 19:41 UTC', 'unknown')
    """
    if not iso:
        return "unknown"
    if len(iso) >= 16 and iso[10] == "T" and iso.endswith("Z"):
        return f"{iso[:10]} {iso[11:16]} UTC"
    return iso


def value_sort_key(value: ClaimValue) -> tuple[int, str]:
    """A total order over the mixed value types (numbers by magnitude)."""
    if value is None:
        return (4, "")
    if isinstance(value, NotAvailable):
        return (3, value.text)
    if isinstance(value, bool):
        return (2, str(value))
    if isinstance(value, int | float):
        return (0, f"{float(value):+024.6f}")
    if isinstance(value, list):
        return (2, "\x1f".join(value))
    return (1, value.casefold() + "\x00" + value)


def evidence_sort_key(ev: Evidence) -> tuple:
    return (ev.uri, ev.page if ev.page is not None else -1, ev.locator or "", ev.quote, ev.method)


def _json(value: ClaimValue) -> str:
    data = value.model_dump() if isinstance(value, NotAvailable) else value
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def anchor(prefix: str, record_id: str) -> str:
    """A stable HTML id; record ids that already carry their type are used as they are."""
    return record_id if record_id.startswith(prefix + "-") else f"{prefix}-{record_id}"


# ---------------------------------------------------------------- view model


@dataclass(frozen=True)
class ValueView:
    value: ClaimValue
    qualifiers: list[str]
    evidence: list[Evidence]
    chosen: bool
    json: str = "null"  # the value as the decision form writes it
    text: str = ""  # the value as the `decide` command takes it


@dataclass(frozen=True)
class ConflictView:
    record: ConflictRecord
    anchor: str
    subject_anchor: str | None
    values: list[ValueView]
    values_json: str = "[]"  # `values_seen` of a decision made now


@dataclass(frozen=True)
class ClusterView:
    record: ClusterRecord
    anchor: str
    aliases: list[str]
    claims: list[ClaimedValue]
    suggestions: list
    initiative_anchor: str | None
    conflicts: list[str]
    created_conflict: str | None


@dataclass(frozen=True)
class PolicyView:
    record: PolicyRecord
    anchor: str
    objectives_count: int | None
    conflicts: list[str]


@dataclass(frozen=True)
class MaturityRow:
    label: str
    score: float | None
    max: float
    percent: int


@dataclass(frozen=True)
class CountryView:
    record: CountryRecord
    anchor: str
    maturity: list[MaturityRow]
    maturity_total: MaturityRow | None
    regions: list[tuple[str, int]]
    regions_sum: int | None
    regions_mismatch: bool
    organisation_names: list[str]
    conflicts: list[str]


@dataclass(frozen=True)
class DocumentView:
    record: DocumentRecord
    anchor: str
    claim_counts: list[tuple[str, int]]
    listed_claims: int


@dataclass(frozen=True)
class ClaimGroup:
    doc_id: str
    uri: str
    anchor: str
    document_anchor: str | None
    claims: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class MentionView:
    """One mention the extractor saw in a document, taken into a claim or not (and why)."""

    text: str
    label: str | None
    taken: bool
    reason: str | None
    where: str | None
    rule: str | None = None


@dataclass(frozen=True)
class DocumentExtra:
    link: str | None
    has_mentions: bool = False
    mentions_taken: list[MentionView] = field(default_factory=list)
    mentions_not_taken: list[MentionView] = field(default_factory=list)


@dataclass(frozen=True)
class ReportExtras:
    """What the report shows beyond the records: evidence crops and contexts, the diff since the
    last run, run warnings, per-document links and mentions. All deterministic."""

    media: EvidenceMedia | None = None
    since: RunDiff | None = None
    warnings: list[str] = field(default_factory=list)
    documents: dict[str, DocumentExtra] = field(default_factory=dict)


_TAKEN_FIELDS = ("taken", "used", "accepted", "kept", "claimed")
_TEXT_FIELDS = ("text", "surface", "name", "quote", "span")
_LABEL_FIELDS = ("label", "kind", "type", "entity_type", "attribute")
_REASON_FIELDS = ("reason", "why", "rejected_because", "note", "rule")
_WHERE_FIELDS = ("locator", "page", "start")
_RULE_FIELDS = ("family", "rule", "method")


def _first_field(data: dict, names: Sequence[str]) -> object | None:
    return next((data[n] for n in names if data.get(n) not in (None, "")), None)


def mention_view(item: object) -> MentionView | None:
    """A mention from a document result (a pydantic model or a mapping) as the report shows it.

    >>> mention_view({"text": "SurfMat", "label": "cluster", "taken": False, "reason": "generic head"})
    MentionView(text='SurfMat', label='cluster', taken=False, reason='generic head', where=None, rule=None)
    """
    data = item.model_dump(mode="json") if hasattr(item, "model_dump") else item
    if not isinstance(data, dict):
        return None
    text = _first_field(data, _TEXT_FIELDS)
    if text is None:
        return None
    taken = _first_field(data, _TAKEN_FIELDS)
    if taken is None and isinstance(data.get("status"), str):
        taken = data["status"].lower() in ("taken", "used", "accepted", "claimed")
    label, reason, where, rule = (
        _first_field(data, f) for f in (_LABEL_FIELDS, _REASON_FIELDS, _WHERE_FIELDS, _RULE_FIELDS)
    )
    if rule is not None and data.get("source"):  # a name from another document (the gazetteer)
        rule = f"{rule} from {data['source']}"
    return MentionView(
        text=str(text),
        label=str(label) if label is not None else None,
        taken=bool(taken),
        reason=str(reason) if reason is not None else None,
        where=str(where) if where is not None else None,
        rule=str(rule) if rule is not None else None,
    )


def document_extra(result: DocumentResult, link: str | None) -> DocumentExtra:
    """Link and mentions of one document; `mentions` is read only where the result offers it."""
    items = getattr(result, "mentions", None)
    if not items:  # not offered (or not recorded for this kind of document)
        return DocumentExtra(link=link)
    views = [v for v in (mention_view(m) for m in items) if v is not None]
    key = lambda m: (m.label or "", m.text.casefold(), m.where or "", m.reason or "")
    return DocumentExtra(
        link=link,
        has_mentions=True,
        mentions_taken=sorted((m for m in views if m.taken), key=key),
        mentions_not_taken=sorted((m for m in views if not m.taken), key=key),
    )


def report_extras(
    out_dir: Path,
    raw_dir: Path | None,
    results: Sequence[DocumentResult],
    step: HistoryStep | None,
    crop_cache: CropCache | None = None,
) -> ReportExtras:
    """Read the raw files for crops and contexts (at publish time) and gather the extras.

    The results are read once, one at a time (stored results come back from the cache), and
    only what the report uses is kept of each. Crops of unchanged documents come from
    `crop_cache` (default: the output's `.cache/crops/`)."""
    sources: dict[str, SourceFile] = {}
    evidence: list[Evidence] = []
    documents: dict[str, DocumentExtra] = {}
    sets = FieldSets()
    for r in results:
        sources[r.doc_id] = SourceFile(doc_id=r.doc_id, uri=r.uri, sha256=r.sha256)
        evidence.extend(sets.share_all(c.evidence for c in r.claims))
        documents[r.doc_id] = document_extra(r, source_link(r.uri, raw_dir, out_dir))
    return ReportExtras(
        media=build_evidence_media(
            evidence, sources, raw_dir, out_dir, cache=crop_cache or default_crop_cache(out_dir)
        ),
        since=step.diff if step else None,
        warnings=list(step.warnings) if step else [],
        documents=dict(sorted(documents.items())),
    )


def _percent(score: float | None, maximum: float) -> int:
    if score is None or maximum <= 0:
        return 0
    return max(0, min(100, round(100 * score / maximum)))


def _maturity(country: CountryRecord) -> tuple[list[MaturityRow], MaturityRow | None]:
    m = country.maturity
    if m is None:
        return [], None
    total_max = m.max if m.max is not None else DEFAULT_MATURITY_MAX
    criterion_max = total_max / len(MATURITY_CRITERIA)
    rows = []
    for attr, label in MATURITY_CRITERIA:
        score = getattr(m, attr)
        rows.append(MaturityRow(label, score, criterion_max, _percent(score, criterion_max)))
    total = MaturityRow("Total", m.total, total_max, _percent(m.total, total_max))
    return rows, total


def _conflicts_by_subject(conflicts: Iterable[ConflictView]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for view in conflicts:
        out[view.record.subject_id].append(view.anchor)
    return out


def _claim_sort_key(claim: Claim) -> tuple:
    ev = claim.evidence
    return (
        ev.page if ev.page is not None else -1,
        ev.locator or "",
        claim.subject_type,
        claim.subject_name.casefold(),
        claim.attribute,
        value_sort_key(claim.value),
        claim.id,
    )


def document_sections(
    documents: Sequence[DocumentRecord], claims: Iterable[Claim]
) -> tuple[list[DocumentView], list[ClaimGroup], list[tuple[DocumentView | None, ClaimGroup]]]:
    """The documents table's rows, the claims grouped per document, and the per-document
    sections (a document with no claims gets an empty group), each sorted (deterministic)."""
    claims_per_doc: dict[str, int] = defaultdict(int)
    uris = {d.id: d.uri for d in documents}
    groups: dict[str, ClaimGroup] = {}
    for claim in claims:
        doc_id = claim.evidence.doc_id
        claims_per_doc[doc_id] += 1
        if doc_id not in groups:
            groups[doc_id] = ClaimGroup(
                doc_id=doc_id,
                uri=uris.get(doc_id, claim.evidence.uri),
                anchor=anchor("claims", doc_id),
                document_anchor=anchor("doc", doc_id) if doc_id in uris else None,
            )
        groups[doc_id].claims.append(claim)
    document_views = [
        DocumentView(
            record=d,
            anchor=anchor("doc", d.id),
            claim_counts=sorted(d.claim_counts.items()),
            listed_claims=claims_per_doc.get(d.id, 0),
        )
        for d in sorted(documents, key=lambda d: (d.status != "quarantined", d.uri, d.id))
    ]
    claim_groups = sorted(groups.values(), key=lambda g: (g.uri, g.doc_id))
    for group in claim_groups:
        group.claims.sort(key=_claim_sort_key)
    for view in document_views:  # documents without claims get an empty group (their own section)
        if view.record.id not in groups:
            groups[view.record.id] = ClaimGroup(
                doc_id=view.record.id,
                uri=view.record.uri,
                anchor=anchor("claims", view.record.id),
                document_anchor=view.anchor,
            )
    views_by_id = {v.record.id: v for v in document_views}
    doc_sections = [
        (views_by_id.get(g.doc_id), g) for g in sorted(groups.values(), key=lambda g: (g.uri, g.doc_id))
    ]
    return document_views, claim_groups, doc_sections


def build_context(
    *,
    documents: Sequence[DocumentRecord],
    policies: Sequence[PolicyRecord],
    countries: Sequence[CountryRecord],
    clusters: Sequence[ClusterRecord],
    conflicts: Sequence[ConflictRecord],
    claims: Sequence[Claim],
    extras: ReportExtras | None = None,
) -> dict[str, object]:
    """Sort, group and count the records for the template (deterministic)."""
    extras = extras or ReportExtras()
    subject_anchors: dict[str, str] = {}
    subject_names: dict[str, str] = {}
    for p in policies:
        subject_anchors[p.id] = anchor("policy", p.id)
        subject_names[p.id] = p.name
    for c in countries:
        subject_anchors[c.id] = anchor("country", c.id)
        subject_names[c.id] = c.name or c.country
    for cl in clusters:
        subject_anchors[cl.id] = anchor("cluster", cl.id)
        subject_names[cl.id] = cl.name

    conflict_views = [
        ConflictView(
            record=c,
            anchor=anchor("conflict", c.id),
            subject_anchor=subject_anchors.get(c.subject_id),
            values=[
                ValueView(
                    value=v.value,
                    qualifiers=sorted(set(v.qualifiers)),
                    evidence=sorted(v.evidence, key=evidence_sort_key),
                    chosen=c.resolution is not None and c.resolution.value == v.value,
                    json=_json(v.value),
                    text=value_text(v.value),
                )
                for v in sorted(c.values, key=lambda v: value_sort_key(v.value))
            ],
            values_json="[" + ",".join(_json(v.value) for v in c.values) + "]",
        )
        for c in sorted(
            conflicts,
            key=lambda c: (
                c.status != "open",
                c.subject_type,
                c.subject_name.casefold(),
                c.attribute,
                c.id,
            ),
        )
    ]
    by_subject = _conflicts_by_subject(conflict_views)
    by_subject_attribute = {
        (v.record.subject_id, v.record.attribute): v.anchor for v in reversed(conflict_views)
    }

    document_views, claim_groups, doc_sections = document_sections(documents, claims)
    document_anchors = {v.record.id: v.anchor for v in document_views}

    policy_views = [
        PolicyView(
            record=p,
            anchor=anchor("policy", p.id),
            objectives_count=len(p.objectives.categories) if p.objectives else None,
            conflicts=by_subject.get(p.id, []),
        )
        for p in sorted(policies, key=lambda p: (p.country, p.region or "", p.name.casefold(), p.id))
    ]

    country_views = []
    for c in sorted(countries, key=lambda c: (c.country, c.id)):
        rows, total = _maturity(c)
        orgs = c.cluster_organisations
        regions = sorted(orgs.by_region.items()) if orgs else []
        regions_sum = sum(n for _, n in regions) if regions else None
        country_views.append(
            CountryView(
                record=c,
                anchor=anchor("country", c.id),
                maturity=rows,
                maturity_total=total,
                regions=regions,
                regions_sum=regions_sum,
                regions_mismatch=bool(
                    orgs and orgs.total is not None and regions_sum is not None and regions_sum != orgs.total
                ),
                organisation_names=sorted(orgs.names, key=str.casefold) if orgs else [],
                conflicts=by_subject.get(c.id, []),
            )
        )

    cluster_views = [
        ClusterView(
            record=cl,
            anchor=anchor("cluster", cl.id),
            aliases=sorted(set(cl.aliases), key=lambda a: (a.casefold(), a)),
            claims=sorted(
                cl.claims,
                key=lambda cv: (
                    cv.attribute,
                    value_sort_key(cv.value),
                    evidence_sort_key(cv.evidence),
                    cv.claim_id,
                ),
            ),
            suggestions=sorted(cl.suggestions, key=lambda s: (-s.score, s.other_name.casefold(), s.other_id)),
            initiative_anchor=subject_anchors.get(cl.initiative) if cl.initiative else None,
            conflicts=by_subject.get(cl.id, []),
            created_conflict=by_subject_attribute.get((cl.id, "created_year")),
        )
        for cl in sorted(clusters, key=lambda cl: (cl.country or "", cl.name.casefold(), cl.id))
    ]

    summary = {
        "documents_ok": sum(d.status == "ok" for d in documents),
        "documents_quarantined": sum(d.status == "quarantined" for d in documents),
        "policies": len(policies),
        "clusters": len(clusters),
        "countries": len(countries),
        "conflicts_open": sum(c.status == "open" for c in conflicts),
        "conflicts_resolved": sum(c.status == "resolved" for c in conflicts),
        "claims": len(claims),
    }
    return {
        "summary": summary,
        "conflicts": conflict_views,
        "documents": document_views,
        "policies": policy_views,
        "countries": country_views,
        "clusters": cluster_views,
        "claim_groups": claim_groups,
        "doc_sections": doc_sections,
        "doc_sections_anchors": {g.doc_id: g.anchor for _, g in doc_sections},
        "doc_hrefs": {g.doc_id: "#" + g.anchor for _, g in doc_sections},  # report_pages: on a page
        "doc_pages": [],  # report_pages: the pages that hold the documents' sections
        "claim_group_anchors": {g.doc_id: g.anchor for g in claim_groups},
        "subject_anchors": subject_anchors,
        "subject_names": subject_names,
        "document_anchors": document_anchors,
        "media": extras.media,
        "crop_images": extras.media.images if extras.media else [],
        "since": extras.since,
        "since_records": _since_records(extras.since, subject_anchors),
        "run_warnings": sorted(set(extras.warnings)),
        "doc_extras": extras.documents,
    }


def _since_records(since: RunDiff | None, subject_anchors: dict[str, str]) -> list[tuple[object, str | None]]:
    if since is None:
        return []
    return [(r, subject_anchors.get(r.subject_id)) for r in since.records]


# ---------------------------------------------------------------- rendering


def _is_not_available(value: object) -> bool:
    return isinstance(value, NotAvailable)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline.publish", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["value"] = format_value
    env.filters["number"] = format_number
    env.filters["shown"] = display_value
    env.filters["when"] = format_time
    env.tests["not_available"] = _is_not_available
    return env


@lru_cache(maxsize=1)
def _script() -> tuple[Markup, Markup]:
    """The report's inline script and its CSP hash (only this script may run)."""
    text = resources.files("pipeline.publish").joinpath("templates", SCRIPT).read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), Markup(f"'sha256-{digest}'")


def render_report(
    *,
    documents: Sequence[DocumentRecord],
    policies: Sequence[PolicyRecord],
    countries: Sequence[CountryRecord],
    clusters: Sequence[ClusterRecord],
    conflicts: Sequence[ConflictRecord],
    claims: Sequence[Claim],
    extras: ReportExtras | None = None,
) -> str:
    """Render the review report; the same records (and extras) give byte-identical HTML."""
    return "".join(
        report_chunks(
            documents=documents,
            policies=policies,
            countries=countries,
            clusters=clusters,
            conflicts=conflicts,
            claims=claims,
            extras=extras,
        )
    )


def report_chunks(
    *,
    documents: Sequence[DocumentRecord],
    policies: Sequence[PolicyRecord],
    countries: Sequence[CountryRecord],
    clusters: Sequence[ClusterRecord],
    conflicts: Sequence[ConflictRecord],
    claims: Sequence[Claim],
    extras: ReportExtras | None = None,
    doc_pages: Sequence[object] = (),
    doc_hrefs: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """The report's HTML in the template's pieces (joined, exactly `render_report`'s text), to be
    written as they come: a large run's report is never held whole in memory. `doc_pages` and
    `doc_hrefs` (`pipeline.publish.report_pages`): the per-document sections are on those pages,
    and the documents table links to them there."""
    context = build_context(
        documents=documents,
        policies=policies,
        countries=countries,
        clusters=clusters,
        conflicts=conflicts,
        claims=claims,
        extras=extras,
    )
    if doc_pages:
        context["doc_pages"] = list(doc_pages)
        context["doc_hrefs"] = {**context["doc_hrefs"], **(doc_hrefs or {})}  # type: ignore[dict-item]
    script, script_hash = _script()
    return _environment().get_template(TEMPLATE).generate(
        **context, script=script, script_hash=script_hash, index_href=""
    )
