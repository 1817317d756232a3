"""Parse and extract one loaded document. Never raises: every failure is recorded.

LoadedSource ─► parse_source ─► classify ─► extract_claims ─► verify_quotes ─► DocumentResult
"""

from __future__ import annotations

import time

from pipeline.backend.html import HtmlParseError, parse_html
from pipeline.backend.pdf import PdfParseError, parse_pdf
from pipeline.datamodel.claims import Claim
from pipeline.datamodel.document import Document, DocumentKind
from pipeline.datamodel.results import DocumentResult, LoadedSource, StageError, Status
from pipeline.models.classify import classify
from pipeline.models.factsheet import extract_factsheet
from pipeline.models.nlp.claims import extract_prose_claims
from pipeline.models.slides import extract_presentation_claims


class UnsupportedMediaError(ValueError):
    """Neither PDF nor HTML."""


def parse_source(source: LoadedSource) -> Document:
    """Bytes to `Document`; raises the backend's specific error on bad input."""
    if source.media_type == "pdf":
        return parse_pdf(source.data, doc_id=source.doc_id, uri=source.uri, sha256=source.sha256)
    if source.media_type == "html":
        return parse_html(source.data, doc_id=source.doc_id, uri=source.uri, sha256=source.sha256)
    raise UnsupportedMediaError(f"{source.uri}: neither PDF nor HTML content")


def extract_claims(doc: Document, country: str | None) -> tuple[list[Claim], list[str]]:
    """Dispatch on the detected kind; return claims and warnings."""
    warnings: list[str] = []
    if doc.kind == DocumentKind.FACTSHEET:
        result = extract_factsheet(doc, country)
        warnings.extend(result.warnings)  # stitching issues and extractor failures
        if result.policy_tables == 0:
            warnings.append("factsheet without a readable policy table")
        prose = [b for b in doc.blocks if b.kind in ("paragraph", "list_item", "heading")]
        return [*result.claims, *extract_prose_claims(doc, country=country, blocks=prose)], warnings
    if doc.kind == DocumentKind.PRESS_PAGE:
        return extract_prose_claims(doc, country=country), warnings
    if doc.kind == DocumentKind.PRESENTATION:
        return extract_presentation_claims(doc, country=country), warnings
    if not doc.text.strip():
        warnings.append("no extractable text (a scanned or image-only document?)")
    else:
        warnings.append("not a factsheet, press page or presentation: no claims extracted")
    return [], warnings


def verify_quotes(doc: Document, claims: list[Claim]) -> tuple[list[Claim], list[str]]:
    """Keep only claims whose quote occurs verbatim (whitespace-normalised) in the source."""
    kept, dropped = [], []
    for claim in claims:
        (kept if doc.contains_quote(claim.evidence.quote) else dropped).append(claim)
    return kept, [f"claim dropped, quote not in source: {c.evidence.quote[:80]!r}" for c in dropped]


def process(source: LoadedSource) -> DocumentResult:
    started = time.perf_counter()
    base = DocumentResult(
        uri=source.uri,
        doc_id=source.doc_id,
        sha256=source.sha256,
        media_type=source.media_type,
        status=Status.OK,
    )
    try:
        doc = parse_source(source)
    except (PdfParseError, HtmlParseError) as exc:
        return _quarantine(base, "parse", getattr(exc, "code", "html_unreadable"), str(exc), started)
    except UnsupportedMediaError as exc:
        return _quarantine(base, "parse", "unsupported_media", str(exc), started)
    classification = classify(doc)
    doc = doc.model_copy(update={"kind": classification.kind})
    try:
        claims, warnings = extract_claims(doc, classification.country)
    except Exception as exc:  # an extractor bug must not stop the run: recorded, document quarantined
        return _quarantine(base, "extract", "extraction_failed", f"{type(exc).__name__}: {exc}", started)
    claims, dropped = verify_quotes(doc, claims)
    return base.model_copy(
        update={
            "kind": classification.kind,
            "country": classification.country,
            "title": doc.title or _first_heading(doc),
            "published": doc.published,
            "producer": doc.producer,
            "pages": len(doc.pages) or None,
            "claims": claims,
            "warnings": [*warnings, *dropped],
            "seconds": round(time.perf_counter() - started, 3),
        }
    )


def _first_heading(doc: Document) -> str | None:
    for block in doc.blocks:
        if block.kind in ("title", "heading") and len(block.text) > 3:
            return block.text
    return None


def _quarantine(base: DocumentResult, stage: str, code: str, message: str, started: float) -> DocumentResult:
    return base.model_copy(
        update={
            "status": Status.QUARANTINED,
            "errors": [StageError(stage=stage, code=code, message=message)],
            "seconds": round(time.perf_counter() - started, 3),
        }
    )
