"""Render a :class:`~corpus.model.Factsheet` with reportlab platypus.

Layout choices (deliberately different from the fpdf2 renderer): Helvetica family, A4 portrait,
20 mm side margins, 9 pt table text, justified body text, "Policy type:" / "Policy name:" labels
spanning the label and sub-label columns, page number centred in the footer.

The policy table is one platypus ``Table`` with ``repeatRows=2`` and ``splitByRow=1``, so the
two header rows are repeated on every page it spans.  reportlab never splits a row, which is
why long fields are modelled as several rows in the content modules.
"""

from __future__ import annotations

import pathlib
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from . import model as m

PAGE_W, PAGE_H = A4
LEFT = RIGHT = 20 * mm
TOP = 24 * mm
BOTTOM = 36 * mm  # leaves room for footnotes and the page number
FOOT_TOP = BOTTOM - 6 * mm  # footnotes are drawn downwards from here

BLUE = colors.HexColor("#1d3c78")
LINK_HEX = "#1f5fa8"
HEAD_BG = colors.HexColor("#dce6f2")
LABEL_BG = colors.HexColor("#f0f0f0")

REG, BOLD, ITAL = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


def _style(name: str, **kw) -> ParagraphStyle:
    base = dict(fontName=REG, fontSize=10, leading=13.5, textColor=colors.black)
    base.update(kw)
    return ParagraphStyle(name, **base)


ST = {
    "body": _style("body", alignment=TA_JUSTIFY, spaceAfter=7),
    # bullets in the Symbol font: Helvetica would encode "•" as WinAnsi 0x7F (unmappable)
    "bullet": _style("bullet", leftIndent=14, bulletIndent=3, spaceAfter=3, bulletFontName="Symbol"),
    "h1": _style(
        "h1",
        fontName=BOLD,
        fontSize=16,
        leading=20,
        textColor=BLUE,
        spaceBefore=4,
        spaceAfter=10,
        keepWithNext=1,
    ),
    "h2": _style(
        "h2",
        fontName=BOLD,
        fontSize=12,
        leading=15,
        textColor=BLUE,
        spaceBefore=8,
        spaceAfter=6,
        keepWithNext=1,
    ),
    "h3": _style("h3", fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=4, keepWithNext=1),
    "caption": _style(
        "caption", fontName=BOLD, fontSize=9, leading=11.5, spaceBefore=4, spaceAfter=5, keepWithNext=1
    ),
    "caption_free": _style(
        "caption_free", fontName=BOLD, fontSize=9, leading=11.5, spaceBefore=4, spaceAfter=5
    ),
    "source": _style("source", fontName=ITAL, fontSize=8, leading=10, spaceBefore=3, spaceAfter=9),
    "cell": _style("cell", fontSize=9, leading=11, spaceAfter=2.5),
    "cellb": _style("cellb", fontName=BOLD, fontSize=9, leading=11, spaceAfter=2.5),
    "cell_r": _style("cell_r", fontSize=9, leading=11, alignment=2),
    "cellb_r": _style("cellb_r", fontName=BOLD, fontSize=9, leading=11, alignment=2),
    "cell_m": _style("cell_m", fontSize=8, leading=9.8, spaceAfter=2.5),
    "cellb_m": _style("cellb_m", fontName=BOLD, fontSize=8, leading=9.8, spaceAfter=2.5),
    "cell_s": _style("cell_s", fontSize=7.2, leading=8.8, spaceAfter=2),
    "cellb_s": _style("cellb_s", fontName=BOLD, fontSize=7.2, leading=8.8, spaceAfter=2),
    "label": _style("label", fontName=BOLD, fontSize=8.5, leading=10.5),
    "sublabel": _style("sublabel", fontSize=8.5, leading=10.5),
    "toc0": _style("toc0", fontSize=11, leading=15),
    "toc1": _style("toc1", fontSize=10, leading=13, leftIndent=12),
    "tocn": _style("tocn", fontSize=10.5, leading=15, alignment=2),
    "foot": _style("foot", fontSize=7, leading=8.5),
    "legal_h": _style("legal_h", fontName=BOLD, fontSize=11, leading=14, spaceAfter=6),
    "legal": _style("legal", fontSize=8.5, leading=11, alignment=TA_JUSTIFY),
}


def markup(text: str, bold: bool = False) -> str:
    """Convert the content markup into reportlab paragraph markup."""
    out = []
    for r in m.runs(text, bold=bold):
        t = escape(r.text)
        if r.sup:
            t = f'<super rise="3" size="6.5">{t}</super>'
        if r.link:
            t = f'<font color="{LINK_HEX}">{t}</font>'
        if r.italic:
            t = f"<i>{t}</i>"
        if r.bold:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


class FootnotePara(Paragraph):
    """A paragraph that registers its footnotes on the page where it is drawn."""

    def __init__(self, text, style, footnotes, registry):
        super().__init__(text, style)
        self._footnotes = footnotes
        self._registry = registry

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        return []  # keep marker and note on the same page

    def draw(self):
        page = self.canv.getPageNumber()
        self._registry.setdefault(page, []).extend(self._footnotes)
        super().draw()


class HeadingPara(Paragraph):
    def __init__(self, text, style, key, pages):
        super().__init__(text, style)
        self._key = key
        self._pages = pages

    def draw(self):
        if self._key:
            self._pages[self._key] = self.canv.getPageNumber()
        super().draw()


class DividerPage(Flowable):
    """Fills a whole frame: big section number, section title, tagline at the bottom."""

    def __init__(self, number: str, title: str, tagline: tuple[str, ...], frame_h: float):
        super().__init__()
        self.number, self.title, self.tagline, self.frame_h = number, title, tagline, frame_h

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        return availWidth, self.frame_h

    def draw(self):
        c = self.canv
        h = self.frame_h
        c.saveState()
        y = h * 0.62
        if self.number:
            c.setFillColor(BLUE)
            c.setFont(BOLD, 96)
            c.drawString(0, y, self.number)
            y -= 48
        c.setFillColor(colors.black)
        c.setFont(BOLD, 24)
        p = Paragraph(escape(self.title), _style("div", fontName=BOLD, fontSize=24, leading=29))
        _, ph = p.wrap(self.width * 0.8, h)
        p.drawOn(c, 0, y - ph)
        if self.tagline:
            ty = 40
            for i, line in enumerate(self.tagline):
                last = i == len(self.tagline) - 1
                c.setFont(REG if last else BOLD, 9 if last else 12)
                c.setFillColor(colors.grey if last else BLUE)
                c.drawString(0, ty + (len(self.tagline) - 1 - i) * 15, line)
        c.restoreState()


class BarPlaceholder(Flowable):
    """A chart stand-in: horizontal grey bars and one axis line, no text, no values."""

    def __init__(self, bars: int, height: float):
        super().__init__()
        self.bars, self.height = bars, height

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        return availWidth, self.height

    def draw(self):
        c = self.canv
        n = self.bars
        step = (self.height - 8) / n
        x0 = self.width * 0.3
        c.saveState()
        c.setStrokeColor(colors.HexColor("#999999"))
        c.setLineWidth(0.6)
        c.line(x0, 2, x0, self.height - 2)
        for i in range(n):
            y = self.height - 6 - i * step
            length = (self.width * 0.6) * (0.92 - 0.85 * i / max(n, 1))
            c.setLineWidth(step * 0.32)
            c.setStrokeColor(BLUE)
            c.line(x0, y, x0 + length, y)
            c.setStrokeColor(colors.HexColor("#b5b5b5"))
            c.line(x0, y - step * 0.36, x0 + length * (0.8 + 0.3 * ((i * 7) % 5) / 5), y - step * 0.36)
        c.restoreState()


class _Doc(SimpleDocTemplate):
    def __init__(self, path, fs: m.Factsheet, **kw):
        super().__init__(
            str(path),
            pagesize=A4,
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            title=fs.title,
            author="European Cluster Collaboration Platform",
            subject=fs.title,
            creator="pipeline.corpus (reportlab)",
            invariant=1,
            **kw,
        )
        self.fs = fs
        self.footnotes: dict[int, list[tuple[str, str]]] = {}

    def afterPage(self):  # noqa: N802 - reportlab hook
        notes = self.footnotes.get(self.canv.getPageNumber(), [])
        if not notes:
            return
        c = self.canv
        c.saveState()
        y = FOOT_TOP
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.5)
        c.line(LEFT, y, LEFT + 50 * mm, y)
        y -= 3
        for marker, text in notes:
            p = Paragraph(f"<super>{escape(marker)}</super> {escape(text)}", ST["foot"])
            _, h = p.wrap(PAGE_W - LEFT - RIGHT, FOOT_TOP)
            y -= h
            p.drawOn(c, LEFT, y)
            y -= 1.5
        c.restoreState()


def _decorate(c, doc: _Doc):
    c.saveState()
    c.setFont(BOLD, 7.5)
    c.setFillColor(BLUE)
    c.drawString(LEFT, PAGE_H - 13 * mm, doc.fs.header_left)
    c.setFont(REG, 7.5)
    c.setFillColor(colors.black)
    c.drawRightString(PAGE_W - RIGHT, PAGE_H - 13 * mm, doc.fs.header_right)
    c.setStrokeColor(BLUE)
    c.setLineWidth(0.8)
    c.line(LEFT, PAGE_H - 15 * mm, PAGE_W - RIGHT, PAGE_H - 15 * mm)
    c.setFont(REG, 9)
    c.drawCentredString(PAGE_W / 2, 11 * mm, str(doc.page))
    c.restoreState()


def _cover(c, doc: _Doc):
    """Cover page decoration: a coloured band; the words are flowables."""
    c.saveState()
    c.setFillColor(BLUE)
    c.rect(0, 0, PAGE_W, 60 * mm, stroke=0, fill=1)
    c.restoreState()


# --------------------------------------------------------------------------- tables


def _cell_flowables(cell, small: bool = False, force_bold: bool = False, size: str = ""):
    reg, bold = ("cell_s", "cellb_s") if small else ("cell" + size, "cellb" + size)
    if isinstance(cell, str):
        if not cell:
            return ""
        return [Paragraph(markup(cell, bold=force_bold), ST[bold if force_bold else reg])]
    return [Paragraph(markup(p.text, bold=p.bold), ST[bold if p.bold else reg]) for p in cell] or ""


def policy_table(t: m.PolicyTable, width: float) -> Table:
    n = len(t.policy_names)
    lw, sw = (30 * mm, 27 * mm) if n == 1 else (27 * mm, 21 * mm)
    vw = (width - lw - sw) / n
    size = "" if n == 1 else "_m"
    data = [
        [Paragraph("Policy type:", ST["label"]), ""]
        + [Paragraph(markup(v), ST["cellb" + size]) for v in t.policy_types],
        [Paragraph("Policy name:", ST["label"]), ""]
        + [Paragraph(markup(v), ST["cellb" + size]) for v in t.policy_names],
    ]
    for row in t.rows:
        data.append(
            [
                Paragraph(escape(row.label), ST["label"]) if row.label else "",
                Paragraph(markup(row.sublabel), ST["sublabel"]) if row.sublabel else "",
            ]
            + [_cell_flowables(c, size=size) for c in row.cells]
        )
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEABOVE", (0, 2), (-1, 2), 1.2, BLUE),
            ("SPAN", (0, 0), (1, 0)),
            ("SPAN", (0, 1), (1, 1)),
            ("BACKGROUND", (0, 0), (-1, 1), HEAD_BG),
            ("BACKGROUND", (0, 2), (0, -1), LABEL_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    return Table(data, colWidths=[lw, sw] + [vw] * n, repeatRows=2, splitByRow=1, style=style)


def simple_table(t: m.Table, width: float) -> Table:
    total = sum(t.widths)
    widths = [width * w / total for w in t.widths]
    hstyle = "cellb_s" if t.small else "cellb"
    data = [[Paragraph(markup(h), ST[hstyle]) for h in t.header]]
    for row in t.rows:
        cells = []
        for j, cell in enumerate(row):
            if j in t.align_right_cols and isinstance(cell, str) and cell:
                bold = t.total_span and row is t.rows[-1]
                cells.append(Paragraph(markup(cell), ST["cellb_r" if bold else "cell_r"]))
                continue
            force = j == 0 and t.bold_first_col
            cells.append(_cell_flowables(cell, t.small, force_bold=force))
        data.append(cells)
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if t.group_first_col:
        start = None
        last = len(t.rows) - (1 if t.total_span else 0)
        for i in range(last + 1):
            if i == last or t.rows[i][0]:
                if start is not None and i - 1 > start:
                    cmds.append(("SPAN", (0, start + 1), (0, i)))
                start = i
        cmds.append(("BACKGROUND", (0, 1), (0, -1), LABEL_BG))
    if t.total_span:
        cmds.append(("SPAN", (0, len(t.rows)), (t.total_span - 1, len(t.rows))))
        cmds.append(("BACKGROUND", (0, len(t.rows)), (-1, len(t.rows)), HEAD_BG))
    return Table(data, colWidths=widths, repeatRows=1, splitByRow=1, style=TableStyle(cmds))


# --------------------------------------------------------------------------- document


def _story(fs: m.Factsheet, doc: _Doc, toc_pages: dict[str, int], seen: dict[str, int]):
    width = doc.width
    frame_h = doc.height - 12  # Frame default padding 6 pt top and bottom
    story: list = []
    for b in fs.blocks:
        if isinstance(b, m.Cover):
            story.append(Spacer(1, 40 * mm))
            for k in b.kicker:
                story.append(
                    Paragraph(escape(k), _style("k", fontName=BOLD, fontSize=14, leading=17, textColor=BLUE))
                )
            story.append(Spacer(1, 30 * mm))
            story.append(Paragraph(escape(b.title), _style("ct", fontName=BOLD, fontSize=30, leading=36)))
            story.append(Spacer(1, 6 * mm))
            story.append(Paragraph(escape(b.country), _style("cc", fontSize=26, leading=32, textColor=BLUE)))
            if b.footer:
                story.append(Spacer(1, 60 * mm))
                story.append(Paragraph(escape(b.footer), _style("cf", fontSize=10, leading=12)))
            story.append(PageBreak())
        elif isinstance(b, m.LegalNotice):
            story.append(Spacer(1, 150 * mm))
            story.append(Paragraph(escape(b.title), ST["legal_h"]))
            story.append(Paragraph(escape(b.text), ST["legal"]))
            story.append(PageBreak())
        elif isinstance(b, m.Toc):
            story.append(Paragraph(escape(b.title), ST["h1"]))
            rows = []
            for e in b.entries:
                num = str(toc_pages.get(e.key, "")) if e.key else ""
                rows.append(
                    [Paragraph(escape(e.text), ST["toc1" if e.level else "toc0"]), Paragraph(num, ST["tocn"])]
                )
            toc = Table(rows, colWidths=[width - 20 * mm, 20 * mm])
            toc.setStyle(
                TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
            )
            story.append(toc)
            story.append(PageBreak())
        elif isinstance(b, m.Divider):
            story.append(DividerPage(b.number, b.title, b.tagline, frame_h))
            story.append(PageBreak())
        elif isinstance(b, m.Heading):
            st = ST["h%d" % min(b.level, 3)]
            story.append(HeadingPara(markup(b.text), st, b.key, seen))
        elif isinstance(b, m.Para):
            if b.footnotes:
                story.append(FootnotePara(markup(b.text), ST["body"], b.footnotes, doc.footnotes))
            else:
                story.append(Paragraph(markup(b.text), ST["body"]))
        elif isinstance(b, m.Bullets):
            for it in b.items:
                story.append(Paragraph(markup(it), ST["bullet"], bulletText=b.glyph))
            story.append(Spacer(1, 5))
        elif isinstance(b, m.Figure):
            story.append(
                KeepTogether(
                    [
                        Paragraph(escape(b.caption), ST["caption"]),
                        BarPlaceholder(b.bars, b.height_mm * mm),
                        Paragraph(escape(b.source), ST["source"]),
                    ]
                )
            )
        elif isinstance(b, m.Table):
            if b.caption:
                story.append(Paragraph(escape(b.caption), ST["caption"]))
            story.append(simple_table(b, width))
            if b.source:
                story.append(Paragraph(escape(b.source), ST["source"]))
        elif isinstance(b, m.PolicyTable):
            story.append(CondPageBreak(45 * mm))
            if b.caption:
                story.append(Paragraph(escape(b.caption), ST["caption_free"]))
            story.append(policy_table(b, width))
            if b.source:
                story.append(Paragraph(escape(b.source), ST["source"]))
        elif isinstance(b, m.PageBreak):
            story.append(PageBreak())
        else:  # pragma: no cover - content error
            raise TypeError(f"unknown block {b!r}")
    return story


def _build_once(fs: m.Factsheet, path: pathlib.Path, toc_pages: dict[str, int]) -> tuple[dict[str, int], int]:
    doc = _Doc(path, fs)
    seen: dict[str, int] = {}
    story = _story(fs, doc, toc_pages, seen)
    doc.build(story, onFirstPage=_cover, onLaterPages=_decorate)
    return seen, doc.page


def render(fs: m.Factsheet, path: pathlib.Path) -> pathlib.Path:
    """Write ``fs`` to ``path``; two passes so that the contents page shows real page numbers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pages: dict[str, int] = {}
    for _ in range(3):
        seen, _n = _build_once(fs, path, pages)
        if seen == pages:
            break
        pages = seen
    return path
