"""The review report of a large run: `report.html` plus per-document pages in `report/`.

One page holding every document's section (claims, evidence crops, mentions) is what
`report.html` is for a run of up to `ReportSettings.page_documents` documents. Past that it
would be hundreds of megabytes (a browser cannot open it) and building it would hold every
document's crops in memory at once. Such a run's `report.html` keeps everything else as it is
(conflicts, documents table, policies, countries, clusters, the run diff; the cluster records'
claims with their quotes, their crops being in the documents' sections) and lists the pages
instead of the sections; the sections are written to `report/documents-NNNN.html`, at most
`page_documents` to a page, in the order of their paths, each page rendered from its own
documents only (their results read back one at a time, their crops built for that page, then
dropped) so that the report's memory does not grow with the number of documents.

- Deterministic: the same records give the same pages, byte for byte, as report.html.
- Self-contained: each page carries the report's CSS, script (same CSP hash) and its own crops;
  links to records, conflicts and the documents table go to `../report.html#…`.
- A document's section is the same template (`report_document.html.j2`) on a page as in
  report.html.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pipeline.datamodel.claims import Claim, Evidence
from pipeline.datamodel.records import (
    ClusterRecord,
    ConflictRecord,
    CountryRecord,
    DocumentRecord,
    PolicyRecord,
)
from pipeline.datamodel.results import DocumentResult, Reconciled
from pipeline.publish.cropcache import default_crop_cache
from pipeline.publish.crops import SourceFile, build_evidence_media, source_link
from pipeline.publish.history import HistoryStep
from pipeline.publish.report import (
    DocumentExtra,
    ReportExtras,
    _environment,
    _script,
    anchor,
    document_extra,
    document_sections,
    report_chunks,
    report_extras,
)
from pipeline.storage import atomic_write_chunks

__all__ = [
    "DEFAULT_PAGE_DOCUMENTS",
    "PAGES_DIR",
    "ReportPage",
    "ReportSettings",
    "index_extras",
    "page_chunks",
    "plan_pages",
    "write_report",
]

DEFAULT_PAGE_DOCUMENTS = 200
PAGES_DIR = "report"
PAGE_TEMPLATE = "report_page.html.j2"
INDEX_FROM_PAGE = "../report.html"


class ReportSettings(BaseModel):
    """How the report is laid out."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    page_documents: int = Field(
        default=DEFAULT_PAGE_DOCUMENTS,
        ge=1,
        description="Most documents whose sections report.html holds itself; a run with more gets "
        "per-document pages of this many documents each in report/.",
    )


@dataclass(frozen=True)
class ReportPage:
    """One page of per-document sections: its number (from 1), file name, link from report.html,
    and its documents (ids in order, the first and last paths)."""

    number: int
    file: str
    doc_ids: list[str]
    first_uri: str
    last_uri: str

    @property
    def href(self) -> str:
        return f"{PAGES_DIR}/{self.file}"


def page_file(number: int) -> str:
    """The file of page `number` in `report/`.

    >>> page_file(7)
    'documents-0007.html'
    """
    return f"documents-{number:04d}.html"


def section_order(documents: Sequence[DocumentRecord], claims: Sequence[Claim]) -> list[tuple[str, str]]:
    """(doc_id, uri) of every per-document section, in report.html's order: by path, then id;
    a document known only from its claims keeps its evidence's path."""
    uris = {d.id: d.uri for d in documents}
    for claim in claims:
        uris.setdefault(claim.evidence.doc_id, claim.evidence.uri)
    return sorted(((doc_id, uri) for doc_id, uri in uris.items()), key=lambda s: (s[1], s[0]))


def paginate(order: Sequence[tuple[str, str]], size: int) -> list[ReportPage]:
    """Sections (doc_id, uri) in order, `size` to a page; no pages when one holds them all.

    >>> order = [(f"doc-{i}", f"{i}.html") for i in range(5)]
    >>> [(p.number, p.file, p.doc_ids, p.last_uri) for p in paginate(order, 2)]  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'documents-0001.html', ['doc-0', 'doc-1'], '1.html'),
     (2, 'documents-0002.html', ['doc-2', 'doc-3'], '3.html'),
     (3, 'documents-0003.html', ['doc-4'], '4.html')]
    >>> paginate(order, 5)
    []
    """
    if len(order) <= size:
        return []
    pages = []
    for start in range(0, len(order), size):
        part = order[start : start + size]
        number = start // size + 1
        pages.append(ReportPage(number, page_file(number), [d for d, _ in part], part[0][1], part[-1][1]))
    return pages


def plan_pages(
    documents: Sequence[DocumentRecord], claims: Sequence[Claim], settings: ReportSettings
) -> list[ReportPage]:
    """The pages of per-document sections; none when report.html holds them all."""
    return paginate(section_order(documents, claims), settings.page_documents)


def page_hrefs(pages: Sequence[ReportPage]) -> dict[str, str]:
    """Each document's section as linked from report.html: its page and anchor."""
    return {doc_id: f"{page.href}#{anchor('claims', doc_id)}" for page in pages for doc_id in page.doc_ids}


def index_evidence(conflicts: Sequence[ConflictRecord]) -> list[Evidence]:
    """The evidence report.html shows with crops and context when the sections are on pages: the
    conflicts' values. (A cluster record's claims are shown there with their quotes; their crops
    and contexts are in each document's section, on its page: a cluster's claims come from every
    document that names it, so they grow with the run.)"""
    return [ev for c in conflicts for v in c.values for ev in v.evidence]


def index_extras(
    out_dir: Path,
    raw_dir: Path | None,
    results: Sequence[DocumentResult],
    step: HistoryStep | None,
    shown: Sequence[Evidence],
) -> tuple[ReportExtras, dict[str, SourceFile], dict[str, int]]:
    """`report_extras` for a report.html whose sections are on pages: crops only for the evidence
    it shows, a link (no mentions) per document. Also returns every document's source file and
    its position in `results` (where its page reads it back)."""
    sources: dict[str, SourceFile] = {}
    positions: dict[str, int] = {}
    documents: dict[str, DocumentExtra] = {}
    for i, r in enumerate(results):  # one pass, one result at a time; only small parts kept
        sources[r.doc_id] = SourceFile(doc_id=r.doc_id, uri=r.uri, sha256=r.sha256)
        positions[r.doc_id] = i
        documents[r.doc_id] = DocumentExtra(link=source_link(r.uri, raw_dir, out_dir))
    extras = ReportExtras(
        media=build_evidence_media(shown, sources, raw_dir, out_dir),
        since=step.diff if step else None,
        warnings=list(step.warnings) if step else [],
        documents=dict(sorted(documents.items())),
    )
    return extras, sources, positions


@dataclass(frozen=True)
class PageInputs:
    """What every page shares: the run's records (by reference), where to read each result, and
    the anchors of the records report.html holds."""

    documents: Sequence[DocumentRecord]
    claims_by_doc: Mapping[str, list[Claim]]
    results: Sequence[DocumentResult]
    positions: Mapping[str, int]
    sources: Mapping[str, SourceFile]
    subject_anchors: Mapping[str, str]
    pages: Sequence[ReportPage]
    out_dir: Path
    raw_dir: Path | None


def subject_anchor_map(
    policies: Sequence[PolicyRecord], countries: Sequence[CountryRecord], clusters: Sequence[ClusterRecord]
) -> dict[str, str]:
    """The anchors of the records in report.html, by record id (as `build_context` makes them)."""
    anchors = {p.id: anchor("policy", p.id) for p in policies}
    anchors.update({c.id: anchor("country", c.id) for c in countries})
    anchors.update({cl.id: anchor("cluster", cl.id) for cl in clusters})
    return anchors


def write_report(
    staging: Path,
    out_dir: Path,
    raw_dir: Path | None,
    results: Sequence[DocumentResult],
    step: HistoryStep | None,
    documents: Sequence[DocumentRecord],
    reconciled: Reconciled,
    settings: ReportSettings | None = None,
) -> list[Path]:
    """Write report.html into `staging` (the output folder being built; links are computed from
    `out_dir`, where it ends up) and, for a run with more documents than one page holds, the
    per-document pages into `staging/report/`. Returns the files written."""
    pages = plan_pages(documents, reconciled.claims, settings or ReportSettings())
    records = {
        "documents": documents,
        "policies": reconciled.policies,
        "countries": reconciled.countries,
        "clusters": reconciled.clusters,
        "conflicts": reconciled.conflicts,
        "claims": reconciled.claims,
    }
    index = staging / "report.html"
    if not pages:
        atomic_write_chunks(index, report_chunks(extras=report_extras(out_dir, raw_dir, results, step), **records))
        return [index]
    shown = index_evidence(reconciled.conflicts)
    extras, sources, positions = index_extras(out_dir, raw_dir, results, step, shown)
    atomic_write_chunks(
        index, report_chunks(extras=extras, doc_pages=pages, doc_hrefs=page_hrefs(pages), **records)
    )
    del extras, shown
    inputs = PageInputs(
        documents=documents,
        claims_by_doc=claims_by_document(reconciled.claims),
        results=results,
        positions=positions,
        sources=sources,
        subject_anchors=subject_anchor_map(reconciled.policies, reconciled.countries, reconciled.clusters),
        pages=pages,
        out_dir=out_dir,
        raw_dir=raw_dir,
    )
    folder = staging / PAGES_DIR
    folder.mkdir(exist_ok=True)
    written = [index]
    for page in pages:
        written.append(folder / page.file)
        atomic_write_chunks(written[-1], page_chunks(page, inputs))
    return written


def claims_by_document(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        out[claim.evidence.doc_id].append(claim)
    return out


def page_chunks(page: ReportPage, inputs: PageInputs) -> Iterator[str]:
    """One page's HTML in the template's pieces: its documents' results are read back here, one
    at a time, and its crops built for it alone."""
    wanted = set(page.doc_ids)
    here = inputs.out_dir / PAGES_DIR  # links to the sources are relative to the page
    documents = [d for d in inputs.documents if d.id in wanted]
    claims = [c for doc_id in page.doc_ids for c in inputs.claims_by_doc.get(doc_id, ())]
    extras: dict[str, DocumentExtra] = {}
    for doc_id in page.doc_ids:
        position = inputs.positions.get(doc_id)
        if position is None:
            continue
        result = inputs.results[position]
        extras[doc_id] = document_extra(result, source_link(result.uri, inputs.raw_dir, here))
        del result
    media = build_evidence_media(  # crops of unchanged documents are read back (cropcache)
        (c.evidence for c in claims), inputs.sources, inputs.raw_dir, here, cache=default_crop_cache(inputs.out_dir)
    )
    document_views, _, doc_sections = document_sections(documents, claims)
    script, script_hash = _script()
    context = {
        "page": page,
        "doc_pages": inputs.pages,
        "doc_sections": doc_sections,
        "doc_extras": extras,
        "document_anchors": {v.record.id: v.anchor for v in document_views},
        "subject_anchors": inputs.subject_anchors,
        "media": media,
        "crop_images": media.images,
        "index_href": INDEX_FROM_PAGE,
        "script": script,
        "script_hash": script_hash,
    }
    return _environment().get_template(PAGE_TEMPLATE).generate(**context)
