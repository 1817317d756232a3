"""Shared by the factsheet extractors: claims located by page and box."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class ExtractorFailure:
    """One extractor (or one field of one) that raised: where, on which page, and the error."""

    where: str
    page: int | None
    error: str

    def warning(self) -> str:
        page = f", page {self.page}" if self.page is not None else ""
        return f"{self.where}{page}: extractor_failed: {self.error}"


@dataclass
class Failures:
    """Runs extractor parts so that one failing part becomes a recorded failure, not a lost document.

    >>> failures = Failures()
    >>> failures.run("maturity", None, lambda: 1 / 0)
    []
    >>> failures.items[0].warning()
    'maturity: extractor_failed: ZeroDivisionError: division by zero'
    """

    items: list[ExtractorFailure] = field(default_factory=list)

    def run(
        self, where: str, page: int | None, extract: Callable[..., Iterable[Claim]], *args: object
    ) -> list[Claim]:
        try:
            return list(extract(*args))
        except Exception as exc:  # noqa: BLE001 - recorded below, the rest of the document goes on
            self.items.append(ExtractorFailure(where, page, f"{type(exc).__name__}: {exc}"))
            return []


def run_guarded(
    failures: Failures | None,
    where: str,
    page: int | None,
    extract: Callable[..., Iterable[Claim]],
    *args: object,
) -> list[Claim]:
    """`failures.run(...)`, or a plain call (errors propagate) when no collector is given."""
    if failures is not None:
        return failures.run(where, page, extract, *args)
    return list(extract(*args))
