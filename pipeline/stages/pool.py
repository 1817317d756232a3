"""Load + parse + extract in a pool of killable worker processes.

Why processes: parsing is pure-Python pdfminer work, so threads share one core (the GIL), and a
synchronous parse in a thread cannot be stopped: a PDF whose MediaBox is a self-referencing
object loops forever, a Flate bomb grows to gigabytes. Here every document runs in a worker
process with a wall-clock deadline and a memory cap; a worker past either is killed (SIGKILL),
replaced, and its document recorded as quarantined with code `timeout` or `memory_limit`, while
the run goes on.

- Workers are sized to the cores and reused between documents; each imports the extractors and
  builds the spaCy pipeline once (warm-up before it takes its first document). On POSIX they are
  forked from a `forkserver` that has already imported them and built the spaCy pipeline
  (`pipeline.stages.forkwarm`), so a worker is ready at once, the pipeline is built once per run
  rather than once per worker, and replacing a killed worker is cheap.
- Largest documents first (`largest_first`, by size in bytes): a run's wall time is the busiest
  worker's, and a large document taken last would keep one worker busy while the others idle.
  Results still come back in the order the documents were given.
- The memory cap is enforced by the parent, polling each busy worker's resident set size (RSS)
  with psutil every `poll_seconds`; measured on a 1 GiB Flate bomb of zeros, pdfminer's RSS grows
  by about 300 MiB/s, so the overshoot is a few tens of MiB. `RLIMIT_AS` is a backstop only
  (cap + `DEFAULT_ADDRESS_SPACE_HEADROOM_MIB`): address space is not RSS (spaCy/numpy reserve
  hundreds of MiB they never touch), and a `MemoryError` it causes inside pdfminer would otherwise
  be recorded as a malformed PDF; the worker relabels it `memory_limit`.
- Results go to the result cache as they complete (the worker writes them); the parent keeps one
  small `DocumentOutcome` per document and reads results back lazily (`StoredResults`), so the
  parent's memory does not grow with the documents' parsed content.
- Resource failures (`timeout`, `memory_limit`, `worker_crashed`) are never cached: the next run
  retries the document.
- Workers die with their owner: each has a watchdog thread that exits when the owner process is
  gone (even after a SIGKILL), and SIGTERM in the owner is turned into an exception
  (`Terminated`) while the pool runs, so the pool kills its workers before the process exits.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import StrEnum
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, overload

import psutil
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.results import DocumentResult, LoadedSource, SourceRef, StageError, Status
from pipeline.stages.cache import ResultCache, extractor_fingerprint, is_resource_failure
from pipeline.storage import current_umask

DEFAULT_DOCUMENT_TIMEOUT_SECONDS = 120.0
DEFAULT_MEMORY_LIMIT_MIB = 1024
DEFAULT_ADDRESS_SPACE_HEADROOM_MIB = 1024
DEFAULT_POLL_SECONDS = 0.1
DEFAULT_MAX_DOCUMENTS_PER_WORKER = 500
DEFAULT_WATCHDOG_SECONDS = 0.5
MAX_START_FAILURES = 3
MIB = 1 << 20

TIMEOUT = "timeout"
MEMORY_LIMIT = "memory_limit"
WORKER_CRASHED = "worker_crashed"

# modules every worker needs; the forkserver imports them once, workers are forked from it (the
# last one builds the spaCy pipeline there: importing it is the forkserver's only hook)
PRELOAD = [
    "pipeline.stages.pool",
    "pipeline.stages.process",
    "pipeline.stages.discover",
    "pipeline.stages.forkwarm",
]


def default_workers() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class PoolSettings(BaseSettings):
    """Worker pool limits; environment variables CLUSTERPIPE_POOL_<FIELD> override the defaults."""

    model_config = SettingsConfigDict(env_prefix="CLUSTERPIPE_POOL_", extra="forbid", frozen=True)

    workers: int = Field(default_factory=default_workers, ge=1, le=64)
    timeout_seconds: float = Field(default=DEFAULT_DOCUMENT_TIMEOUT_SECONDS, gt=0)
    memory_limit_mib: int = Field(default=DEFAULT_MEMORY_LIMIT_MIB, ge=64)
    address_space_headroom_mib: int = Field(default=DEFAULT_ADDRESS_SPACE_HEADROOM_MIB, ge=0)
    poll_seconds: float = Field(default=DEFAULT_POLL_SECONDS, gt=0, le=5)
    max_documents_per_worker: int = Field(default=DEFAULT_MAX_DOCUMENTS_PER_WORKER, ge=1)


class PoolError(RuntimeError):
    """The pool cannot run documents at all (workers die before they are ready)."""


class StoredResultMissing(RuntimeError):
    """A result the pool stored in the cache is gone or damaged before it was read back."""


class Terminated(KeyboardInterrupt):
    """SIGTERM received while the pool ran (a KeyboardInterrupt, so callers stop as on Ctrl-C)."""


class DocumentOutcome(StrictModel):
    """What the parent keeps per document: identity, status, and the result itself only when it
    is not in the cache (load failures, resource failures, or no cache at all)."""

    uri: str
    doc_id: str
    sha256: str
    status: Status
    cached: bool = False
    stored: bool = False
    error_code: str | None = None
    claims: int = 0
    result: DocumentResult | None = None


class Job(StrictModel):
    """One document for a worker: a reference to load, or bytes already loaded."""

    ref: SourceRef
    source: LoadedSource | None = None


# ---------------------------------------------------------------------------------------------
# Pure helpers (also used by the in-process path and by tests)


def job_for(item: SourceRef | LoadedSource) -> Job:
    return Job(ref=SourceRef(uri=item.uri), source=item) if isinstance(item, LoadedSource) else Job(ref=item)


def size_of(item: SourceRef | LoadedSource) -> int:
    """The document's size in bytes as far as it is known without reading it (0 for a URL not
    yet fetched or a file that cannot be read: its worker records why)."""
    if isinstance(item, LoadedSource):
        return len(item.data)
    if item.path is None:
        return 0
    try:
        return os.stat(item.path).st_size
    except OSError:
        return 0


def largest_first(sizes: Sequence[int]) -> list[int]:
    """The order in which to hand documents to the workers: indexes by size, largest first, ties
    in the given order (longest-processing-time-first: parse time grows with size, and the
    run ends when the busiest worker does, so small documents are kept to fill the gaps).

    >>> largest_first([10, 300, 20, 300])
    [1, 3, 2, 0]
    """
    return sorted(range(len(sizes)), key=lambda i: -sizes[i])


def resource_failure(job: Job, code: str, message: str) -> DocumentResult:
    """The quarantined result of a document whose worker was stopped (never cached)."""
    from pipeline.stages.discover import doc_id_for

    source = job.source
    return DocumentResult(
        uri=job.ref.uri,
        doc_id=source.doc_id if source else doc_id_for(job.ref.uri),
        sha256=source.sha256 if source else "",
        media_type=source.media_type if source else None,
        status=Status.QUARANTINED,
        errors=[StageError(stage="parse", code=code, message=message)],
    )


def records_memory_error(result: DocumentResult) -> bool:
    """True when a stage recorded an out-of-memory as its error (pdfminer's MemoryError is
    wrapped by pdfplumber and recorded as `malformed`, with the exception's repr in the message).

    >>> records_memory_error(DocumentResult(uri="a", doc_id="d", sha256="", media_type=None,
    ...     status=Status.QUARANTINED, errors=[StageError(stage="parse", code="malformed",
    ...     message="pdfminer could not read the PDF: MemoryError('Unable to allocate')")]))
    True
    """
    return any("MemoryError" in e.message for e in result.errors)


def as_memory_limit(result: DocumentResult, limit_mib: int) -> DocumentResult:
    message = f"the parse ran out of memory under the worker's cap ({limit_mib} MiB address space)"
    return result.model_copy(
        update={"errors": [StageError(stage="parse", code=MEMORY_LIMIT, message=message)]}
    )


def outcome_of(result: DocumentResult, *, stored: bool) -> DocumentOutcome:
    return DocumentOutcome(
        uri=result.uri,
        doc_id=result.doc_id,
        sha256=result.sha256,
        status=result.status,
        cached=result.cached,
        stored=stored,
        error_code=result.errors[0].code if result.errors else None,
        claims=len(result.claims),
        result=None if stored else result,
    )


def cached_outcome(item: SourceRef | LoadedSource, cache: ResultCache | None) -> DocumentOutcome | None:
    """The outcome of a document whose bytes and extractor are unchanged, read from the cache;
    None on a miss, for a URL not yet fetched (looked up once loaded), or a file that cannot be
    read (its worker records the error)."""
    if cache is None:
        return None
    if isinstance(item, SourceRef):
        if item.path is None:
            return None
        from pipeline.stages.discover import load

        try:
            item = load(item)
        except OSError:
            return None
    hit = cache.get(item)
    return None if hit is None else outcome_of(hit.model_copy(update={"cached": True}), stored=True)


def run_job(job: Job, cache: ResultCache | None, *, read_cache: bool, limit_mib: int) -> DocumentOutcome:
    """Load (unless loaded), take from the cache or process, store: one document, in this process."""
    from pipeline.stages.discover import load, load_failed
    from pipeline.stages.process import process

    source = job.source
    if source is None:
        try:
            source = load(job.ref)
        except OSError as exc:
            return outcome_of(load_failed(job.ref, exc), stored=False)
    if cache is not None and read_cache and (hit := cache.get(source)) is not None:
        return outcome_of(hit.model_copy(update={"cached": True}), stored=True)
    from pipeline.stages.gazetteer import remember_text

    keep = (lambda doc: remember_text(cache, doc)) if cache is not None else None
    try:
        result = process(source, on_document=keep)
    except MemoryError:
        result = resource_failure(Job(ref=job.ref, source=source), MEMORY_LIMIT, "MemoryError")
    if result.status == Status.QUARANTINED and records_memory_error(result):
        result = as_memory_limit(result, limit_mib)
    if cache is None or is_resource_failure(result):
        return outcome_of(result, stored=False)
    try:
        cache.put(result)
    except OSError:
        return outcome_of(result, stored=False)  # the cache is unwritable: hand the result back
    prepare_report_media(source, result, cache)
    return outcome_of(result, stored=True)


def prepare_report_media(source: LoadedSource, result: DocumentResult, cache: ResultCache) -> None:
    """The report's crops of a document just extracted, drawn here (in the worker, in parallel
    with the other documents) into the crop cache beside the result cache; publish reads them
    back instead of drawing them one document after the other at the end of the run. A crop
    cache that cannot be written only means publish draws them (and records what fails)."""
    if result.status != Status.OK or not result.claims:
        return
    from pipeline.publish.cropcache import crop_cache_beside
    from pipeline.publish.crops import SourceFile, prepare_document_media

    described = SourceFile(doc_id=result.doc_id, uri=result.uri, sha256=result.sha256)
    try:
        evidence = (claim.evidence for claim in result.claims)
        prepare_document_media(described, source.data, evidence, crop_cache_beside(cache.folder))
    except (OSError, ValueError, RuntimeError):  # I/O, bad bytes, pdfium: publish tries again and notes why
        return


# ---------------------------------------------------------------------------------------------
# The worker process


@dataclass(frozen=True)
class WorkerConfig:
    owner_pid: int
    cache_folder: str | None
    fingerprint: str
    read_cache: bool
    address_space_bytes: int | None
    limit_mib: int
    environment: dict[str, str] = field(default_factory=dict)  # CLUSTERPIPE_* of the owner
    umask: int = 0o022  # the owner's: files a worker writes (the cache) get the run's permissions


def _limit_address_space(limit: int | None) -> None:
    if limit is None:
        return
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ImportError, ValueError, OSError):
        pass  # not POSIX, or not allowed: the parent's RSS polling still enforces the cap


def _watch_owner(owner_pid: int) -> None:
    """Exit this worker as soon as the process that owns the pool is gone."""
    parent = os.getppid()
    while True:
        time.sleep(DEFAULT_WATCHDOG_SECONDS)
        if os.getppid() != parent or not psutil.pid_exists(owner_pid):
            os._exit(1)


def warm_up() -> None:
    """Import the parsers and build the spaCy pipeline before the first document."""
    import pdfplumber  # noqa: F401

    from pipeline.models.nlp.pipeline import build_nlp
    from pipeline.stages import process  # noqa: F401

    build_nlp()


def worker_main(conn: Connection, config: WorkerConfig) -> None:
    """Warm up, then take jobs until told to stop (None) or the owner closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the owner handles Ctrl-C and kills workers
    for key in [k for k in os.environ if k.startswith("CLUSTERPIPE_")]:
        del os.environ[key]  # the forkserver's copy may be older than the owner's settings
    os.environ.update(config.environment)
    os.umask(config.umask)
    _limit_address_space(config.address_space_bytes)
    threading.Thread(target=_watch_owner, args=(config.owner_pid,), daemon=True).start()
    warm_up()
    cache = None
    if config.cache_folder is not None:
        cache = ResultCache(Path(config.cache_folder), config.fingerprint)
    conn.send(os.getpid())
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        outcome = run_job(job, cache, read_cache=config.read_cache, limit_mib=config.limit_mib)
        conn.send(outcome)


# ---------------------------------------------------------------------------------------------
# The owner side


class _State(StrEnum):
    STARTING = "starting"
    IDLE = "idle"
    BUSY = "busy"


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process of the chosen context
    conn: Connection
    state: _State = _State.STARTING
    job: Job | None = None
    future: Future[DocumentOutcome] | None = None
    deadline: float = 0.0
    done: int = 0
    ps: psutil.Process | None = None


@dataclass
class _Pending:
    job: Job
    future: Future[DocumentOutcome]


@dataclass
class PoolStats:
    """Counts for the run summary and the benchmark."""

    started: int = 0
    killed_timeout: int = 0
    killed_memory: int = 0
    crashed: int = 0
    peak_worker_rss: int = 0
    pids: set[int] = field(default_factory=set)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class DocumentPool:
    """A pool of killable document workers; use as a context manager.

    >>> with DocumentPool(PoolSettings(workers=2), cache) as pool:  # doctest: +SKIP
    ...     outcomes = pool.map(refs)
    """

    def __init__(
        self,
        settings: PoolSettings | None = None,
        cache: ResultCache | None = None,
        *,
        read_cache: bool = True,
    ) -> None:
        self.settings = settings or PoolSettings()
        self.cache = cache
        limit = self.settings.memory_limit_mib * MIB
        self._config = WorkerConfig(
            owner_pid=os.getpid(),
            cache_folder=str(cache.folder) if cache is not None else None,
            fingerprint=cache.fingerprint if cache is not None else extractor_fingerprint(),
            read_cache=read_cache,
            address_space_bytes=limit + self.settings.address_space_headroom_mib * MIB,
            limit_mib=self.settings.memory_limit_mib,
            environment={k: v for k, v in os.environ.items() if k.startswith("CLUSTERPIPE_")},
            umask=current_umask(),
        )
        self.stats = PoolStats()
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._queue: deque[_Pending] = deque()
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._abort = threading.Event()
        self._wake_r, self._wake_w = os.pipe()
        self._thread: threading.Thread | None = None
        self._start_failures = 0
        self._failed: BaseException | None = None
        self._previous_sigterm: Any = None

    # -- public API ----------------------------------------------------------------------------

    def __enter__(self) -> DocumentPool:
        self._install_sigterm()
        self._thread = threading.Thread(target=self._dispatch, name="document-pool", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)

    def submit(self, item: SourceRef | LoadedSource) -> Future[DocumentOutcome]:
        """Queue one document; the future's result is its outcome (never an exception for a
        document: failures are recorded outcomes)."""
        future: Future[DocumentOutcome] = Future()
        if (hit := self._cached(item)) is not None:
            future.set_result(hit)
            return future
        job = job_for(item)
        with self._lock:
            if self._failed is not None:
                raise PoolError(str(self._failed)) from self._failed
            if self._closing.is_set():
                raise PoolError("the pool is closed")
            self._queue.append(_Pending(job, future))
        self._wake()
        return future

    def _cached(self, item: SourceRef | LoadedSource) -> DocumentOutcome | None:
        """A file whose bytes and extractor are unchanged is answered here, from the cache,
        without a worker (the worker reads the file again on a miss: bytes are not queued)."""
        return cached_outcome(item, self.cache if self._config.read_cache else None)

    def map(self, items: Iterable[SourceRef | LoadedSource]) -> list[DocumentOutcome]:
        """Every item's outcome, in the items' order (they are handed out largest first)."""
        return [f.result() for f in self.submit_all(items)]

    def submit_all(self, items: Iterable[SourceRef | LoadedSource]) -> list[Future[DocumentOutcome]]:
        """Queue every item, largest first (`largest_first`); the futures in the items' order."""
        items = list(items)
        futures: list[Future[DocumentOutcome] | None] = [None] * len(items)
        for index in largest_first([size_of(item) for item in items]):
            futures[index] = self.submit(items[index])
        return [f for f in futures if f is not None]

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers (gracefully after their current document, or at once with kill)."""
        if kill:
            self._abort.set()
        self._closing.set()
        self._wake()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._kill_all()  # only the dispatcher touches workers while it runs; now it has ended
        with self._lock:
            while self._queue:
                self._queue.popleft().future.cancel()
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._wake_r = self._wake_w = -1
        self._restore_sigterm()

    # -- signals --------------------------------------------------------------------------------

    def _install_sigterm(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def on_sigterm(signum: int, frame: object) -> None:
            raise Terminated(f"signal {signum}")

        self._previous_sigterm = signal.signal(signal.SIGTERM, on_sigterm)

    def _restore_sigterm(self) -> None:
        if self._previous_sigterm is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self._previous_sigterm)
            self._previous_sigterm = None

    # -- workers ---------------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=worker_main, args=(child_conn, self._config), name="document-worker", daemon=True
        )
        process.start()
        child_conn.close()
        self.stats.started += 1
        if process.pid is not None:
            self.stats.pids.add(process.pid)
        return _Worker(process=process, conn=parent_conn)

    def _kill(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError, ValueError):
            worker.process.kill()
        worker.process.join(timeout=5)
        with contextlib.suppress(OSError):
            worker.conn.close()

    def _kill_all(self) -> None:
        for worker in list(self._workers):
            if worker.process.is_alive():
                self._kill(worker)
            if worker.future is not None and not worker.future.done():
                worker.future.set_exception(PoolError("the pool was closed"))

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"x")

    # -- the dispatcher thread -------------------------------------------------------------------

    def _dispatch(self) -> None:
        try:
            while True:
                if self._abort.is_set():
                    self._abandon()
                    return
                self._assign()
                if self._closing.is_set() and not self._queue and not self._busy():
                    break
                self._wait_once()
                self._enforce_limits()
            for worker in self._workers:
                with contextlib.suppress(OSError, ValueError):
                    worker.conn.send(None)  # idle: they exit; any still alive is killed by close()
            for worker in self._workers:
                worker.process.join(timeout=1)
        except BaseException as exc:  # a bug here must not leave callers waiting forever
            self._fail_everything(exc)

    def _abandon(self) -> None:
        """Interrupted (an exception or SIGTERM in the owner): kill every worker at once; the
        documents in flight or queued get a PoolError instead of an outcome."""
        interrupted = PoolError("the run was interrupted before this document was processed")
        for worker in self._workers:
            self._kill(worker)
            if worker.future is not None and not worker.future.done():
                worker.future.set_exception(interrupted)
        self._workers.clear()
        with self._lock:
            pending = list(self._queue)
            self._queue.clear()
        for item in pending:
            if item.future.set_running_or_notify_cancel():
                item.future.set_exception(interrupted)

    def _busy(self) -> list[_Worker]:
        return [w for w in self._workers if w.state == _State.BUSY]

    def _assign(self) -> None:
        """Start workers for queued documents (lazily: a run whose documents all come from the
        cache starts none), then hand documents to idle workers."""
        with self._lock:
            queued = len(self._queue)
        waiting = sum(1 for w in self._workers if w.state != _State.BUSY)
        for _ in range(min(queued - waiting, self.settings.workers - len(self._workers))):
            self._workers.append(self._spawn())
        for worker in list(self._workers):
            if worker.state != _State.IDLE:
                continue
            with self._lock:
                if not self._queue:
                    return
                pending = self._queue.popleft()
            if not pending.future.set_running_or_notify_cancel():
                continue
            try:
                worker.conn.send(pending.job)
            except (OSError, ValueError):
                self._finish(worker, pending.future, self._crashed(pending.job, worker))
                self._replace(worker)
                continue
            worker.state, worker.job, worker.future = _State.BUSY, pending.job, pending.future
            worker.deadline = time.monotonic() + self.settings.timeout_seconds

    def _wait_once(self) -> None:
        busy = self._busy()
        timeout = self.settings.poll_seconds
        if busy:
            timeout = min(timeout, max(0.0, min(w.deadline for w in busy) - time.monotonic()))
        waitables: list[Any] = [self._wake_r]
        for worker in self._workers:
            waitables.extend((worker.conn, worker.process.sentinel))
        ready = wait(waitables, timeout=timeout)
        if self._wake_r in ready:
            with contextlib.suppress(OSError):
                os.read(self._wake_r, 4096)
        for worker in list(self._workers):
            if worker.conn in ready:
                self._receive(worker)
            elif worker.process.sentinel in ready:
                self._died(worker)

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self._died(worker)
            return
        if worker.state == _State.STARTING:
            worker.state = _State.IDLE
            worker.ps = _ps(message)
            self._start_failures = 0
            return
        if worker.future is not None:
            self._finish(worker, worker.future, message)
        worker.done += 1
        worker.state, worker.job, worker.future = _State.IDLE, None, None
        if worker.done >= self.settings.max_documents_per_worker:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)  # recycle: bounded heap growth, a fresh worker takes over
            worker.process.join(timeout=5)
            self._replace(worker)

    def _died(self, worker: _Worker) -> None:
        worker.process.join(timeout=5)
        if worker.state == _State.STARTING:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                raise PoolError(
                    f"document workers exit before they are ready (exit code {worker.process.exitcode})"
                )
        elif worker.state == _State.BUSY and worker.job is not None and worker.future is not None:
            self.stats.crashed += 1
            self._finish(worker, worker.future, self._crashed(worker.job, worker))
        self._replace(worker)

    def _crashed(self, job: Job, worker: _Worker) -> DocumentOutcome:
        message = f"the worker process died while parsing (exit code {worker.process.exitcode})"
        return outcome_of(resource_failure(job, WORKER_CRASHED, message), stored=False)

    def _enforce_limits(self) -> None:
        now = time.monotonic()
        cap = self.settings.memory_limit_mib * MIB
        for worker in self._busy():
            assert worker.job is not None and worker.future is not None
            if now >= worker.deadline:
                self.stats.killed_timeout += 1
                self._kill(worker)
                message = f"the parse did not finish within {self.settings.timeout_seconds:g} s; killed"
                failure = resource_failure(worker.job, TIMEOUT, message)
                self._finish(worker, worker.future, outcome_of(failure, stored=False))
                self._replace(worker)
                continue
            rss = _rss(worker.ps)
            self.stats.peak_worker_rss = max(self.stats.peak_worker_rss, rss)
            if rss > cap:
                self.stats.killed_memory += 1
                self._kill(worker)
                message = (
                    f"the parse exceeded the memory cap ({rss // MIB} MiB resident > "
                    f"{self.settings.memory_limit_mib} MiB); worker killed"
                )
                failure = resource_failure(worker.job, MEMORY_LIMIT, message)
                self._finish(worker, worker.future, outcome_of(failure, stored=False))
                self._replace(worker)

    def _finish(self, worker: _Worker, future: Future[DocumentOutcome], outcome: DocumentOutcome) -> None:
        worker.state, worker.job, worker.future = _State.STARTING, None, None
        if not future.done():
            future.set_result(outcome)

    def _replace(self, worker: _Worker) -> None:
        index = self._workers.index(worker)
        with contextlib.suppress(OSError):
            worker.conn.close()
        if not self._queue:
            self._workers.pop(index)  # a new one starts when documents are queued
            return
        self._workers[index] = self._spawn()

    def _fail_everything(self, exc: BaseException) -> None:
        with self._lock:
            self._failed = exc
            pending = list(self._queue)
            self._queue.clear()
        for item in pending:
            if not item.future.done():
                item.future.set_exception(PoolError(str(exc)))
        for worker in self._workers:
            if worker.future is not None and not worker.future.done():
                worker.future.set_exception(PoolError(str(exc)))
        self._kill_all()


def _ps(pid: object) -> psutil.Process | None:
    try:
        return psutil.Process(int(pid))  # type: ignore[call-overload]
    except (psutil.Error, TypeError, ValueError):
        return None


def _rss(ps: psutil.Process | None) -> int:
    if ps is None:
        return 0
    try:
        return int(ps.memory_info().rss)
    except psutil.Error:
        return 0


# ---------------------------------------------------------------------------------------------
# Reading results back


class StoredResults(Sequence[DocumentResult]):
    """The run's results as a sequence that reads each from the cache when asked, so callers that
    iterate (reconcile, publish) never need all parsed results in memory at once."""

    def __init__(self, outcomes: Sequence[DocumentOutcome], cache: ResultCache | None) -> None:
        self.outcomes = list(outcomes)
        self.cache = cache

    def __len__(self) -> int:
        return len(self.outcomes)

    @overload
    def __getitem__(self, index: int) -> DocumentResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[DocumentResult]: ...

    def __getitem__(self, index: int | slice) -> DocumentResult | Sequence[DocumentResult]:
        if isinstance(index, slice):
            return StoredResults(self.outcomes[index], self.cache)
        return self.read(self.outcomes[index])

    def __iter__(self) -> Iterator[DocumentResult]:
        for outcome in self.outcomes:
            yield self.read(outcome)

    def read(self, outcome: DocumentOutcome) -> DocumentResult:
        if outcome.result is not None:
            return outcome.result
        result = self.cache.read(outcome.doc_id, outcome.sha256) if self.cache is not None else None
        if result is None:
            raise StoredResultMissing(f"{outcome.uri}: its result left the cache ({outcome.doc_id})")
        return result.model_copy(update={"cached": outcome.cached})

    def sorted_by_uri(self) -> StoredResults:
        return type(self)(sorted(self.outcomes, key=lambda o: o.uri), self.cache)


def process_in_pool(
    items: Iterable[SourceRef | LoadedSource],
    cache: ResultCache | None,
    settings: PoolSettings | None = None,
    *,
    read_cache: bool = True,
    on_outcome: Callable[[DocumentOutcome], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> StoredResults:
    """Run every document through a fresh pool; results in the items' order. `meanwhile` is
    called in this process once every document is queued, while the workers start and parse
    (work of the later stages that does not need the results, e.g. their imports, done here
    instead of after the last document)."""
    items = list(items)
    settings = settings or PoolSettings()
    if len(items) < settings.workers:
        settings = settings.model_copy(update={"workers": max(1, len(items))})
    with DocumentPool(settings, cache, read_cache=read_cache) as pool:
        futures = pool.submit_all(items)
        if meanwhile is not None:
            meanwhile()
        outcomes = []
        for future in futures:
            outcome = future.result()
            if on_outcome is not None:
                on_outcome(outcome)
            outcomes.append(outcome)
    return StoredResults(outcomes, cache)


def stop_forkserver() -> bool:
    """Stop this process's multiprocessing forkserver, which keeps the preloaded modules
    (`PRELOAD`) in memory for as long as the process lives: once the documents are processed
    nothing forks from it any more, and the stages after the pool (reconcile, publish) then run
    without its ~120 MiB beside them. A later pool starts it again. True when one was stopped.

    The server is killed (SIGKILL) before it is reaped: it holds nothing to flush, and asked to
    exit it would tear down an interpreter with spaCy and the parsers loaded, about 0.4 s of CPU
    that the run would wait for after its last document.
    """
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)  # CPython's own (used by its tests); absent elsewhere
    pid = getattr(server, "_forkserver_pid", None)
    if server is None or stop is None or pid is None:
        return False
    with contextlib.suppress(OSError):  # our own child, not yet reaped: its pid is not reused
        os.kill(pid, signal.SIGKILL)
    stop()
    return True
