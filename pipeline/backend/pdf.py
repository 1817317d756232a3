"""PDF backend: one pdfplumber pass per page into a typed `Document`.

The chain, like pdfplumber's own `table.py`, is a sequence of small pure steps:

    page ─► load_objects ─► words_with_fonts ─► (tables, cell words, free words)
         ─► words_to_lines ─► lines_to_blocks ─► mark_furniture ─► blocks_to_text

`load_objects` (pdfobjects.py) fills pdfplumber's object cache with characters that carry
only what word extraction reads; a table's cells take their words from a word index
(wordindex.py) instead of scanning the page's words once per cell.

Each page is read exactly once; extractors only ever see the resulting
`Document`. Errors from the PDF library are mapped to `PdfParseError` with a
stable `code` so a run can record them and go on with the next document.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from pipeline.backend.guards import guard_pdf
from pipeline.backend.pdfobjects import load_objects
from pipeline.backend.quietlog import skip_disabled_debug
from pipeline.backend.wordindex import WordIndex, index_words, words_in_box
from pipeline.datamodel.document import BBox, Block, Document, Page, Table, TableCell, TextLine
from pipeline.text.bullets import BULLETS, is_bullet, strip_bullet

DEFAULT_LINE_TOLERANCE = 3.0
DEFAULT_FURNITURE_MARGIN = 0.09
DEFAULT_FURNITURE_MIN_PAGES = 2
DEFAULT_MAX_PAGES = 400
DEFAULT_HEADER_WINDOW = 1024  # readers accept junk before the header, as Acrobat does
DEFAULT_TABLE_SETTINGS: dict[str, str | int | float] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "intersection_tolerance": 3,
}
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?$", re.IGNORECASE)
_FOOTNOTE_START = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}\s)")
# presentation-form ligatures some producers leave in the text layer (ToUnicode to U+FB0x)
LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# a line ending in one of these was hyphenated by the typesetter: the hyphen is not part of the word
SOFT_HYPHENS = ("\u2010", "\u00ad")
DEFAULT_BOLD_WEIGHT = 600  # FontDescriptor /FontWeight at or above this is bold
FORCE_BOLD_FLAG = 1 << 18  # FontDescriptor /Flags bit 19
DEFAULT_TOUCH_RATIO = 0.08  # words closer than this share of the type size are one word
DEFAULT_SUPERSCRIPT_RATIO = 0.8  # a word this much smaller than its line, and raised, is a superscript


class PdfParseError(ValueError):
    """A PDF that cannot be parsed. `code` is stable and machine-readable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class PdfParseSettings:
    """Validated settings; each error names the bad setting."""

    line_tolerance: float = DEFAULT_LINE_TOLERANCE
    furniture_margin: float = DEFAULT_FURNITURE_MARGIN
    furniture_min_pages: int = DEFAULT_FURNITURE_MIN_PAGES
    max_pages: int = DEFAULT_MAX_PAGES
    table_settings: dict[str, str | int | float] = field(default_factory=lambda: dict(DEFAULT_TABLE_SETTINGS))

    def __post_init__(self) -> None:
        if not 0 < self.line_tolerance <= 20:
            raise ValueError(f"line_tolerance must be in (0, 20], got {self.line_tolerance!r}")
        if not 0 <= self.furniture_margin < 0.5:
            raise ValueError(f"furniture_margin must be in [0, 0.5), got {self.furniture_margin!r}")
        if self.furniture_min_pages < 2:
            raise ValueError(f"furniture_min_pages must be at least 2, got {self.furniture_min_pages!r}")
        if self.max_pages < 1:
            raise ValueError(f"max_pages must be positive, got {self.max_pages!r}")


@dataclass(frozen=True)
class _Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float
    heavy: bool = False  # the font's descriptor says bold (weight or ForceBold flag)

    @property
    def bold(self) -> bool:
        return self.heavy or bool(_BOLD.search(self.fontname))


# ------------------------------------------------------------------ entry point


def parse_pdf(
    data: bytes,
    *,
    doc_id: str,
    uri: str,
    sha256: str,
    settings: PdfParseSettings | None = None,
) -> Document:
    """Parse PDF bytes into a `Document`; raise `PdfParseError` on unreadable input."""
    settings = settings or PdfParseSettings()
    if not data:
        raise PdfParseError("empty_file", "the file has no bytes")
    if b"%PDF-" not in data[:DEFAULT_HEADER_WINDOW]:
        raise PdfParseError("not_pdf", f"no %PDF- header in the first {DEFAULT_HEADER_WINDOW} bytes")
    guard_pdf(data, PdfParseError)  # pre-parse limits: bombs, page/object counts, loops
    skip_disabled_debug()  # pdfminer's per-token debug calls cost CPU even when nobody listens
    pages: list[Page] = []
    producer: str | None = None
    title: str | None = None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            producer = _metadata_text(pdf.metadata, "Producer")
            title = _metadata_text(pdf.metadata, "Title")
            if len(pdf.pages) > settings.max_pages:
                raise PdfParseError(
                    "too_many_pages",
                    f"{len(pdf.pages)} pages exceed max_pages={settings.max_pages}",
                )
            for number, plumber_page in enumerate(pdf.pages, start=1):
                pages.append(page_to_page(plumber_page, number, settings))
                plumber_page.close()
    except PdfParseError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise PdfParseError("encrypted", f"the PDF is password-protected ({exc!r})") from exc
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise PdfParseError("encrypted", "the PDF is password-protected") from exc
        raise PdfParseError("malformed", f"pdfminer could not read the PDF: {inner!r}") from exc
    except (MalformedPDFException, PSException) as exc:
        raise PdfParseError("malformed", f"the PDF is malformed: {exc!r}") from exc
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError) as exc:
        raise PdfParseError("malformed", f"the PDF could not be parsed: {exc!r}") from exc
    if not pages:
        raise PdfParseError("no_pages", "the PDF has no pages")
    blocks = mark_furniture([lines_to_blocks(p.lines, p.number) for p in pages], pages, settings)
    joined = join_across_pages([b for page_blocks in blocks for b in page_blocks])
    text, placed = blocks_to_text(joined)
    return Document(
        doc_id=doc_id,
        uri=uri,
        sha256=sha256,
        media_type="pdf",
        title=title
        if title and not title.lower().endswith((".pdf", ".doc", ".docx"))
        else first_page_title(placed),
        producer=producer,
        pages=pages,
        blocks=placed,
        text=text,
    )


def _metadata_text(metadata: dict[str, object], key: str) -> str | None:
    value = metadata.get(key)
    if isinstance(value, bytes):
        value = value.decode("latin-1", errors="replace")
    return str(value).strip() or None if value is not None else None


# ------------------------------------------------------------------ page


def page_to_page(plumber_page: pdfplumber.page.Page, number: int, settings: PdfParseSettings) -> Page:
    """Read one page: words with fonts, ruled tables with their cells, free lines."""
    load_objects(plumber_page)
    words = page_to_words(plumber_page)
    table_settings = dict(settings.table_settings)
    closing = page_break_edges(plumber_page)
    if closing and table_settings.get("horizontal_strategy") == "lines":
        table_settings["explicit_horizontal_lines"] = closing  # type: ignore[assignment]
    found = plumber_page.find_tables(table_settings=table_settings)
    tables: list[Table] = []
    table_boxes: list[tuple[float, float, float, float]] = []
    placed = index_words(words) if found else None
    for index, plumber_table in enumerate(found):
        table = table_to_table(plumber_table, placed or words, number, index, settings)
        if table is not None:
            tables.append(table)
            table_boxes.append(plumber_table.bbox)
    free = [w for w in words if not any(_inside(w, box) for box in table_boxes)]
    return Page(
        number=number,
        width=round(float(plumber_page.width), 2),
        height=round(float(plumber_page.height), 2),
        lines=words_to_lines(free, settings.line_tolerance),
        tables=tables,
    )


DEFAULT_CUT_ZONE = 0.25  # a row cut by a page break ends in the page's last (or first) quarter


def page_break_edges(plumber_page: pdfplumber.page.Page) -> list[dict[str, object]]:
    """The horizontal rules a page break left out of a ruled table.

    A row that breaks across pages keeps its vertical rules on both pages, but the
    typesetter draws no rule where the page cut it: the row's cells are open at the bottom
    of the first page and at the top of the next. Where two or more vertical rules end
    (or start) at the same height near the page's bottom (or top) with no horizontal rule
    across them, a closing rule is added there.
    """
    edges = plumber_page.edges
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    height = float(plumber_page.height)
    out: list[dict[str, object]] = []
    for key, in_zone in (
        ("bottom", lambda y: y > (1 - DEFAULT_CUT_ZONE) * height),
        ("top", lambda y: y < DEFAULT_CUT_ZONE * height),
    ):
        groups: list[list[dict[str, object]]] = []
        for edge in sorted(verticals, key=lambda e: float(e[key])):
            if groups and abs(float(edge[key]) - float(groups[-1][-1][key])) <= 1.5:
                groups[-1].append(edge)
            else:
                groups.append([edge])
        for group in groups:
            y = sum(float(e[key]) for e in group) / len(group)
            if len(group) < 2 or not in_zone(y):
                continue
            x0 = min(float(e["x0"]) for e in group)
            x1 = max(float(e["x1"]) for e in group)
            closed = any(
                abs(float(h["top"]) - y) <= 3 and float(h["x0"]) <= x0 + 3 and float(h["x1"]) >= x1 - 3
                for h in horizontals
            )
            if not closed:
                out.append(
                    {
                        "object_type": "line",
                        "x0": x0,
                        "x1": x1,
                        "top": y,
                        "bottom": y,
                        "width": x1 - x0,
                        "height": 0.0,
                    }
                )
    return out


def page_to_words(plumber_page: pdfplumber.page.Page) -> list[_Word]:
    raw = plumber_page.extract_words(
        extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False
    )
    heavy = bold_fonts(plumber_page)
    return [
        _Word(
            text=_symbol_bullet(w["text"].translate(LIGATURES)),
            x0=float(w["x0"]),
            top=float(w["top"]),
            x1=float(w["x1"]),
            bottom=float(w["bottom"]),
            fontname=str(w.get("fontname", "")),
            size=round(float(w.get("size", 0.0)), 2),
            heavy=str(w.get("fontname", "")) in heavy,
        )
        for w in raw
        if w["text"].strip()
    ]


def _symbol_bullet(text: str) -> str:
    """A list marker set in a symbol font (Symbol, Wingdings) comes out as one private-use
    character (U+F0B7, U+F0A7 ...); it is read as the bullet it shows.

    >>> _symbol_bullet("\uf0b7"), _symbol_bullet("SMEs")
    ('•', 'SMEs')
    """
    return "•" if len(text) == 1 and "\ue000" <= text <= "\uf8ff" else text


def bold_fonts(plumber_page: pdfplumber.page.Page) -> frozenset[str]:
    """Base names of the page's fonts whose descriptor says bold, whatever the name says.

    A subset name such as ``ABCDEF+Calibri`` or ``F2`` carries no weight; the descriptor's
    ``/FontWeight`` (>= 600) or its ForceBold flag does. Type0 fonts keep the descriptor on
    their descendant font.
    """
    try:
        fonts = resolve1(plumber_page.page_obj.resources.get("Font")) or {}
        names: set[str] = set()
        for ref in fonts.values():
            font = resolve1(ref)
            if not isinstance(font, dict):
                continue
            descriptor = font.get("FontDescriptor")
            if descriptor is None and font.get("DescendantFonts"):
                descendant = resolve1(resolve1(font["DescendantFonts"])[0])
                descriptor = descendant.get("FontDescriptor") if isinstance(descendant, dict) else None
            descriptor = resolve1(descriptor) if descriptor is not None else None
            if not isinstance(descriptor, dict):
                continue
            weight = resolve1(descriptor.get("FontWeight"))
            flags = resolve1(descriptor.get("Flags"))
            if (isinstance(weight, int | float) and weight >= DEFAULT_BOLD_WEIGHT) or (
                isinstance(flags, int) and flags & FORCE_BOLD_FLAG
            ):
                base = resolve1(font.get("BaseFont"))
                names.add(getattr(base, "name", str(base)).strip("/"))
        return frozenset(names)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return frozenset()  # a damaged font dictionary: fall back on font names only


def _inside(word: _Word, box: tuple[float, float, float, float]) -> bool:
    cx = (word.x0 + word.x1) / 2
    cy = (word.top + word.bottom) / 2
    x0, top, x1, bottom = box
    return x0 <= cx <= x1 and top <= cy <= bottom


def table_to_table(
    plumber_table: pdfplumber.table.Table,
    words: Sequence[_Word] | WordIndex[_Word],
    page: int,
    index: int,
    settings: PdfParseSettings,
) -> Table | None:
    """Turn a pdfplumber table into cells that carry their own lines (with bold flags).

    `words` is the page's words, best given indexed (`index_words`) once per page."""
    placed = words if isinstance(words, WordIndex) else index_words(words)
    rows = plumber_table.rows
    if not rows:
        return None
    xs = sorted({round(c[0], 1) for r in rows for c in r.cells if c is not None})
    n_cols = max(len(r.cells) for r in rows)
    cells: list[TableCell] = []
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            inside = words_in_box(placed, box)
            lines = words_to_lines(inside, settings.line_tolerance)
            cells.append(
                TableCell(
                    row=r,
                    col=c,
                    bbox=BBox.of(*box),
                    text="\n".join(line.text for line in lines),
                    lines=lines,
                )
            )
    if not xs or len(cells) < 2:
        return None
    return Table(
        page=page,
        index=index,
        bbox=BBox.of(*plumber_table.bbox),
        n_rows=len(rows),
        n_cols=n_cols,
        cells=cells,
    )


# ------------------------------------------------------------------ lines and blocks


def words_to_lines(words: Iterable[_Word], tolerance: float) -> list[TextLine]:
    """Cluster words sharing a baseline (within `tolerance`) into lines, top to bottom."""
    ordered = sorted(words, key=lambda w: (round(w.top, 1), w.x0))
    clusters: list[list[_Word]] = []
    for word in ordered:
        if clusters and abs(clusters[-1][0].top - word.top) <= tolerance:
            clusters[-1].append(word)
        else:
            clusters.append([word])
    return [_line_from_words(sorted(c, key=lambda w: w.x0)) for c in clusters]


def _line_from_words(words: list[_Word]) -> TextLine:
    if len(words) == 1:
        return one_word_line(words[0])  # half the lines of the corpus, most of them table cells
    return _line_of_words(words)


def one_word_line(word: _Word) -> TextLine:
    """The line `_line_of_words([word])` gives, without counting fonts and sizes over one word
    (the same values: its text, box, font, size, and bold unless it is a list marker).

    >>> one_word_line(_Word("Total", 10.0, 20.0, 40.0, 30.0, "Arial-BoldMT", 9.0)).bold
    True
    """
    return TextLine(
        text=word.text,
        bbox=BBox.of(word.x0, word.top, word.x1, word.bottom),
        fontname=word.fontname,
        size=word.size,
        bold=word.text not in BULLETS and word.bold,
    )


def _line_of_words(words: list[_Word]) -> TextLine:
    marks = superscripts(words)
    body = [w for w, sup in zip(words, marks) if not sup] or words
    fonts = Counter(w.fontname for w in body)
    sizes = Counter(w.size for w in body)
    bbox = BBox.of(
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )
    text = ""
    main = sizes.most_common(1)[0][0]
    previous: _Word | None = None
    for word, sup in zip(words, marks):
        if sup:
            text += word.text.translate(SUPERSCRIPT)  # a footnote marker sticks to its word
        elif previous is not None and word.x0 - previous.x1 < DEFAULT_TOUCH_RATIO * main:
            # split only by a change of font (a glyph the main font lacks, drawn from a
            # fallback font, e.g. a hyphen): the two parts touch, so they are one word
            text += word.text
        else:
            text += (" " if text else "") + word.text
        previous = word
    return TextLine(
        text=text,
        bbox=bbox,
        fontname=fonts.most_common(1)[0][0],
        size=sizes.most_common(1)[0][0],
        # a list marker is often set in the regular face before a bold item
        bold=all(w.bold for w in body if w.text not in BULLETS) and any(w.text not in BULLETS for w in body),
    )


def superscripts(words: Sequence[_Word], ratio: float = DEFAULT_SUPERSCRIPT_RATIO) -> list[bool]:
    """Which words of one line are raised small footnote markers (digits, ``*``, ``†``).

    A marker is set smaller than the line's main type and its bottom sits above the
    line's baseline; it follows a word without a gap.
    """
    if len(words) < 2:
        return [False] * len(words)
    main = max(Counter(w.size for w in words).items(), key=lambda kv: (kv[1], kv[0]))[0]
    base = max(w.bottom for w in words if w.size == main)
    out = []
    for i, w in enumerate(words):
        small = w.size <= ratio * main
        raised = w.bottom < base - 0.12 * main
        marker = all(ch.isdigit() or ch in "*†‡" for ch in w.text) and len(w.text) <= 3
        glued = i > 0 and w.x0 - words[i - 1].x1 < 0.25 * main
        out.append(small and raised and marker and glued)
    return out


def join_lines(texts: Sequence[str]) -> str:
    """Join wrapped lines: a typesetter's hyphen (U+2010, soft hyphen) at a line end is dropped.

    >>> join_lines(["innov\u2010", "ation and cross-", "clustering"])
    'innovation and cross-clustering'
    >>> join_lines(["the domains are Eco-", "Innovation and Baden-", "Württemberg"])
    'the domains are Eco-Innovation and Baden-Württemberg'
    """
    out = ""
    for text in texts:
        if out.endswith(SOFT_HYPHENS) and text[:1].islower():
            out = out[:-1] + text
        elif out.endswith("-") and out[-2:-1].isalpha() and text[:1].isalpha():
            out += text  # a compound broken at its own hyphen: know-|how, Eco-|Innovation
        else:
            out = f"{out} {text}" if out else text
    return out


def lines_to_blocks(lines: Sequence[TextLine], page: int) -> list[Block]:
    """Group free lines into paragraphs, headings and list items (offsets filled later).

    A new block starts at a bullet, at a change of weight or size, or after a
    vertical gap wider than the line's own height times 0.6.
    """
    groups: list[list[TextLine]] = []
    for line in lines:
        if groups and _continues(groups[-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    blocks: list[Block] = []
    left = min((line.bbox.x0 for line in lines), default=0.0)
    for group in groups:
        first = group[0]
        bullet = is_bullet(first.text)
        text = join_lines([strip_bullet(first.text)] + [g.text for g in group[1:]])
        bbox = group[0].bbox
        for g in group[1:]:
            bbox = bbox.union(g.bbox)
        kind = "list_item" if bullet else "paragraph"
        if not bullet and all(g.bold for g in group) and len(text) < 160:
            kind = "heading"
        level = max(0, round((first.bbox.x0 - left) / 18.0)) if bullet else 0
        blocks.append(
            Block(
                kind=kind,
                text=text,
                start=0,
                end=0,
                level=level,
                page=page,
                bbox=bbox,
                bold=all(g.bold for g in group),
                size=first.size,
            )
        )
    return blocks


def _continues(group: list[TextLine], line: TextLine) -> bool:
    last = group[-1]
    if is_bullet(line.text):
        return False
    if last.bold != line.bold or abs(last.size - line.size) > 0.6:
        return False
    gap = line.bbox.top - last.bbox.bottom
    return gap <= max(1.5, 0.6 * last.bbox.height)


def mark_furniture(
    pages_blocks: list[list[Block]], pages: Sequence[Page], settings: PdfParseSettings
) -> list[list[Block]]:
    """Mark running headers/footers, page numbers and footnotes.

    A block in the top or bottom margin whose text (digits masked) recurs on at
    least `furniture_min_pages` pages is furniture; a lone number is a page
    number; a small-type block in the bottom margin starting with a note mark is
    a footnote.
    """

    def key(block: Block) -> str:
        return _DIGITS.sub("#", block.text.casefold())

    def in_margin(block: Block, page: Page) -> bool:
        assert block.bbox is not None
        margin = settings.furniture_margin * page.height
        return block.bbox.top < margin or block.bbox.bottom > page.height - margin

    recurring = Counter(
        key(b)
        for page_blocks, page in zip(pages_blocks, pages)
        for b in {key(b): b for b in page_blocks if in_margin(b, page)}.values()
    )
    body_size = Counter(
        b.size for page_blocks in pages_blocks for b in page_blocks if b.kind == "paragraph"
    ).most_common(1)
    body = body_size[0][0] if body_size else None
    out: list[list[Block]] = []
    for page_blocks, page in zip(pages_blocks, pages):
        marked: list[Block] = []
        in_notes = False
        for b in page_blocks:
            kind = b.kind
            small_low = (
                body is not None
                and b.size is not None
                and b.size < body - 0.5
                and b.bbox is not None
                and b.bbox.top > page.height * 0.6
            )
            if in_margin(b, page) and (
                recurring[key(b)] >= settings.furniture_min_pages or _PAGE_NUMBER.match(b.text)
            ):
                kind = "furniture"
            elif small_low and (in_notes or _FOOTNOTE_START.match(b.text)):
                kind = "footnote"
                in_notes = True
            marked.append(b.model_copy(update={"kind": kind}) if kind != b.kind else b)
        out.append(marked)
    return out


def first_page_title(blocks: Sequence[Block]) -> str | None:
    """The largest-type text on the first page that has text (furniture excluded)."""
    body = [b for b in blocks if b.kind != "furniture" and b.size is not None]
    if not body:
        return None
    first = min(b.page or 0 for b in body)
    on_page = [b for b in body if b.page == first]
    largest = max(b.size or 0.0 for b in on_page)
    parts = [b.text for b in on_page if b.size == largest]
    return " ".join(parts)[:300] or None


_OPEN_END = re.compile(r"[\w,;–-]$")


def join_across_pages(blocks: Sequence[Block]) -> list[Block]:
    """Join a paragraph that a page break cut in two.

    The first part ends without closing punctuation; the next body block (after
    the running header) is a paragraph on the next page starting in lower case, or
    in the same type size (a sentence cut before a capitalised word).
    The joined block keeps the first part's page and box and records `end_page`.
    """
    out: list[Block] = []
    open_index: int | None = None
    for block in blocks:
        if block.kind in ("furniture", "footnote"):
            out.append(block)
            continue
        if open_index is not None:
            first = out[open_index]
            continues = block.text[:1].islower() or (
                block.size == first.size and not first.text.rstrip().endswith(tuple(".!?:;"))
            )
            if block.kind == "paragraph" and block.page == (first.page or 0) + 1 and continues:
                out[open_index] = first.model_copy(
                    update={"text": f"{first.text} {block.text}", "end_page": block.page}
                )
                open_index = None
                continue
        out.append(block)
        open_index = len(out) - 1 if block.kind == "paragraph" and _OPEN_END.search(block.text) else None
    return out


def blocks_to_text(blocks: Sequence[Block], sep: str = "\n\n") -> tuple[str, list[Block]]:
    """Join block texts into the document text and record each block's span in it."""
    parts: list[str] = []
    placed: list[Block] = []
    offset = 0
    for block in blocks:
        if parts:
            offset += len(sep)
        placed.append(block.model_copy(update={"start": offset, "end": offset + len(block.text)}))
        parts.append(block.text)
        offset += len(block.text)
    return sep.join(parts), placed
