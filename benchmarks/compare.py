#!/usr/bin/env python3
"""Before/after figures: the same rows for two checkouts of the project, run alternately in one
batch (so that both see the same load on a shared machine), with bare pdfplumber beside them.

    git worktree add /tmp/before main      # or: git archive main | tar -x -C /tmp/before
    python benchmarks/compare.py --before /tmp/before --after . --repeat 3
    python benchmarks/compare.py --before /tmp/before --after . --only warm --scale 200

Rows (`--only`, default all):
- `cold`: `run --no-prefect --workers N` from an empty output on the PDFs (the robustness corpus
  plus the sample PDFs), for every N in `--workers`, against bare pdfplumber (one process);
- `warm`: `run` with Prefect against an already running server (as a scheduled deployment has
  one) on `--scale` generated documents: cold, then twice warm; the server's CPU during each run
  is counted with the run's (it is work the run causes).

CPU is user + system of the whole process tree; wall depends on the machine's other load, printed
beside each run (1-minute load average). Medians go to `--out` (JSON). Never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench  # this folder's benchmark helpers (after the path above)

ROWS = ("cold", "warm")


def _load1() -> float:
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else 0.0


def _in(root: Path, command: list[str], env: dict[str, str] | None = None) -> bench.Measurement:
    """`command` run from `root` (so that `python -m pipeline` is that checkout's)."""
    bench.ROOT = root
    return bench.measure(command, env)


def _record(
    rows: dict[str, list[dict[str, float]]], name: str, m: bench.Measurement, extra: float = 0.0
) -> None:
    rows.setdefault(name, []).append({"cpu": round(m.cpu + extra, 3), "wall": m.wall, "load1": m.load1})
    note = f" (server {extra:.2f} s included)" if extra else ""
    print(
        f"{name:28s} CPU {m.cpu + extra:8.2f}{note:26s} wall {m.wall:8.2f}  load {m.load1:5.2f}", flush=True
    )


def cold_rows(args: argparse.Namespace, tmp: Path, rows: dict[str, list[dict[str, float]]]) -> None:
    pdfs = bench.pdf_corpus(tmp)
    me = str(HERE / "bench.py")
    for _ in range(args.repeat):
        _record(
            rows,
            "bare pdfplumber",
            _in(args.after, [sys.executable, me, "_baseline", "pdfplumber", str(pdfs)]),
        )
        for workers in args.workers:
            for tag, root in (("before", args.before), ("after", args.after)):
                out = tmp / f"cold-{tag}-{workers}"
                shutil.rmtree(out, ignore_errors=True)
                command = bench.pipeline("--no-prefect", "-q", "--raw", str(pdfs), "--out", str(out))
                _record(
                    rows, f"{tag} --workers {workers}, cold", _in(root, [*command, "--workers", str(workers)])
                )


def warm_rows(args: argparse.Namespace, tmp: Path, rows: dict[str, list[dict[str, float]]]) -> None:
    raw = bench.generate_corpus_once(tmp, args.scale)
    with bench.RunningServer(tmp / "prefect-home") as server:
        env = {**bench.PREFECT_ENV, "PREFECT_API_URL": server.api}
        for _ in range(args.repeat):
            for tag, root in (("before", args.before), ("after", args.after)):
                out = tmp / f"warm-{tag}"
                shutil.rmtree(out, ignore_errors=True)
                command = bench.pipeline("-q", "--raw", str(raw), "--out", str(out))
                for kind in ("cold", "warm", "warm"):
                    before = server.cpu()
                    measured = _in(root, command, env)
                    _record(rows, f"{tag} Prefect {args.scale}, {kind}", measured, server.cpu() - before)


def summary(rows: dict[str, list[dict[str, float]]], args: argparse.Namespace) -> dict[str, object]:
    medians = {
        name: {key: statistics.median(run[key] for run in runs) for key in ("cpu", "wall", "load1")}
        for name, runs in rows.items()
    }
    print("\nmedians")
    bare = medians.get("bare pdfplumber")
    for name, m in medians.items():
        ratio = ""
        if bare and "cold" in name and "Prefect" not in name:
            ratio = f"  x bare: CPU {m['cpu'] / bare['cpu']:.3f}, wall {m['wall'] / bare['wall']:.3f}"
        print(f"{name:28s} CPU {m['cpu']:8.2f} wall {m['wall']:8.2f} load {m['load1']:5.2f}{ratio}")
    for tag in ("before", "after"):
        cold, warm = (
            medians.get(f"{tag} Prefect {args.scale}, cold"),
            medians.get(f"{tag} Prefect {args.scale}, warm"),
        )
        if cold and warm:
            print(f"{tag}: warm/cold CPU with Prefect (server included) {warm['cpu'] / cold['cpu']:.3f}")
    return {"medians": medians, "runs": rows, "load_at_end": _load1()}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, required=True, help="checkout measured as 'before'")
    parser.add_argument("--after", type=Path, default=HERE.parent, help="checkout measured as 'after'")
    parser.add_argument("--only", type=lambda s: s.split(","), default=list(ROWS), help=",".join(ROWS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2])
    parser.add_argument("--scale", type=int, default=200, help="generated documents of the warm rows")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "compare.json")
    args = parser.parse_args()
    args.before, args.after = args.before.resolve(), args.after.resolve()
    bench._become_subreaper()
    rows: dict[str, list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        if "cold" in args.only:
            cold_rows(args, Path(tmp), rows)
        if "warm" in args.only:
            warm_rows(args, Path(tmp), rows)
    args.out.write_text(json.dumps(summary(rows, args), indent=2) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
