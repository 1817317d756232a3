"""Check a built corpus with pdfplumber and the stdlib HTML parser.

For every factsheet PDF: the policy table is found on each page it spans with both header rows
repeated, every cell's text equals the content (so nothing overflows a cell), standardised
categories are set in a bold font and descriptions in a regular one, the ordinary tables match
their content, and every paragraph, bullet, heading, caption and source line occurs verbatim
in the page text.  The two producers must break the policy table on different rows.  Slides
and HTML pages get lighter checks.  Prints a per-file summary; exits non-zero on a failure.

    python -m corpus.verify --raw raw
"""

from __future__ import annotations

import argparse
import html
import pathlib
import sys
from html.parser import HTMLParser

import pdfplumber

from . import content_be, content_lu, content_press, content_slides
from . import model as m

MM = 72 / 25.4


def norm(s: str | None) -> str:
    return " ".join((s or "").split())


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def check(self, ok: bool, msg: str) -> None:
        if not ok:
            self.errors.append(msg)


# --------------------------------------------------------------------------- factsheets


def _policy_expected(t: m.PolicyTable):
    head = [
        ["Policy type:", "", *t.policy_types],
        ["Policy name:", "", *t.policy_names],
    ]
    body = []
    for r in t.rows:
        body.append(
            [m.plain(r.label), m.plain(r.sublabel)]
            + [norm(" ".join(m.plain(p.text) for p in c)) for c in r.cells]
        )
    return head, body


def _table_expected(t: m.Table):
    rows = [[norm(m.plain(h)) for h in t.header]]
    for r in t.rows:
        rows.append(
            [
                norm(m.plain(c)) if isinstance(c, str) else norm(" ".join(m.plain(p.text) for p in c))
                for c in r
            ]
        )
    return rows


def _body_text(pdf) -> str:
    """Document text without running header, page number and raised footnote markers."""
    parts = []
    for p in pdf.pages:
        body = p.crop((0, 18 * MM, p.width, p.height - 18 * MM))
        body = body.filter(lambda o: not (o.get("object_type") == "char" and o.get("size", 10) < 6.6))
        parts.append(body.extract_text() or "")
    # a removed raised marker leaves a gap that extractors turn into a space ("period , the")
    return norm(" ".join(parts)).replace(" ,", ",")


def _cell_fonts(page, bbox) -> tuple[str, str, str]:
    words = page.crop(bbox).extract_words(extra_attrs=["fontname"])
    bold = norm(" ".join(w["text"] for w in words if "Bold" in w["fontname"]))
    ital = norm(" ".join(w["text"] for w in words if "Oblique" in w["fontname"] or "Italic" in w["fontname"]))
    reg = norm(
        " ".join(
            w["text"]
            for w in words
            if "Bold" not in w["fontname"]
            and "Oblique" not in w["fontname"]
            and "Italic" not in w["fontname"]
        )
    )
    return bold, reg, ital


def check_factsheet(path: pathlib.Path, fs: m.Factsheet, ck: Checker) -> dict:
    policy = next(b for b in fs.blocks if isinstance(b, m.PolicyTable))
    head, body = _policy_expected(policy)
    tables = [b for b in fs.blocks if isinstance(b, m.Table)]
    summary = {"file": path.name, "policy_pages": [], "rows_per_page": [], "tables": 0, "fonts": set()}
    found_body: list[list[str]] = []
    found_tables: list[list[list[str]]] = []
    with pdfplumber.open(path) as pdf:
        summary["pages"] = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, start=1):
            for ch in page.chars:
                ck.check(
                    0 <= ch["x0"]
                    and ch["x1"] <= page.width - 14 * MM
                    and ch["top"] >= 0
                    and ch["bottom"] <= page.height,
                    f"{path.name} p{pno}: char {ch['text']!r} outside the text area",
                )
            for w in page.extract_words(extra_attrs=["fontname"]):
                summary["fonts"].add(w["fontname"])
            for t in page.find_tables():
                summary["tables"] += 1
                rows = [[norm(c) for c in r] for r in t.extract()]
                if rows and rows[0][0] == "Policy type:":
                    summary["policy_pages"].append(pno)
                    ck.check(rows[:2] == head, f"{path.name} p{pno}: header rows {rows[:2]} != {head}")
                    summary["rows_per_page"].append(len(rows) - 2)
                    found_body.extend(rows[2:])
                    # fonts per cell: categories bold, descriptions regular
                    start = len(found_body) - (len(rows) - 2)
                    for i, prow in enumerate(t.rows[2:]):
                        exp = policy.rows[start + i] if start + i < len(policy.rows) else None
                        if exp is None:
                            continue
                        for j, cell in enumerate(exp.cells):
                            bbox = prow.cells[2 + j]
                            if bbox is None:
                                continue
                            bold, reg, _ = _cell_fonts(page, bbox)
                            want_b = norm(" ".join(p.text for p in cell if p.bold))
                            want_r = norm(" ".join(p.text for p in cell if not p.bold))
                            ck.check(bold == want_b, f"{path.name} p{pno}: bold {bold!r} != {want_b!r}")
                            ck.check(reg == want_r, f"{path.name} p{pno}: regular {reg!r} != {want_r!r}")
                        if exp.label and prow.cells[0] is not None:
                            bold, reg, _ = _cell_fonts(page, prow.cells[0])
                            ck.check(
                                bold == norm(exp.label) and not reg,
                                f"{path.name} p{pno}: label font {exp.label}",
                            )
                        if exp.sublabel and prow.cells[1] is not None:
                            bold, reg, ital = _cell_fonts(page, prow.cells[1])
                            want_sub = norm(m.plain(exp.sublabel))
                            ok = not bold and want_sub in (norm(reg + " " + ital), norm(ital + " " + reg))
                            ck.check(ok, f"{path.name} p{pno}: sublabel font {exp.sublabel}")
                else:
                    found_tables.append(rows)
        text = _body_text(pdf)
    ck.check(
        found_body == body,
        f"{path.name}: policy table body differs:\n"
        + "\n".join(
            f"  row {i}: got {g}\n          want {w}"
            for i, (g, w) in enumerate(zip(found_body, body))
            if g != w
        )
        + (f"\n  got {len(found_body)} rows, want {len(body)}" if len(found_body) != len(body) else ""),
    )
    ck.check(
        2 <= len(summary["policy_pages"]) <= 4, f"{path.name}: policy table spans {summary['policy_pages']}"
    )
    # ordinary tables (may be split over pages: glue continuation parts that repeat the header)
    glued: list[list[list[str]]] = []
    for rows in found_tables:
        if glued and rows[0] == glued[-1][0] and len(rows[0]) == len(glued[-1][0]):
            glued[-1].extend(rows[1:])
        else:
            glued.append(rows)
    for t in tables:
        want = _table_expected(t)
        match = [g for g in glued if g and g[0] == want[0]]
        ck.check(bool(match), f"{path.name}: table with header {want[0]} not found")
        if match:
            ck.check(match[0] == want, f"{path.name}: table {want[0][:2]} differs: {match[0]} != {want}")
    # prose verbatim
    for b in fs.blocks:
        texts: list[str] = []
        if isinstance(b, m.Para):
            texts = [b.text]
        elif isinstance(b, m.Bullets):
            texts = list(b.items)
        elif isinstance(b, m.Heading):
            texts = [b.text]
        elif isinstance(b, (m.Table, m.PolicyTable)):
            texts = [x for x in (b.caption, b.source) if x]
        elif isinstance(b, m.Figure):
            texts = [b.caption, b.source]
        compact = "".join(text.split())
        for x in texts:
            want = norm(m.plain(x))
            if any(len(w) > 45 for w in want.split()):  # an over-long URL is broken inside the word
                ok = "".join(want.split()) in compact
            else:
                ok = want in text
            ck.check(ok, f"{path.name}: text not found verbatim: {m.plain(x)[:90]!r}")
    return summary


# --------------------------------------------------------------------------- slides


def check_slides(path: pathlib.Path, ck: Checker) -> dict:
    with pdfplumber.open(path) as pdf:
        n = len(pdf.pages)
        ck.check(n == len(content_slides.SLIDES), f"{path.name}: {n} pages")
        for i, (page, s) in enumerate(zip(pdf.pages, content_slides.SLIDES), start=1):
            ck.check(page.width > page.height, f"{path.name} p{i}: not landscape")
            txt = norm(page.extract_text())
            ck.check("Luxinnovation" in txt and txt.endswith(str(i)), f"{path.name} p{i}: footer")
            for kind, item in s.items:
                ck.check(norm(item.replace("**", "")) in txt, f"{path.name} p{i}: missing {item[:60]!r}")
            if any(k == "b1" for k, _ in s.items):
                words = page.extract_words()
                x_b0 = min(w["x0"] for w in words if w["text"] == "•")
                x_b1 = min(w["x0"] for w in words if w["text"] == "–")
                ck.check(x_b1 > x_b0 + 10, f"{path.name} p{i}: sub-bullets not indented")
        all_text = norm(" ".join(p.extract_text() or "" for p in pdf.pages))
    for key in ("21st/22nd February 2008", "Goals of Cluster Initiative (2001)", "Currently in development:"):
        ck.check(key in all_text, f"{path.name}: missing {key!r}")
    return {"file": path.name, "pages": n}


# --------------------------------------------------------------------------- html


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.article: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.articles = 0  # only the first (main) <article> counts; teasers are <article>s too

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if tag == "meta":
            self.meta[d.get("name") or d.get("property") or ""] = d.get("content", "")
        if tag == "article":
            self.articles += 1
            tag = "article" if self.articles == 1 else "article-other"
        if tag not in ("meta", "link", "img", "br", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if (
            tag == "article"
            and "article" not in self.stack[-1:]
            and self.stack
            and self.stack[-1] == "article-other"
        ):
            tag = "article-other"
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data):
        if "article" in self.stack:
            self.article.append(data)
        if self.stack and self.stack[-1] == "title":
            self.title += data


def check_html(path: pathlib.Path, page: dict, ck: Checker, dated: bool) -> dict:
    raw = path.read_text("utf-8")
    p = _Text()
    p.feed(raw)
    art = norm(" ".join(p.article))
    for kind, text in page["blocks"]:
        ck.check(norm(text) in art, f"{path.name}: article text missing {text[:60]!r}")
    ck.check(page["title"] in p.title, f"{path.name}: <title>")
    for tag in ("<nav", 'class="cookie-notice"', "<footer", "<h1>", "<h2>", "<article"):
        ck.check(tag in raw, f"{path.name}: no {tag}")
    has_date = any(k in p.meta for k in ("date", "article:published_time", "article:modified_time"))
    ck.check(has_date == dated, f"{path.name}: date meta present={has_date}")
    if "related" in page:
        for iso, shown, title, _, teaser in page["related"]:
            ck.check(shown in raw and html.escape(title, quote=False) in raw, f"{path.name}: related {title}")
            ck.check(shown not in art, f"{path.name}: related date inside <article>")
        ck.check("<blockquote" in raw and 'class="related-news"' in raw, f"{path.name}: blockquote/related")
    return {"file": path.name, "article_chars": len(art)}


# --------------------------------------------------------------------------- main


def verify(raw: pathlib.Path) -> int:
    ck = Checker()
    summaries = []
    by_producer: dict[str, dict[str, list[int]]] = {}
    for fs in (content_lu.FACTSHEET, content_be.FACTSHEET):
        for prod in ("reportlab", "fpdf2"):
            s = check_factsheet(raw / "factsheets" / f"{fs.slug}-{prod}.pdf", fs, ck)
            by_producer.setdefault(fs.slug, {})[prod] = s["rows_per_page"]
            bold = sorted({f for f in s["fonts"] if "Bold" in f})
            reg = sorted({f for f in s["fonts"] if "Bold" not in f})
            print(
                f"{s['file']}: {s['pages']} pages, {s['tables']} tables; policy table on pages "
                f"{s['policy_pages']} with body rows per page {s['rows_per_page']}; "
                f"bold fonts {bold}; other fonts {reg}"
            )
            summaries.append(s)
    for slug, d in by_producer.items():
        ck.check(d["reportlab"] != d["fpdf2"], f"{slug}: both producers break the policy table alike {d}")
    s = check_slides(raw / "presentations" / "luxinnovation-2008-cluster-initiative.pdf", ck)
    print(f"{s['file']}: {s['pages']} slides")
    for name, page, dated in (
        ("luxinnovation-news-cluster-initiative.html", content_press.LUXINNOVATION_NEWS, False),
        ("luxembourg-lu-creative-industries-cluster.html", content_press.LUXEMBOURG_LU, True),
    ):
        s = check_html(raw / "press" / name, page, ck, dated)
        print(f"{s['file']}: article text {s['article_chars']} chars")
    for e in ck.errors:
        print("FAIL:", e)
    print("OK" if not ck.errors else f"{len(ck.errors)} failure(s)")
    return 1 if ck.errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", default="raw", type=pathlib.Path)
    return verify(ap.parse_args(argv).raw)


if __name__ == "__main__":
    sys.exit(main())
