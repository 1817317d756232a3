"""The records written to `extracted/` (the output contract in DESIGN.md).

Each record type has a `Literal` `record_type`, a stable `id` and a
`schema_version`; `pipeline.publish.schemas` exports them as JSON Schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.datamodel.base import SCHEMA_VERSION, StrictModel
from pipeline.datamodel.claims import Claim, ClaimValue, Evidence, NotAvailable
from pipeline.datamodel.document import DocumentKind

SchemaVersion = Literal["1.0"]

# ---------------------------------------------------------------- documents


class DocumentError(StrictModel):
    code: str
    message: str


class DocumentRecord(StrictModel):
    record_type: Literal["document"] = "document"
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str
    uri: str
    sha256: str
    media_type: Literal["pdf", "html"] | None
    kind: DocumentKind
    title: str | None = None
    published: str | None = None
    producer: str | None = None
    pages: int | None = None
    status: Literal["ok", "quarantined"]
    error: DocumentError | None = None
    claim_counts: dict[str, int] = Field(default_factory=dict)
    claims: int = 0
    warnings: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- policies


class CategorisedText(StrictModel):
    """A policy-table cell: standardised (bold) categories, then free description."""

    categories: list[str] = Field(default_factory=list)
    description: str | None = None


class Instruments(StrictModel):
    financial: CategorisedText | None = None
    technical_assistance: CategorisedText | None = None
    explanation: str | None = None


class History(StrictModel):
    period: Literal["limited", "unlimited"] | NotAvailable | None = None
    starting_year: int | None = None
    ending_year: int | NotAvailable | None = None
    ending_year_text: str | None = None
    explanation: str | None = None


class Budget(StrictModel):
    overall: str | NotAvailable | None = None
    annual: str | NotAvailable | None = None
    source_of_funding: str | NotAvailable | None = None


class Evaluation(StrictModel):
    availability: str | NotAvailable | None = None
    results: str | NotAvailable | None = None


class PolicyRecord(StrictModel):
    record_type: Literal["policy"] = "policy"
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str
    country: str
    region: str | None = None
    policy_type: str | None = None
    name: str
    objectives: CategorisedText | None = None
    focus: CategorisedText | None = None
    responsible_authorities: CategorisedText | None = None
    beneficiaries: CategorisedText | None = None
    instruments: Instruments = Field(default_factory=Instruments)
    history: History = Field(default_factory=History)
    budget: Budget = Field(default_factory=Budget)
    evaluation: Evaluation = Field(default_factory=Evaluation)
    eu_priorities: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)


# ---------------------------------------------------------------- countries


class Maturity(StrictModel):
    policy_scope: float | None = None
    continuity: float | None = None
    evidence_of_performance: float | None = None
    support_instruments: float | None = None
    total: float | None = None
    max: float | None = None


class ClusterOrganisationCount(StrictModel):
    total: int | None = None
    by_region: dict[str, int] = Field(default_factory=dict)
    as_of: str | None = None
    names: list[str] = Field(default_factory=list)


class AgglomerationRow(StrictModel):
    region_code: str | None = None
    region: str
    count: int
    nodes: list[str] = Field(default_factory=list)


class Agglomerations(StrictModel):
    sectoral: list[AgglomerationRow] = Field(default_factory=list)
    ecosystem: list[AgglomerationRow] = Field(default_factory=list)


class CountryRecord(StrictModel):
    record_type: Literal["country"] = "country"
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str
    country: str
    name: str | None = None
    maturity: Maturity | None = None
    cluster_organisations: ClusterOrganisationCount | None = None
    agglomerations: Agglomerations = Field(default_factory=Agglomerations)
    sources: list[str] = Field(default_factory=list)
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)


# ---------------------------------------------------------------- clusters


class ClaimedValue(StrictModel):
    attribute: str
    value: ClaimValue
    qualifier: str | None = None
    precision: str | None = None
    claim_id: str
    evidence: Evidence


class MatchSuggestion(StrictModel):
    """A plausible but unproven identity, for a reviewer; never merged automatically."""

    other_id: str
    other_name: str
    score: float
    reason: str


class ClusterRecord(StrictModel):
    record_type: Literal["cluster"] = "cluster"
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str
    country: str | None
    name: str
    aliases: list[str] = Field(default_factory=list)
    created_year: int | None = None
    status: str | None = None
    initiative: str | None = None
    claims: list[ClaimedValue] = Field(default_factory=list)
    suggestions: list[MatchSuggestion] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- conflicts


class ConflictValue(StrictModel):
    value: ClaimValue
    qualifiers: list[str] = Field(default_factory=list)
    evidence: list[Evidence]


class Resolution(StrictModel):
    value: ClaimValue
    decided_by: str
    reason: str
    decided_at: str | None = None


class ConflictRecord(StrictModel):
    record_type: Literal["conflict"] = "conflict"
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str
    subject_type: Literal["policy", "cluster", "country"]
    subject_id: str
    subject_name: str
    attribute: str
    kind: Literal["cross_source", "internal"]
    values: list[ConflictValue]
    explanation: str
    status: Literal["open", "resolved"] = "open"
    resolution: Resolution | None = None


# ---------------------------------------------------------------- run summary


class StageTiming(StrictModel):
    stage: str
    seconds: float


class RunSummary(StrictModel):
    record_type: Literal["run"] = "run"
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str
    documents_seen: int
    documents_new: int
    documents_changed: int
    documents_unchanged: int
    documents_quarantined: int
    documents_from_cache: int = 0
    records_written: dict[str, int]
    conflicts_open: int
    conflicts_resolved: int
    timings: list[StageTiming] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)  # e.g. reviewer decisions not applied, and why


RECORD_MODELS: dict[str, type[StrictModel]] = {
    "document": DocumentRecord,
    "policy": PolicyRecord,
    "country": CountryRecord,
    "cluster": ClusterRecord,
    "conflict": ConflictRecord,
    "claim": Claim,
    "run": RunSummary,
}
