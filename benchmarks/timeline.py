#!/usr/bin/env python3
"""The critical path of one cold `run --no-prefect`: a timeline of its stages and of each
worker's documents, in wall time and in CPU time (printed; never asserted).

    python benchmarks/timeline.py --raw DIR --workers 2 [--json timeline.json]

The run is the command line's own (`pipeline.cli`), in this process, into a fresh temporary
output folder; the pool's dispatcher is wrapped to note when each worker is started, is ready,
takes a document and returns it, and reads the worker's CPU time (psutil) at each of those
moments. On a shared machine wall time depends on the other load, CPU time much less, so the
summary also gives the critical path in CPU seconds:

    parent before the pool + forkserver start-up + max over workers (start-up + busy CPU) + tail

which is what the wall time would be on otherwise idle cores (each process on its own core).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil

T0 = time.perf_counter()
EVENTS: list[dict[str, Any]] = []


def note(kind: str, **fields: Any) -> None:
    EVENTS.append(
        {
            "t": round(time.perf_counter() - T0, 3),
            "cpu": round(time.process_time(), 3),
            "kind": kind,
            **fields,
        }
    )


def _cpu(pid: int) -> float:
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return float("nan")
    return round(times.user + times.system, 3)


def instrument() -> None:
    from pipeline import api
    from pipeline.stages import pool

    def timed(module: Any, name: str) -> None:
        function = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            note("start", stage=name)
            try:
                return function(*args, **kwargs)
            finally:
                note("end", stage=name)

        setattr(module, name, wrapper)

    for name in ("discover", "process_in_pool", "stop_forkserver", "second_pass", "reconcile_results"):
        timed(api, name)
    if hasattr(api, "import_later_stages"):
        timed(api, "import_later_stages")

    def forkserver_cpu() -> None:
        from multiprocessing import forkserver

        pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
        if pid is not None:
            note("forkserver", pid=pid, worker_cpu=_cpu(pid))

    stop = api.stop_forkserver

    def stop_noting() -> Any:
        forkserver_cpu()
        return stop()

    api.stop_forkserver = stop_noting

    cls = pool.DocumentPool
    spawn, receive, assign = cls._spawn, cls._receive, cls._assign

    def _spawn(self: Any) -> Any:
        note("spawn-requested")
        worker = spawn(self)
        note("spawned", pid=worker.process.pid)
        return worker

    def _receive(self: Any, worker: Any) -> None:
        state, job = worker.state, worker.job
        pid = worker.process.pid
        receive(self, worker)
        kind = "ready" if state == pool._State.STARTING else "done"
        note(kind, pid=pid, uri=job.ref.uri if job is not None else None, worker_cpu=_cpu(pid))

    def _assign(self: Any) -> None:
        before = {id(w): w.state for w in self._workers}
        assign(self)
        for w in self._workers:
            if w.state == pool._State.BUSY and before.get(id(w)) != pool._State.BUSY:
                note("take", pid=w.process.pid, uri=w.job.ref.uri, worker_cpu=_cpu(w.process.pid))

    cls._spawn, cls._receive, cls._assign = _spawn, _receive, _assign


def summarise(events: list[dict[str, Any]]) -> dict[str, Any]:
    stages = {(e["kind"], e.get("stage")): e for e in events if e["kind"] in ("start", "end")}
    pool_start, pool_end = stages[("start", "process_in_pool")], stages[("end", "process_in_pool")]
    end = next(e for e in events if e["kind"] == "end-run")
    workers: dict[int, dict[str, Any]] = {}
    taken: dict[int, dict[str, Any]] = {}
    docs = []
    for e in events:
        if e["kind"] == "ready":
            workers.setdefault(e["pid"], {"docs": 0, "busy_wall": 0.0, "busy_cpu": 0.0})
            workers[e["pid"]].update(ready=e["t"], startup_cpu=e["worker_cpu"])
        elif e["kind"] == "take":
            taken[e["pid"]] = e
        elif e["kind"] == "done" and e["pid"] in taken:
            start = taken.pop(e["pid"])
            w = workers[e["pid"]]
            wall, cpu = e["t"] - start["t"], e["worker_cpu"] - start["worker_cpu"]
            w["docs"] += 1
            w["busy_wall"] += wall
            w["busy_cpu"] += cpu
            w.setdefault("first_take", start["t"])
            w["last_done"] = e["t"]
            docs.append(
                {
                    "uri": e["uri"],
                    "worker": e["pid"],
                    "start": start["t"],
                    "wall": round(wall, 3),
                    "cpu": round(cpu, 3),
                }
            )
    forkserver = next((e for e in events if e["kind"] == "forkserver"), None)
    first_spawn = next((e for e in events if e["kind"] == "spawn-requested"), None)
    first_ready = min((w["ready"] for w in workers.values()), default=pool_end["t"])
    before_pool_cpu = pool_start["cpu"]
    tail_cpu = end["cpu"] - pool_end["cpu"]
    forkserver_cpu = forkserver["worker_cpu"] if forkserver else 0.0
    busiest = max((w["startup_cpu"] + w["busy_cpu"] for w in workers.values()), default=0.0)
    return {
        "wall": end["t"],
        "load1_at_end": round(os.getloadavg()[0], 2),
        "parent_cpu": end["cpu"],
        "before_pool": {"wall": pool_start["t"], "cpu": before_pool_cpu},
        "first_spawn_requested": first_spawn["t"] if first_spawn else None,
        "first_worker_ready": first_ready,
        "forkserver_cpu": forkserver_cpu,
        "pool": {
            "wall": round(pool_end["t"] - pool_start["t"], 3),
            "parent_cpu": round(pool_end["cpu"] - pool_start["cpu"], 3),
        },
        "tail_after_pool": {"wall": round(end["t"] - pool_end["t"], 3), "cpu": round(tail_cpu, 3)},
        "workers": {
            str(pid): {k: round(v, 3) if isinstance(v, float) else v for k, v in w.items()}
            for pid, w in workers.items()
        },
        "critical_path_cpu": round(before_pool_cpu + forkserver_cpu + busiest + tail_cpu, 3),
        "documents_by_cpu": sorted(docs, key=lambda d: -d["cpu"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="write every event and the summary here")
    args = parser.parse_args()
    instrument()
    from pipeline import cli

    out = Path(tempfile.mkdtemp(prefix="timeline-")) / "out"
    sys.argv = ["pipeline", "run", "--no-prefect", "-q", "--raw", str(args.raw), "--out", str(out)]
    sys.argv += ["--workers", str(args.workers)]
    try:
        cli.main()
    except SystemExit as exc:
        note("exit", code=exc.code)
    note("end-run")
    shutil.rmtree(out.parent, ignore_errors=True)
    summary = summarise(EVENTS)
    if args.json is not None:
        args.json.write_text(json.dumps({"summary": summary, "events": EVENTS}, indent=1))
    print(
        f"wall {summary['wall']:.2f} s (load {summary['load1_at_end']}), parent CPU {summary['parent_cpu']:.2f} s"
    )
    print(
        f"before the pool: {summary['before_pool']['wall']:.2f} s wall, {summary['before_pool']['cpu']:.2f} s CPU"
    )
    print(
        f"forkserver: first spawn asked at {summary['first_spawn_requested']} s, first worker ready at "
        f"{summary['first_worker_ready']:.2f} s; forkserver CPU {summary['forkserver_cpu']:.2f} s"
    )
    for pid, w in summary["workers"].items():
        print(
            f"worker {pid}: {w['docs']} documents, ready {w['ready']:.2f} s (start-up CPU {w['startup_cpu']:.2f} s), "
            f"busy {w['busy_wall']:.2f} s wall / {w['busy_cpu']:.2f} s CPU, last done {w.get('last_done', 0):.2f} s"
        )
    print(
        f"pool {summary['pool']['wall']:.2f} s wall; tail after the pool {summary['tail_after_pool']['wall']:.2f} s wall, "
        f"{summary['tail_after_pool']['cpu']:.2f} s CPU"
    )
    print(f"critical path in CPU seconds (idle cores): {summary['critical_path_cpu']:.2f} s")
    print(
        "largest documents (CPU s):",
        ", ".join(f"{Path(d['uri']).name} {d['cpu']:.2f}" for d in summary["documents_by_cpu"][:6]),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
