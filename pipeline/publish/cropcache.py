"""Report crops (and HTML contexts) kept between runs, so that an unchanged document's crops are
not drawn again.

A crop (`crops.py`) is a pure function of the source's bytes, the evidence's page, box and quote,
the crop settings and the renderer (the crop code, pypdfium2, Pillow and its WebP encoder). A
warm re-run used to spend most of its time rendering pages, drawing and encoding the same WebP
images again; with this cache it reads them back instead, and opens no PDF at all when every
crop of a document is there. The text around each HTML quote is kept the same way (the page is
then not parsed again).

One file per document, `<folder>/<doc_id>.json`, holds the key it was made under (the source's
sha256, the settings and the renderer, `document_key`) and what each piece of evidence came to
(`CropOutcome`: an image or a note), keyed by `item_key` (page, box and quote). A file under
another key (the document changed, or the renderer or settings did) is a miss as a whole; a
damaged file is a miss; only what the run showed is written back, so entries of evidence that
went away do not pile up. Failures that may be passing (a page pdfium could not render this
time) are never stored.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pydantic import Field, ValidationError

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.document import BBox
from pipeline.storage import atomic_write, to_json

__all__ = [
    "CropCache",
    "CropFile",
    "CropOutcome",
    "crop_cache_beside",
    "default_crop_cache",
    "document_key",
    "html_item_key",
    "item_key",
]

_RENDERER_MODULES = ("crops.py", "cropcache.py")
_RENDERER_PACKAGES = ("pypdfium2", "pillow")


class CropOutcome(StrictModel):
    """What one piece of evidence's view came to: for PDF evidence an image (the page region
    shown, the quote's highlighted line boxes, the WebP bytes in base64 and their size), for HTML
    evidence the text around the quote; or a note saying why not."""

    region: BBox | None = None
    marks: list[BBox] = Field(default_factory=list)
    webp: str | None = None
    width: int = 0
    height: int = 0
    context: tuple[str, str, str] | None = None  # HTML evidence: before, quote, after
    note: str | None = None


class CropFile(StrictModel):
    key: str
    crops: dict[str, CropOutcome]


@lru_cache(maxsize=1)
def renderer_fingerprint() -> str:
    """sha256 over the crop code and the versions of the libraries that render and encode."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _RENDERER_MODULES:
        digest.update(name.encode())
        digest.update((here / name).read_bytes())
    for package in _RENDERER_PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=?".encode())
    return digest.hexdigest()[:16]


def document_key(sha256: str, settings_json: str) -> str:
    """The key a document's crops are stored under: its bytes, the crop settings, the renderer.

    >>> document_key("ab", "{}") == document_key("ab", "{}") != document_key("ac", "{}")
    True
    """
    payload = f"{renderer_fingerprint()}\n{settings_json}\n{sha256}"
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


def item_key(page: int, box: BBox, quote: str) -> str:
    """One piece of evidence inside its document's file: what its crop depends on.

    >>> item_key(3, BBox.of(1, 2, 3, 4), "a quote")
    '3|1.0,2.0,3.0,4.0|a quote'
    """
    return f"{page}|{box.x0!r},{box.top!r},{box.x1!r},{box.bottom!r}|{quote}"


def html_item_key(locator: str | None, quote: str) -> str:
    """One piece of HTML evidence inside its document's file: its element and quote.

    >>> html_item_key("html/body/p[2]", "a quote")
    'html|html/body/p[2]|a quote'
    """
    return f"html|{locator or ''}|{quote}"


class CropCache:
    """Crop files in `folder` (written atomically, only when their content changed)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.json"

    def read(self, doc_id: str, key: str) -> dict[str, CropOutcome]:
        """The stored crops of this document under this key; empty on any miss."""
        path = self._path(doc_id)
        try:
            stored = CropFile.model_validate_json(path.read_bytes())
        except (OSError, ValidationError, ValueError):
            return {}
        return stored.crops if stored.key == key else {}

    def write(self, doc_id: str, key: str, crops: dict[str, CropOutcome]) -> None:
        if not crops:
            return
        ordered = dict(sorted(crops.items()))
        atomic_write(self._path(doc_id), to_json(CropFile(key=key, crops=ordered)))


def default_crop_cache(out_dir: Path) -> CropCache:
    """Beside the document cache, in the output's `.cache/` (carried over by every publish)."""
    return CropCache(out_dir / ".cache" / "crops")


def crop_cache_beside(result_cache_folder: Path) -> CropCache:
    """The crop cache of the output whose result cache is `result_cache_folder`
    (`<out>/.cache/documents` → `<out>/.cache/crops`, as `default_crop_cache`)."""
    return CropCache(result_cache_folder.parent / "crops")
