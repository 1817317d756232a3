"""PDF backend rules that make other producers' text layers read like ours.

Each test builds a tiny PDF the way a producer family does it (reportlab canvas or hand-written
PDF objects) and checks the parsed `Document`.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.backend.pdf import join_lines, parse_pdf


def _parse(data: bytes):  # type: ignore[no-untyped-def]
    return parse_pdf(data, doc_id="doc-t", uri="t.pdf", sha256="0" * 64)


def _pdf(draw) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_raised_small_digits_become_superscript_markers_glued_to_their_word() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(72, 700, "Starting year 2002")
        width = c.stringWidth("Starting year 2002", "Helvetica", 10)
        c.setFont("Helvetica", 6)
        c.drawString(72 + width + 0.5, 704, "3")
        c.setFont("Helvetica", 10)
        c.drawString(72, 680, "There are 46")
        width = c.stringWidth("There are 46", "Helvetica", 10)
        c.setFont("Helvetica", 6)
        c.drawString(72 + width + 0.5, 684, "1")
        c.setFont("Helvetica", 10)
        c.drawString(72 + width + 5, 680, "cluster organisations.")

    texts = [line.text for line in _parse(_pdf(draw)).pages[0].lines]
    assert texts == ["Starting year 2002³", "There are 46¹ cluster organisations."]


def _hand_pdf(fonts: dict[str, tuple[str, int, int]], text_ops: str) -> bytes:
    """A one-page PDF with non-embedded fonts: name -> (BaseFont, FontWeight, Flags)."""
    objects: list[str] = []
    font_refs = []
    for i, (name, (base, weight, flags)) in enumerate(fonts.items()):
        descriptor = len(objects) + 1
        objects.append(
            f"<< /Type /FontDescriptor /FontName /{base} /Flags {flags} /FontWeight {weight} "
            "/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"
        )
        objects.append(
            f"<< /Type /Font /Subtype /TrueType /BaseFont /{base} /FirstChar 32 /LastChar 126 "
            f"/Widths [{' '.join(['500'] * 95)}] /FontDescriptor {descriptor} 0 R /Encoding /WinAnsiEncoding >>"
        )
        font_refs.append(f"/{name} {len(objects)} 0 R")
    stream = text_ops.encode("latin-1")
    objects.append(f"<< /Length {len(stream)} >>\nstream\n{text_ops}\nendstream")
    content = len(objects)
    objects.append(
        f"<< /Type /Page /Parent {len(objects) + 2} 0 R /MediaBox [0 0 595 842] "
        f"/Resources << /Font << {' '.join(font_refs)} >> >> /Contents {content} 0 R >>"
    )
    page = len(objects)
    objects.append(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    objects.append(f"<< /Type /Catalog /Pages {len(objects)} 0 R >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root {len(objects)} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


@pytest.mark.parametrize(
    ("weight", "flags", "bold"),
    [(700, 32, True), (600, 32, True), (400, 32 | (1 << 18), True), (400, 32, False)],
    ids=["weight-700", "weight-600", "force-bold-flag", "regular"],
)
def test_bold_comes_from_the_font_descriptor_when_the_name_says_nothing(
    weight: int, flags: int, bold: bool
) -> None:
    data = _hand_pdf(
        {"F1": ("ABCDEF+Face1", weight, flags), "F2": ("ABCDEF+Face2", 400, 32)},
        "BT /F1 10 Tf 72 700 Td (Green economy) Tj ET BT /F2 10 Tf 72 680 Td (Plain words) Tj ET",
    )
    lines = _parse(data).pages[0].lines
    assert [(line.text, line.bold) for line in lines] == [("Green economy", bold), ("Plain words", False)]


def test_a_table_row_cut_by_the_page_bottom_is_closed_and_read() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setLineWidth(0.5)
        c.line(50, 160, 400, 160)  # the row's top rule; the page cut it before its bottom rule
        c.line(50, 120, 400, 120)
        for x in (50, 200, 400):
            c.line(x, 160, x, 30)  # vertical rules run to the page break
        c.setFont("Helvetica", 9)
        c.drawString(55, 145, "POLICY FOCUS")
        c.drawString(205, 145, "Sectoral")
        c.drawString(55, 105, "BENEFICIARIES")
        c.drawString(205, 105, "SMEs")
        c.drawString(205, 60, "Large firms")

    (table,) = _parse(_pdf(draw)).pages[0].tables
    assert [[cell.text for cell in row if cell] for row in table.rows()] == [
        ["POLICY FOCUS", "Sectoral"],
        ["BENEFICIARIES", "SMEs\nLarge firms"],
    ]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["innov\u2010", "ation"], "innovation"),  # a typesetter's hyphen
        (["innov\u00ad", "ation"], "innovation"),  # a soft hyphen
        (["know-", "how"], "know-how"),  # a compound broken at its own hyphen
        (["Eco-", "Innovation"], "Eco-Innovation"),  # a capitalised compound (Chromium breaks it so)
        (["Baden-", "Württemberg"], "Baden-Württemberg"),
        (["2014-", "2020"], "2014- 2020"),  # a range broken after its dash: the gap stays visible
        (["Cluster -", "Innovation"], "Cluster - Innovation"),  # a spaced dash is no compound
        (["green", "economy"], "green economy"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(("word", "read"), [("\uf0b7", "•"), ("\uf0a7", "•"), ("\uf0d8", "•"), ("SMEs", "SMEs")])
def test_symbol_font_list_markers_are_read_as_bullets(word: str, read: str) -> None:
    from pipeline.backend.pdf import _symbol_bullet

    assert _symbol_bullet(word) == read
