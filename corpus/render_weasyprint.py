"""Render a :class:`~corpus.model.Factsheet` as HTML/CSS printed to PDF by WeasyPrint.

An HTML-to-PDF print engine lays text out itself (pango + harfbuzz: ligatures, hyphenation,
justification), breaks table rows across pages with their text split between the pages,
repeats ``<thead>`` rows on every page, and draws CSS borders and backgrounds as filled
paths. :class:`HtmlStyle` varies what real producers vary; :data:`STYLES` holds the two
variants the fixtures use. Only the fixture script imports WeasyPrint (it is not a runtime
or CI dependency): ``python -m corpus.producers``.
"""

from __future__ import annotations

import html
import pathlib
from dataclasses import dataclass
from typing import Literal

from . import model as m

Categories = Literal["bold", "bullets", "plain"]
Borders = Literal["lines", "shading"]


@dataclass(frozen=True)
class HtmlStyle:
    name: str
    font: str
    size_pt: float
    repeat_header: bool  # <thead> repeated on every page, or header rows only once
    borders: Borders  # ruled cells, or shaded cells separated by white gaps only
    categories: Categories  # consecutive bold lines, bold bullets, or plain text
    justify: bool
    hyphenate: bool
    merged_labels: bool  # section label cells merged (rowspan) over their continuation rows
    year_marker: bool  # a footnote marker after the starting year (``2002¹``)


STYLES: dict[str, HtmlStyle] = {
    "a": HtmlStyle("a", "DejaVu Sans", 8.5, True, "lines", "bold", True, True, False, True),
    "b": HtmlStyle("b", "Liberation Serif", 9.5, False, "shading", "bullets", True, True, True, False),
    # Carlito lacks U+2010: hyphens come from a fallback font, as separate words
    "c": HtmlStyle("c", "Carlito", 8.0, False, "lines", "plain", True, True, False, True),
}


def inline(text: str, bold: bool = False) -> str:
    """Content markup to HTML: bold, italic, superscript markers, links as coloured text."""
    out = []
    for r in m.runs(text, bold=bold):
        t = html.escape(r.text, quote=False)
        if r.sup:
            t = f"<sup>{t}</sup>"
        if r.italic:
            t = f"<i>{t}</i>"
        if r.link:
            t = f'<span class="link">{t}</span>'
        if r.bold:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


def _css(fs: m.Factsheet, st: HtmlStyle) -> str:
    border = "0.6pt solid #222" if st.borders == "lines" else "none"
    spacing = (
        "border-collapse: collapse;"
        if st.borders == "lines"
        else "border-collapse: separate; border-spacing: 2pt;"
    )
    value_bg = "#ffffff" if st.borders == "lines" else "#eef2f7"
    return f"""
@page {{ size: A4; margin: 24mm 19mm 30mm 19mm;
  @top-left {{ content: "{fs.header_left}"; font: bold 7pt '{st.font}'; color: #1d3c78; }}
  @top-right {{ content: "{fs.header_right}"; font: 7pt '{st.font}'; color: #1d3c78; }}
  @bottom-right {{ content: counter(page); font: 8pt '{st.font}'; }} }}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} @bottom-right {{ content: none; }} }}
html {{ font-family: '{st.font}'; font-size: {st.size_pt}pt; line-height: 1.3; }}
body {{ margin: 0; }}
p {{ margin: 0 0 5pt 0; text-align: {"justify" if st.justify else "left"}; {"hyphens: auto;" if st.hyphenate else ""} }}
h1 {{ font-size: 15pt; color: #1d3c78; margin: 10pt 0 6pt 0; }}
h2 {{ font-size: 12pt; color: #1d3c78; margin: 8pt 0 4pt 0; }}
h3 {{ font-size: 10pt; margin: 6pt 0 3pt 0; }}
.link {{ color: #1f5fa8; }}
sup {{ font-size: 60%; vertical-align: super; line-height: 0; }}
.cover {{ page-break-after: always; padding-top: 50mm; }}
.cover .kicker {{ font-size: 14pt; font-weight: bold; color: #1d3c78; margin: 0; }}
.cover .title {{ font-size: 30pt; font-weight: bold; margin-top: 30mm; }}
.cover .country {{ font-size: 26pt; color: #1d3c78; }}
.divider {{ page-break-before: always; page-break-after: always; padding-top: 80mm; }}
.divider .num {{ font-size: 48pt; font-weight: bold; color: #1d3c78; }}
.divider .dtitle {{ font-size: 22pt; font-weight: bold; }}
.divider .tag {{ font-size: 8pt; color: #1d3c78; }}
.toc {{ page-break-after: always; }}
.toc table {{ width: 100%; }}
.legal {{ page-break-after: always; padding-top: 150mm; font-size: 8pt; }}
.caption {{ font-weight: bold; font-size: 8.5pt; margin-top: 6pt; }}
.source {{ font-size: 7pt; font-style: italic; }}
.footnotes {{ font-size: 6.5pt; border-top: 0.4pt solid #888; padding-top: 2pt; }}
.figure {{ border: 0.5pt solid #999; height: 50mm; margin: 4pt 0; background: #f4f4f4; }}
table.simple {{ border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 7.5pt; }}
table.simple td, table.simple th {{ border: 0.5pt solid #444; padding: 2pt 3pt; vertical-align: top; text-align: left; }}
table.simple th {{ background: #dce6f2; }}
table.simple p {{ margin: 0; text-align: left; }}
table.policy {{ {spacing} width: 100%; font-size: {st.size_pt - 0.5}pt; }}
table.policy td, table.policy th {{ border: {border}; padding: 2pt 3pt; vertical-align: top; text-align: left; }}
table.policy td {{ background: {value_bg}; }}
table.policy tr {{ break-inside: auto; }}
table.policy .head {{ background: #c9d8ec; font-weight: bold; }}
table.policy th.label {{ background: #d9d9d9; font-weight: bold; width: 22%; }}
table.policy th.sub {{ background: #e8e8e8; font-weight: normal; width: 15%; }}
table.policy p {{ margin: 0; }}
table.policy p.desc {{ margin-top: 3pt; }}
table.policy ul {{ margin: 0; padding-left: 10pt; }}
table.policy li {{ margin: 0; }}
"""


def _par_html(pars: tuple[m.Par, ...], st: HtmlStyle, marker: str | None = None) -> str:
    out: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if bullets:
            out.append("<ul>" + "".join(bullets) + "</ul>")
            bullets.clear()

    for p in pars:
        text = inline(p.text, bold=False)
        if marker is not None:
            text += f"<sup>{marker}</sup>"
        if p.bold and st.categories == "bullets":
            bullets.append(f"<li><b>{text}</b></li>")
            continue
        flush()
        if p.bold and st.categories == "bold":
            out.append(f"<p><b>{text}</b></p>")
        elif p.bold:
            out.append(f"<p>{text}</p>")
        else:
            out.append(f'<p class="desc">{text}</p>')
    flush()
    return "".join(out)


def _policy_table(t: m.PolicyTable, st: HtmlStyle) -> str:
    n = len(t.policy_names)
    head = "".join(
        f'<tr><th class="head" colspan="2">{label}</th>'
        + "".join(f'<td class="head">{inline(v)}</td>' for v in values)
        + "</tr>"
        for label, values in (("Policy type:", t.policy_types), ("Policy name:", t.policy_names))
    )
    # rowspan of each section label over its continuation rows (rows whose label is empty)
    spans: list[int] = []
    owner = 0
    for i, row in enumerate(t.rows):
        if row.label or not spans or not st.merged_labels:
            spans.append(1)
            owner = i
        else:
            spans[owner] += 1
            spans.append(0)
    body = []
    for row, span in zip(t.rows, spans):
        cells = []
        if span:
            attr = f' rowspan="{span}"' if span > 1 else ""
            cells.append(f'<th class="label"{attr}>{html.escape(row.label)}</th>')
        cells.append(f'<th class="sub">{inline(row.sublabel)}</th>')
        marker = "1" if st.year_marker and row.sublabel == "Starting year" else None
        cells.extend(f"<td>{_par_html(c, st, marker)}</td>" for c in row.cells)
        body.append("<tr>" + "".join(cells) + "</tr>")
    cols = '<col style="width:22%"><col style="width:15%">' + "".join(
        f'<col style="width:{63 / n:.2f}%">' for _ in range(n)
    )
    thead = f"<thead>{head}</thead>" if st.repeat_header else ""
    first = "" if st.repeat_header else head
    note = '<p class="source"><sup>1</sup> Year of the first support measure.</p>' if st.year_marker else ""
    return (
        f'<table class="policy"><colgroup>{cols}</colgroup>{thead}<tbody>{first}{"".join(body)}</tbody></table>'
        + note
    )


def _simple_table(t: m.Table) -> str:
    head = "<tr>" + "".join(f"<th>{inline(h)}</th>" for h in t.header) + "</tr>"
    rows = []
    for r, row in enumerate(t.rows):
        cells = []
        last = r == len(t.rows) - 1
        for j, cell in enumerate(row):
            if last and t.total_span and j < t.total_span:
                if j == 0:
                    cells.append(f'<td colspan="{t.total_span}"><b>{inline(str(cell))}</b></td>')
                continue
            if isinstance(cell, str):
                content = inline(cell, bold=j == 0 and t.bold_first_col)
            else:
                content = "".join(f"<p>{inline(p.text, p.bold)}</p>" for p in cell)  # type: ignore[attr-defined]
            cells.append(f"<td>{content}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f'<p class="caption">{html.escape(t.caption)}</p>' if t.caption else ""
    source = f'<p class="source">{html.escape(t.source)}</p>' if t.source else ""
    return (
        f'{caption}<table class="simple"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>{source}'
    )


def to_html(fs: m.Factsheet, st: HtmlStyle) -> str:
    parts: list[str] = []
    for b in fs.blocks:
        if isinstance(b, m.Cover):
            kick = "".join(f'<p class="kicker">{html.escape(k)}</p>' for k in b.kicker)
            footer = f"<p>{html.escape(b.footer)}</p>" if b.footer else ""
            parts.append(
                f'<section class="cover">{kick}<p class="title">{html.escape(b.title)}</p>'
                f'<p class="country">{html.escape(b.country)}</p>{footer}</section>'
            )
        elif isinstance(b, m.LegalNotice):
            parts.append(
                f'<section class="legal"><p><b>{html.escape(b.title)}</b></p><p>{html.escape(b.text)}</p></section>'
            )
        elif isinstance(b, m.Toc):
            rows = "".join(f"<tr><td>{html.escape(e.text)}</td></tr>" for e in b.entries)
            parts.append(
                f'<section class="toc"><h1>{html.escape(b.title)}</h1><table>{rows}</table></section>'
            )
        elif isinstance(b, m.Divider):
            tag = "".join(f'<p class="tag">{html.escape(t)}</p>' for t in b.tagline)
            parts.append(
                f'<section class="divider"><p class="num">{html.escape(b.number)}</p>'
                f'<p class="dtitle">{html.escape(b.title)}</p>{tag}</section>'
            )
        elif isinstance(b, m.Heading):
            level = min(b.level, 3)
            parts.append(f"<h{level}>{inline(b.text)}</h{level}>")
        elif isinstance(b, m.Para):
            parts.append(f"<p>{inline(b.text)}</p>")
            if b.footnotes:
                notes = "".join(
                    f"<p><sup>{html.escape(k)}</sup> {html.escape(v)}</p>" for k, v in b.footnotes
                )
                parts.append(f'<div class="footnotes">{notes}</div>')
        elif isinstance(b, m.Bullets):
            items = "".join(f"<li>{inline(i)}</li>" for i in b.items)
            parts.append(f"<ul>{items}</ul>")
        elif isinstance(b, m.Figure):
            parts.append(
                f'<p class="caption">{html.escape(b.caption)}</p><div class="figure"></div>'
                f'<p class="source">{html.escape(b.source)}</p>'
            )
        elif isinstance(b, m.Table):
            parts.append(_simple_table(b))
        elif isinstance(b, m.PolicyTable):
            caption = f'<p class="caption">{html.escape(b.caption)}</p>' if b.caption else ""
            source = f'<p class="source">{html.escape(b.source)}</p>' if b.source else ""
            parts.append(caption + _policy_table(b, st) + source)
        elif isinstance(b, m.PageBreak):
            parts.append('<div style="page-break-after: always"></div>')
        else:  # pragma: no cover - content error
            raise TypeError(f"unknown block {b!r}")
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(fs.title)}</title>'
        f'<meta name="author" content="European Cluster Collaboration Platform">'
        f"<style>{_css(fs, st)}</style></head><body>{''.join(parts)}</body></html>"
    )


def render(fs: m.Factsheet, path: pathlib.Path, style: HtmlStyle) -> pathlib.Path:
    from weasyprint import HTML  # imported here: only the fixture script needs it

    path.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=to_html(fs, style)).write_pdf(path)
    return path
