#!/usr/bin/env python3
"""Hostile inputs at full size: outcome, time and peak memory of each (printed, never asserted).

    python benchmarks/hostile.py              # every case, each in a fresh process
    python benchmarks/hostile.py --case flate_bomb_zeros

Each case is generated (nothing hostile is stored), then loaded and processed exactly as a run
does (`load` + `process`) in its own child process, so its peak RSS is its own. `baseline` is
the same child processing nothing: the interpreter, pdfplumber and spaCy already imported.
Wall time is noisy on a shared machine; CPU time is the steadier figure.

Then two whole runs (in-process pipeline, no Prefect): the sample corpus alone, and with every
hostile input beside it; their figures, and whether the sample's records are byte-identical.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.datamodel.results import SourceRef  # noqa: E402
from pipeline.stages.discover import load, load_failed  # noqa: E402
from pipeline.stages.process import process  # noqa: E402
from tests import hostile_inputs as h  # noqa: E402

GIB = 1024 * h.MIB
FACTSHEET = ROOT / "raw" / "factsheets" / "eccp-factsheet-lu-2022-fpdf2.pdf"
PRESS = ROOT / "raw" / "press" / "luxinnovation-news-cluster-initiative.html"

CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "baseline": ("", lambda: b""),
    "flate_bomb_spaces_1GiB": ("bomb-spaces.pdf", lambda: h.flate_bomb_pdf(b" ", GIB)),
    "flate_bomb_zeros_1GiB": ("bomb-zeros.pdf", lambda: h.flate_bomb_pdf(b"\0", GIB)),
    "double_flate_bomb_1GiB": ("bomb-double.pdf", lambda: h.double_flate_bomb_pdf(GIB)),
    "lzw_bomb_zeros_1GiB": ("bomb-lzw.pdf", lambda: h.lzw_bomb_pdf(GIB)),
    "zeros_15MiB_under_caps": ("slow.pdf", h.slow_under_caps_pdf),
    "scattered_runs_5000": ("scattered.pdf", lambda: h.scattered_runs_pdf(5000)),
    "self_referencing_mediabox": ("selfref.pdf", h.self_referencing_mediabox_pdf),
    "truncated_factsheet": ("truncated.pdf", lambda: FACTSHEET.read_bytes()[: FACTSHEET.stat().st_size // 2]),
    "html_named_pdf": ("press.pdf", lambda: PRESS.read_bytes()),
    "zero_bytes": ("empty.pdf", lambda: b""),
    "pages_10000": ("pages.pdf", lambda: h.many_pages_pdf(10_000)),
    "html_200MB": ("huge.html", lambda: h.huge_html(200 * h.MIB)),
    "invalid_utf8": ("invalid.html", h.invalid_utf8_html),
    "markup_in_title": ("markup.html", h.markup_title_html),
}  # fmt: skip


def peak_mib() -> int:
    """This process's peak resident memory: VmHWM (per address space, so reset by exec, unlike
    ru_maxrss, which a child inherits from the parent it was forked from)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


CARRIES_CLAIMS = {"html_named_pdf"}  # a real press page: its claims would rightly change the records


def run_case(name: str, path: Path | None) -> dict[str, object]:
    """Load and process one generated file in this (fresh) process."""
    peak = peak_mib()
    if path is None:
        return {"case": name, "bytes": 0, "outcome": "-", "wall_s": 0.0, "cpu_s": 0.0, "peak_mib": peak}
    wall, cpu = time.perf_counter(), time.process_time()
    ref = SourceRef(uri=path.name, path=str(path))
    try:
        result = process(load(ref))
    except OSError as exc:
        result = load_failed(ref, exc)
    return {
        "case": name,
        "bytes": path.stat().st_size,
        "outcome": result.status.value + (f" {result.errors[0].code}" if result.errors else ""),
        "wall_s": round(time.perf_counter() - wall, 3),
        "cpu_s": round(time.process_time() - cpu, 3),
        "peak_mib": peak_mib(),
    }


def _measure(name: str, folder: Path, timeout: float) -> dict[str, object]:
    file_name, build = CASES[name]
    command = [sys.executable, __file__, "--case", name]
    if file_name:
        path = folder / file_name
        path.write_bytes(build())  # generated here, so that the child's peak is the processing only
        command += ["--path", str(path)]
    started = time.perf_counter()
    try:
        child = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        return json.loads(child.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        outcome = f"NOT FINISHED in {timeout:g} s"
    except (ValueError, IndexError):
        outcome = "CRASHED"
    finally:
        if file_name:
            (folder / file_name).unlink()
    return {"case": name, "bytes": 0, "outcome": outcome, "wall_s": round(time.perf_counter() - started, 1),
            "cpu_s": 0, "peak_mib": 0}  # fmt: skip


def run_folder(raw: Path, out: Path) -> dict[str, object]:
    """The whole pipeline (in-process, no Prefect) on one folder, measured."""
    from pipeline.api import run_pipeline

    wall, cpu = time.perf_counter(), time.process_time()
    summary = run_pipeline(raw, out, use_cache=False)
    return {
        "documents": summary.documents_seen,
        "quarantined": summary.documents_quarantined,
        "wall_s": round(time.perf_counter() - wall, 2),
        "cpu_s": round(time.process_time() - cpu, 2),
        "peak_mib": peak_mib(),
    }


def _whole_runs(folder: Path, timeout: float) -> None:
    """The sample corpus alone, then with every hostile input beside it: figures of each run,
    and whether the sample documents' records came out byte-identical."""
    import shutil

    clean, mixed = folder / "clean", folder / "mixed"
    shutil.copytree(ROOT / "raw", clean / "raw")
    shutil.copytree(ROOT / "raw", mixed / "raw")
    for name, (file_name, build) in CASES.items():
        if file_name and name not in CARRIES_CLAIMS:
            (mixed / "raw" / "hostile").mkdir(exist_ok=True)
            (mixed / "raw" / "hostile" / f"{name}-{file_name}").write_bytes(build())
    print(f"\n{'whole run':28s} {'documents':>10s} {'quarantined':>12s} {'wall s':>7s} {'cpu s':>7s}", end="")
    print(f" {'peak RSS MiB':>12s}")
    for label, base in (("sample corpus", clean), ("sample + hostile", mixed)):
        child = subprocess.run(
            [sys.executable, __file__, "--run-raw", str(base / "raw"), "--run-out", str(base / "out")],
            capture_output=True, text=True, timeout=timeout, cwd=ROOT,
        )  # fmt: skip
        row = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{label:28s} {row['documents']:>10} {row['quarantined']:>12} {row['wall_s']:>7}"
            f" {row['cpu_s']:>7} {row['peak_mib']:>12}"
        )
    kept = [
        p.relative_to(clean / "out").as_posix()
        for p in sorted((clean / "out").rglob("*.json"))
        if p.parent.name in ("documents", "policies", "clusters", "countries", "conflicts")
    ]
    differ = [k for k in kept if (clean / "out" / k).read_bytes() != (mixed / "out" / k).read_bytes()]
    print(
        f"{len(kept) - len(differ)} of {len(kept)} records of the sample corpus byte-identical with and"
        f" without the hostile inputs; differing: {differ or 'none'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--path", type=Path, help="(internal) the generated file to process")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--run-raw", type=Path, help="(internal) run the pipeline on this folder")
    parser.add_argument("--run-out", type=Path, help="(internal) output folder of --run-raw")
    parser.add_argument("--no-runs", action="store_true", help="skip the two whole runs")
    args = parser.parse_args()
    if args.run_raw:
        print(json.dumps(run_folder(args.run_raw, args.run_out)))
        return 0
    if args.case:
        print(json.dumps(run_case(args.case, args.path)))
        return 0
    print(f"{'case':28s} {'bytes':>11s} {'outcome':32s} {'wall s':>7s} {'cpu s':>7s} {'peak RSS MiB':>12s}")
    with tempfile.TemporaryDirectory() as folder:
        for name in CASES:
            row = _measure(name, Path(folder), args.timeout)
            print(
                f"{row['case']:28s} {row['bytes']:>11} {row['outcome']:32s} {row['wall_s']:>7}"
                f" {row['cpu_s']:>7} {row['peak_mib']:>12}"
            )
        if not args.no_runs:
            _whole_runs(Path(folder), args.timeout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
