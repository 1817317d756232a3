"""A cache of per-document results, so scheduled runs skip documents that did not change.

An entry is reused only when the source's sha256 AND the extractor fingerprint
(a hash of the package's code and rule data) are the same as when it was
written: any change to the code or rules re-extracts everything. A missing,
unreadable or stale entry is simply a miss.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.results import DocumentResult, LoadedSource
from pipeline.storage import atomic_write, to_json

PACKAGE = Path(__file__).resolve().parents[1]
_SKIPPED = {"corpus", "__pycache__"}
_SUFFIXES = {".py", ".json", ".jsonl", ".txt"}
# settings that change what the extractors produce (a forced PDF profile, the optional parser)
_EXTRACTION_ENV_PREFIXES = ("CLUSTERPIPE_PDF_", "CLUSTERPIPE_NLP_")


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """sha256 over the package's code and rule data, and the extraction settings taken from the
    environment (`CLUSTERPIPE_PDF_*`, `CLUSTERPIPE_NLP_*`): changing either re-extracts."""
    digest = hashlib.sha256()
    for name in sorted(os.environ):
        if name.startswith(_EXTRACTION_ENV_PREFIXES):
            digest.update(f"{name}={os.environ[name]}\n".encode())
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        if path.is_file() and path.suffix in _SUFFIXES and not _SKIPPED.intersection(rel.parts):
            digest.update(rel.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class CacheEntry(StrictModel):
    fingerprint: str
    result: DocumentResult


class ResultCache:
    """Entries live in `<folder>/<doc_id>.json` (written atomically)."""

    def __init__(self, folder: Path, fingerprint: str | None = None) -> None:
        self.folder = folder
        self.fingerprint = fingerprint or extractor_fingerprint()

    def _path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.json"

    def get(self, source: LoadedSource) -> DocumentResult | None:
        return self.read(source.doc_id, source.sha256)

    def read(self, doc_id: str, sha256: str) -> DocumentResult | None:
        """The entry of this document id for these very bytes and this extractor, if any."""
        path = self._path(doc_id)
        if not path.is_file():
            return None
        try:
            entry = CacheEntry.model_validate_json(path.read_bytes())
        except (ValidationError, ValueError, OSError):
            return None  # a damaged entry is a miss; it is overwritten below
        if entry.fingerprint != self.fingerprint or entry.result.sha256 != sha256:
            return None
        return entry.result

    def put(self, result: DocumentResult) -> None:
        """Store a result, unless it came from here or is a resource failure (retried next run)."""
        if result.cached or is_resource_failure(result):
            return
        stored = result.model_copy(update={"seconds": 0.0})  # entries are deterministic bytes
        atomic_write(
            self._path(result.doc_id), to_json(CacheEntry(fingerprint=self.fingerprint, result=stored))
        )


RESOURCE_FAILURES = frozenset({"timeout", "memory_limit", "worker_crashed"})


def is_resource_failure(result: DocumentResult) -> bool:
    """A failure of this run's resources (deadline, memory, a killed worker), not of the document:
    never cached, so a later run (maybe with more time or memory) retries it."""
    return any(e.code in RESOURCE_FAILURES or "MemoryError" in e.message for e in result.errors)


def process_cached(source: LoadedSource, cache: ResultCache | None) -> DocumentResult:
    """`process`, unless the cache holds this very source for this very extractor."""
    from pipeline.stages.process import process

    if cache is not None and (hit := cache.get(source)) is not None:
        return hit.model_copy(update={"cached": True})
    result = process(source)
    if cache is not None:
        cache.put(result)
    return result


def default_cache(out_dir: Path) -> ResultCache:
    return ResultCache(out_dir / ".cache" / "documents")
