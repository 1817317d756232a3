#!/usr/bin/env python3
"""Speed and memory figures (printed, never asserted): python3 tasks.py bench

Measures, on this machine:
  - per-document process time (parse + extract) on the sample corpus, best of N;
  - the whole pipeline in-process (no Prefect) on raw/ into a temporary folder;
  - throughput over ../shared/corpus/robustness when present;
  - peak resident memory of this process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.api import run_pipeline  # noqa: E402
from pipeline.stages.discover import discover, load  # noqa: E402
from pipeline.stages.process import process  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", type=Path, default=ROOT / "raw")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print(f"{'document':62s} {'best s':>8s} {'median s':>9s} {'claims':>7s}")
    for ref in discover(args.raw):
        source = load(ref)
        times, result = [], None
        for _ in range(args.repeat):
            t = time.perf_counter()
            result = process(source)
            times.append(time.perf_counter() - t)
        assert result is not None
        print(f"{ref.uri:62s} {min(times):8.3f} {statistics.median(times):9.3f} {len(result.claims):7d}")

    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        summary = run_pipeline(args.raw, Path(out))
        total = time.perf_counter() - t
    print(
        f"\nwhole pipeline, in-process: {total:.2f} s for {summary.documents_seen} documents "
        f"({summary.records_written})"
    )

    robustness = ROOT.parent / "shared" / "corpus" / "robustness"
    if robustness.is_dir():
        files = sorted(robustness.glob("*.pdf"))
        t = time.perf_counter()
        pages = 0
        for path in files:
            data = path.read_bytes()
            from pipeline.datamodel.results import LoadedSource

            r = process(LoadedSource(uri=path.name, doc_id=path.name, sha256="", data=data, media_type="pdf"))
            pages += r.pages or 0
        elapsed = time.perf_counter() - t
        print(
            f"robustness corpus: {len(files)} PDFs, {pages} pages in {elapsed:.1f} s "
            f"({pages / elapsed:.1f} pages/s)"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mb:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
