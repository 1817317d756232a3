#!/usr/bin/env python3
"""Set up and run the project with nothing but Python 3.11 and pip.

python3 tasks.py run     # create .venv, install, run the pipeline on raw/ into extracted/
python3 tasks.py test    # create .venv, install with test extras, run the test suite
python3 tasks.py bench   # print speed and memory figures on the sample corpus
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CLUSTERPIPE_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def sh(*args: str | os.PathLike[str]) -> None:
    print("+", " ".join(map(str, args)), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def setup(extras: str) -> None:
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        target = f".[{extras}]" if extras else "."
        sh(PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target)
        stamp.touch()


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "help"
    rest = argv[2:]
    if command == "run":
        setup("")  # the pipeline alone; the corpus renderers are only for rebuilding raw/
        sh(PY, "-m", "pipeline", "run", "--raw", "raw", "--out", "extracted", *rest)
    elif command == "test":
        setup("test")
        sh(PY, "-m", "pytest", *(rest or ["-q"]))
    elif command == "bench":
        setup("test")
        sh(PY, "benchmarks/bench.py", *rest)
    else:
        print(__doc__)
        return 0 if command == "help" else 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
