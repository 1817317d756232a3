"""Page crops and HTML context for the report's evidence; a bad source gives a note, never a crash."""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from pipeline.datamodel.claims import Evidence
from pipeline.datamodel.document import BBox
from pipeline.publish.crops import (
    CropSettings,
    SourceFile,
    build_evidence_media,
    crop_region,
    html_context,
    source_link,
    text_fragment,
)
from tests.conftest import RAW

PDF = "factsheets/eccp-factsheet-be-2023-reportlab.pdf"
HTML = "press/luxembourg-lu-creative-industries-cluster.html"
QUOTE = "From 2007 onwards, the Business and Competitive Cluster policies was initiated."


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pdf_evidence(uri: str = PDF, page: int = 15, quote: str = QUOTE) -> Evidence:
    """Evidence whose box is the paragraph holding the quote, as pdfplumber sees it."""
    with pdfplumber.open(RAW / uri) as pdf:
        words = pdf.pages[page - 1].extract_words()
    first = next(i for i, w in enumerate(words) if w["text"] == "From" and words[i + 1]["text"] == "2007")
    para = [w for w in words if abs(w["top"] - words[first]["top"]) < 40]
    box = BBox.of(
        min(w["x0"] for w in para),
        min(w["top"] for w in para),
        max(w["x1"] for w in para),
        max(w["bottom"] for w in para),
    )
    return Evidence(doc_id="doc-be", uri=uri, page=page, bbox=box, quote=quote, method="nlp.event")


def _media(raw: Path, ev: Evidence, sha: str | None = None):  # type: ignore[no-untyped-def]
    source = SourceFile(doc_id=ev.doc_id, uri=ev.uri, sha256=sha if sha is not None else _sha(RAW / ev.uri))
    return build_evidence_media([ev], {ev.doc_id: source}, raw, raw.parent / "extracted")


def test_crop_shows_the_box_the_quote_and_a_link_to_the_page() -> None:
    ev = _pdf_evidence()
    media = _media(RAW, ev)
    view = media.view(ev)
    assert view is not None and view.note is None and view.image is not None
    assert view.link == "../raw/" + PDF + "#page=15"
    region = view.image.region
    assert region.x0 <= ev.bbox.x0 and region.x1 >= ev.bbox.x1  # type: ignore[union-attr]
    assert region.top <= ev.bbox.top - 10 and region.bottom >= ev.bbox.bottom + 10  # type: ignore[union-attr]
    assert view.image.data_uri.startswith("data:image/webp;base64,")
    with Image.open(io.BytesIO(base64.b64decode(view.image.data_uri.split(",", 1)[1]))) as image:
        assert image.size == (view.image.width, view.image.height)
        assert image.width == CropSettings().max_width_px
        # the quote is highlighted in yellow somewhere in the crop
        rgb = image.convert("RGB").tobytes()
        pixels = zip(rgb[0::3], rgb[1::3], rgb[2::3], strict=True)
        yellow = sum(1 for r, g, b in pixels if r > 230 and g > 200 and b < 190)
        assert yellow > 500


def test_identical_crops_are_embedded_once() -> None:
    ev = _pdf_evidence()
    twin = ev.model_copy(update={"method": "another.method"})
    sha = _sha(RAW / PDF)
    media = build_evidence_media(
        [ev, twin], {"doc-be": SourceFile(doc_id="doc-be", uri=PDF, sha256=sha)}, RAW, RAW.parent / "x"
    )
    assert len(media.images) == 1
    assert media.view(ev).image is media.view(twin).image  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("damage", "note"),
    [
        ("missing", "source file not found"),
        ("changed", "source file changed since it was read"),
        ("garbage", "source PDF cannot be rendered"),
    ],
)
def test_a_missing_or_changed_source_gives_a_note_not_a_crash(tmp_path: Path, damage: str, note: str) -> None:
    raw = tmp_path / "raw"
    (raw / "factsheets").mkdir(parents=True)
    ev = _pdf_evidence()
    target = raw / PDF
    sha = _sha(RAW / PDF)
    if damage == "changed":
        shutil.copy(RAW / PDF, target)
        with target.open("ab") as handle:
            handle.write(b"\n% edited\n")
    elif damage == "garbage":
        target.write_bytes(b"%PDF-1.4\nnot really a pdf")
        sha = _sha(target)
    view = _media(raw, ev, sha).view(ev)
    assert view is not None and view.image is None
    assert view.note is not None and view.note.startswith(note)
    assert view.link == "../raw/" + PDF + "#page=15"


def test_an_empty_source_gives_a_note(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    ev = Evidence(doc_id="d", uri="empty.html", locator="html/body/p", quote="x", method="m")
    source = SourceFile(doc_id="d", uri="empty.html", sha256=hashlib.sha256(b"").hexdigest())
    view = build_evidence_media([ev], {"d": source}, tmp_path, tmp_path / "out").view(ev)
    assert view is not None and view.note == "source unreadable (empty document: no bytes to parse)"


def test_page_outside_the_document_gives_a_note() -> None:
    ev = _pdf_evidence().model_copy(update={"page": 99})
    view = _media(RAW, ev).view(ev)
    assert view is not None and (view.image, view.note) == (None, "page 99 is not in the source")


def test_a_box_outside_the_page_gives_a_note() -> None:
    ev = _pdf_evidence().model_copy(update={"bbox": BBox.of(700, 900, 760, 950)})
    view = _media(RAW, ev).view(ev)
    assert view is not None and (view.image, view.note) == (None, "the value's box lies outside the page")


def test_html_evidence_gets_its_context_with_the_quote_marked() -> None:
    quote = "In this context, the Luxembourg Cluster Initiative was launched in 2002"
    ev = Evidence(
        doc_id="doc-lu", uri=HTML, locator="html/body/main/article/div/p[3]#c1-2", quote=quote, method="m"
    )
    view = _media(RAW, ev).view(ev)
    assert view is not None and view.context is not None and view.note is None
    assert view.context.quote == quote
    assert view.context.before.endswith("for the sustainable development of the country's economy. ")
    assert view.context.after.startswith(" as a key element of national policy")
    assert view.link == "../raw/" + HTML + "#:~:text=In%20this%20context%2C%20the,launched%20in%202002"


def test_html_quote_no_longer_in_the_source_gives_a_note() -> None:
    ev = Evidence(
        doc_id="doc-lu", uri=HTML, locator="html/body/p", quote="a sentence that is not there", method="m"
    )
    view = _media(RAW, ev).view(ev)
    assert view is not None and view.context is None
    assert view.note == "quote not found in the source as it is now"


def test_remote_sources_link_to_their_url() -> None:
    ev = Evidence(
        doc_id="d", uri="https://example.org/news?id=1", locator="html/body/p", quote="x y", method="m"
    )
    media = build_evidence_media([ev], {}, RAW, RAW.parent / "extracted")
    view = media.view(ev)
    assert view is not None and view.link == "https://example.org/news?id=1#:~:text=x%20y"
    assert view.note == "remote source: open the link"


def test_without_a_raw_folder_there_is_no_image_and_no_note() -> None:
    ev = _pdf_evidence()
    source = SourceFile(doc_id=ev.doc_id, uri=ev.uri, sha256=_sha(RAW / ev.uri))
    view = build_evidence_media([ev], {ev.doc_id: source}, None, RAW.parent / "out").view(ev)
    assert view is not None and (view.image, view.link, view.note) == (None, None, None)


def test_crop_region_spans_the_text_column_and_cuts_tall_boxes_around_the_quote() -> None:
    s = CropSettings()
    column = BBox.of(40, 30, 555, 800)
    cell = crop_region(BBox.of(237, 160, 260, 169), 595, 842, column, s)
    assert (cell.x0, cell.x1, cell.top, cell.bottom) == (34.0, 561.0, 146.0, 183.0)
    tall = crop_region(BBox.of(50, 100, 500, 700), 595, 842, column, s, focus=BBox.of(60, 500, 400, 510))
    assert tall.bottom - tall.top == s.max_height_pt
    assert tall.top < 500 and tall.bottom > 510
    edge = crop_region(BBox.of(0, 2, 595, 10), 595, 842, None, s)
    assert (edge.x0, edge.top, edge.x1) == (0.0, 0.0, 595.0)


@pytest.mark.parametrize(
    ("quote", "fragment"),
    [
        ("2002", "#:~:text=2002"),
        ("Wallonia-Brussels 2005", "#:~:text=Wallonia%2DBrussels%202005"),
        (
            "one two three four five six seven eight nine",
            "#:~:text=one%20two%20three%20four,seven%20eight%20nine",
        ),
    ],
)
def test_text_fragment(quote: str, fragment: str) -> None:
    assert text_fragment(quote) == fragment


def test_source_link_is_relative_and_escaped(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "runs" / "out"
    assert source_link('press/a "b" <c>.html', raw, out) == "../../raw/press/a%20%22b%22%20%3Cc%3E.html"
    assert source_link("a.pdf", None, out) is None


def test_html_context_cuts_at_words_and_returns_none_when_absent() -> None:
    text = "alpha beta gamma delta. The quote is here. epsilon zeta eta theta"
    found = html_context(text, "The quote is here.", chars=12)
    assert found is not None
    assert (found.before, found.after) == ("…delta. ", " epsilon…")
    assert html_context(text, "absent words") is None
