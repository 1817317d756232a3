"""Per-document progress, reported to whoever listens (the CLI's progress bar), else nowhere.

Stages call `documents_found` once and `document_done` per document; the command line
installs a `ProgressSink` with `listening`. Without one (library use, deployments) the
calls do nothing: a deployment's progress is in Prefect's task runs and logs.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from pipeline.datamodel.results import DocumentResult, Status


@dataclass(frozen=True)
class DocumentDone:
    """What a progress display shows of one finished document."""

    uri: str
    status: Status
    error_code: str | None
    claims: int
    cached: bool

    @classmethod
    def of(cls, result: DocumentResult) -> DocumentDone:
        code = result.errors[0].code if result.errors else None
        return cls(result.uri, result.status, code, len(result.claims), result.cached)


class ProgressSink(Protocol):
    def found(self, total: int) -> None: ...

    def done(self, item: DocumentDone) -> None: ...


_sink: ProgressSink | None = None
_lock = threading.Lock()


@contextlib.contextmanager
def listening(sink: ProgressSink) -> Iterator[ProgressSink]:
    global _sink
    previous, _sink = _sink, sink
    try:
        yield sink
    finally:
        _sink = previous


def documents_found(total: int) -> None:
    if _sink is not None:
        with _lock:
            _sink.found(total)


def document_done(item: DocumentDone) -> None:
    if _sink is not None:
        with _lock:
            _sink.done(item)
