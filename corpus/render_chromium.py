"""Render a :class:`~corpus.model.Factsheet` as HTML printed to PDF by headless Chromium (Skia).

The same HTML/CSS as the WeasyPrint renditions (:func:`corpus.render_weasyprint.to_html`),
laid out and written by another engine: Blink's layout (its own line breaking, hyphenation and
table pagination) and Skia's PDF backend (subset CID fonts, one text object per glyph run,
borders and shading as filled rectangles). Added as a held-out producer: rendered after every
rule was written, it read exactly on first contact. Needs Debian's ``chromium``; only the
fixture script runs it (``python -m corpus.producers --producer chromium-a``).
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import tempfile

from . import model as m
from .render_weasyprint import HtmlStyle, to_html

CHROMIUM_TIMEOUT_S = 120


def render(fs: m.Factsheet, path: pathlib.Path, style: HtmlStyle) -> pathlib.Path:
    """Write ``path`` (a PDF) and return it; raises when Chromium is missing or fails."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = pathlib.Path(tmp) / f"{fs.slug}.html"
        page.write_text(to_html(fs, style), "utf-8")
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={path}", page.as_uri()],
            capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_S, check=False,
        )
    if done.returncode != 0 or not path.exists():
        raise RuntimeError(f"chromium could not print {fs.slug}: {done.stderr.strip()[-500:]}")
    return path
