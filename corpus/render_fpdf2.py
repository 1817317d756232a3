"""Render a :class:`~corpus.model.Factsheet` with fpdf2.

Layout choices (deliberately different from the reportlab renderer): the Bitstream Vera TTF
fonts shipped with reportlab (embedded subsets; pdfplumber reports ``MPDFAA+BitstreamVeraSansRoman``,
``...Bold``, ``...Oblique``), 22 mm margins, ragged-right body text written run by run, smaller table
text, the "Policy type:" / "Policy name:" labels in the first column with an empty second
column, "Page N" at the bottom right.

The policy table is drawn cell by cell: each row is measured first, a page break is inserted
before a row that would not fit, and the two header rows are redrawn at the top of every page
the table spans.  Every cell gets its own ruled rectangle.  The other tables use fpdf2's own
``FPDF.table()`` (rowspan / colspan, repeated heading row).
"""

from __future__ import annotations

import os
import pathlib
from datetime import datetime, timezone

import reportlab
from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, TableCellFillMode

from . import model as m

FONT_DIR = pathlib.Path(os.path.dirname(reportlab.__file__)) / "fonts"
FONT = "Vera"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)

MARGIN_L = MARGIN_R = 22.0
MARGIN_T = 26.0
MARGIN_B = 40.0  # footnote zone + page number
BLUE = (29, 60, 120)
LINK = (31, 95, 168)
HEAD_BG = (220, 230, 242)
LABEL_BG = (240, 240, 240)
PT = 0.3528  # mm per point


def md(text: str, bold: bool = False) -> str:
    """Content markup -> fpdf2 markdown (``**bold**``, ``__italic__``); markers dropped."""
    out = []
    for r in m.runs(text, bold=bold):
        t = r.text
        if r.italic:
            t = f"__{t}__"
        if r.bold:
            t = f"**{t}**"
        out.append(t)
    return "".join(out)


class _PDF(FPDF):
    def __init__(self, fs: m.Factsheet):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.fs = fs
        self.footnotes: dict[int, list[tuple[str, str]]] = {}
        self.heading_pages: dict[str, int] = {}
        self.add_font(FONT, "", str(FONT_DIR / "Vera.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "VeraBd.ttf"))
        self.add_font(FONT, "I", str(FONT_DIR / "VeraIt.ttf"))
        self.add_font(FONT, "BI", str(FONT_DIR / "VeraBI.ttf"))
        self.set_margins(MARGIN_L, MARGIN_T, MARGIN_R)
        self.set_auto_page_break(True, MARGIN_B)
        self.set_creation_date(FIXED_DATE)
        self.set_title(fs.title)
        self.set_author("European Cluster Collaboration Platform")
        self.set_subject(fs.title)
        self.set_creator("pipeline.corpus (fpdf2)")
        self.set_lang("en")

    # ------------------------------------------------------------------ page furniture
    def header(self):
        if self.page == 1:
            return
        self.set_font(FONT, "B", 7)
        self.set_text_color(*BLUE)
        self.set_xy(MARGIN_L, 11)
        self.cell(0, 4, self.fs.header_left)
        self.set_font(FONT, "", 7)
        self.set_text_color(0)
        self.set_xy(MARGIN_L, 11)
        self.cell(0, 4, self.fs.header_right, align="R")
        self.set_draw_color(*BLUE)
        self.set_line_width(0.3)
        self.line(MARGIN_L, 16, self.w - MARGIN_R, 16)
        self.set_draw_color(0)
        self.set_xy(MARGIN_L, MARGIN_T)

    def footer(self):
        if self.page == 1:
            return
        notes = self.footnotes.get(self.page, [])
        if notes:
            y = self.h - MARGIN_B + 4
            self.set_draw_color(0)
            self.set_line_width(0.2)
            self.line(MARGIN_L, y, MARGIN_L + 45, y)
            y += 1.5
            for marker, text in notes:
                self.set_xy(MARGIN_L, y)
                self.set_font(FONT, "", 6.5)
                self.char_vpos = "SUP"
                self.cell(2.2, 3, marker)
                self.char_vpos = "LINE"
                self.set_xy(MARGIN_L + 2.5, y)
                self.multi_cell(self.w - MARGIN_L - MARGIN_R - 2.5, 3, text, align="L")
                y = self.get_y() + 0.8
        self.set_font(FONT, "", 8)
        self.set_text_color(0)
        self.set_xy(MARGIN_L, self.h - 14)
        self.cell(0, 4, f"Page {self.page}", align="R")


# --------------------------------------------------------------------------- prose


def _lines(pdf: _PDF, width: float, lh: float, text: str) -> int:
    return len(pdf.multi_cell(width, lh, text, dry_run=True, output="LINES", markdown=True))


def _ensure(pdf: _PDF, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _write_runs(pdf: _PDF, text: str, size: float, lh: float) -> None:
    for r in m.runs(text):
        style = ("B" if r.bold else "") + ("I" if r.italic else "")
        pdf.set_font(FONT, style, size * (0.65 if r.sup else 1))
        pdf.char_vpos = "SUP" if r.sup else "LINE"
        pdf.set_text_color(*(LINK if r.link else (0, 0, 0)))
        pdf.write(lh, r.text)
    pdf.char_vpos = "LINE"
    pdf.set_text_color(0)


def _para(pdf: _PDF, p: m.Para, size: float = 9.5, lh: float = 4.9, after: float = 2.6) -> None:
    width = pdf.w - MARGIN_L - MARGIN_R
    if p.footnotes:  # keep the paragraph (and thus its markers) on one page
        pdf.set_font(FONT, "", size)
        _ensure(pdf, _lines(pdf, width, lh, md(p.text)) * lh + 2)
        pdf.footnotes.setdefault(pdf.page, []).extend(p.footnotes)
    pdf.set_x(MARGIN_L)
    _write_runs(pdf, p.text, size, lh)
    pdf.ln(lh + after)


def _heading(pdf: _PDF, h: m.Heading) -> None:
    size = {1: 15, 2: 11.5}.get(h.level, 10)
    _ensure(pdf, size * PT * 2.6 + 18)
    pdf.ln(1.5 if h.level > 1 else 0)
    if h.key:
        pdf.heading_pages[h.key] = pdf.page
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*(BLUE if h.level < 3 else (0, 0, 0)))
    pdf.multi_cell(0, size * PT * 1.3, h.text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(2.2)


def _bullets(pdf: _PDF, b: m.Bullets) -> None:
    size, lh = 9.5, 4.9
    for it in b.items:
        pdf.set_font(FONT, "", size)
        _ensure(pdf, lh * 2)
        pdf.set_x(MARGIN_L + 2)
        pdf.cell(4, lh, b.glyph)
        pdf.set_left_margin(MARGIN_L + 7)
        pdf.set_x(MARGIN_L + 7)
        _write_runs(pdf, it, size, lh)
        pdf.set_left_margin(MARGIN_L)
        pdf.ln(lh + 0.8)
    pdf.ln(1.5)


def _caption(pdf: _PDF, text: str, keep: float) -> None:
    pdf.set_font(FONT, "B", 8.5)
    _ensure(pdf, keep)
    pdf.multi_cell(0, 4, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.2)


def _source(pdf: _PDF, text: str) -> None:
    pdf.ln(1.2)
    pdf.set_font(FONT, "I", 7.5)
    pdf.multi_cell(0, 3.6, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3.5)


def _figure(pdf: _PDF, f: m.Figure) -> None:
    height = f.height_mm * 0.9
    _caption(pdf, f.caption, height + 16)
    x0 = MARGIN_L + (pdf.w - MARGIN_L - MARGIN_R) * 0.32
    full = (pdf.w - MARGIN_L - MARGIN_R) * 0.58
    y0 = pdf.get_y()
    step = (height - 3) / f.bars
    pdf.set_draw_color(150)
    pdf.set_line_width(0.2)
    pdf.line(x0, y0, x0, y0 + height)
    for i in range(f.bars):
        y = y0 + 2 + i * step
        length = full * (0.92 - 0.85 * i / f.bars)
        pdf.set_line_width(step * 0.3)
        pdf.set_draw_color(*BLUE)
        pdf.line(x0, y, x0 + length, y)
        pdf.set_draw_color(180)
        pdf.line(x0, y + step * 0.36, x0 + length * (0.8 + 0.3 * ((i * 7) % 5) / 5), y + step * 0.36)
    pdf.set_draw_color(0)
    pdf.set_line_width(0.2)
    pdf.set_y(y0 + height + 1)
    _source(pdf, f.source)


# --------------------------------------------------------------------------- policy table


class _PolicyTableDrawer:
    PAD_X, PAD_T, PAD_B, GAP = 1.6, 1.3, 1.0, 1.1

    def __init__(self, pdf: _PDF, t: m.PolicyTable):
        self.pdf, self.t = pdf, t
        n = len(t.policy_names)
        total = pdf.w - MARGIN_L - MARGIN_R
        lw, sw = (33.0, 27.0) if n == 1 else (27.5, 19.5)
        self.widths = [lw, sw] + [(total - lw - sw) / n] * n
        self.size = 8.5 if n == 1 else 7.0
        self.lh = self.size * PT * 1.22

    # each cell is a list of (markdown text, bold) paragraphs
    def _cell_height(self, w: float, paras: list[tuple[str, bool]]) -> float:
        if not paras:
            return 0.0
        h = 0.0
        for text, _bold in paras:
            # base font regular: bold comes from the markdown "**" (which toggles the style)
            self.pdf.set_font(FONT, "", self.size)
            h += _lines(self.pdf, w - 2 * self.PAD_X, self.lh, text) * self.lh
        return h + self.GAP * (len(paras) - 1)

    def _row_height(self, cells: list[list[tuple[str, bool]]]) -> float:
        body = max(self._cell_height(w, c) for w, c in zip(self.widths, cells))
        return body + self.PAD_T + self.PAD_B

    def _draw_row(self, cells, fills) -> None:
        pdf = self.pdf
        h = self._row_height(cells)
        y = pdf.get_y()
        x = MARGIN_L
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0)
        for w, fill in zip(self.widths, fills):
            if fill:
                pdf.set_fill_color(*fill)
                pdf.rect(x, y, w, h, style="F")
            x += w
        x = MARGIN_L
        for w, paras in zip(self.widths, cells):
            pdf.rect(x, y, w, h)
            cy = y + self.PAD_T
            for text, _bold in paras:
                pdf.set_font(FONT, "", self.size)
                pdf.set_xy(x + self.PAD_X, cy)
                pdf.multi_cell(w - 2 * self.PAD_X, self.lh, text, align="L", markdown=True)
                cy = pdf.get_y() + self.GAP
            x += w
        pdf.set_xy(MARGIN_L, y + h)

    def _headers(self):
        t = self.t
        return [
            [[("**Policy type:**", True)], []] + [[(md(v), True)] for v in t.policy_types],
            [[("**Policy name:**", True)], []] + [[(md(v), True)] for v in t.policy_names],
        ]

    def draw(self) -> None:
        pdf = self.pdf
        pdf.c_margin, saved = 0, pdf.c_margin
        pdf.set_auto_page_break(False)
        trigger = pdf.h - MARGIN_B
        head_fill = [HEAD_BG] * len(self.widths)
        body_fill = [LABEL_BG, LABEL_BG] + [None] * (len(self.widths) - 2)
        headers = self._headers()
        head_h = sum(self._row_height(r) for r in headers)
        rows = []
        for r in self.t.rows:
            rows.append(
                [
                    [(f"**{r.label}**", True)] if r.label else [],
                    [(md(r.sublabel), False)] if r.sublabel else [],
                ]
                + [[(md(p.text, p.bold), p.bold) for p in c] for c in r.cells]
            )
        first = True
        for i, cells in enumerate(rows):
            h = self._row_height(cells)
            if first or pdf.get_y() + h > trigger:
                if not first or pdf.get_y() + head_h + h > trigger:
                    pdf.add_page()
                for hr in headers:
                    self._draw_row(hr, head_fill)
                first = False
            self._draw_row(cells, body_fill)
        pdf.c_margin = saved
        pdf.set_auto_page_break(True, MARGIN_B)


# --------------------------------------------------------------------------- ordinary tables


def _simple_table(pdf: _PDF, t: m.Table) -> None:
    size = 6.3 if t.small else 8
    pdf.set_font(FONT, "", size)
    lh = size * PT * 1.25
    total = pdf.w - MARGIN_L - MARGIN_R
    bold = FontFace(emphasis="BOLD")
    pdf.set_fill_color(255)  # cells without their own fill must not inherit a colour
    with pdf.table(
        width=total,
        col_widths=t.widths,
        line_height=lh,
        text_align="LEFT",
        v_align="TOP",
        borders_layout=TableBordersLayout.ALL,
        padding=(1.0, 0.8, 0.8, 0.8),
        num_heading_rows=1,
        repeat_headings=1,
        headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_BG),
        markdown=False,
        cell_fill_mode=TableCellFillMode.NONE,
    ) as table:
        row = table.row()
        for h in t.header:
            row.cell(m.plain(h))
        n = len(t.rows)
        for i, r in enumerate(t.rows):
            row = table.row()
            is_total = t.total_span and i == n - 1
            for j, c in enumerate(r):
                text = c if isinstance(c, str) else "\n".join(p.text for p in c)
                align = "RIGHT" if j in t.align_right_cols else None
                if is_total:
                    if j == 0:
                        row.cell(text, colspan=t.total_span, style=bold)
                    elif j >= t.total_span:
                        row.cell(text, align=align, style=bold)
                    continue
                if j == 0 and t.group_first_col:
                    if not c:
                        continue
                    span = 1
                    last = n - (1 if t.total_span else 0)
                    while i + span < last and not t.rows[i + span][0]:
                        span += 1
                    row.cell(text, rowspan=span, style=FontFace(emphasis="BOLD", fill_color=LABEL_BG))
                    continue
                style = bold if (j == 0 and t.bold_first_col) else None
                row.cell(text, align=align, style=style)
    pdf.set_x(MARGIN_L)


# --------------------------------------------------------------------------- document


def _render_once(fs: m.Factsheet, path: pathlib.Path, toc_pages: dict[str, int]) -> dict[str, int]:
    pdf = _PDF(fs)
    pdf.add_page()
    new_page = False
    for b in fs.blocks:
        if new_page and not isinstance(b, m.PageBreak):
            pdf.add_page()
            new_page = False
        if isinstance(b, m.Cover):
            pdf.set_fill_color(*BLUE)
            pdf.rect(0, pdf.h - 55, pdf.w, 55, style="F")
            pdf.set_y(50)
            pdf.set_text_color(*BLUE)
            pdf.set_font(FONT, "B", 13)
            for k in b.kicker:
                pdf.cell(0, 6, k, new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(110)
            pdf.set_text_color(0)
            pdf.set_font(FONT, "B", 28)
            pdf.cell(0, 12, b.title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FONT, "", 24)
            pdf.set_text_color(*BLUE)
            pdf.cell(0, 12, b.country, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0)
            if b.footer:
                pdf.set_y(pdf.h - 75)
                pdf.set_font(FONT, "", 9)
                pdf.cell(0, 5, b.footer)
            new_page = True
        elif isinstance(b, m.LegalNotice):
            pdf.set_y(170)
            pdf.set_font(FONT, "B", 10)
            pdf.cell(0, 6, b.title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FONT, "", 8)
            pdf.multi_cell(0, 3.8, b.text, align="J", new_x="LMARGIN", new_y="NEXT")
            new_page = True
        elif isinstance(b, m.Toc):
            pdf.set_font(FONT, "B", 15)
            pdf.set_text_color(*BLUE)
            pdf.cell(0, 9, b.title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0)
            pdf.ln(3)
            width = pdf.w - MARGIN_L - MARGIN_R
            for e in b.entries:
                pdf.set_font(FONT, "", 10 if e.level == 0 else 9)
                indent = 6 * e.level
                y = pdf.get_y()
                pdf.set_xy(MARGIN_L + indent, y)
                pdf.multi_cell(width - indent - 18, 5.2, e.text, align="L")
                y2 = pdf.get_y()
                pdf.set_xy(pdf.w - MARGIN_R - 15, y)
                pdf.cell(15, 5.2, str(toc_pages.get(e.key, "")) if e.key else "", align="R")
                pdf.set_xy(MARGIN_L, y2 + 1.5)
            new_page = True
        elif isinstance(b, m.Divider):
            if pdf.get_y() > MARGIN_T + 1:
                pdf.add_page()
            if b.number:
                pdf.set_y(80)
                pdf.set_font(FONT, "B", 80)
                pdf.set_text_color(*BLUE)
                pdf.cell(0, 30, b.number, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_y(110)
            pdf.set_text_color(0)
            pdf.set_font(FONT, "B", 22)
            pdf.multi_cell(130, 10, b.title, align="L", new_x="LMARGIN", new_y="NEXT")
            if b.tagline:
                pdf.set_y(pdf.h - MARGIN_B - 20)
                for i, line in enumerate(b.tagline):
                    last = i == len(b.tagline) - 1
                    pdf.set_font(FONT, "" if last else "B", 8 if last else 11)
                    pdf.set_text_color(*((120, 120, 120) if last else BLUE))
                    pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
                pdf.set_text_color(0)
            new_page = True
        elif isinstance(b, m.Heading):
            _heading(pdf, b)
        elif isinstance(b, m.Para):
            _para(pdf, b)
        elif isinstance(b, m.Bullets):
            _bullets(pdf, b)
        elif isinstance(b, m.Figure):
            _figure(pdf, b)
        elif isinstance(b, m.Table):
            if b.caption:
                _caption(pdf, b.caption, 30)
            else:
                _ensure(pdf, 30)
            _simple_table(pdf, b)
            if b.source:
                _source(pdf, b.source)
        elif isinstance(b, m.PolicyTable):
            if b.caption:
                _caption(pdf, b.caption, 40)
            _PolicyTableDrawer(pdf, b).draw()
            if b.source:
                _source(pdf, b.source)
        elif isinstance(b, m.PageBreak):
            if pdf.get_y() > MARGIN_T + 1:
                pdf.add_page()
            new_page = False
        else:  # pragma: no cover
            raise TypeError(f"unknown block {b!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return pdf.heading_pages


def render(fs: m.Factsheet, path: pathlib.Path) -> pathlib.Path:
    """Write ``fs`` to ``path``; re-rendered until the contents page numbers are stable."""
    pages: dict[str, int] = {}
    for _ in range(3):
        seen = _render_once(fs, path, pages)
        if seen == pages:
            break
        pages = seen
    return path
