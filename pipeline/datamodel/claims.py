"""The extract stage's output: one fact, with the evidence for it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from pydantic import StringConstraints

from pipeline.datamodel.base import SCHEMA_VERSION, RecordModel, stable_id
from pipeline.datamodel.document import BBox


class Evidence(RecordModel):
    """Where a value was read. `quote` occurs verbatim (whitespace-normalised) in the source."""

    doc_id: str
    """Id of the source document."""
    uri: str
    """The source's path relative to the raw folder, or its URL."""
    page: int | None = None
    """Page number (PDF), else null."""
    bbox: BBox | None = None
    """Box on the page (PDF), else null."""
    locator: str | None = None
    """HTML element path or character span, else null."""
    quote: str
    """The exact words read; occurs verbatim (whitespace-normalised) in the source."""
    method: str
    """Which rule of which extractor read it (`nlp.learned`: a start date scored by the learned binder)."""


class NotAvailable(RecordModel):
    """An explicit "the source says there is no data" marker, kept apart from text."""

    not_available: Literal[True] = True
    """Always true: the source says there is no data."""
    text: str
    """The source's words for it."""


# a registered extractor's name: dotted lower-case words ("factsheet.policy_table", "prose")
ExtractorName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")]
SubjectType = Literal["policy", "cluster", "country"]
ClaimValue = int | float | str | list[str] | NotAvailable | None


class Claim(RecordModel):
    """One fact about one subject.

    `subject_id` is the resolved entity id once reconciliation has run; the
    extractor fills a provisional id derived from the name as written.
    `qualifier` carries the event type or status ("announced", "in development",
    "lineage"...) and `precision` how exact a date is ("year", "day", "vague").
    Build claims with `Claim.create`, which derives the stable `id` from the
    document, attribute, value and quote (not from the resolved subject).
    """

    record_type: Literal["claim"] = "claim"
    """Always `claim`."""
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    """Version of this record schema."""
    id: str
    """Stable claim id (document, attribute, value, quote)."""
    subject_type: SubjectType
    """What the claim is about."""
    subject_id: str
    """The resolved entity's id."""
    subject_name: str
    """The subject's name as written in the source."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the document's country."""
    attribute: str
    """The attribute claimed (see the attribute vocabulary)."""
    value: ClaimValue
    """The value claimed."""
    qualifier: str | None = None
    """Event type or status (`announced`, `in development`, `lineage`...)."""
    precision: str | None = None
    """How exact a date is (`year`, `month`, `day`, `vague`...)."""
    evidence: Evidence
    """Where the value was read."""
    extractor: ExtractorName | None = None
    """The registered extractor that produced the claim (set by the extract stage)."""
    # more evidence for the same claim, e.g. the antecedent of "the cluster" / "it" (method
    # `<extractor>.coreference`); left out of the serialised claim when empty
    extra_evidence: list[Evidence] = Field(default_factory=list)
    """More evidence for the same claim, e.g. the antecedent that "the cluster" or "it" refers to
    (method `<extractor>.coreference`); left out of the serialised claim when empty."""

    @model_serializer(mode="wrap")
    def _omit_empty_extra_evidence(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict) and not self.extra_evidence:
            data.pop("extra_evidence", None)
        return data

    @classmethod
    def create(
        cls,
        *,
        subject_type: SubjectType,
        subject_name: str,
        attribute: str,
        value: ClaimValue,
        evidence: Evidence,
        subject_id: str | None = None,
        country: str | None = None,
        qualifier: str | None = None,
        precision: str | None = None,
        extractor: str | None = None,
        extra_evidence: list[Evidence] | None = None,
    ) -> Claim:
        key = {
            "doc": evidence.doc_id,
            "subject": subject_name,
            "attribute": attribute,
            "value": _jsonable(value),
            "qualifier": qualifier,
            "quote": evidence.quote,
            "page": evidence.page,
            "locator": evidence.locator,
        }
        return cls(
            id=stable_id("claim", key),
            subject_type=subject_type,
            subject_id=subject_id or provisional_subject_id(subject_type, country, subject_name),
            subject_name=subject_name,
            country=country,
            attribute=attribute,
            value=value,
            qualifier=qualifier,
            precision=precision,
            evidence=evidence,
            extractor=extractor,
            extra_evidence=list(extra_evidence or []),
        )


def provisional_subject_id(subject_type: str, country: str | None, name: str) -> str:
    """An id from the name as written; reconciliation replaces it with the resolved one."""
    return stable_id(subject_type, {"country": country, "name": " ".join(name.casefold().split())})


def _jsonable(value: ClaimValue) -> object:
    if isinstance(value, NotAvailable):
        return value.model_dump()
    return value
