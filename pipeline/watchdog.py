"""Stop a helper process when the process that started it dies, even by SIGKILL.

Prefect's temporary API server (a uvicorn subprocess of a `run`) is stopped by Prefect at a
normal exit, but a killed run would orphan it (about 220 MB, still listening). The run
starts this watchdog in its own session; it polls its parent and, once the parent is gone,
terminates the helper (SIGTERM, then SIGKILL). It exits as soon as the helper is gone.

    python -m pipeline.watchdog PARENT_PID HELPER_PID MARKER
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

POLL_SECONDS = 0.5
GRACE_SECONDS = 5.0


def alive(pid: int, marker: str) -> bool:
    """The process exists, is not a zombie, and its command line contains `marker` (no PID reuse)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except (OSError, IndexError):
        return False
    return status != "Z" and marker in cmdline


def watch(parent: int, helper: int, marker: str) -> int:
    while alive(helper, marker):
        if os.getppid() != parent:  # re-parented: the run is gone
            os.kill(helper, signal.SIGTERM)
            deadline = time.monotonic() + GRACE_SECONDS
            while alive(helper, marker) and time.monotonic() < deadline:
                time.sleep(0.1)
            if alive(helper, marker):
                os.kill(helper, signal.SIGKILL)
            return 0
        time.sleep(POLL_SECONDS)
    return 0


if __name__ == "__main__":
    sys.exit(watch(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]))
