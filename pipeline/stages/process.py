"""Parse and extract one loaded document. Never raises: every failure is recorded.

LoadedSource ─► parse_source ─► classify ─► extract_claims ─► verify_quotes ─► DocumentResult
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence

from pipeline.backend.html import HtmlParseError, parse_html
from pipeline.backend.pdf import PdfParseError
from pipeline.backend.profiles import ProfileError, parse_pdf_profiled
from pipeline.datamodel.attributes import Extractor
from pipeline.datamodel.claims import Claim, NotAvailable
from pipeline.datamodel.document import Document, DocumentKind, normalise_space
from pipeline.datamodel.results import DocumentResult, LoadedSource, MentionNote, StageError, Status
from pipeline.models.classify import Classification, classify
from pipeline.models.factsheet import extract_figures_part, extract_policy_table_part
from pipeline.models.nlp.claims import extract_prose
from pipeline.models.slides import extract_presentation_claims
from pipeline.stages.registry import (
    Extraction,
    RegisteredExtractor,
    backend_for,
    extractors_for,
    register_backend,
    register_extractor,
)


class UnsupportedMediaError(ValueError):
    """No backend is registered for the source's media type."""


# ------------------------------------------------------------------ built-in registrations


def factsheet_policy_tables(doc: Document, country: str | None) -> Extraction:
    """The ECCP policy table(s), stitched across pages; a failing field is a warning."""
    result = extract_policy_table_part(doc, country)
    warnings = result.warnings
    if result.policy_tables == 0:
        warnings.append("factsheet without a readable policy table")
    return Extraction(result.claims, warnings)


def factsheet_figures(doc: Document, country: str | None) -> Extraction:
    """Maturity scores, cluster-organisation counts and agglomeration tables of a factsheet."""
    result = extract_figures_part(doc, country)
    return Extraction(result.claims, result.warnings)


NOT_CLASSIFIED = "not a factsheet, press page or presentation: no claims extracted"
# a factsheet's prose is its running text; its tables belong to the table extractors
_FACTSHEET_PROSE = frozenset({"paragraph", "list_item", "heading"})


def prose(doc: Document, country: str | None) -> Extraction:
    """Dated events, renames, descriptions and counts from running text (spaCy rules), with the
    page's mention list (names taken as clusters or policies, and those that were not, and why)."""
    return prose_with_names(doc, country, {})


def prose_with_names(doc: Document, country: str | None, known_names: Mapping[str, str]) -> Extraction:
    """`prose`, with names known from other documents (the gazetteer's second pass)."""
    if doc.kind == DocumentKind.OTHER and doc.media_type != "html":
        return _unclassified(doc)  # an unclassified PDF: no running text about clusters to read
    factsheet = doc.kind == DocumentKind.FACTSHEET
    blocks = [b for b in doc.blocks if b.kind in _FACTSHEET_PROSE] if factsheet else None
    result = extract_prose(doc, country=country, blocks=blocks, known_names=known_names or None)
    if doc.kind == DocumentKind.OTHER and not result.claims:
        return Extraction([], _unclassified(doc).warnings, result.mentions)
    return Extraction(result.claims, [], result.mentions)


def _unclassified(doc: Document) -> Extraction:
    if not doc.text.strip():
        return Extraction([], ["no extractable text (a scanned or image-only document?)"])
    return Extraction([], [NOT_CLASSIFIED])


def presentation(doc: Document, country: str | None) -> list[Claim]:
    return extract_presentation_claims(doc, country=country)


def presentation_with_names(
    doc: Document, country: str | None, known_names: Mapping[str, str]
) -> list[Claim]:
    return extract_presentation_claims(doc, country=country, known_names=known_names or None)


register_backend("pdf", parse_pdf_profiled, errors=(PdfParseError, ProfileError))
register_backend("html", parse_html, errors=(HtmlParseError,), code="html_unreadable")
register_extractor(Extractor.POLICY_TABLE, [DocumentKind.FACTSHEET], factsheet_policy_tables)
register_extractor(Extractor.FACTSHEET_FIGURES, [DocumentKind.FACTSHEET], factsheet_figures)
# a web page not recognised as cluster news may still present a cluster organisation that never
# says "cluster" ("Who we are ... our members"); its rules decide what is a cluster
register_extractor(
    Extractor.PROSE,
    [DocumentKind.FACTSHEET, DocumentKind.PRESS_PAGE, DocumentKind.OTHER],
    prose,
    with_names=prose_with_names,
)
register_extractor(
    Extractor.SLIDES, [DocumentKind.PRESENTATION], presentation, with_names=presentation_with_names
)


# ------------------------------------------------------------------ parse and extract


def parse_source(source: LoadedSource) -> Document:
    """Bytes to `Document` through the backend registered for the media type; raises the
    backend's specific error on bad input, `UnsupportedMediaError` when there is none."""
    backend = backend_for(source.media_type)
    if backend is None:
        raise UnsupportedMediaError(f"{source.uri}: no backend for media type {source.media_type!r}")
    return backend.parse(source.data, doc_id=source.doc_id, uri=source.uri, sha256=source.sha256)


def run_extractor(
    entry: RegisteredExtractor,
    doc: Document,
    country: str | None,
    known_names: Mapping[str, str] | None = None,
) -> Extraction:
    """Run one extractor in isolation: its exception becomes a warning, never the document's end.
    With `known_names` (a gazetteer's names), an extractor that takes them gets them."""
    try:
        if known_names and entry.with_names is not None:
            out = entry.with_names(doc, country, known_names)
        else:
            out = entry.run(doc, country)
    except Exception as exc:  # an extractor bug loses that extractor's claims only; recorded
        return Extraction([], [f"extractor {entry.name} failed: {type(exc).__name__}: {exc}"])
    extraction = out if isinstance(out, Extraction) else Extraction(list(out))
    stamped = [c.model_copy(update={"extractor": entry.name}) for c in extraction.claims]
    return Extraction(stamped, list(extraction.warnings), list(extraction.mentions))


def extract_claims(
    doc: Document, country: str | None, known_names: Mapping[str, str] | None = None
) -> Extraction:
    """Run every extractor registered for the document's kind; their claims (one per fact),
    warnings and mention lists together (`known_names`: see `run_extractor`)."""
    entries = extractors_for(doc.kind)
    if not entries:
        if not doc.text.strip():
            return Extraction([], ["no extractable text (a scanned or image-only document?)"])
        return Extraction([], [NOT_CLASSIFIED])
    claims: list[Claim] = []
    warnings: list[str] = []
    mentions: list[MentionNote] = []
    for entry in entries:
        extraction = run_extractor(entry, doc, country, known_names)
        claims.extend(extraction.claims)
        warnings.extend(extraction.warnings)
        mentions.extend(extraction.mentions)
    return Extraction(one_claim_per_fact(claims), warnings, mentions)


def _fact_key(claim: Claim) -> tuple[str, str | None, str, str]:
    value = claim.value
    key = value.model_dump_json() if isinstance(value, NotAvailable) else json.dumps(value)
    return (claim.subject_type, claim.country, claim.attribute, key)


def one_claim_per_fact(claims: Sequence[Claim]) -> list[Claim]:
    """Drop a claim when an extractor registered earlier states the same fact from the same words.

    Same fact: same subject type, country, attribute and value; same words: one quote
    contains the other (whitespace-normalised). Claims of one extractor are never dropped.
    """
    kept: list[Claim] = []
    seen: dict[tuple[str, str | None, str, str], list[Claim]] = {}
    for claim in claims:
        earlier = seen.setdefault(_fact_key(claim), [])
        if any(e.extractor != claim.extractor and _same_words(e, claim) for e in earlier):
            continue
        earlier.append(claim)
        kept.append(claim)
    return kept


def _same_words(a: Claim, b: Claim) -> bool:
    qa, qb = normalise_space(a.evidence.quote), normalise_space(b.evidence.quote)
    return qa in qb or qb in qa


def classify_safely(doc: Document) -> tuple[Classification, list[str]]:
    """`classify`, with a classifier bug recorded as a warning (the document is then 'other')."""
    try:
        return classify(doc), []
    except Exception as exc:  # a parsed document is never lost to a classifier bug; recorded
        warning = f"classify failed: {type(exc).__name__}: {exc}"
        return Classification(DocumentKind.OTHER, None, warning), [warning]


def verify_quotes(doc: Document, claims: list[Claim]) -> tuple[list[Claim], list[str]]:
    """Keep only claims whose quote occurs verbatim (whitespace-normalised) in the source
    (the document's searchable text is built once, not once per claim)."""
    searchable = doc.searchable_text()
    kept, dropped = [], []
    for claim in claims:
        (kept if normalise_space(claim.evidence.quote) in searchable else dropped).append(claim)
    return kept, [f"claim dropped, quote not in source: {c.evidence.quote[:80]!r}" for c in dropped]


def process(
    source: LoadedSource,
    known_names: Mapping[str, str] | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> DocumentResult:
    """Parse, classify, extract and verify one source (`known_names`: a gazetteer's names from
    other documents, for the extractors that take them; see `pipeline.stages.gazetteer`).
    `on_document` sees the parsed, classified document once (the pool keeps its text for the
    gazetteer, so that the second pass never parses a document again)."""
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
    except UnsupportedMediaError as exc:
        return _quarantine(base, "parse", "unsupported_media", str(exc), started)
    except _backend_errors(source) as exc:
        return _quarantine(base, "parse", _error_code(source, exc), str(exc), started)
    classification, classify_warnings = classify_safely(doc)
    doc = doc.model_copy(update={"kind": classification.kind})
    if on_document is not None:
        on_document(doc)
    extraction = extract_claims(doc, classification.country, known_names)
    claims, warnings = extraction.claims, [*classify_warnings, *extraction.warnings]
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
            "mentions": extraction.mentions,
            "warnings": [*warnings, *dropped],
            "seconds": round(time.perf_counter() - started, 3),
        }
    )


def _backend_errors(source: LoadedSource) -> tuple[type[Exception], ...]:
    backend = backend_for(source.media_type)
    return backend.errors if backend is not None else ()


def _error_code(source: LoadedSource, exc: Exception) -> str:
    """The error's own stable `code` (PdfParseError has one), else the backend's."""
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        return code
    backend = backend_for(source.media_type)
    return backend.code if backend is not None else "parse_failed"


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
