"""Small in-memory builders of parsed documents, for unit tests that need no PDF."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.datamodel.document import BBox, Document, Page, Table, TableCell, TextLine

COLUMN_X = (40.0, 140.0, 240.0, 400.0, 560.0)
LINE_HEIGHT = 10.0


def cell_lines(text: str, x0: float, x1: float, top: float, bold_prefix: str = "**") -> list[TextLine]:
    """One TextLine per '\\n'-separated line; lines starting with '**' are bold.

    A blank line ('') inserts a paragraph gap of one line height.
    """
    lines: list[TextLine] = []
    y = top + 2
    for raw in text.split("\n"):
        if raw == "":
            y += LINE_HEIGHT
            continue
        bold = raw.startswith(bold_prefix)
        body = raw[len(bold_prefix) :] if bold else raw
        lines.append(
            TextLine(
                text=body,
                bbox=BBox.of(x0 + 2, y, x1 - 2, y + 8),
                fontname="Helvetica-Bold" if bold else "Helvetica",
                size=8.0,
                bold=bold,
            )
        )
        y += LINE_HEIGHT
    return lines


def make_table(page: int, rows: Sequence[Sequence[str | None]], top: float = 50.0) -> Table:
    """A ruled table: each row lists its cells' texts left to right (None = merged away)."""
    cells: list[TableCell] = []
    y = top
    n_cols = max(len(r) for r in rows)
    for r, row in enumerate(rows):
        height = LINE_HEIGHT * (1 + max((t or "").count("\n") for t in row)) + 4
        for c, text in enumerate(row):
            if text is None:
                continue
            x0, x1 = COLUMN_X[c], COLUMN_X[c + 1]
            lines = cell_lines(text, x0, x1, y) if text else []
            cells.append(
                TableCell(
                    row=r,
                    col=c,
                    bbox=BBox.of(x0, y, x1, y + height),
                    text="\n".join(line.text for line in lines),
                    lines=lines,
                )
            )
        y += height
    return Table(
        page=page,
        index=0,
        bbox=BBox.of(COLUMN_X[0], top, COLUMN_X[n_cols], y),
        n_rows=len(rows),
        n_cols=n_cols,
        cells=cells,
    )


def make_document(tables_per_page: Sequence[Sequence[Table]], doc_id: str = "doc-test") -> Document:
    pages = [
        Page(number=i + 1, width=595.0, height=842.0, tables=list(tables))
        for i, tables in enumerate(tables_per_page)
    ]
    return Document(doc_id=doc_id, uri="test.pdf", sha256="0" * 64, media_type="pdf", pages=pages)
