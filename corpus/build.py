"""Build the sample corpus (``raw/``) from the content modules of this package.

What is produced (paths relative to ``--out``, default ``raw``)::

    factsheets/eccp-factsheet-lu-2022-reportlab.pdf   ECCP country factsheet Luxembourg 2022
    factsheets/eccp-factsheet-lu-2022-fpdf2.pdf       same words, other fonts / margins / breaks
    factsheets/eccp-factsheet-be-2023-reportlab.pdf   ECCP country factsheet Belgium 2023
    factsheets/eccp-factsheet-be-2023-fpdf2.pdf
    presentations/luxinnovation-2008-cluster-initiative.pdf   landscape slides (reportlab)
    press/luxinnovation-news-cluster-initiative.html          Luxinnovation news page
    press/luxembourg-lu-creative-industries-cluster.html      luxembourg.lu article

The texts are transcriptions of the seed documents kept in ``content_lu``, ``content_be``,
``content_slides`` and ``content_press``; nothing outside this package is read.  Each factsheet
is rendered by two producers (reportlab: Helvetica, platypus ``Table`` with ``repeatRows=2``;
fpdf2: embedded Bitstream Vera TTF, hand-drawn ruled table with repeated header rows) so that
parsers are exercised on different fonts and page breaks with identical words.

Output is deterministic: reportlab runs with ``invariant=1`` and fpdf2 with a fixed creation
date (its /ID is an MD5 of the content), and the HTML comes from plain string templates; two
runs give byte-identical files.

Rebuild::

    python -m corpus.build --out raw

Check (page/table summary, bold fonts, repeated headers, cell texts, verbatim sentences)::

    python -m corpus.verify --raw raw
"""

from __future__ import annotations

import argparse
import pathlib

from . import content_be, content_lu, render_fpdf2, render_html, render_reportlab, render_slides


def build_corpus(out_dir: pathlib.Path) -> list[pathlib.Path]:
    """Write every sample document under ``out_dir`` and return their paths (sorted)."""
    out_dir = pathlib.Path(out_dir)
    factsheets = out_dir / "factsheets"
    written: list[pathlib.Path] = []
    for fs in (content_lu.FACTSHEET, content_be.FACTSHEET):
        written.append(render_reportlab.render(fs, factsheets / f"{fs.slug}-reportlab.pdf"))
        written.append(render_fpdf2.render(fs, factsheets / f"{fs.slug}-fpdf2.pdf"))
    written.append(
        render_slides.render(out_dir / "presentations" / "luxinnovation-2008-cluster-initiative.pdf")
    )
    written.extend(render_html.render(out_dir))
    return sorted(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild the sample corpus (raw/).")
    parser.add_argument("--out", default="raw", type=pathlib.Path, help="output folder (default: raw)")
    args = parser.parse_args(argv)
    for path in build_corpus(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
