"""The ECCP policy table: find its fragments, stitch them across pages, read every field.

    Document ─► table_to_fragment ─► fragments_to_groups (stitching, guided by the
    known label order) ─► group_to_claims (categories vs description, values normalised)

The table has one or two policy columns. Column one holds section labels,
column two sub-row labels; every page repeats the `Policy type:` / `Policy
name:` header rows; rows with an empty label continue the field above, also
across a page break. A fragment or row that would join a field out of the
known label order is rejected and reported, never silently merged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipeline.backend.pdf import join_lines
from pipeline.datamodel.claims import Claim, ClaimValue, NotAvailable
from pipeline.datamodel.document import BBox, Document, Table, TableCell, TextLine
from pipeline.models.factsheet.categories import pattern_categories, segment_lines
from pipeline.models.factsheet.common import ClaimMaker, Failures, run_guarded
from pipeline.models.factsheet.labels import (
    SECTION_ORDER,
    SECTIONS,
    Section,
    is_partial_section_label,
    match_header,
    match_section,
    match_sublabel,
    normalise_label,
    sublabel_anywhere,
)
from pipeline.text.regions import region_of
from pipeline.text.bullets import BULLET_PREFIX
from pipeline.text.numbers import first_year
from pipeline.text.paragraphs import SENTENCE_END, join_paragraphs

METHOD = "factsheet.policy_table"
_BULLET = BULLET_PREFIX
_SENTENCE_END = SENTENCE_END


# ------------------------------------------------------------------ types


@dataclass(frozen=True)
class CellPiece:
    """The part of one policy column's field that one table cell holds."""

    page: int
    bbox: BBox
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class PolicyRow:
    page: int
    label: str
    sublabel: str
    values: tuple[CellPiece | None, ...]
    header: str | None = None


@dataclass(frozen=True)
class Fragment:
    """The part of a policy table on one page."""

    page: int
    columns: tuple[tuple[float, float], ...]
    rows: tuple[PolicyRow, ...]
    has_header: bool


@dataclass(frozen=True)
class StitchIssue:
    page: int
    code: str
    message: str


@dataclass
class PolicyTable:
    """One stitched policy table: headers per column and the pieces of every field."""

    headers: dict[str, list[CellPiece | None]] = field(default_factory=dict)
    fields: dict[tuple[str, str | None], list[list[CellPiece]]] = field(default_factory=dict)
    pages: list[int] = field(default_factory=list)

    @property
    def n_policies(self) -> int:
        return len(self.headers.get("name", []))

    def names(self) -> tuple[str, ...]:
        return tuple(_piece_text(p) for p in self.headers.get("name", []))


@dataclass(frozen=True)
class PolicyTableResult:
    claims: list[Claim]
    issues: list[StitchIssue]
    tables: int


# ------------------------------------------------------------------ fragments


def table_to_fragment(table: Table, previous: tuple[tuple[float, float], ...] | None) -> Fragment | None:
    """Read a ruled table as a policy-table fragment, or None if it is not one.

    Value columns come from the `Policy name:` header row; a page without the
    repeated header reuses the previous fragment's columns when its labels are
    policy-table labels.
    """
    grid = table.rows()
    columns = _header_columns(grid)
    has_header = columns is not None
    if columns is None:
        if previous is None or not (_looks_like_continuation(grid) or _same_columns(grid, previous)):
            return None
        columns = previous
    rows = tuple(
        row
        for cells in grid
        if (row := cells_to_row([c for c in cells if c is not None], columns, table.page)) is not None
    )
    return Fragment(page=table.page, columns=columns, rows=rows, has_header=has_header)


def _header_columns(grid: list[list[TableCell | None]]) -> tuple[tuple[float, float], ...] | None:
    for cells in grid:
        present = [c for c in cells if c is not None]
        if not present or match_header(present[0].text) != "name":
            continue
        values = [c for c in present[1:] if c.text.strip()]
        if values:
            return tuple((c.bbox.x0, c.bbox.x1) for c in values)
    return None


def _same_columns(
    grid: list[list[TableCell | None]], previous: tuple[tuple[float, float], ...], tolerance: float = 3.0
) -> bool:
    """A table on the next page whose rows have the previous part's value columns, edge for
    edge, continues it even when no row carries a label (a long field overflowing a page)."""
    for cells in grid:
        edges = [(c.bbox.x0, c.bbox.x1) for c in cells if c is not None]
        if all(
            any(abs(x0 - a) <= tolerance and abs(x1 - b) <= tolerance for x0, x1 in edges) for a, b in previous
        ) and any(c is not None and c.bbox.x1 <= previous[0][0] + tolerance for c in cells):
            return True
    return False


def _looks_like_continuation(grid: list[list[TableCell | None]]) -> bool:
    for cells in grid:
        present = [c for c in cells if c is not None]
        if present and (match_section(present[0].text) or match_header(present[0].text)):
            return True
    return False


def cells_to_row(
    cells: Sequence[TableCell], columns: tuple[tuple[float, float], ...], page: int
) -> PolicyRow | None:
    """Split a row's cells into label, sub-label and one value piece per policy column."""
    first_value_x = columns[0][0]
    labels = sorted(
        (c for c in cells if (c.bbox.x0 + c.bbox.x1) / 2 < first_value_x - 1), key=lambda c: c.bbox.x0
    )
    # the section label sits in the table's first column; when that cell is merged over the
    # rows below it (a row-spanning label), a row's only label cell is its sub-row label
    label = labels[0].text if labels and labels[0].col == 0 else ""
    sublabel = " ".join(c.text for c in labels if c.col != 0)
    values = tuple(_piece_for_column(cells, col, page) for col in columns)
    header = match_header(label) if label else None
    if not label.strip() and not sublabel.strip() and all(v is None for v in values):
        return None
    return PolicyRow(
        page=page,
        label=" ".join(label.split()),
        sublabel=" ".join(sublabel.split()),
        values=values,
        header=header,
    )


def _piece_for_column(cells: Sequence[TableCell], column: tuple[float, float], page: int) -> CellPiece | None:
    x0, x1 = column
    width = max(x1 - x0, 1.0)
    for cell in cells:
        overlap = min(cell.bbox.x1, x1) - max(cell.bbox.x0, x0)
        if overlap > 0.5 * width and cell.lines:
            return CellPiece(page=page, bbox=cell.bbox, lines=tuple(cell.lines))
    return None


def document_to_fragments(doc: Document) -> list[Fragment]:
    fragments: list[Fragment] = []
    previous: tuple[tuple[float, float], ...] | None = None
    for page in doc.pages:
        for table in page.tables:
            fragment = table_to_fragment(table, previous)
            if fragment is not None:
                fragments.append(fragment)
                previous = fragment.columns
            else:
                previous = None
    return fragments


# ------------------------------------------------------------------ stitching


@dataclass
class _Cursor:
    section: Section | None = None
    sub: str | None = None
    pending_label: str = ""
    pending_rows: list[PolicyRow] = field(default_factory=list)


def fragments_to_tables(fragments: Sequence[Fragment]) -> tuple[list[PolicyTable], list[StitchIssue]]:
    """Stitch fragments into tables, following the known order of row labels.

    Repeated header rows are dropped; rows without a label continue the current
    field; a header with other policy names starts a new table; a labelled row
    or sub-label that would go back in the label order is rejected (and, when it
    opens a fragment, the whole fragment is: it is not a continuation).
    """
    tables: list[PolicyTable] = []
    issues: list[StitchIssue] = []
    current: PolicyTable | None = None
    cursor = _Cursor()
    for number, fragment in enumerate(fragments):
        names = _fragment_names(fragment)
        if current is None or (names is not None and names != current.names()):
            current = PolicyTable()
            tables.append(current)
            cursor = _Cursor()
        elif not fragment.has_header and len(fragment.columns) != current.n_policies:
            issues.append(
                StitchIssue(fragment.page, "column_mismatch", "continuation has another column count")
            )
            continue
        current.pages.append(fragment.page)
        first_labelled = True
        following = fragments[number + 1] if number + 1 < len(fragments) else None
        for row in fragment.rows:
            if row.header is not None:
                current.headers.setdefault(row.header, list(row.values))
                continue
            if row is fragment.rows[-1] and _opens_next_field(cursor, row, following):
                cursor.pending_rows.append(row)  # its label was printed with the rest, overleaf
                continue
            problem = _advance(cursor, row)
            if problem is not None:
                code, message = problem
                issues.append(StitchIssue(row.page, code, message))
                if first_labelled and fragment is not fragments[0] and current.fields:
                    issues.append(
                        StitchIssue(
                            row.page,
                            "fragment_rejected",
                            f"the table part on page {row.page} does not continue the table "
                            "above: its rows go back in the label order",
                        )
                    )
                    break
                continue
            if row.label or row.sublabel:
                first_labelled = False
            if cursor.pending_label:
                cursor.pending_rows.append(row)  # its label wraps onto the next row
                continue
            if cursor.section is None:
                if row.label or any(row.values):
                    issues.append(
                        StitchIssue(row.page, "orphan_row", f"row before any section: {row.label!r}")
                    )
                continue
            key = (cursor.section.key, cursor.sub)
            slots = current.fields.setdefault(key, [[] for _ in fragment.columns])
            for held in [*cursor.pending_rows, row]:
                for i, piece in enumerate(held.values[: len(slots)]):
                    if piece is not None:
                        slots[i].append(piece)
            cursor.pending_rows.clear()
    return [t for t in tables if t.n_policies], issues


def _field_path(section: Section | None, sub: str | None) -> str | None:
    if section is None:
        return None
    return section.key if sub is None else f"{section.key}.{sub}"


def _first_lines(row: PolicyRow) -> list[str]:
    return [_BULLET.sub("", piece.lines[0].text) for piece in row.values if piece is not None and piece.lines]


def _opens_next_field(cursor: _Cursor, row: PolicyRow, following: Fragment | None) -> bool:
    """Is an unlabelled last row of a page the start of the field labelled at the top of the next?

    A row broken across a page can leave its label on the second page. In a section of
    one-value sub-rows (history, budget, evaluation) the row goes with the next sub-row of
    the same section; otherwise the vocabulary decides: the row goes with the next field
    when its text opens with one of that field's categories and not one of the current's.
    """
    if row.label or row.sublabel or following is None or cursor.section is None:
        return False
    first = next((r for r in following.rows if r.header is None), None)
    if first is None or not (first.label or first.sublabel):
        return False
    section = match_section(first.label) if first.label else cursor.section
    if section is None:
        return False
    rest = normalise_label(first.label)[len(normalise_label(section.label)) :].strip() if first.label else ""
    sub_text = first.sublabel or rest
    sub = match_sublabel(section, sub_text) if sub_text else None
    if (
        section is cursor.section
        and not section.categorised
        and sub is not None
        and cursor.sub is not None
        and _sub_index(section, sub) > _sub_index(section, cursor.sub)
    ):
        # a one-value sub-row (Period, Ending year, Overall ...) has no continuation rows:
        # an unlabelled row after it is the start of the sub-row labelled overleaf
        return True
    upcoming = _field_path(section, sub)
    here = _field_path(cursor.section, cursor.sub)
    vocabulary = pattern_categories()
    texts = _first_lines(row)
    return bool(texts) and any(
        vocabulary.knows(str(upcoming), t) and not vocabulary.knows(str(here), t) for t in texts
    )


def _sub_index(section: Section, sub: str) -> int:
    return [key for key, _ in section.sublabels].index(sub)


def _fragment_names(fragment: Fragment) -> tuple[str, ...] | None:
    for row in fragment.rows:
        if row.header == "name":
            return tuple(_piece_text(p) for p in row.values)
    return None


def _advance(cursor: _Cursor, row: PolicyRow) -> tuple[str, str] | None:
    """Move the cursor to the row's section/sub-row; return (code, message) to reject it."""
    if row.label:
        label = f"{cursor.pending_label} {row.label}".strip()
        section = match_section(label)
        if section is None and is_partial_section_label(label):
            cursor.pending_label = label
            return None
        cursor.pending_label = ""
        if section is None:
            return "unknown_label", f"unknown row label {row.label!r}"
        if cursor.section is not None and SECTION_ORDER[section.key] < SECTION_ORDER[cursor.section.key]:
            return (
                "label_order",
                f"{section.label} cannot follow {cursor.section.label}",
            )
        if section is not cursor.section:
            cursor.section, cursor.sub = section, None
        rest = normalise_label(label)[len(normalise_label(section.label)) :].strip()
        if rest and not row.sublabel:
            return _advance_sub(cursor, rest)
    if row.sublabel:
        return _advance_sub(cursor, row.sublabel)
    return None


def _advance_sub(cursor: _Cursor, text: str) -> tuple[str, str] | None:
    if cursor.section is None:
        return "orphan_sublabel", f"sub-row {text!r} before any section"
    sub = match_sublabel(cursor.section, text)
    if sub is None:
        owner = sublabel_anywhere(text)
        where = f"; it belongs to {owner[0].label}" if owner else ""
        return "sublabel_mismatch", f"sub-row {text!r} is not part of {cursor.section.label}{where}"
    order = [k for k, _ in cursor.section.sublabels]
    if cursor.sub is not None and order.index(sub) < order.index(cursor.sub):
        return "label_order", f"sub-row {text!r} cannot follow {cursor.sub!r} in {cursor.section.label}"
    cursor.sub = sub
    return None


# ------------------------------------------------------------------ values


def _piece_text(piece: CellPiece | None) -> str:
    return " ".join(piece.text.split()) if piece is not None else ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool
    page: int
    bbox: BBox
    piece: int
    quote: str = ""  # the printed lines of its first piece, verbatim (text may undo hyphenation)


def pieces_to_paragraphs(pieces: Sequence[CellPiece], gap: float) -> list[Paragraph]:
    """Group a field's lines into paragraphs: weight changes, wider gaps and bullets split.

    A wrapped line (the next line starting lower-case, or closer than `gap`)
    stays in its paragraph.
    """
    paragraphs: list[Paragraph] = []
    for index, piece in enumerate(pieces):
        previous: TextLine | None = None
        for line in piece.lines:
            text = _BULLET.sub("", line.text)
            joins = (
                previous is not None
                and paragraphs
                and previous.bold == line.bold
                and not _BULLET.match(line.text)
                and (
                    line.bbox.top - previous.bbox.bottom <= gap
                    or (text[:1].islower() and not previous.text.endswith(_SENTENCE_END))
                )
            )
            if joins:
                last = paragraphs[-1]
                paragraphs[-1] = Paragraph(
                    join_lines([last.text, text]),
                    last.bold,
                    last.page,
                    last.bbox.union(line.bbox),
                    index,
                    f"{last.quote} {line.text}",
                )
            else:
                paragraphs.append(Paragraph(text, line.bold, piece.page, line.bbox, index, line.text))
            previous = line
    return paragraphs


def paragraph_gap(doc: Document) -> float:
    """The widest vertical gap between two lines of one paragraph in this document's tables.

    It is the most common line-to-line gap inside table cells (wrapped lines are
    the commonest neighbours) plus a tolerance; wider gaps separate paragraphs.
    """
    gaps: Counter[float] = Counter()
    sizes: Counter[float] = Counter()
    for page in doc.pages:
        for table in page.tables:
            for cell in table.cells:
                for a, b in zip(cell.lines, cell.lines[1:]):
                    if a.bold == b.bold and a.size == b.size:
                        gaps[round((b.bbox.top - a.bbox.bottom) * 2) / 2] += 1
                        sizes[a.size] += 1
    if not gaps:
        return 2.0
    common = gaps.most_common(1)[0][0]
    size = sizes.most_common(1)[0][0]
    return common + max(1.0, 0.12 * size)


@lru_cache(maxsize=1)
def _not_available_patterns() -> tuple[re.Pattern[str], ...]:
    text = resources.files("pipeline.models.data").joinpath("not_available.txt").read_text("utf-8")
    return tuple(
        re.compile(line.strip(), re.IGNORECASE)
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def normalise_not_available(text: str) -> NotAvailable | None:
    """'Data not available' / 'not publicly available' / 'No data available' -> NotAvailable.

    >>> normalise_not_available("The information is not publicly available.").text
    'The information is not publicly available.'
    >>> normalise_not_available("Ministry of Economy") is None
    True
    """
    flat = " ".join(text.split())
    if any(p.search(flat) for p in _not_available_patterns()):
        return NotAvailable(text=flat)
    return None


def normalise_period(text: str) -> str | NotAvailable | None:
    """'Unlimited period' -> 'unlimited'; 'Limited period' -> 'limited'."""
    na = normalise_not_available(text)
    if na is not None:
        return na
    norm = normalise_label(text)
    if norm.startswith("unlimited") or "no end" in norm:
        return "unlimited"
    if norm.startswith("limited"):
        return "limited"
    return None


# ------------------------------------------------------------------ claims


@dataclass(frozen=True)
class _Context:
    maker: ClaimMaker
    gap: float
    issues: list[StitchIssue] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.maker.subject_name

    def claim(self, attribute: str, value: ClaimValue, quote: str, page: int, bbox: BBox) -> Claim:
        return self.maker.make(attribute, value, quote, page, bbox)


def table_to_claims(
    doc: Document,
    table: PolicyTable,
    country: str | None,
    gap: float,
    failures: Failures | None = None,
    issues: list[StitchIssue] | None = None,
) -> list[Claim]:
    """Claims of every policy column; with `failures`, one failing field is recorded and skipped.

    Unknown categories are reported in `issues` (when given).
    """
    claims: list[Claim] = []
    for column in range(table.n_policies):
        name_piece = table.headers["name"][column]
        if name_piece is None:
            continue
        ctx = _Context(
            ClaimMaker(doc, "policy", _piece_text(name_piece), country, METHOD),
            gap,
            issues if issues is not None else [],
        )
        claims.append(ctx.claim("name", ctx.name, _piece_text(name_piece), name_piece.page, name_piece.bbox))
        type_piece = (table.headers.get("policy_type") or [None] * table.n_policies)[column]
        if type_piece is not None:
            claims.extend(
                run_guarded(
                    failures,
                    f"policy table {ctx.name!r} policy_type",
                    type_piece.page,
                    _type_claims,
                    ctx,
                    country,
                    name_piece,
                    type_piece,
                )
            )
        for section in SECTIONS:
            empty: list[list[CellPiece]] = [[] for _ in range(table.n_policies)]
            if not section.sublabels:
                pieces = table.fields.get((section.key, None), empty)[column]
                claims.extend(_guarded_field(failures, ctx, section, None, pieces))
                continue
            # rows under the section label before any sub-row label go to the first sub-row
            stray = table.fields.get((section.key, None), empty)[column]
            for i, (sub, _) in enumerate(section.sublabels):
                pieces = table.fields.get((section.key, sub), empty)[column]
                claims.extend(_guarded_field(failures, ctx, section, sub, (stray if i == 0 else []) + pieces))
    return claims


def _type_claims(
    ctx: _Context, country: str | None, name_piece: CellPiece, type_piece: CellPiece
) -> list[Claim]:
    policy_type = _piece_text(type_piece)
    out = [ctx.claim("policy_type", policy_type, policy_type, type_piece.page, type_piece.bbox)]
    region = region_of(country, ctx.name) if "regional" in policy_type.casefold() else None
    if region is not None:
        out.append(ctx.claim("region", region, ctx.name, name_piece.page, name_piece.bbox))
    return out


def _guarded_field(
    failures: Failures | None, ctx: _Context, section: Section, sub: str | None, pieces: list[CellPiece]
) -> list[Claim]:
    path = section.key if sub is None else f"{section.key}.{sub}"
    page = pieces[0].page if pieces else None
    return run_guarded(
        failures,
        f"policy table {ctx.name!r} {path}",
        page,
        field_to_claims,
        ctx,
        section,
        sub,
        pieces,
    )


_CATEGORISED_SUBS = {("instruments", "financial"), ("instruments", "technical_assistance")}


def field_to_claims(
    ctx: _Context, section: Section, sub: str | None, pieces: Sequence[CellPiece]
) -> list[Claim]:
    if not pieces:
        return []
    path = section.key if sub is None else f"{section.key}.{sub}"
    if section.categorised and (sub is None or (section.key, sub) in _CATEGORISED_SUBS):
        return _categorised_claims(ctx, path, pieces)
    paragraphs = pieces_to_paragraphs(pieces, ctx.gap)
    first = paragraphs[0]
    quoted = [p for p in paragraphs if p.piece == first.piece]
    bbox = first.bbox
    for p in quoted[1:]:
        bbox = bbox.union(p.bbox)
    quote = "\n".join(p.quote or p.text for p in quoted)
    value = _normalise_scalar(section.key, sub, paragraphs)
    out: list[Claim] = []
    if value is not None:
        out.append(ctx.claim(path, value, quote, first.page, bbox))
    if (section.key, sub) == ("history", "ending_year"):
        out.append(ctx.claim("history.ending_year_text", _join(paragraphs), quote, first.page, bbox))
    return out


def _categorised_claims(ctx: _Context, path: str, pieces: Sequence[CellPiece]) -> list[Claim]:
    """Categories (vocabulary first, layout second) and description of one field.

    A category the vocabulary does not know is kept as its own value and reported.
    EU priorities are a list of categories only: every segment is one of them.
    """
    lines = [line for piece in pieces for line in piece.lines]
    where = {id(line): (piece.page, i) for i, piece in enumerate(pieces) for line in piece.lines}
    categories: list[Claim] = []
    description: list[Claim] = []
    for segment in segment_lines(lines, path, gap=ctx.gap, right=_text_right(pieces)):
        page, piece = where[id(segment.lines[0])]
        quoted = [line for line in segment.lines if where[id(line)][1] == piece]
        quote = " ".join(_BULLET.sub("", line.text) for line in quoted)
        bbox = quoted[0].bbox
        for line in quoted[1:]:
            bbox = bbox.union(line.bbox)
        if path == "eu_priorities":
            categories.append(ctx.claim(path, segment.text, quote, page, bbox))
        elif segment.kind == "description":
            description.append(ctx.claim(f"{path}.description", segment.text, quote, page, bbox))
        else:
            categories.append(ctx.claim(f"{path}.categories", segment.text, quote, page, bbox))
        if segment.kind == "unknown_category":
            ctx.issues.append(
                StitchIssue(
                    page,
                    "unknown_category",
                    f"{ctx.name}: {path}: {segment.text!r} is not in the category vocabulary "
                    f"({pattern_categories().version}); kept as its own category",
                )
            )
    return categories + description


def _text_right(pieces: Sequence[CellPiece]) -> float:
    """The inner right edge of a field's cells: the cell edge less the cell's left padding."""
    edges = []
    for piece in pieces:
        if piece.lines:
            padding = max(0.0, min(line.bbox.x0 for line in piece.lines) - piece.bbox.x0)
            edges.append(piece.bbox.x1 - padding)
    return max(edges, default=0.0)


def _join(paragraphs: Sequence[Paragraph]) -> str:
    return join_paragraphs(p.text for p in paragraphs)


def _normalise_scalar(section: str, sub: str | None, paragraphs: Sequence[Paragraph]) -> ClaimValue:
    text = _join(paragraphs)
    if (section, sub) == ("history", "period"):
        return normalise_period(text)
    if (section, sub) == ("history", "starting_year"):
        return normalise_not_available(text) or first_year(text)
    if (section, sub) == ("history", "ending_year"):
        return normalise_not_available(text) or first_year(text)
    return normalise_not_available(text) or text


# ------------------------------------------------------------------ entry point


def extract_policy_tables(
    doc: Document, country: str | None, failures: Failures | None = None
) -> PolicyTableResult:
    """All policy-table claims of a factsheet, with the stitching issues met on the way.

    With `failures`, a field that raises is recorded there and the other fields are kept.
    """
    fragments = document_to_fragments(doc)
    tables, issues = fragments_to_tables(fragments)
    gap = paragraph_gap(doc)
    claims = [c for t in tables for c in table_to_claims(doc, t, country, gap, failures, issues)]
    return PolicyTableResult(claims=claims, issues=issues, tables=len(tables))
