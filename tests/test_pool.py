"""The killable document pool: deadlines, memory caps, no caching of resource failures, clean
SIGTERM, and output identical to processing in one process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from pipeline.datamodel.results import DocumentResult, StageError, Status
from pipeline.stages.cache import ResultCache, is_resource_failure
from pipeline.stages.discover import discover, doc_id_for
from pipeline.stages.pool import DocumentPool, PoolSettings, process_in_pool
from tests.conftest import RAW, ROOT, published_bytes
from tests.hostile_inputs import heavy_under_caps_pdf, slow_under_caps_pdf

FAST = [
    "press/luxembourg-lu-creative-industries-cluster.html",
    "press/luxinnovation-news-cluster-initiative.html",
    "presentations/luxinnovation-2008-cluster-initiative.pdf",
]


def _raw_with(tmp_path: Path, extra: dict[str, bytes]) -> Path:
    raw = tmp_path / "raw"
    for uri in FAST:
        (raw / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(RAW / uri, raw / uri)
    for name, data in extra.items():
        (raw / name).write_bytes(data)
    return raw


def _documents(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "documents").glob("*.json"))}


def test_a_hanging_pdf_is_quarantined_as_timeout_and_the_rest_of_the_run_is_intact(tmp_path: Path) -> None:
    raw = _raw_with(tmp_path, {"hang.pdf": slow_under_caps_pdf()})
    cache = ResultCache(tmp_path / "cache")
    started = time.monotonic()
    with DocumentPool(PoolSettings(workers=2, timeout_seconds=4), cache) as pool:
        outcomes = pool.map(discover(raw))
    assert time.monotonic() - started < 60
    by_uri = {o.uri: o for o in outcomes}
    assert by_uri["hang.pdf"].status == Status.QUARANTINED
    assert by_uri["hang.pdf"].error_code == "timeout"
    assert pool.stats.killed_timeout == 1
    assert [by_uri[uri].status for uri in FAST] == [Status.OK] * 3
    # a timeout is not cached; the good documents are
    assert not (cache.folder / f"{doc_id_for('hang.pdf')}.json").exists()
    assert sorted(p.stem for p in cache.folder.glob("*.json")) == sorted(doc_id_for(u) for u in FAST)


def test_the_good_documents_are_identical_to_a_run_without_the_hanging_one(tmp_path: Path) -> None:
    from pipeline.api import run_pipeline

    settings = PoolSettings(workers=2, timeout_seconds=4)
    clean = run_pipeline(_raw_with(tmp_path / "a", {}), tmp_path / "a" / "out", pool=settings)
    hostile = _raw_with(tmp_path / "b", {"hang.pdf": slow_under_caps_pdf()})
    summary = run_pipeline(hostile, tmp_path / "b" / "out", pool=settings)
    assert (clean.documents_quarantined, summary.documents_quarantined) == (0, 1)
    documents = _documents(tmp_path / "b" / "out")
    hang = documents.pop(f"{doc_id_for('hang.pdf')}.json")
    assert b'"code": "timeout"' in hang
    assert documents == _documents(tmp_path / "a" / "out")
    for folder in ("policies", "clusters", "countries", "conflicts"):
        a = {p.name: p.read_bytes() for p in (tmp_path / "a" / "out" / folder).glob("*.json")}
        b = {p.name: p.read_bytes() for p in (tmp_path / "b" / "out" / folder).glob("*.json")}
        assert a == b, folder


def test_a_timeout_is_retried_on_the_next_run(tmp_path: Path) -> None:
    raw = _raw_with(tmp_path, {"hang.pdf": slow_under_caps_pdf()})
    cache = ResultCache(tmp_path / "cache")
    settings = PoolSettings(workers=1, timeout_seconds=3)
    first = process_in_pool(discover(raw), cache, settings)
    with DocumentPool(settings, cache) as pool:
        second = pool.map(discover(raw))
    assert [o.cached for o in first.outcomes] == [False] * 4
    assert {o.uri: o.cached for o in second} == {"hang.pdf": False, **{uri: True for uri in FAST}}
    assert pool.stats.killed_timeout == 1  # parsed again (and killed again), not read from the cache
    assert [o.error_code for o in second if o.uri == "hang.pdf"] == ["timeout"]


def test_a_flate_bomb_is_stopped_by_the_memory_cap(tmp_path: Path) -> None:
    raw = _raw_with(tmp_path, {"bomb.pdf": heavy_under_caps_pdf()})
    cache = ResultCache(tmp_path / "cache")
    with DocumentPool(PoolSettings(workers=1, timeout_seconds=60, memory_limit_mib=250), cache) as pool:
        outcomes = {o.uri: o for o in pool.map(discover(raw))}
    assert outcomes["bomb.pdf"].error_code == "memory_limit"
    assert pool.stats.killed_memory + pool.stats.killed_timeout <= 1
    assert [outcomes[uri].status for uri in FAST] == [Status.OK] * 3
    assert not (cache.folder / f"{doc_id_for('bomb.pdf')}.json").exists()


def test_the_address_space_backstop_turns_a_memory_error_into_memory_limit(tmp_path: Path) -> None:
    """With RSS polling too slow to notice (a long poll interval), the worker's RLIMIT_AS makes
    pdfminer raise MemoryError; that is recorded as memory_limit, not as a malformed PDF."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bomb.pdf").write_bytes(heavy_under_caps_pdf())
    settings = PoolSettings(
        workers=1, timeout_seconds=60, memory_limit_mib=200, address_space_headroom_mib=300, poll_seconds=5
    )
    results = process_in_pool(discover(raw), ResultCache(tmp_path / "cache"), settings)
    (outcome,) = results.outcomes
    assert outcome.error_code == "memory_limit"
    assert outcome.result is not None and "out of memory" in outcome.result.errors[0].message


def test_resource_failures_are_never_cached(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    for code, message in [("timeout", "slow"), ("memory_limit", "big"), ("malformed", "MemoryError()")]:
        result = DocumentResult(
            uri="a.pdf",
            doc_id="doc-a",
            sha256="00",
            media_type="pdf",
            status=Status.QUARANTINED,
            errors=[StageError(stage="parse", code=code, message=message)],
        )
        assert is_resource_failure(result)
        cache.put(result)
    assert list(tmp_path.iterdir()) == []


def test_workers_are_reused_between_documents(tmp_path: Path) -> None:
    raw = _raw_with(tmp_path, {})
    with DocumentPool(PoolSettings(workers=2), ResultCache(tmp_path / "cache")) as pool:
        outcomes = pool.map(discover(raw) * 2)
    assert len(outcomes) == 6
    assert pool.stats.started == 2


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_pool_output_is_byte_identical_to_the_single_process_run(tmp_path: Path, workers: int) -> None:
    from pipeline.api import run_pipeline

    run_pipeline(RAW, tmp_path / "single", in_process=True, use_cache=False)
    run_pipeline(RAW, tmp_path / "pool", pool=PoolSettings(workers=workers), use_cache=False)
    single, pooled = published_bytes(tmp_path / "single"), published_bytes(tmp_path / "pool")
    assert len(single) > 20
    assert pooled == single


def test_sigterm_stops_a_run_with_no_orphan_workers_and_the_previous_output_intact(tmp_path: Path) -> None:
    raw = _raw_with(tmp_path, {})
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLUSTERPIPE_POOL_TIMEOUT_SECONDS": "120"}
    command = [sys.executable, "-m", "pipeline", "run", "--no-prefect", "--raw", str(raw), "--out", str(out)]
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=300)
    before = published_bytes(out)
    (raw / "hang.pdf").write_bytes(slow_under_caps_pdf())
    run = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main = psutil.Process(run.pid)
    descendants: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(descendants) < 2:  # the forkserver and a worker
        descendants.update(p.pid for p in main.children(recursive=True))
        time.sleep(0.1)
    time.sleep(3)  # the good documents come from the cache; the hanging one parses for 120 s
    descendants.update(p.pid for p in main.children(recursive=True))
    assert run.poll() is None and len(descendants) >= 2
    run.send_signal(signal.SIGTERM)
    run.wait(timeout=30)
    assert run.returncode != 0
    gone_by = time.monotonic() + 10
    while time.monotonic() < gone_by and any(_alive(pid) for pid in descendants):
        time.sleep(0.1)
    assert [pid for pid in descendants if _alive(pid)] == []
    assert published_bytes(out) == before
    assert b"Traceback" not in (run.stderr.read() if run.stderr else b"")


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_pool_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERPIPE_POOL_TIMEOUT_SECONDS", "7.5")
    monkeypatch.setenv("CLUSTERPIPE_POOL_MEMORY_LIMIT_MIB", "512")
    settings = PoolSettings()
    assert (settings.timeout_seconds, settings.memory_limit_mib) == (7.5, 512)
    with pytest.raises(ValueError):
        PoolSettings(memory_limit_mib=1)


@pytest.mark.slow
def test_the_dask_runner_gives_the_same_output_as_the_single_process_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    monkeypatch.setenv("DO_NOT_TRACK", "1")
    monkeypatch.delenv("PREFECT_API_URL", raising=False)  # the runner sets it for its workers
    from pipeline.api import run_pipeline
    from pipeline.flows import flow_for
    from pipeline.settings import PipelineSettings

    raw = _raw_with(tmp_path, {})
    run_pipeline(raw, tmp_path / "single", in_process=True)
    settings = PipelineSettings(raw_dir=raw, out_dir=tmp_path / "dask", runner="dask", workers=2)
    summary = flow_for(settings)(str(raw), str(tmp_path / "dask"), None, True)
    assert summary.documents_seen == 3
    assert published_bytes(tmp_path / "dask") == published_bytes(tmp_path / "single")


def test_documents_are_parsed_largest_first_and_returned_in_the_given_order(tmp_path: Path) -> None:
    raw = _raw_with(tmp_path, {})
    refs = discover(raw)
    sizes = [Path(r.path).stat().st_size for r in refs if r.path is not None]
    assert len(set(sizes)) == len(refs)  # three distinct sizes: the order below is the sizes' order
    cache = ResultCache(tmp_path / "cache")
    with DocumentPool(PoolSettings(workers=1), cache) as pool:
        outcomes = pool.map(refs)
    assert [o.uri for o in outcomes] == [r.uri for r in refs]
    written = sorted(cache.folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)  # one worker: in turn
    by_size = sorted(refs, key=lambda r: -Path(str(r.path)).stat().st_size)
    assert [p.stem for p in written] == [doc_id_for(r.uri) for r in by_size]


def test_the_meanwhile_work_runs_once_while_the_documents_are_queued(tmp_path: Path) -> None:
    raw = _raw_with(tmp_path, {})
    calls: list[int] = []
    results = process_in_pool(discover(raw), None, PoolSettings(workers=1), meanwhile=lambda: calls.append(1))
    assert calls == [1]
    assert [r.status for r in results] == [Status.OK] * 3
