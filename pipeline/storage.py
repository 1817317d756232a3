"""Files, written the one way every stage writes them: canonical JSON, atomically, with the
permissions of the umask. A neutral module: the cache (stages), the reviewer decisions
(reconcile) and the published output (publish) all use it, none imports another's.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from pipeline.datamodel.base import StrictModel

_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process umask (read without changing it where /proc allows)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode `open()` would give a new file: 0666 minus the umask."""
    return 0o666 & ~current_umask()


def to_json(model: StrictModel) -> str:
    """Canonical JSON: sorted keys, two-space indent, UTF-8, trailing newline."""
    data = model.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(models: Iterable[StrictModel]) -> str:
    return "".join(
        json.dumps(m.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        + "\n"
        for m in models
    )


def atomic_write_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Write text given in pieces (e.g. a template's stream) via a temporary file and rename,
    encoding one piece at a time, so the whole text is never held in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, text: str) -> bool:
    """Write via a temporary file and rename; skip when the bytes are already there.

    Returns True when the file changed.
    """
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, file_mode())  # mkstemp's 0600 would hide the output from other readers
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
