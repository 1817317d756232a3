"""The parse stage's output: what a backend saw in one source document.

A `Document` is the only thing extractors read. PDF backends fill `pages`
(lines with font information, ruled tables with their cells) and `blocks`
(paragraph-level prose outside tables); the HTML backend fills `blocks` only.
`text` is the reading-order text of every block, and each block records its
character span in it, so evidence can point at exact offsets.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import Field

from pipeline.datamodel.base import StrictModel


class DocumentKind(StrEnum):
    FACTSHEET = "factsheet"
    PRESS_PAGE = "press_page"
    PRESENTATION = "presentation"
    OTHER = "other"


class BBox(StrictModel):
    """A box in PDF points, origin top-left (pdfplumber's convention)."""

    x0: float
    """Left edge, in PDF points."""
    top: float
    """Top edge, from the top of the page."""
    x1: float
    """Right edge."""
    bottom: float
    """Bottom edge, from the top of the page."""

    @classmethod
    def of(cls, x0: float, top: float, x1: float, bottom: float) -> BBox:
        return cls(x0=round(x0, 2), top=round(top, 2), x1=round(x1, 2), bottom=round(bottom, 2))

    def union(self, other: BBox) -> BBox:
        return BBox.of(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    @property
    def height(self) -> float:
        return self.bottom - self.top


class TextLine(StrictModel):
    """One visual line of text: words sharing a baseline inside one region."""

    text: str
    bbox: BBox
    fontname: str
    size: float
    bold: bool


class TableCell(StrictModel):
    row: int
    col: int
    bbox: BBox
    text: str
    lines: list[TextLine] = Field(default_factory=list)


class Table(StrictModel):
    """A ruled table found on one page; cells absent from `cells` are merged away."""

    page: int
    index: int
    bbox: BBox
    n_rows: int
    n_cols: int
    cells: list[TableCell]

    def rows(self) -> list[list[TableCell | None]]:
        grid: list[list[TableCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            grid[cell.row][cell.col] = cell
        return grid


# "page_title": the page's own title from <head> (og:title, else <title>) when it differs from the
# visible headline; kept after the body text so that a name it gives can be quoted.
BlockKind = Literal[
    "title", "heading", "paragraph", "list_item", "caption", "footnote", "furniture", "meta", "page_title"
]


class Block(StrictModel):
    """A unit of prose in reading order, with its place in the source.

    `start`/`end` index into `Document.text`. `locator` is an element path for
    HTML; `page`/`bbox` are set for PDF.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 0
    page: int | None = None
    end_page: int | None = None
    bbox: BBox | None = None
    locator: str | None = None
    bold: bool = False
    size: float | None = None


class Page(StrictModel):
    number: int
    width: float
    height: float
    lines: list[TextLine] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)


class Document(StrictModel):
    doc_id: str
    uri: str
    sha256: str
    media_type: str  # a registered backend's media type ("pdf", "html", ...)
    kind: DocumentKind = DocumentKind.OTHER
    title: str | None = None
    published: str | None = None
    published_quote: str | None = None
    producer: str | None = None
    pages: list[Page] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    text: str = ""

    def searchable_text(self) -> str:
        """Every piece of text the parser saw, whitespace-normalised (for quote checks)."""
        parts = [self.text]
        for page in self.pages:
            parts.extend(line.text for line in page.lines)
            for table in page.tables:
                parts.extend(cell.text for cell in table.cells)
        return normalise_space("\n".join(parts))

    def contains_quote(self, quote: str) -> bool:
        return normalise_space(quote) in self.searchable_text()


_SPACE = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()
