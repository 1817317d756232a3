"""Find the input documents below a raw folder, in a stable order."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.datamodel.base import stable_id
from pipeline.datamodel.results import LoadedSource, SourceRef

SUFFIXES: dict[str, str] = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}


class DiscoverError(ValueError):
    """The raw folder is missing or not a folder."""


def discover(raw_dir: Path) -> list[SourceRef]:
    """Every PDF and HTML file below `raw_dir` (hidden files and folders skipped), sorted."""
    if not raw_dir.exists():
        raise DiscoverError(f"raw folder {raw_dir} does not exist")
    if not raw_dir.is_dir():
        raise DiscoverError(f"raw folder {raw_dir} is not a folder")
    refs = []
    for path in sorted(raw_dir.rglob("*")):
        rel = path.relative_to(raw_dir)
        if any(part.startswith((".", "_")) for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() in SUFFIXES:
            refs.append(SourceRef(uri=rel.as_posix(), path=str(path)))
    return refs


def doc_id_for(uri: str) -> str:
    """A document's id: stable for its place in the raw folder (its uri)."""
    return stable_id("doc", {"uri": uri})


def media_type_of(uri: str, data: bytes) -> str | None:
    """Sniff the content first, the suffix second."""
    head = data[:1024].lstrip().lower()
    if b"%pdf-" in data[:1024].lower():
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    return SUFFIXES.get(Path(uri).suffix.lower())


def load(ref: SourceRef) -> LoadedSource:
    """Read a source's bytes (the only file I/O before publish)."""
    data = Path(ref.path).read_bytes()
    return LoadedSource(
        uri=ref.uri,
        doc_id=doc_id_for(ref.uri),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        media_type=media_type_of(ref.uri, data),
    )
