"""Render a :class:`~corpus.model.Factsheet` as a word-processor document (python-docx)
and print it to PDF with LibreOffice headless: the closest to how real factsheets are made.

A word processor lets table rows break across pages (the row's text is split between the
pages), repeats header rows only when they are marked as such, merges label cells vertically,
and draws cell borders or cell shading itself; LibreOffice embeds subsets of the fonts it
found (Carlito for Calibri, Liberation for Arial/Times). :class:`DocxStyle` varies these;
:data:`STYLES` holds the two variants the fixtures use. Only the fixture script imports
python-docx and runs LibreOffice: ``python -m corpus.producers``.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Any, Literal

from . import model as m

Categories = Literal["bold", "bullets", "plain"]


@dataclass(frozen=True)
class DocxStyle:
    name: str
    font: str
    size_pt: float
    repeat_header: bool
    borders: bool  # single-line cell borders; False: cell shading only
    categories: Categories
    justify: bool
    merged_labels: bool  # section label cells merged vertically over their continuation rows
    year_marker: bool


STYLES: dict[str, DocxStyle] = {
    "a": DocxStyle("a", "Carlito", 10.0, True, True, "bold", True, False, False),
    "b": DocxStyle("b", "Liberation Sans", 9.0, False, False, "plain", False, True, True),
    "c": DocxStyle("c", "DejaVu Serif", 9.0, True, False, "bullets", True, True, False),
}

BLUE = (0x1D, 0x3C, 0x78)
LINK = (0x1F, 0x5F, 0xA8)
HEAD_BG = "C9D8EC"
LABEL_BG = "D9D9D9"
SUB_BG = "E8E8E8"
VALUE_BG = "EEF2F7"


def _docx() -> Any:
    import docx  # imported here: only the fixture script needs python-docx

    return docx


def _set_font(style_or_run: Any, font: str) -> None:
    from docx.oxml.ns import qn

    style_or_run.font.name = font
    rpr = style_or_run.element.get_or_add_rPr() if hasattr(style_or_run.element, "get_or_add_rPr") else None
    if rpr is None:
        return
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _runs(paragraph: Any, text: str, bold: bool = False, size: float | None = None) -> None:
    from docx.shared import Pt, RGBColor

    for r in m.runs(text, bold=bold):
        run = paragraph.add_run(r.text)
        run.bold = r.bold or None
        run.italic = r.italic or None
        if r.sup:
            run.font.superscript = True
        if r.link:
            run.font.color.rgb = RGBColor(*LINK)
        if size is not None:
            run.font.size = Pt(size)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def _widths(table: Any, widths_mm: list[float]) -> None:
    from docx.shared import Mm

    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def _cell_paragraphs(cell: Any, pars: tuple[m.Par, ...], st: DocxStyle, marker: str | None) -> None:
    from docx.shared import Pt

    first = True
    for p in pars:
        if first:
            paragraph = cell.paragraphs[0]
            first = False
        else:
            style = "List Bullet" if p.bold and st.categories == "bullets" else None
            paragraph = cell.add_paragraph(style=style)
        paragraph.paragraph_format.space_after = Pt(0 if p.bold else 3)
        paragraph.paragraph_format.space_before = Pt(0)
        bold = p.bold and st.categories in ("bold", "bullets")
        _runs(paragraph, p.text + (f"^{marker}^" if marker else ""), bold=bold)


def _policy_table(doc: Any, t: m.PolicyTable, st: DocxStyle) -> None:
    from docx.shared import Pt

    n = len(t.policy_names)
    total = 172.0
    widths = [38.0, 28.0] + [(total - 66.0) / n] * n
    table = doc.add_table(rows=2 + len(t.rows), cols=2 + n)
    if st.borders:
        table.style = "Table Grid"
    for r, (label, values) in enumerate((("Policy type:", t.policy_types), ("Policy name:", t.policy_names))):
        row = table.rows[r]
        merged = row.cells[0].merge(row.cells[1])
        merged.paragraphs[0].add_run(label).bold = True
        _shade(merged, HEAD_BG)
        for j, value in enumerate(values):
            _runs(row.cells[2 + j].paragraphs[0], value, bold=True)
            _shade(row.cells[2 + j], HEAD_BG)
        if st.repeat_header:
            _repeat_header(row)
    owner = None
    for i, prow in enumerate(t.rows):
        row = table.rows[2 + i]
        label_cell, sub_cell = row.cells[0], row.cells[1]
        if prow.label or not st.merged_labels or owner is None:
            owner = 2 + i
            if prow.label:
                label_cell.paragraphs[0].add_run(prow.label).bold = True
        _shade(label_cell, LABEL_BG)
        if prow.sublabel:
            _runs(sub_cell.paragraphs[0], prow.sublabel)
        _shade(sub_cell, SUB_BG)
        marker = "1" if st.year_marker and prow.sublabel == "Starting year" else None
        for j, pars in enumerate(prow.cells):
            _cell_paragraphs(row.cells[2 + j], pars, st, marker)
            if not st.borders:
                _shade(row.cells[2 + j], VALUE_BG)
    _widths(table, widths)
    if st.merged_labels:
        start = None
        for i, prow in enumerate([*t.rows, m.PolicyRow("END", "", ())]):
            if prow.label:
                if start is not None and 2 + i - 1 > start:
                    table.cell(start, 0).merge(table.cell(2 + i - 1, 0))
                start = 2 + i
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(st.size_pt - 1)
    if st.year_marker:
        note = doc.add_paragraph()
        _runs(note, "^1^ Year of the first support measure.", size=7)


def _simple_table(doc: Any, t: m.Table, st: DocxStyle) -> None:
    from docx.shared import Pt

    if t.caption:
        caption = doc.add_paragraph()
        caption.add_run(t.caption).bold = True
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.header))
    table.style = "Table Grid"
    for j, head in enumerate(t.header):
        _runs(table.rows[0].cells[j].paragraphs[0], head, bold=True)
        _shade(table.rows[0].cells[j], HEAD_BG)
    for i, row in enumerate(t.rows):
        cells = table.rows[1 + i].cells
        last = i == len(t.rows) - 1
        for j, value in enumerate(row):
            if last and t.total_span and 0 < j < t.total_span:
                continue
            if isinstance(value, str):
                _runs(cells[j].paragraphs[0], value, bold=j == 0 and t.bold_first_col)
            else:
                pars = tuple(value)  # type: ignore[arg-type]
                for k, p in enumerate(pars):
                    paragraph = cells[j].paragraphs[0] if k == 0 else cells[j].add_paragraph()
                    _runs(paragraph, p.text, bold=p.bold)
        if last and t.total_span:
            cells[0].merge(cells[t.total_span - 1])
    total = sum(t.widths)
    _widths(table, [172.0 * w / total for w in t.widths])
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(7 if t.small else 8)
    if t.source:
        source = doc.add_paragraph()
        run = source.add_run(t.source)
        run.italic = True
        run.font.size = Pt(7)


def _page_number(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def to_docx(fs: m.Factsheet, st: DocxStyle, path: pathlib.Path) -> pathlib.Path:
    docx = _docx()
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    doc = docx.Document()
    doc.core_properties.title = fs.title
    doc.core_properties.author = "European Cluster Collaboration Platform"
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(19)
    section.top_margin, section.bottom_margin = Mm(22), Mm(24)
    section.different_first_page_header_footer = True
    normal = doc.styles["Normal"]
    _set_font(normal, st.font)
    normal.font.size = Pt(st.size_pt)
    normal.paragraph_format.space_after = Pt(5)
    for name in ("Heading 1", "Heading 2", "Heading 3", "List Bullet", "Title"):
        _set_font(doc.styles[name], st.font)
        doc.styles[name].font.color.rgb = RGBColor(*BLUE)
    header = section.header.paragraphs[0]
    header.text = f"{fs.header_left}\t\t{fs.header_right}"
    for run in header.runs:
        run.font.size = Pt(7)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_number(footer)
    body_align = WD_ALIGN_PARAGRAPH.JUSTIFY if st.justify else WD_ALIGN_PARAGRAPH.LEFT
    for b in fs.blocks:
        if isinstance(b, m.Cover):
            for k in b.kicker:
                doc.add_paragraph().add_run(k).bold = True
            title = doc.add_paragraph()
            run = title.add_run(b.title)
            run.bold, run.font.size = True, Pt(30)
            country = doc.add_paragraph()
            country.add_run(b.country).font.size = Pt(26)
            if b.footer:
                doc.add_paragraph(b.footer)
            doc.add_page_break()
        elif isinstance(b, m.LegalNotice):
            doc.add_paragraph().add_run(b.title).bold = True
            notice = doc.add_paragraph(b.text)
            for run in notice.runs:
                run.font.size = Pt(8)
            doc.add_page_break()
        elif isinstance(b, m.Toc):
            doc.add_heading(b.title, 1)
            for e in b.entries:
                doc.add_paragraph(e.text)
            doc.add_page_break()
        elif isinstance(b, m.Divider):
            doc.add_page_break()
            if b.number:
                number = doc.add_paragraph()
                run = number.add_run(b.number)
                run.bold, run.font.size = True, Pt(40)
            title = doc.add_paragraph()
            run = title.add_run(b.title)
            run.bold, run.font.size = True, Pt(22)
            for line in b.tagline:
                doc.add_paragraph().add_run(line).font.size = Pt(8)
            doc.add_page_break()
        elif isinstance(b, m.Heading):
            doc.add_heading(m.plain(b.text), min(b.level, 3))
        elif isinstance(b, m.Para):
            paragraph = doc.add_paragraph()
            paragraph.alignment = body_align
            _runs(paragraph, b.text)
            for marker, note in b.footnotes:
                small = doc.add_paragraph()
                _runs(small, f"^{marker}^ {note}", size=7)
        elif isinstance(b, m.Bullets):
            for item in b.items:
                _runs(doc.add_paragraph(style="List Bullet"), item)
        elif isinstance(b, m.Figure):
            doc.add_paragraph().add_run(b.caption).bold = True
            doc.add_paragraph().add_run(b.source).italic = True
        elif isinstance(b, m.Table):
            _simple_table(doc, b, st)
        elif isinstance(b, m.PolicyTable):
            if b.caption:
                doc.add_paragraph().add_run(b.caption).bold = True
            _policy_table(doc, b, st)
            if b.source:
                doc.add_paragraph().add_run(b.source).italic = True
        elif isinstance(b, m.PageBreak):
            doc.add_page_break()
        else:  # pragma: no cover - content error
            raise TypeError(f"unknown block {b!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def render(fs: m.Factsheet, path: pathlib.Path, style: DocxStyle, soffice: str = "soffice") -> pathlib.Path:
    """Write the DOCX to a temporary folder and print it to ``path`` with LibreOffice."""
    if shutil.which(soffice) is None:
        raise RuntimeError(f"{soffice!r} not found: install LibreOffice Writer to regenerate these fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        source = to_docx(fs, style, folder / f"{path.stem}.docx")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{folder / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / f"{path.stem}.pdf", path)
    return path
