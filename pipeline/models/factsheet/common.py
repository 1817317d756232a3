"""Shared by the factsheet extractors: claims located by page and box."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.datamodel.claims import Claim, ClaimValue, SubjectType
from pipeline.datamodel.document import BBox, Document
from pipeline.text.evidence import evidence


@dataclass(frozen=True)
class ClaimMaker:
    """Makes claims about one subject of one document, by one method."""

    doc: Document
    subject_type: SubjectType
    subject_name: str
    country: str | None
    method: str

    def make(
        self, attribute: str, value: ClaimValue, quote: str, page: int | None, bbox: BBox | None
    ) -> Claim:
        return Claim.create(
            subject_type=self.subject_type,
            subject_name=self.subject_name,
            country=self.country,
            attribute=attribute,
            value=value,
            evidence=evidence(self.doc, quote, self.method, page=page, bbox=bbox),
        )
