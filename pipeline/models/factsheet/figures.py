"""Country figures of a factsheet: maturity assessment, cluster-organisation counts, agglomerations.

Claims are about the country (`subject_type="country"`). Attribute names are
record paths: `maturity.policy_scope`, `cluster_organisations.total`,
`cluster_organisations.by_region.Flanders`, `agglomerations.sectoral.LU.count` ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.datamodel.claims import Claim, ClaimValue
from pipeline.datamodel.document import Block, Document, Table, TableCell
from pipeline.models.factsheet.common import ClaimMaker, Failures, run_guarded
from pipeline.models.factsheet.labels import normalise_label
from pipeline.text.regions import region_of
from pipeline.text.numbers import NUMBER_WORDS, SUPERSCRIPT_DIGITS, parse_decimal, parse_int

CRITERIA: dict[str, str] = {
    "policy scope": "policy_scope",
    "continuity": "continuity",
    "evidence of performance": "evidence_of_performance",
    "cluster support instruments": "support_instruments",
}
_MAX = re.compile(r"\((\d+(?:[.,]\d+)?)\)")
# a count in prose: digits with any grouping, an optional footnote marker, or a number word
_COUNT = (
    r"(\d[\d,.\u00a0\u2009\u202f]*[" + SUPERSCRIPT_DIGITS + r"*†]*|\b(?:" + "|".join(NUMBER_WORDS) + r"))"
)
_TOTAL_ORGS = re.compile(
    _COUNT
    + r"\s+cluster\s+organisations?\s*(?:\((?P<names>[^)]*)\)\s*)?[^.]{0,60}?\bregistered\s+on\s+the\s+ECCP",
    re.IGNORECASE,
)
_REGION_ORGS = re.compile(
    _COUNT + r"\s+cluster\s+organisations?\b(?:(?!\d+\s+cluster)[^.;])*?\b(?:located\s+)?in\s+(?:the\s+)?"
    r"(?P<region>[A-Z][\w-]+(?:[ -][A-Z][\w-]+)*(?:\s+[Rr]egion)?)",
)
_AS_OF = re.compile(r"\bAs of ([A-Z][a-z]+ \d{4})")


def parse_number(text: str) -> int | None:
    """'46' -> 46, '46¹' -> 46, 'one' -> 1, '1,450' -> 1450 (see `pipeline.text.numbers`)."""
    return parse_int(text)


def parse_score(text: str) -> float | None:
    """'0,5' -> 0.5, '7,5²' -> 7.5 (decimal comma, as in the factsheets)."""
    return parse_decimal(text)


def _maker(doc: Document, country: str | None, country_name: str, method: str) -> ClaimMaker:
    return ClaimMaker(doc, "country", country_name, country, method)


# ------------------------------------------------------------------ maturity


def _is_maturity_table(table: Table) -> bool:
    return any(normalise_label(c.text) in ("maturity assessment", "actual score") for c in table.cells)


def _continues_maturity(table: Table) -> bool:
    """A headless table whose first column holds criterion labels or the total row."""
    labels = {normalise_label(c.text) for c in table.cells if c.col == 0}
    return any(label in CRITERIA or label.startswith("total") for label in labels)


def _column_of(table: Table, header: str) -> int | None:
    for cell in table.cells:
        if normalise_label(cell.text) == header:
            return cell.col
    return None


def maturity_claims(
    doc: Document, country: str | None, country_name: str, failures: Failures | None = None
) -> list[Claim]:
    """Scores of the four criteria, the total and its maximum, from the maturity table.

    The criterion label spans its sub-rows, so it is carried down (and across a
    page break); the score is the one filled 'Actual score' cell of the criterion.
    With `failures`, a row that raises is recorded there and the other rows are kept.
    """
    make = _maker(doc, country, country_name, "factsheet.maturity")
    claims: list[Claim] = []
    criterion: str | None = None
    last: tuple[int, int, int] | None = None  # page, column count, actual-score column
    for page in doc.pages:
        for index, table in enumerate(page.tables):
            if _is_maturity_table(table):
                actual = _column_of(table, "actual score")
            elif (
                last is not None
                and index == 0
                and last[0] == page.number - 1
                and last[1] == table.n_cols
                and _continues_maturity(table)
            ):
                actual = last[2]  # the rest of the table overleaf, its header not repeated
            else:
                continue
            if actual is None:
                continue
            last = (page.number, table.n_cols, actual)
            for cells in table.rows():
                present = [c for c in cells if c is not None]
                if not present:
                    continue
                label = normalise_label(present[0].text) if present[0].col == 0 else ""
                if label in CRITERIA:
                    criterion = CRITERIA[label]
                score_cell = cells[actual] if actual < len(cells) else None
                if label.startswith("total"):
                    claims.extend(
                        run_guarded(
                            failures,
                            "maturity total",
                            page.number,
                            _total_claims,
                            make,
                            present[0],
                            score_cell,
                        )
                    )
                    criterion = None
                    continue
                if criterion is None or score_cell is None or not score_cell.text.strip():
                    continue
                claims.extend(
                    run_guarded(
                        failures,
                        f"maturity {criterion}",
                        page.number,
                        _score_claims,
                        make,
                        criterion,
                        present,
                        score_cell,
                        page.number,
                    )
                )
    return claims


def _score_claims(
    make: ClaimMaker, criterion: str, present: list[TableCell], score_cell: TableCell, page: int
) -> list[Claim]:
    score = parse_score(score_cell.text)
    if score is None:
        return []
    row_text = "\n".join(c.text for c in present)
    return [make.make(f"maturity.{criterion}", score, row_text, page, score_cell.bbox)]


def _total_claims(make: ClaimMaker, label: TableCell, score_cell: TableCell | None) -> Iterator[Claim]:
    maximum = _MAX.search(label.text)
    if maximum:
        yield make.make("maturity.max", parse_decimal(maximum.group(1)), label.text, None, None)
    if score_cell is not None and (score := parse_score(score_cell.text)) is not None:
        yield make.make("maturity.total", score, score_cell.text, None, score_cell.bbox)


# ------------------------------------------------------------------ cluster organisations


def cluster_organisation_claims(doc: Document, country: str | None, country_name: str) -> list[Claim]:
    """'There are 46 cluster organisations registered on the ECCP … With 18 … in the Flemish region …'."""
    make = _maker(doc, country, country_name, "factsheet.cluster_organisations")
    claims: list[Claim] = []
    for block in doc.blocks:
        if block.kind in ("furniture", "footnote"):
            continue
        total = _TOTAL_ORGS.search(block.text)
        if total is None or (value := parse_number(total.group(1))) is None:
            continue
        sentence = _sentence_around(block.text, total.start(), total.end())
        claims.append(_block_claim(make, block, "cluster_organisations.total", value, sentence))
        if total.group("names"):
            for name in (n.strip() for n in [total.group("names")] if n.strip()):
                claims.append(_block_claim(make, block, "cluster_organisations.names", name, name))
        as_of = _AS_OF.search(sentence)
        if as_of:
            claims.append(
                _block_claim(make, block, "cluster_organisations.as_of", as_of.group(1), as_of.group(0))
            )
        tail = block.text[total.end() :]
        for match in _REGION_ORGS.finditer(tail):
            count = parse_number(match.group(1))
            region_text = match.group("region")
            if count is None or count == value:
                continue
            region = region_of(country, region_text) or region_text
            quote = match.group(0)
            claims.append(
                _block_claim(make, block, f"cluster_organisations.by_region.{region}", count, quote)
            )
        break
    return claims


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    right = text.find(". ", end)
    return text[left : right + 1 if right >= 0 else len(text)].strip()


def _block_claim(make: ClaimMaker, block: Block, attribute: str, value: ClaimValue, quote: str) -> Claim:
    return make.make(attribute, value, quote, block.page, block.bbox)


# ------------------------------------------------------------------ agglomerations


def agglomeration_claims(
    doc: Document, country: str | None, country_name: str, failures: Failures | None = None
) -> list[Claim]:
    """Rows of the 'Region | Number of … | Node 1 …' tables, sectoral (NACE) or ecosystem.

    With `failures`, a row that raises is recorded there and the other rows are kept.
    """
    make = _maker(doc, country, country_name, "factsheet.agglomerations")
    rows: list[tuple[str, int, list[TableCell], list[str]]] = []  # kind, page, cells, text overleaf
    last: tuple[str, int, int] | None = None  # kind, page and column count of the last table seen
    for page in doc.pages:
        for index, table in enumerate(page.tables):
            grid = table.rows()
            if not grid or not grid[0] or grid[0][0] is None:
                continue
            header = [c.text if c is not None else "" for c in grid[0]]
            continued = (
                last is not None
                and index == 0
                and last[1] == page.number - 1
                and last[2] == table.n_cols
                and normalise_label(header[0]) != "region"
            )
            if continued and last is not None:
                kind, body = last[0], grid  # a table the page break cut, without its header
            elif normalise_label(header[0]) == "region" and len(header) >= 2:
                kind = "ecosystem" if "ecosystem" in normalise_label(" ".join(header[1:2])) else "sectoral"
                body = grid[1:]
            else:
                continue
            last = (kind, page.number, table.n_cols)
            for number, cells in enumerate(body):
                present = [c for c in cells if c is not None]
                if len(present) < 2:
                    continue
                if continued and not present[0].text.strip() and (not rows or rows[-1][1] != page.number - 1):
                    continue  # the rest of the header row, cut by the page break
                previous = rows[-1] if rows else None
                if (
                    number == 0
                    and previous is not None
                    and previous[0] == kind
                    and previous[1] == page.number - 1
                    and not present[0].text.strip()
                    and not present[1].text.strip()
                    and len(present) == len(previous[2])
                ):
                    # the rest of a row that a page break cut: its text continues each cell above
                    for i, cell in enumerate(present):
                        previous[3][i] = f"{previous[3][i]} {cell_value(cell)}".strip()
                    continue
                rows.append((kind, page.number, present, [""] * len(present)))
    claims: list[Claim] = []
    for kind, page_number, present, overleaf in rows:
        claims.extend(
            run_guarded(
                failures,
                f"agglomerations {kind} row {' '.join(present[0].text.split())!r}",
                page_number,
                _agglomeration_row,
                make,
                kind,
                present,
                page_number,
                overleaf,
            )
        )
    return claims


def _agglomeration_row(
    make: ClaimMaker, kind: str, present: list[TableCell], page: int, overleaf: list[str] | None = None
) -> list[Claim]:
    overleaf = overleaf or [""] * len(present)
    region_cell, count_cell, *nodes = present
    count = parse_number(count_cell.text)
    if count is None:
        return []
    code, _, name = region_cell.text.partition(":")
    if not name:
        code, name = "", code
    key = " ".join(code.split()) or " ".join(name.split())
    base = f"agglomerations.{kind}.{key}"
    claims = [
        make.make(f"{base}.region", " ".join(name.split()), region_cell.text, page, region_cell.bbox),
        make.make(f"{base}.count", count, count_cell.text, page, count_cell.bbox),
    ]
    for cell, rest in zip(nodes, overleaf[2:]):
        if cell.text.strip() not in ("", "-", "–"):
            value = f"{cell_value(cell)} {rest}".strip()
            claims.append(make.make(f"{base}.nodes", value, cell.text, page, cell.bbox))
    return claims


_SHORT_WORDS = frozenset("a an as at by in is it of on or to".split())


def cell_value(cell: TableCell) -> str:
    """A cell's lines joined with spaces; a word too wide for a narrow column, which a word
    processor breaks without a hyphen (its first part alone on a line it fills to the edge,
    the lower-case remainder on the next), is put back together: 'Telecommunicat' + 'ions'."""
    if not cell.lines:
        return " ".join(cell.text.split())
    padding = max(0.0, min(line.bbox.x0 for line in cell.lines) - cell.bbox.x0)
    inner = cell.bbox.x1 - cell.bbox.x0 - 2 * padding
    out = ""
    previous = None
    for line in cell.lines:
        text = " ".join(line.text.split())
        head = text.split(" ", 1)[0]
        broken = (
            previous is not None
            and " " not in previous.text.strip()
            and previous.text.strip()[-1:].isalpha()
            and previous.bbox.x1 - previous.bbox.x0 >= 0.95 * inner
            and head.isalpha()
            and head.islower()
            and head not in _SHORT_WORDS
        )
        out = f"{out}{text}" if broken else (f"{out} {text}" if out else text)
        previous = line
    return out
