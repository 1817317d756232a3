"""Evidence building, shared by every extractor: where a quote was read, and by what.

`evidence` is the general form (a quote with its page and box, as table extractors give
it); `block_evidence` quotes a character span of a prose block and points at it with a
locator: `<element path>#c<start>-<end>` (HTML), `page <n> #c<start>-<end>` (PDF), or
`#c<start>-<end>`, offsets into `Document.text`.
"""

from __future__ import annotations

from pipeline.datamodel.claims import Evidence
from pipeline.datamodel.document import BBox, Block, Document


def evidence(
    doc: Document,
    quote: str,
    method: str,
    *,
    page: int | None = None,
    bbox: BBox | None = None,
    locator: str | None = None,
) -> Evidence:
    """Evidence for a quote of `doc` read by `method`."""
    return Evidence(
        doc_id=doc.doc_id, uri=doc.uri, page=page, bbox=bbox, locator=locator, quote=quote, method=method
    )


def span_locator(block: Block, start: int, end: int) -> str:
    """The locator of `Document.text[start:end]` inside `block`.

    >>> span_locator(Block(kind="paragraph", text="x", start=0, end=1, page=3), 0, 1)
    'page 3 #c0-1'
    """
    span = f"#c{start}-{end}"
    if block.locator:
        return f"{block.locator}{span}"
    return f"page {block.page} {span}" if block.page is not None else span


def block_evidence(
    doc: Document, block: Block, method: str, start: int = 0, end: int | None = None
) -> Evidence:
    """Evidence quoting `block.text[start:end]` (the whole block by default), trimmed of
    surrounding whitespace, with the block's page and box."""
    text = block.text
    end = len(text) if end is None else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    a, b = block.start + start, block.start + end
    return evidence(
        doc, text[start:end], method, page=block.page, bbox=block.bbox, locator=span_locator(block, a, b)
    )
