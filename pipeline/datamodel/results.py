"""Typed results of the per-document stages (load, parse, extract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import Field

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.claims import Claim
from pipeline.datamodel.document import DocumentKind
from pipeline.datamodel.records import ClusterRecord, ConflictRecord, CountryRecord, PolicyRecord


class Status(StrEnum):
    OK = "ok"
    QUARANTINED = "quarantined"


class StageError(StrictModel):
    """A specific, recorded error: which stage, a stable code, and a message for people."""

    stage: str
    code: str
    message: str


class SourceRef(StrictModel):
    """A discovered input: a file below the raw folder (uri relative to it), or a URL
    listed in the raw folder's `sources.txt` (then `path` is None and `uri` is the URL)."""

    uri: str
    path: str | None = None


class LoadedSource(StrictModel):
    uri: str
    doc_id: str
    sha256: str
    data: bytes
    media_type: str | None


class MentionNote(StrictModel):
    """A name-shaped phrase of a page and whether it was taken as a cluster/policy mention.

    `family` is the rule that made it a mention (e.g. "x_cluster", "apposition", "page_topic",
    "gazetteer"); `reason` says why a phrase was not taken ("role title", "generic head", "person");
    `source` says, for a name known from another document of the run (the cross-document
    gazetteer, `pipeline.stages.gazetteer`), which document and rule named it (`<doc_id> <rule>`).
    """

    text: str
    label: str
    taken: bool
    family: str | None = None
    reason: str | None = None
    locator: str | None = None
    source: str | None = None


class DocumentResult(StrictModel):
    """Everything one document contributes to the run; never raises, always recorded."""

    uri: str
    doc_id: str
    sha256: str
    media_type: str | None
    status: Status
    kind: DocumentKind = DocumentKind.OTHER
    country: str | None = None
    title: str | None = None
    published: str | None = None
    producer: str | None = None
    pages: int | None = None
    claims: list[Claim] = Field(default_factory=list)
    mentions: list[MentionNote] = Field(
        default_factory=list
    )  # prose pages: what was (not) taken, for the report
    errors: list[StageError] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False


@dataclass(frozen=True)
class Reconciled:
    """The reconcile stage's output: resolved claims, the records built from them, conflicts."""

    claims: list[Claim]
    policies: list[PolicyRecord]
    clusters: list[ClusterRecord]
    countries: list[CountryRecord]
    conflicts: list[ConflictRecord]
    warnings: list[str] = field(default_factory=list)  # reviewer decisions that were not applied, and why
