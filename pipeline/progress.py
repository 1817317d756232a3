"""Per-document progress, reported to whoever listens (the CLI's progress bar), else nowhere.

Stages call `documents_found` once and `document_done` per document; the command line
installs a `ProgressSink` with `listening`. Without one (library use, deployments) the
calls do nothing: a deployment's progress is in Prefect's task runs and logs.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Protocol

from pipeline.datamodel.results import DocumentResult


class ProgressSink(Protocol):
    def found(self, total: int) -> None: ...

    def done(self, result: DocumentResult) -> None: ...


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


def document_done(result: DocumentResult) -> None:
    if _sink is not None:
        with _lock:
            _sink.done(result)
