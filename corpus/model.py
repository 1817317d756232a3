"""Producer-independent description of the sample documents.

The factsheet content modules (``content_lu``, ``content_be``) describe each document as a
flat list of blocks; the two PDF renderers (reportlab, fpdf2) turn the same blocks into
differently laid-out PDFs, so both files carry exactly the same words.

Inline markup used in every text string:

* ``**bold**`` and ``*italic*`` runs,
* ``^3^`` a footnote marker (rendered as a small raised digit),
* ``[text](#)`` a hyperlink whose target is not known (rendered as coloured text only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- inline markup

_TOKEN = re.compile(r"(\*\*.+?\*\*|\*[^*]+?\*|\^\d+\^|\[[^\]]+\]\(#\))")


@dataclass(frozen=True)
class Run:
    """A piece of inline text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    link: bool = False


def runs(text: str, bold: bool = False) -> list[Run]:
    """Split a marked-up string into styled runs (``bold`` forces every run bold)."""
    out: list[Run] = []
    for tok in _TOKEN.split(text):
        if not tok:
            continue
        if tok.startswith("**") and tok.endswith("**") and len(tok) > 4:
            out.append(Run(tok[2:-2], bold=True))
        elif tok.startswith("^") and tok.endswith("^"):
            out.append(Run(tok[1:-1], bold=bold, sup=True))
        elif tok.startswith("[") and tok.endswith("](#)"):
            out.append(Run(tok[1:-4], bold=bold, link=True))
        elif tok.startswith("*") and tok.endswith("*") and len(tok) > 2:
            out.append(Run(tok[1:-1], bold=bold, italic=True))
        else:
            out.append(Run(tok, bold=bold))
    return out


def plain(text: str) -> str:
    """The words of a marked-up string, without markup and without footnote markers."""
    return "".join(r.text for r in runs(text) if not r.sup)


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Par:
    """One paragraph inside a table cell; ``bold`` marks a standardised category."""

    text: str
    bold: bool = False


def B(text: str) -> Par:  # noqa: N802 - short constructor used in content tables
    return Par(text, bold=True)


def R(text: str) -> Par:  # noqa: N802
    return Par(text, bold=False)


Cell = tuple[Par, ...]


@dataclass(frozen=True)
class Cover:
    kicker: tuple[str, ...]  # small lines above the title
    title: str  # "Country factsheet"
    country: str
    footer: str = ""


@dataclass(frozen=True)
class LegalNotice:
    title: str
    text: str


@dataclass(frozen=True)
class TocEntry:
    text: str
    key: str | None  # heading key whose page number is shown
    level: int = 0


@dataclass(frozen=True)
class Toc:
    title: str
    entries: tuple[TocEntry, ...]


@dataclass(frozen=True)
class Divider:
    """A section divider page: big number and title alone on a page."""

    number: str
    title: str
    tagline: tuple[str, ...] = ()


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    key: str | None = None


@dataclass(frozen=True)
class Para:
    text: str
    footnotes: tuple[tuple[str, str], ...] = ()  # (marker, note text)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    glyph: str = "•"


@dataclass(frozen=True)
class Caption:
    text: str


@dataclass(frozen=True)
class Source:
    text: str


@dataclass(frozen=True)
class Figure:
    """A chart placeholder (no numbers are invented): grey bars in a frame."""

    caption: str
    source: str
    bars: int = 14
    height_mm: float = 70


@dataclass(frozen=True)
class Table:
    """An ordinary ruled table.

    ``rows`` hold strings (inline markup allowed) or tuples of :class:`Par`.  When
    ``group_first_col`` is set, an empty first cell continues the group label above it and
    the label cell is merged vertically over its group.  ``total_span`` merges the first
    ``n`` cells of the last row (e.g. "TOTAL (8)").
    """

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    widths: tuple[float, ...]
    caption: str | None = None
    source: str | None = None
    group_first_col: bool = False
    total_span: int = 0
    align_right_cols: tuple[int, ...] = ()
    bold_first_col: bool = True
    small: bool = False


@dataclass(frozen=True)
class PolicyRow:
    label: str  # section label, "" on continuation rows
    sublabel: str  # e.g. "Financial", "" otherwise
    cells: tuple[Cell, ...]  # one per policy column


@dataclass(frozen=True)
class PolicyTable:
    policy_types: tuple[str, ...]
    policy_names: tuple[str, ...]
    rows: tuple[PolicyRow, ...]
    caption: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Factsheet:
    """A whole factsheet: metadata plus the ordered blocks."""

    slug: str
    country: str
    title: str
    header_left: str
    header_right: str
    blocks: tuple[object, ...] = field(default_factory=tuple)


# The ECCP masthead on cover and divider pages, shared by every factsheet.
TAGLINE = (
    "EUROPEAN CLUSTER",
    "COLLABORATION PLATFORM",
    "Strengthening the European economy through collaboration",
)
