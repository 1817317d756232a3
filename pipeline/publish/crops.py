"""Evidence as the reviewer would see it in the source: page crops for PDF, context for HTML.

The report embeds, for every piece of PDF evidence it shows, a crop of the page
region around the evidence's bounding box (the box outlined, the quote's words
highlighted when they can be found inside it, a little context around), and for
HTML evidence the text around the quote with the quote marked. Each also gets a
link that opens the source: the PDF at its page (`…/raw/x.pdf#page=7`), the
page at the quote (a text fragment `#:~:text=…`).

Design choices:

- Rendering reads the raw files at publish time (the parsed `Document` is not
  kept after extraction). A file that is missing, unreadable, or whose sha256
  no longer matches the one the claims were read from gets no crop but a note
  saying why; nothing here raises for a bad source.
- pypdfium2 renders (it ships with pdfplumber, is fast and has a text search
  that matches across line breaks, which locates the quote inside a paragraph
  box). Each page is rendered once, every crop of it cut from that bitmap.
- Crops span the page's text column (so a table cell keeps its row label),
  are encoded as WebP and deduplicated by content: the report carries each
  distinct image once (as an SVG symbol) however often it is shown.
- Crops are kept between runs (`cropcache.py`, in the output's `.cache/crops/`), keyed by
  the source's sha256, the settings and the renderer, so a re-run reads an unchanged
  document's crops back instead of rendering and encoding them again (same bytes).
- Pure helpers (`crop_region`, `text_fragment`, `html_context`…) are separate
  from the I/O so that they can be tested without files.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote as url_quote

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageOps
from pydantic import Field
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.claims import Evidence
from pipeline.datamodel.document import BBox, normalise_space
from pipeline.publish.cropcache import CropCache, CropOutcome, document_key, html_item_key, item_key

__all__ = [
    "CropSettings",
    "EvidenceMedia",
    "EvidenceView",
    "HtmlContext",
    "PageImage",
    "SourceFile",
    "build_evidence_media",
    "crop_region",
    "evidence_key",
    "html_context",
    "prepare_document_media",
    "source_link",
    "text_fragment",
]

DEFAULT_RENDER_SCALE = 2.0  # pixels per PDF point for the page bitmap (crops are scaled down from it)
DEFAULT_MAX_PAGE_PIXELS = 8_000_000  # a poster-sized page is rendered at a lower scale (memory)
DEFAULT_MAX_WIDTH_PX = 600  # width of a full-column crop (the sample report stays near 4 MB)
DEFAULT_CONTEXT_PT = 14.0  # context above and below the evidence box
DEFAULT_SIDE_PAD_PT = 6.0
DEFAULT_MAX_HEIGHT_PT = 220.0  # taller boxes are cut around the quote
DEFAULT_WEBP_QUALITY = 45
# libwebp's effort (0 fast … 6 slow): 2 encodes the crops about a third faster than Pillow's
# default 4, for files about 3 % larger at the same quality (measured on the 452 crops of the
# sample and robustness PDFs: 3.29 MB against 3.19 MB; mean pixel difference 3/255)
DEFAULT_WEBP_METHOD = 2
DEFAULT_CONTEXT_CHARS = 180  # HTML: characters of context on each side of the quote
OUTLINE_RGBA = (31, 95, 168, 255)
HIGHLIGHT_RGBA = (255, 214, 0, 90)


class CropSettings(StrictModel):
    render_scale: float = DEFAULT_RENDER_SCALE
    max_page_pixels: int = DEFAULT_MAX_PAGE_PIXELS
    max_width_px: int = DEFAULT_MAX_WIDTH_PX
    context_pt: float = DEFAULT_CONTEXT_PT
    side_pad_pt: float = DEFAULT_SIDE_PAD_PT
    max_height_pt: float = DEFAULT_MAX_HEIGHT_PT
    webp_quality: int = DEFAULT_WEBP_QUALITY
    webp_method: int = Field(default=DEFAULT_WEBP_METHOD, ge=0, le=6)
    context_chars: int = DEFAULT_CONTEXT_CHARS


class SourceFile(StrictModel):
    """What publish knows about one source: where it was read from and its bytes' hash."""

    doc_id: str
    uri: str
    sha256: str


@dataclass(frozen=True)
class PageImage:
    """One distinct crop, embedded once in the report."""

    id: str
    data_uri: str
    width: int
    height: int
    region: BBox  # the page region shown, in PDF points (top-left origin)
    page: int


@dataclass(frozen=True)
class HtmlContext:
    before: str
    quote: str
    after: str


@dataclass(frozen=True)
class EvidenceView:
    link: str | None = None
    image: PageImage | None = None
    context: HtmlContext | None = None
    note: str | None = None


@dataclass
class EvidenceMedia:
    """Views keyed by `evidence_key`, and every distinct image in a stable order."""

    views: dict[str, EvidenceView] = field(default_factory=dict)
    images: list[PageImage] = field(default_factory=list)

    def view(self, ev: Evidence) -> EvidenceView | None:
        return self.views.get(evidence_key(ev))


# ---------------------------------------------------------------- pure helpers


def evidence_key(ev: Evidence) -> str:
    """A short stable key of one piece of evidence (for the template to look its view up)."""
    return hashlib.sha256(ev.model_dump_json().encode("utf-8")).hexdigest()[:16]


def is_remote(uri: str) -> bool:
    return uri.startswith(("http://", "https://"))


def source_link(uri: str, raw_dir: Path | None, out_dir: Path) -> str | None:
    """The link from the report (in `out_dir`) to a source: its URL, or the relative file path.

    >>> source_link("https://example.org/a.html", None, Path("out"))
    'https://example.org/a.html'
    >>> source_link("factsheets/a b.pdf", Path("/w/raw"), Path("/w/extracted"))
    '../raw/factsheets/a%20b.pdf'
    """
    if is_remote(uri):
        return uri
    if raw_dir is None:
        return None
    rel = os.path.relpath(Path(os.path.abspath(raw_dir)) / uri, os.path.abspath(out_dir))
    return url_quote(Path(rel).as_posix(), safe="/.-_~")


def page_fragment(page: int | None) -> str:
    return f"#page={page}" if page is not None else ""


def text_fragment(quote: str, words: int = 4) -> str:
    """A URL text fragment that scrolls a browser to the quote and marks it.

    >>> text_fragment("Launched in 2017, the Creative Industries Cluster brings together")
    '#:~:text=Launched%20in%202017%2C%20the,Cluster%20brings%20together'
    """
    parts = normalise_space(quote).split(" ")
    if not parts or parts == [""]:
        return ""

    def enc(ws: Sequence[str]) -> str:
        return url_quote(" ".join(ws), safe="").replace("-", "%2D")

    if len(parts) <= 2 * words:
        return "#:~:text=" + enc(parts)
    return f"#:~:text={enc(parts[:words])},{enc(parts[-3:])}"


def crop_region(
    box: BBox,
    page_width: float,
    page_height: float,
    column: BBox | None,
    settings: CropSettings,
    focus: BBox | None = None,
) -> BBox:
    """The page region to show around `box`: the text column's width, `context_pt` above and below.

    A box taller than `max_height_pt` is cut around `focus` (the quote), or its top.

    >>> s = CropSettings()
    >>> crop_region(BBox.of(237, 160, 260, 169), 595, 842, BBox.of(40, 30, 555, 800), s)
    BBox(x0=34.0, top=146.0, x1=561.0, bottom=183.0)
    """
    x0 = min(box.x0, column.x0 if column else box.x0) - settings.side_pad_pt
    x1 = max(box.x1, column.x1 if column else box.x1) + settings.side_pad_pt
    top, bottom = box.top - settings.context_pt, box.bottom + settings.context_pt
    if bottom - top > settings.max_height_pt:
        centre = (focus.top + focus.bottom) / 2 if focus else box.top + settings.max_height_pt / 2
        top = max(top, centre - settings.max_height_pt / 2)
        bottom = top + settings.max_height_pt
    return BBox.of(max(0.0, x0), max(0.0, top), min(page_width, x1), min(page_height, bottom))


def html_context(text: str, quote: str, chars: int = DEFAULT_CONTEXT_CHARS) -> HtmlContext | None:
    """The quote inside `text` (both whitespace-normalised) with up to `chars` on each side,
    cut at word boundaries; None when the quote is not there.

    >>> html_context("Intro. In 2016 the cluster was created. More text follows.", "In 2016 the cluster", 12)
    HtmlContext(before='Intro. ', quote='In 2016 the cluster', after=' was…')
    """
    hay, needle = normalise_space(text), normalise_space(quote)
    at = hay.find(needle) if needle else -1
    if at < 0:
        return None
    before, after = hay[:at], hay[at + len(needle) :]
    if len(before) > chars:
        cut = before[-chars:]
        whole = before[-chars - 1] == " "
        before = "…" + (cut if whole or " " not in cut[:-1] else cut[cut.index(" ") + 1 :])
    if len(after) > chars:
        cut = after[:chars]
        whole = after[chars] == " "
        after = (cut if whole or " " not in cut[1:] else cut[: cut.rindex(" ")]) + "…"
    return HtmlContext(before=before, quote=needle, after=after)


def _contains(outer: BBox, inner: BBox, slack: float = 2.0) -> bool:
    return (
        inner.x0 >= outer.x0 - slack
        and inner.x1 <= outer.x1 + slack
        and inner.top >= outer.top - slack
        and inner.bottom <= outer.bottom + slack
    )


# ---------------------------------------------------------------- PDF


@dataclass
class _PdfPage:
    width: float
    height: float
    bitmap: Image.Image
    column: BBox | None
    textpage: pdfium.PdfTextPage
    scale: float  # pixels per point of `bitmap`
    handle: pdfium.PdfPage


def _column_of(bitmap: Image.Image, scale: float) -> BBox | None:
    """The bounding box of everything inked on the page (its text column and furniture)."""
    box = ImageOps.invert(bitmap.convert("L")).point(lambda v: 255 if v > 24 else 0).getbbox()
    if box is None:
        return None
    return BBox.of(box[0] / scale, box[1] / scale, box[2] / scale, box[3] / scale)


def _quote_boxes(page: _PdfPage, quote: str, within: BBox) -> list[BBox]:
    """The line boxes of the first occurrence of `quote` inside `within` (pdfium's search
    matches across line breaks); empty when it is not found there."""
    needle = normalise_space(quote)
    if not needle:
        return []
    searcher = page.textpage.search(needle, match_case=True, match_whole_word=False)
    try:
        while (found := searcher.get_next()) is not None:
            index, count = found
            boxes = []
            for i in range(page.textpage.count_rects(index, count)):
                left, bottom, right, top = page.textpage.get_rect(i)
                boxes.append(BBox.of(left, page.height - top, right, page.height - bottom))
            if boxes and all(_contains(within, b, slack=3.0) for b in boxes):
                return boxes
    finally:
        searcher.close()
    return []


def _union(boxes: Sequence[BBox]) -> BBox | None:
    if not boxes:
        return None
    out = boxes[0]
    for b in boxes[1:]:
        out = out.union(b)
    return out


def _draw(
    page: _PdfPage, region: BBox, box: BBox, marks: Sequence[BBox], settings: CropSettings
) -> Image.Image:
    s = page.scale

    def px(b: BBox) -> tuple[float, float, float, float]:
        return (
            (b.x0 - region.x0) * s,
            (b.top - region.top) * s,
            (b.x1 - region.x0) * s,
            (b.bottom - region.top) * s,
        )

    crop = page.bitmap.crop(
        (round(region.x0 * s), round(region.top * s), round(region.x1 * s), round(region.bottom * s))
    ).convert("RGBA")
    overlay = Image.new("RGBA", crop.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for mark in marks:
        draw.rectangle(px(mark), fill=HIGHLIGHT_RGBA)
    x0, y0, x1, y1 = px(box)
    pad = 2 * s
    draw.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), outline=OUTLINE_RGBA, width=max(2, round(s)))
    image = Image.alpha_composite(crop, overlay).convert("RGB")
    width = min(settings.max_width_px, round(region.x1 - region.x0) * 2)
    if image.width > width:
        image = image.resize((width, max(1, round(image.height * width / image.width))), Image.LANCZOS)
    return image


def _encode(image: Image.Image, quality: int, method: int = DEFAULT_WEBP_METHOD) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="WEBP", quality=quality, method=method)
    return buf.getvalue()


class _PdfSource:
    """One open PDF; pages are rendered on first use and kept for the other crops of that page."""

    def __init__(self, data: bytes, settings: CropSettings) -> None:
        self.pdf = pdfium.PdfDocument(data)
        self.settings = settings
        self.pages: dict[int, _PdfPage] = {}

    def page(self, number: int) -> _PdfPage | None:
        """The rendered page; only the last one is kept (evidence comes sorted by page)."""
        if number < 1 or number > len(self.pdf):
            return None
        if number not in self.pages:
            self.close_pages()
            page = self.pdf[number - 1]
            width, height = page.get_size()
            scale = min(
                self.settings.render_scale, (self.settings.max_page_pixels / max(1.0, width * height)) ** 0.5
            )
            bitmap = page.render(scale=scale).to_pil()  # an RGB copy of pdfium's BGR buffer
            if bitmap.mode != "RGB":
                bitmap = bitmap.convert("RGB")
            self.pages[number] = _PdfPage(
                width, height, bitmap, _column_of(bitmap, scale), page.get_textpage(), scale, page
            )
        return self.pages[number]

    def close_pages(self) -> None:
        for page in self.pages.values():
            page.textpage.close()
            page.handle.close()
        self.pages.clear()

    def close(self) -> None:
        self.close_pages()
        self.pdf.close()


# ---------------------------------------------------------------- HTML


_STEP = re.compile(r"^([a-z0-9:-]+)(?:\[(\d+)\])?$", re.IGNORECASE)


def _element_at(tree: LexborHTMLParser, locator: str) -> LexborNode | None:
    """Follow an element path such as `html/body/main/article/div/p[1]` (the HTML backend's
    locators; `[n]` counts same-tag siblings from 1, a trailing `text()[n]` is ignored)."""
    path = locator.split("#", 1)[0]
    steps = [s for s in path.split("/") if s and not s.startswith("text()")]
    if not steps:
        return None
    node: LexborNode | None = tree.root
    first = _STEP.match(steps[0])
    if node is None or first is None or node.tag != first.group(1).lower():
        return None
    for step in steps[1:]:
        match = _STEP.match(step)
        if match is None or node is None:
            return None
        tag, index = match.group(1).lower(), int(match.group(2) or 1)
        same = [c for c in node.iter(include_text=False) if c.tag == tag]
        node = same[index - 1] if 0 < index <= len(same) else None
    return node


def _html_view(tree: LexborHTMLParser, ev: Evidence, chars: int) -> HtmlContext | None:
    node = _element_at(tree, ev.locator) if ev.locator else None
    if node is not None:
        found = html_context(node.text(separator=" "), ev.quote, chars)
        if found is not None:
            return found
    body = tree.body
    return html_context(body.text(separator=" "), ev.quote, chars) if body is not None else None


# ---------------------------------------------------------------- everything


def _file_problem(path: Path, expected_sha: str) -> tuple[bytes | None, str | None]:
    if not path.is_file():
        return None, f"source file not found ({path.name}); no page image"
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"source file unreadable ({exc.strerror or exc}); no page image"
    if expected_sha and hashlib.sha256(data).hexdigest() != expected_sha:
        return None, "source file changed since it was read; no page image (rerun to refresh)"
    return data, None


def build_evidence_media(
    evidence: Iterable[Evidence],
    sources: Mapping[str, SourceFile],
    raw_dir: Path | None,
    out_dir: Path,
    settings: CropSettings | None = None,
    cache: CropCache | None = None,
) -> EvidenceMedia:
    """Crops, contexts and links for every piece of evidence (deterministic; never raises for a
    bad source: the view then carries a note). With a `cache`, the crops of a document whose
    bytes, settings and renderer are unchanged are read back instead of drawn (`cropcache`)."""
    settings = settings or CropSettings()
    media = EvidenceMedia()
    by_doc: dict[str, list[Evidence]] = defaultdict(list)
    for ev in evidence:
        if evidence_key(ev) not in media.views:
            media.views[evidence_key(ev)] = EvidenceView()  # placeholder, replaced below
            by_doc[ev.doc_id].append(ev)
    images: dict[str, PageImage] = {}
    for doc_id in sorted(by_doc):
        items = sorted(by_doc[doc_id], key=lambda e: (e.page or 0, evidence_key(e)))
        source = sources.get(doc_id)
        uri = source.uri if source else items[0].uri
        base = source_link(uri, raw_dir, out_dir)
        if is_remote(uri) or raw_dir is None or source is None:
            for ev in items:
                media.views[evidence_key(ev)] = _link_only(ev, base, _unavailable(uri, raw_dir))
            continue
        data, problem = _file_problem(Path(raw_dir) / uri, source.sha256)
        if data is None:
            for ev in items:
                media.views[evidence_key(ev)] = _link_only(ev, base, problem)
            continue
        _source_views(doc_id, source.sha256, data, items, base, settings, media, images, cache)
    media.images = sorted(images.values(), key=lambda i: i.id)
    return media


def prepare_document_media(
    source: SourceFile,
    data: bytes,
    evidence: Iterable[Evidence],
    cache: CropCache,
    settings: CropSettings | None = None,
) -> None:
    """Draw one document's crops (or find its HTML contexts) into `cache` ahead of publish: a
    worker that has just extracted the document calls it, so crops are made in parallel with
    the other documents' parsing and publish reads them back. The same views as
    `build_evidence_media` (what cannot be drawn is left to publish, which records why)."""
    if is_remote(source.uri):
        return  # publish links remote sources, it draws nothing for them
    settings = settings or CropSettings()
    unique: dict[str, Evidence] = {}
    for ev in evidence:
        if ev.doc_id == source.doc_id:
            unique.setdefault(evidence_key(ev), ev)
    if not unique:
        return
    items = sorted(unique.values(), key=lambda e: (e.page or 0, evidence_key(e)))
    _source_views(source.doc_id, source.sha256, data, items, None, settings, EvidenceMedia(), {}, cache)


def _source_views(
    doc_id: str,
    sha256: str,
    data: bytes,
    items: Sequence[Evidence],
    base: str | None,
    settings: CropSettings,
    media: EvidenceMedia,
    images: dict[str, PageImage],
    cache: CropCache | None,
) -> None:
    """The views of one readable source's evidence, through the cache when there is one."""
    key = document_key(sha256, settings.model_dump_json())
    known = cache.read(doc_id, key) if cache is not None else {}
    if data[:1024].lower().find(b"%pdf-") >= 0:
        shown = _pdf_views(data, items, base, settings, media, images, known)
    else:
        shown = _html_views(data, items, base, settings, media, known)
    if cache is not None and shown.keys() != known.keys():
        cache.write(doc_id, key, shown)


def _html_views(
    data: bytes,
    items: Sequence[Evidence],
    base: str | None,
    settings: CropSettings,
    media: EvidenceMedia,
    known: Mapping[str, CropOutcome],
) -> dict[str, CropOutcome]:
    """The context of every piece of evidence of one HTML source: from `known` (a cache), else
    from the page, parsed once (and only when one is missing). Returns every context shown."""
    from pipeline.backend.html import decode_html

    shown: dict[str, CropOutcome] = {}
    tree: LexborHTMLParser | None = None
    unreadable = None
    if any(html_item_key(ev.locator, ev.quote) not in known for ev in items):
        try:
            tree = LexborHTMLParser(decode_html(data))
        except ValueError as exc:  # HtmlParseError: empty, undecodable…
            unreadable = f"source unreadable ({exc})"
    for ev in items:
        link = (base + text_fragment(ev.quote)) if base else None
        key = html_item_key(ev.locator, ev.quote)
        found = shown.get(key) or known.get(key)
        if found is None:
            if tree is None:
                media.views[evidence_key(ev)] = EvidenceView(link=link, note=unreadable)
                continue
            context = _html_view(tree, ev, settings.context_chars)
            found = CropOutcome(
                context=(context.before, context.quote, context.after) if context else None,
                note=None if context else "quote not found in the source as it is now",
            )
        shown[key] = found
        media.views[evidence_key(ev)] = EvidenceView(
            link=link,
            context=HtmlContext(*found.context) if found.context else None,
            note=found.note,
        )
    return shown


def _add_image(images: dict[str, PageImage], crop: CropOutcome, page: int) -> PageImage:
    """Register one crop's image (once per content: the first region shown wins) and return it."""
    assert crop.webp is not None and crop.region is not None
    image_id = "crop-" + hashlib.sha256(base64.b64decode(crop.webp)).hexdigest()[:12]
    if image_id not in images:
        images[image_id] = PageImage(
            id=image_id,
            data_uri="data:image/webp;base64," + crop.webp,
            width=crop.width,
            height=crop.height,
            region=crop.region,
            page=page,
        )
    return images[image_id]


def _unavailable(uri: str, raw_dir: Path | None) -> str | None:
    """Why a source is not read at publish time (None: nothing worth saying per evidence)."""
    if is_remote(uri):
        return "remote source: open the link"  # not fetched a second time
    if raw_dir is None:
        return None  # the caller gave no raw folder: no crops at all
    return "source not among this run's documents; no page image"  # no sha256 to check it against


def _link_only(ev: Evidence, base: str | None, note: str | None) -> EvidenceView:
    if base is None:
        return EvidenceView(note=note)
    suffix = page_fragment(ev.page) if ev.page is not None else text_fragment(ev.quote)
    return EvidenceView(link=base + suffix, note=note)


def _pdf_views(
    data: bytes,
    items: Sequence[Evidence],
    base: str | None,
    settings: CropSettings,
    media: EvidenceMedia,
    images: dict[str, PageImage],
    known: Mapping[str, CropOutcome],
) -> dict[str, CropOutcome]:
    """The views of one PDF source's evidence; crops in `known` (a cache) are not drawn again,
    and the PDF is opened only when one is missing. Returns every crop shown (for the cache)."""
    shown: dict[str, CropOutcome] = {}
    boxed = [ev for ev in items if ev.page is not None and ev.bbox is not None]
    pdf: _PdfSource | None = None
    if any(item_key(ev.page, ev.bbox, ev.quote) not in known for ev in boxed):  # type: ignore[arg-type]
        try:
            pdf = _PdfSource(data, settings)
        except pdfium.PdfiumError as exc:
            for ev in items:
                media.views[evidence_key(ev)] = _link_only(ev, base, f"source PDF cannot be rendered ({exc})")
            return shown
    drawn: dict[str, CropOutcome] = {}  # what was drawn → its crop (identical crops are encoded once)
    try:
        for ev in items:
            link = (base + page_fragment(ev.page)) if base else None
            if ev.page is None or ev.bbox is None:
                media.views[evidence_key(ev)] = EvidenceView(link=link, note="no bounding box for this value")
                continue
            key = item_key(ev.page, ev.bbox, ev.quote)
            crop = shown.get(key) or known.get(key)
            if crop is None:
                assert pdf is not None
                try:
                    crop = _crop(pdf, ev, settings, drawn)
                except (pdfium.PdfiumError, OSError, ValueError) as exc:  # a page pdfium cannot render
                    note = f"page {ev.page} cannot be rendered ({exc}); no page image"
                    media.views[evidence_key(ev)] = EvidenceView(link=link, note=note)
                    continue
            shown[key] = crop
            if crop.note is not None:
                media.views[evidence_key(ev)] = EvidenceView(link=link, note=crop.note)
            else:
                media.views[evidence_key(ev)] = EvidenceView(
                    link=link, image=_add_image(images, crop, ev.page)
                )
    finally:
        if pdf is not None:
            pdf.close()
    return shown


def _crop(
    pdf: _PdfSource, ev: Evidence, settings: CropSettings, drawn: dict[str, CropOutcome]
) -> CropOutcome:
    """Draw and encode the crop of one piece of evidence (with a page and a box), or say why not."""
    assert ev.page is not None and ev.bbox is not None
    page = pdf.page(ev.page)
    if page is None:
        return CropOutcome(note=f"page {ev.page} is not in the source")
    marks = _quote_boxes(page, ev.quote, ev.bbox)
    region = crop_region(ev.bbox, page.width, page.height, page.column, settings, _union(marks))
    if region.x1 - region.x0 < 1 or region.bottom - region.top < 1:
        return CropOutcome(note="the value's box lies outside the page")
    what = repr((ev.page, region, ev.bbox, marks))
    if what not in drawn:
        image = _draw(page, region, ev.bbox, marks, settings)
        encoded = _encode(image, settings.webp_quality, settings.webp_method)
        width, height = image.size  # what was encoded (WebP keeps the size)
        drawn[what] = CropOutcome(
            region=region,
            marks=marks,
            webp=base64.b64encode(encoded).decode("ascii"),
            width=width,
            height=height,
        )
    return drawn[what]
