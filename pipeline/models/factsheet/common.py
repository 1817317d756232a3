"""Shared by the factsheet extractors: claims located by page and box."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.datamodel.claims import Claim, ClaimValue, Evidence, SubjectType
from pipeline.datamodel.document import BBox, Document


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
            evidence=Evidence(
                doc_id=self.doc.doc_id,
                uri=self.doc.uri,
                page=page,
                bbox=bbox,
                quote=quote,
                method=self.method,
            ),
        )
