"""The producer matrix: every test factsheet rendered by every PDF producer family.

Producers (folder names under ``tests/fixtures/factsheets/``):

=================  =====================================================================
``reportlab``      platypus table, Helvetica, header rows repeated, rows never split
``fpdf2``          hand-drawn ruled cells, embedded Bitstream Vera, header rows repeated
``weasyprint-a``   HTML/CSS print engine: DejaVu Sans, ruled cells, ``<thead>`` repeated,
                   rows split across pages, justified and hyphenated text, consecutive
                   bold categories without spacing, a footnote marker after a year
``weasyprint-b``   Liberation Serif, shading only (no rules), header rows once, label cells
                   merged over their rows, categories as bold bullets
``libreoffice-a``  python-docx DOCX printed by LibreOffice headless: Carlito, "Table Grid"
                   borders, repeated header rows, rows split across pages, justified text
``libreoffice-b``  Liberation Sans, cell shading only, header rows once, merged label cells,
                   categories NOT bold (only the vocabulary tells them apart), year marker
``weasyprint-c``   Carlito 8 pt (no U+2010 glyph: hyphens from a fallback font), ruled,
                   header rows once, plain categories, narrow hyphenated columns
``libreoffice-c``  DejaVu Serif, shading only, repeated header rows, merged label cells,
                   bold bulleted categories
``chromium-a``     the ``weasyprint-a`` HTML printed by headless Chromium (Blink layout,
                   Skia PDF backend: subset CID fonts, glyph-run text objects)
``chromium-b``     the ``weasyprint-b`` HTML printed by headless Chromium
=================  =====================================================================

The ``-c`` variants were added last, as a held-out check: rendered after the rules were
written for ``-a``/``-b``, they exposed fallback-font hyphens, categories wrapping over more
than six lines and one-value sub-rows whose label went overleaf, fixed by general rules.
The ``chromium`` renditions were added later still, after every rule was written, and read
exactly on first contact (no rule changed for them).

The Luxembourg and Belgium renditions by reportlab and fpdf2 are the sample corpus itself
(``raw/factsheets/<family>-<producer>.pdf``, rebuilt by ``python -m pipeline build-corpus``);
everything else is written here. The PDFs are committed, so CI needs neither WeasyPrint nor
LibreOffice. Regenerate (needs ``pip install weasyprint==70.0 python-docx==1.2.0`` and
``apt-get install libreoffice-writer-nogui fonts-liberation fonts-crosextra-carlito``)::

    python -m corpus.producers --out tests/fixtures/factsheets

then check with ``python -m pipeline evaluate --producers tests/fixtures/factsheets``.
"""

from __future__ import annotations

import argparse
import pathlib
from collections.abc import Callable

from . import content_at, content_be, content_es, content_lu, render_fpdf2, render_reportlab
from . import model as m

SAMPLE_FAMILIES = ("eccp-factsheet-lu-2022", "eccp-factsheet-be-2023")  # in raw/ already
FACTSHEETS: tuple[m.Factsheet, ...] = (
    content_lu.FACTSHEET,
    content_be.FACTSHEET,
    content_es.FACTSHEET,
    content_at.FACTSHEET,
)


def _weasyprint(variant: str) -> Callable[[m.Factsheet, pathlib.Path], pathlib.Path]:
    def render(fs: m.Factsheet, path: pathlib.Path) -> pathlib.Path:
        from . import render_weasyprint

        return render_weasyprint.render(fs, path, render_weasyprint.STYLES[variant])

    return render


def _libreoffice(variant: str) -> Callable[[m.Factsheet, pathlib.Path], pathlib.Path]:
    def render(fs: m.Factsheet, path: pathlib.Path) -> pathlib.Path:
        from . import render_docx

        return render_docx.render(fs, path, render_docx.STYLES[variant])

    return render


def _chromium(variant: str) -> Callable[[m.Factsheet, pathlib.Path], pathlib.Path]:
    def render(fs: m.Factsheet, path: pathlib.Path) -> pathlib.Path:
        from . import render_chromium, render_weasyprint

        return render_chromium.render(fs, path, render_weasyprint.STYLES[variant])

    return render


PRODUCERS: dict[str, Callable[[m.Factsheet, pathlib.Path], pathlib.Path]] = {
    "reportlab": render_reportlab.render,
    "fpdf2": render_fpdf2.render,
    "weasyprint-a": _weasyprint("a"),
    "weasyprint-b": _weasyprint("b"),
    "libreoffice-a": _libreoffice("a"),
    "libreoffice-b": _libreoffice("b"),
    "weasyprint-c": _weasyprint("c"),
    "libreoffice-c": _libreoffice("c"),
    "chromium-a": _chromium("a"),
    "chromium-b": _chromium("b"),
}


def build_matrix(out: pathlib.Path, producers: list[str] | None = None) -> list[pathlib.Path]:
    """Render every factsheet with every producer into ``out/<producer>/<family>.pdf``."""
    written = []
    for name in producers or list(PRODUCERS):
        render = PRODUCERS[name]
        for fs in FACTSHEETS:
            if name in ("reportlab", "fpdf2") and fs.slug in SAMPLE_FAMILIES:
                continue  # the sample corpus in raw/ is this rendition
            written.append(render(fs, out / name / f"{fs.slug}.pdf"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the factsheet producer matrix.")
    parser.add_argument("--out", default="tests/fixtures/factsheets", type=pathlib.Path)
    parser.add_argument("--producer", action="append", choices=sorted(PRODUCERS), help="only these")
    args = parser.parse_args(argv)
    for path in build_matrix(args.out, args.producer):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
