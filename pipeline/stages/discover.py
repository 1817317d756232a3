"""Find the input documents below a raw folder, in a stable order."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx

from pipeline.datamodel.base import stable_id
from pipeline.datamodel.results import DocumentResult, LoadedSource, SourceRef, StageError, Status
from pipeline.stages.fetch import SOURCES_FILE, FetchError, SourcesListError, fetch_url, read_sources_list

SUFFIXES: dict[str, str] = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}


class DiscoverError(ValueError):
    """The raw folder is missing or not a folder."""


def discover(raw_dir: Path) -> list[SourceRef]:
    """Every PDF and HTML file below `raw_dir` (hidden and `_` folders skipped), sorted,
    then the URLs listed in `raw_dir/sources.txt`, in their order."""
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
    listed = raw_dir / SOURCES_FILE
    if listed.is_file():
        try:
            refs.extend(SourceRef(uri=url) for url in read_sources_list(listed))
        except SourcesListError as exc:
            raise DiscoverError(str(exc)) from exc
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


def load(ref: SourceRef, client: httpx.Client | None = None) -> LoadedSource:
    """Read a file's bytes or fetch a listed URL (the only I/O before publish).

    Raises `FetchError` (an OSError) when a URL cannot be fetched, OSError when a file cannot be read.
    """
    data = Path(ref.path).read_bytes() if ref.path is not None else fetch_url(ref.uri, client=client)
    return LoadedSource(
        uri=ref.uri,
        doc_id=doc_id_for(ref.uri),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        media_type=media_type_of(ref.uri, data),
    )


def load_failed(ref: SourceRef, exc: OSError) -> DocumentResult:
    """The record of a source that could not be read or fetched (after any retries)."""
    code = exc.code if isinstance(exc, FetchError) else "unreadable"
    return DocumentResult(
        uri=ref.uri,
        doc_id=doc_id_for(ref.uri),
        sha256="",
        media_type=None,
        status=Status.QUARANTINED,
        errors=[StageError(stage="load", code=code, message=str(exc))],
    )
