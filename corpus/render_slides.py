"""Render the 2008 Luxinnovation deck as landscape 4:3 slides with the reportlab canvas."""

from __future__ import annotations

import pathlib
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from .content_slides import MATRIX_MISSIONS, MATRIX_SERVICES, SLIDES, Slide

W, H = 720.0, 540.0  # 10 x 7.5 inch, landscape
MX = 48.0
RED = colors.HexColor("#b2163a")
NAVY = colors.HexColor("#1b2f5c")
GREY = colors.HexColor("#6d6d6d")
REG, BOLD = "Helvetica", "Helvetica-Bold"


def _md(text: str) -> str:
    """``**bold**`` -> <b>, everything else escaped."""
    parts = text.split("**")
    return "".join(f"<b>{escape(p)}</b>" if i % 2 else escape(p) for i, p in enumerate(parts))


STYLES = {
    "b0": ParagraphStyle(
        "b0",
        fontName=REG,
        fontSize=17,
        leading=21,
        leftIndent=22,
        bulletIndent=4,
        bulletFontName="Symbol",
        bulletFontSize=17,
        spaceBefore=5,
    ),
    "b1": ParagraphStyle(
        "b1",
        fontName=REG,
        fontSize=14,
        leading=17,
        leftIndent=52,
        bulletIndent=34,
        bulletFontName=REG,
        bulletFontSize=14,
        spaceBefore=2,
    ),
    "h": ParagraphStyle("h", fontName=BOLD, fontSize=17, leading=21, textColor=NAVY, spaceBefore=11),
    "p": ParagraphStyle("p", fontName=REG, fontSize=16, leading=20, spaceBefore=5),
    "line": ParagraphStyle("line", fontName=REG, fontSize=18, leading=22, leftIndent=18, spaceBefore=9),
}
GLYPH = {"b0": "•", "b1": "–"}
# "•" is set in the Symbol font: reportlab encodes it in Helvetica as WinAnsi 0x7F, which text
# extractors cannot map back to U+2022; Symbol's built-in encoding maps it to "bullet".


def _frame(c: canvas.Canvas, n: int, s: Slide) -> None:
    c.setFillColor(NAVY)
    c.rect(0, 0, W, 6, stroke=0, fill=1)
    c.setStrokeColor(GREY)
    c.setLineWidth(0.5)
    c.line(MX, 30, W - MX, 30)
    c.setFont(BOLD, 9)
    c.setFillColor(RED)
    c.drawString(MX, 16, "Luxinnovation")
    c.setFont(REG, 9)
    c.setFillColor(GREY)
    c.drawRightString(W - MX, 16, str(n))
    c.setFillColor(colors.black)


def _title(c: canvas.Canvas, s: Slide, size: float = 24) -> float:
    y = H - 50
    if s.section:
        c.setFont(BOLD, 10)
        c.setFillColor(GREY)
        c.drawRightString(W - MX, H - 26, s.section)
    x = MX
    if s.bars:  # the "||||" decoration, as four thin bars
        c.setFillColor(RED)
        for i in range(4):
            c.rect(MX + i * 5, y - 14, 2.2, 22, stroke=0, fill=1)
        x = MX + 28
    p = Paragraph(
        escape(s.title), ParagraphStyle("t", fontName=BOLD, fontSize=size, leading=size * 1.2, textColor=NAVY)
    )
    _, ph = p.wrap(W - x - MX, 200)
    p.drawOn(c, x, y + 8 - ph)
    y = y + 8 - ph - 10
    c.setStrokeColor(RED)
    c.setLineWidth(1.5)
    c.line(MX, y, W - MX, y)
    return y - 12


def _items(
    c: canvas.Canvas, items, top: float, left: float = MX, width: float = W - 2 * MX, scale: float = 1.0
) -> float:
    y = top
    for kind, text in items:
        st = STYLES[kind]
        if scale != 1.0:
            st = ParagraphStyle(
                st.name + "s",
                parent=st,
                fontSize=st.fontSize * scale,
                leading=st.leading * scale,
                bulletFontSize=st.bulletFontSize * scale,
                spaceBefore=st.spaceBefore * scale,
            )
        p = Paragraph(_md(text), st, bulletText=GLYPH.get(kind))
        _, ph = p.wrap(width, y)
        y -= st.spaceBefore + ph
        p.drawOn(c, left, y)
    return y


def _fit_scale(items, top: float) -> float:
    """Shrink the bullet text until it fits above the footer."""
    scale = 1.0
    while scale > 0.55:
        y = top
        for kind, text in items:
            st = STYLES[kind]
            st2 = ParagraphStyle(
                "x",
                parent=st,
                fontSize=st.fontSize * scale,
                leading=st.leading * scale,
                spaceBefore=st.spaceBefore * scale,
            )
            _, ph = Paragraph(_md(text), st2, bulletText=GLYPH.get(kind)).wrap(W - 2 * MX, 1000)
            y -= st2.spaceBefore + ph
        if y > 44:
            return scale
        scale -= 0.05
    return scale


def _slide(c: canvas.Canvas, n: int, s: Slide) -> None:
    _frame(c, n, s)
    if s.kind == "title":
        c.setFillColor(NAVY)
        c.rect(0, H - 150, W, 150, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(BOLD, 20)
        c.drawString(MX, H - 70, s.extra["date"][0])
        c.drawString(MX, H - 96, s.extra["date"][1])
        p = Paragraph(
            escape(s.title), ParagraphStyle("tt", fontName=BOLD, fontSize=28, leading=33, textColor=NAVY)
        )
        _, ph = p.wrap(W - 2 * MX, 300)
        p.drawOn(c, MX, H - 190 - ph)
        c.setFillColor(RED)
        c.setFont(BOLD, 22)
        c.drawString(MX, H - 215 - ph, s.extra["subtitle"])
        c.setFillColor(colors.black)
        y = 150
        for i, line in enumerate(s.extra["speaker"]):
            c.setFont(BOLD if i == 0 else REG, 14 if i == 0 else 12)
            c.drawString(MX, y, line)
            y -= 18
    elif s.kind == "divider":
        c.setFillColor(RED)
        c.setFont(BOLD, 110)
        c.drawString(MX, H / 2 - 10, s.extra["number"])
        c.setFillColor(NAVY)
        c.setFont(BOLD, 28)
        c.drawString(MX + 90, H / 2 + 10, s.title)
    elif s.kind == "logos":
        top = _title(c, s)
        c.setStrokeColor(colors.HexColor("#c8c8c8"))
        c.setFillColor(colors.HexColor("#eeeeee"))
        for r in range(3):
            for k in range(4):
                c.roundRect(MX + 12 + k * 156, top - 95 - r * 115, 132, 80, 8, stroke=1, fill=1)
    elif s.kind == "matrix":
        top = _title(c, s, size=20)
        hst = ParagraphStyle("mh", fontName=BOLD, fontSize=7, leading=8.4)
        rst = ParagraphStyle("mr", fontName=REG, fontSize=8, leading=9.6)
        corner = Paragraph("Services<br/>Missions", hst)
        data = [[corner] + [Paragraph(escape(x), hst) for x in MATRIX_SERVICES]]
        for mission in MATRIX_MISSIONS:
            data.append([Paragraph(escape(mission), rst)] + [""] * len(MATRIX_SERVICES))
        t = Table(
            data,
            colWidths=[120] + [(W - 2 * MX - 120) / len(MATRIX_SERVICES)] * len(MATRIX_SERVICES),
            rowHeights=[52] + [26] * len(MATRIX_MISSIONS),
        )
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, NAVY),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ef")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        _, th = t.wrap(W - 2 * MX, top)
        t.drawOn(c, MX, top - th)
        _items(c, s.items, top - th - 8)
    elif s.kind == "contact":
        p = Paragraph(
            "Thank you for<br/>your attention",
            ParagraphStyle("ty", fontName=BOLD, fontSize=32, leading=38, textColor=NAVY),
        )
        _, ph = p.wrap(W / 2, 200)
        p.drawOn(c, MX, H - 110 - ph)
        y = H - 120
        x = W / 2 + 30
        for line in s.extra["address"]:
            c.setFont(REG, 12)
            c.drawString(x, y, line)
            y -= 16
    else:
        top = _title(c, s)
        scale = _fit_scale(s.items, top)
        _items(c, s.items, top, scale=scale)
    c.showPage()


def render(path: pathlib.Path) -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    c.setTitle("National Cluster Initiatives in Europe and their Strategies for Internationalisation")
    c.setAuthor("Luxinnovation")
    c.setSubject("The Luxembourg Experience")
    c.setCreator("pipeline.corpus (reportlab)")
    for n, s in enumerate(SLIDES, start=1):
        _slide(c, n, s)
    c.save()
    return path
