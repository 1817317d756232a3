"""The records written to `extracted/` (the output contract in DESIGN.md).

Each record type has a `Literal` `record_type`, a stable `id` and a
`schema_version`; `pipeline.publish.schemas` exports them as JSON Schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.datamodel.base import SCHEMA_VERSION, RecordModel, StrictModel
from pipeline.datamodel.claims import Claim, ClaimValue, Evidence, NotAvailable
from pipeline.datamodel.document import DocumentKind

SchemaVersion = Literal["1.0"]

# ---------------------------------------------------------------- documents


class DocumentError(RecordModel):
    code: str
    """A stable, machine-readable error code (`not_pdf`, `encrypted`, `http_404`...)."""
    message: str
    """What went wrong, for people."""


class DocumentRecord(RecordModel):
    record_type: Literal["document"] = "document"
    """Always `document`."""
    schema_version: SchemaVersion = SCHEMA_VERSION
    """Version of this record schema."""
    id: str
    """The document id (`doc-` and a hash of the source's uri)."""
    uri: str
    """The source file's path relative to the raw folder, or its URL."""
    sha256: str
    """SHA-256 of the source bytes."""
    media_type: str | None
    """The media type the source was parsed as (`pdf`, `html`), or null when it could not be loaded."""
    kind: DocumentKind
    """The document kind, detected from content."""
    title: str | None = None
    """The document's title (metadata, else its first heading)."""
    published: str | None = None
    """The publication date the source states, if any."""
    producer: str | None = None
    """The PDF producer (metadata), if any."""
    pages: int | None = None
    """Number of pages (PDF only)."""
    status: Literal["ok", "quarantined"]
    """`ok`, or `quarantined` when the source could not be loaded or parsed."""
    error: DocumentError | None = None
    """Why the document was quarantined."""
    claim_counts: dict[str, int] = Field(default_factory=dict)
    """Number of claims per attribute family."""
    claims: int = 0
    """Number of claims extracted from the document."""
    warnings: list[str] = Field(default_factory=list)
    """Problems met that did not stop the extraction (a failed extractor, a dropped quote...)."""


# ---------------------------------------------------------------- policies


class CategorisedText(RecordModel):
    """A policy-table cell: standardised (bold) categories, then free description."""

    categories: list[str] = Field(default_factory=list)
    """The standardised (bold) categories, in the order of the source."""
    description: str | None = None
    """The free description that follows them, paragraphs joined."""


class Instruments(RecordModel):
    financial: CategorisedText | None = None
    """Financial support instruments."""
    technical_assistance: CategorisedText | None = None
    """Technical-assistance instruments."""
    explanation: str | None = None
    """Further explanation of the instruments."""


class History(RecordModel):
    period: Literal["limited", "unlimited"] | NotAvailable | None = None
    """Whether the policy is `limited` or `unlimited` in time, or not available."""
    starting_year: int | None = None
    """The year the policy started."""
    ending_year: int | NotAvailable | None = None
    """The year the policy ends, or not available."""
    ending_year_text: str | None = None
    """The ending-year cell as written."""
    explanation: str | None = None
    """The history row's explanation."""


class Budget(RecordModel):
    overall: str | NotAvailable | None = None
    """The overall budget as written, or not available."""
    annual: str | NotAvailable | None = None
    """The annual budget as written, or not available."""
    source_of_funding: str | NotAvailable | None = None
    """Where the money comes from, or not available."""


class Evaluation(RecordModel):
    availability: str | NotAvailable | None = None
    """Whether an evaluation is available, or not available."""
    results: str | NotAvailable | None = None
    """The evaluation's results, or not available."""


class PolicyRecord(RecordModel):
    record_type: Literal["policy"] = "policy"
    """Always `policy`."""
    schema_version: SchemaVersion = SCHEMA_VERSION
    """Version of this record schema."""
    id: str
    """Stable policy id (country and name tokens)."""
    country: str
    """ISO 3166-1 alpha-2 code of the policy's country."""
    region: str | None = None
    """The region of a regional policy, else null."""
    policy_type: str | None = None
    """The policy-type row (national or regional policy...)."""
    name: str
    """The policy's name."""
    objectives: CategorisedText | None = None
    """POLICY OBJECTIVES."""
    focus: CategorisedText | None = None
    """POLICY FOCUS."""
    responsible_authorities: CategorisedText | None = None
    """RESPONSIBLE AUTHORITIES."""
    beneficiaries: CategorisedText | None = None
    """BENEFICIARIES."""
    instruments: Instruments = Field(default_factory=Instruments)
    """INSTRUMENTS."""
    history: History = Field(default_factory=History)
    """HISTORY: period, starting and ending year."""
    budget: Budget = Field(default_factory=Budget)
    """BUDGET."""
    evaluation: Evaluation = Field(default_factory=Evaluation)
    """POLICY EVALUATION."""
    eu_priorities: list[str] = Field(default_factory=list)
    """POLICY ALIGNMENT WITH THE EU PRIORITIES, one entry per priority."""
    sources: list[str] = Field(default_factory=list)
    """Ids of the documents that state anything about the policy."""
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    """Field path to the evidence of its value."""


# ---------------------------------------------------------------- countries


class Maturity(RecordModel):
    policy_scope: float | None = None
    """Score of the policy-scope criterion."""
    continuity: float | None = None
    """Score of the continuity criterion."""
    evidence_of_performance: float | None = None
    """Score of the evidence-of-performance criterion."""
    support_instruments: float | None = None
    """Score of the cluster-support-instruments criterion."""
    total: float | None = None
    """The stated total score."""
    max: float | None = None
    """The maximum total score."""


class ClusterOrganisationCount(RecordModel):
    total: int | None = None
    """Cluster organisations of the country (registered on the ECCP)."""
    by_region: dict[str, int] = Field(default_factory=dict)
    """Region name to its number of cluster organisations."""
    as_of: str | None = None
    """The date the count refers to, as written."""
    names: list[str] = Field(default_factory=list)
    """Names of the cluster organisations, when the source lists them."""


class AgglomerationRow(RecordModel):
    region_code: str | None = None
    """The region's NUTS code, when the table gives one."""
    region: str
    """The region's name."""
    count: int
    """Number of agglomerations in the region."""
    nodes: list[str] = Field(default_factory=list)
    """The sectors or ecosystems listed for the region."""


class Agglomerations(RecordModel):
    sectoral: list[AgglomerationRow] = Field(default_factory=list)
    """Sectoral (NACE) agglomerations per region."""
    ecosystem: list[AgglomerationRow] = Field(default_factory=list)
    """Industrial-ecosystem agglomerations per region."""


class CountryRecord(RecordModel):
    record_type: Literal["country"] = "country"
    """Always `country`."""
    schema_version: SchemaVersion = SCHEMA_VERSION
    """Version of this record schema."""
    id: str
    """The country code."""
    country: str
    """ISO 3166-1 alpha-2 code."""
    name: str | None = None
    """The country's English name."""
    maturity: Maturity | None = None
    """The maturity assessment of the country's cluster policy."""
    cluster_organisations: ClusterOrganisationCount | None = None
    """Cluster organisations, total and by region."""
    agglomerations: Agglomerations = Field(default_factory=Agglomerations)
    """Agglomeration tables."""
    sources: list[str] = Field(default_factory=list)
    """Ids of the documents that state anything about the country."""
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    """Field path to the evidence of its value."""


# ---------------------------------------------------------------- clusters


class ClaimedValue(RecordModel):
    attribute: str
    """The attribute claimed (see the attribute vocabulary)."""
    value: ClaimValue
    """The value claimed."""
    qualifier: str | None = None
    """Event type or status of the claim (`announced`, `in development`...)."""
    precision: str | None = None
    """How exact a date is (`year`, `month`, `vague`...)."""
    claim_id: str
    """Id of the claim in `datasets/claims.jsonl`."""
    evidence: Evidence
    """Where the value was read."""


class MatchSuggestion(RecordModel):
    """A plausible but unproven identity, for a reviewer; never merged automatically."""

    other_id: str
    """Id of the look-alike cluster."""
    other_name: str
    """Its name."""
    score: float
    """Similarity in [0, 1]."""
    reason: str
    """Why they look alike."""


class ClusterRecord(RecordModel):
    record_type: Literal["cluster"] = "cluster"
    """Always `cluster`."""
    schema_version: SchemaVersion = SCHEMA_VERSION
    """Version of this record schema."""
    id: str
    """Stable cluster id (country and core name)."""
    country: str | None
    """ISO 3166-1 alpha-2 code, or null when unknown."""
    name: str
    """The current name."""
    aliases: list[str] = Field(default_factory=list)
    """Every other name seen, former names included."""
    created_year: int | None = None
    """The creation year; null when sources conflict or are silent."""
    status: str | None = None
    """`active`, `in development`... when the sources agree."""
    initiative: str | None = None
    """Id of the policy the cluster belongs to, if known."""
    claims: list[ClaimedValue] = Field(default_factory=list)
    """Each claimed value of each attribute, with its evidence."""
    suggestions: list[MatchSuggestion] = Field(default_factory=list)
    """Look-alike clusters for a reviewer (never merged)."""
    sources: list[str] = Field(default_factory=list)
    """Ids of the documents that name the cluster."""


# ---------------------------------------------------------------- conflicts


class ConflictValue(RecordModel):
    value: ClaimValue
    """One of the incompatible values."""
    qualifiers: list[str] = Field(default_factory=list)
    """Qualifiers of the claims giving it."""
    evidence: list[Evidence]
    """Where it was read."""


class Resolution(RecordModel):
    value: ClaimValue
    """The value the reviewer chose."""
    decided_by: str
    """Who decided."""
    reason: str
    """Why."""
    decided_at: str | None = None
    """When (ISO date)."""


class ConflictRecord(RecordModel):
    record_type: Literal["conflict"] = "conflict"
    """Always `conflict`."""
    schema_version: SchemaVersion = SCHEMA_VERSION
    """Version of this record schema."""
    id: str
    """Stable conflict id (subject, attribute and check)."""
    subject_type: Literal["policy", "cluster", "country"]
    """What the conflict is about."""
    subject_id: str
    """Id of the policy, cluster or country."""
    subject_name: str
    """Its name."""
    attribute: str
    """The attribute the values disagree on (`starting_year`, `cluster_organisations.total`...)."""
    kind: Literal["cross_source", "internal"]
    """`cross_source` (no one document holds every value) or `internal`."""
    values: list[ConflictValue]
    """Each value with its evidence."""
    explanation: str
    """The conflict in one sentence."""
    status: Literal["open", "resolved"] = "open"
    """`open`, or `resolved` by a reviewer decision."""
    resolution: Resolution | None = None
    """The reviewer's decision."""


# ---------------------------------------------------------------- run summary


class StageTiming(RecordModel):
    stage: str
    """The stage (or group of stages)."""
    seconds: float
    """Wall-clock seconds it took."""


class RunSummary(RecordModel):
    record_type: Literal["run"] = "run"
    """Always `run`."""
    schema_version: SchemaVersion = SCHEMA_VERSION
    """Version of this record schema."""
    id: str
    """The run id."""
    documents_seen: int
    """Sources discovered."""
    documents_new: int
    """Sources not seen by the previous run."""
    documents_changed: int
    """Sources whose bytes changed."""
    documents_unchanged: int
    """Sources with the same bytes as before."""
    documents_quarantined: int
    """Sources that could not be loaded or parsed."""
    documents_from_cache: int = 0
    """Documents whose extraction was taken from the cache."""
    records_written: dict[str, int]
    """Record type to number written."""
    conflicts_open: int
    """Conflicts without a decision."""
    conflicts_resolved: int
    """Conflicts a reviewer decision resolved."""
    timings: list[StageTiming] = Field(default_factory=list)
    """Time per stage."""
    warnings: list[str] = Field(default_factory=list)
    """Problems the run reported without stopping, e.g. reviewer decisions not applied, and why."""


RECORD_MODELS: dict[str, type[StrictModel]] = {
    "document": DocumentRecord,
    "policy": PolicyRecord,
    "country": CountryRecord,
    "cluster": ClusterRecord,
    "conflict": ConflictRecord,
    "claim": Claim,
    "run": RunSummary,
}
