"""Publish a whole output folder in one step, and keep two runs off one output folder.

The new output is built in a sibling folder (`.<name>.staging-*`, same file system) and
exchanged with the live folder in one `renameat2(RENAME_EXCHANGE)` call where the kernel
offers it (Linux), else by two renames that `recover` completes after a kill. A reader,
or a run killed at any moment, therefore sees the previous output or the new one, never
a mix. Entries of the previous output that the new one does not write (`.cache/`,
`runs/` history, anything a user keeps there) are carried over before the exchange.

A lock file beside the output folder (`.<name>.lock`, an OS lock released by the kernel
when its holder dies, even by SIGKILL) serialises runs; the second run waits up to a
timeout, then fails with `OutputLockedError`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline.storage import current_umask, file_mode  # noqa: F401  (re-exported)

DEFAULT_LOCK_TIMEOUT = 300.0
STAGING = "staging"
OLD = "old"
# What publish writes: these are replaced as a whole. Anything else is carried over.
OWNED = frozenset(
    {"documents", "policies", "clusters", "countries", "conflicts", "datasets", "report.html",
     "report", "run.json", "manifest.json"}
)
_RENAME_EXCHANGE = 2


class OutputLockedError(RuntimeError):
    """Another run holds the output folder's lock for longer than the timeout."""


class OutputNotWritableError(OSError):
    """The output folder (or its parent) cannot be created or written."""


def absolute(out_dir: Path) -> Path:
    """`out_dir` made absolute without following links (so `.` has a name and a parent)."""
    return Path(os.path.abspath(out_dir))


def lock_path(out_dir: Path) -> Path:
    out_dir = absolute(out_dir)
    return out_dir.parent / f".{out_dir.name}.lock"


def sibling(out_dir: Path, role: str) -> Path:
    """A fresh sibling folder name for a staging or old copy of `out_dir`."""
    out_dir = absolute(out_dir)
    return out_dir.parent / f".{out_dir.name}.{role}-{os.getpid()}-{secrets.token_hex(4)}"


def ensure_parent(out_dir: Path) -> None:
    """Create the output folder's parent and its lock file, or raise `OutputNotWritableError`."""
    out_dir = absolute(out_dir)
    if Path.cwd() == out_dir or out_dir in Path.cwd().parents or out_dir.parent == out_dir:
        raise OutputNotWritableError(
            f"output folder {out_dir} holds the working directory; publishing replaces the whole "
            "folder, so give it a folder of its own (e.g. --out extracted)"
        )
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise OutputNotWritableError(f"output folder {out_dir}: {parent} is not a folder") from exc
    except OSError as exc:
        raise OutputNotWritableError(f"cannot create {parent}: {exc.strerror or exc}") from exc
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritableError(f"output folder {out_dir}: {parent} is not writable")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputNotWritableError(f"output folder {out_dir} exists and is not a folder")
    try:
        with open(lock_path(out_dir), "a"):
            pass
    except OSError as exc:
        raise OutputNotWritableError(
            f"output folder {out_dir}: cannot create {lock_path(out_dir)}: {exc.strerror or exc}"
        ) from exc


@contextlib.contextmanager
def output_lock(out_dir: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the output folder's lock (waiting up to `timeout` s), after recovering any
    interrupted publish of a killed run."""
    out_dir = absolute(out_dir)
    ensure_parent(out_dir)
    lock = FileLock(lock_path(out_dir), timeout=timeout, thread_local=False, mode=file_mode())
    try:
        lock.acquire()
    except Timeout as exc:
        raise OutputLockedError(
            f"output folder {out_dir} is locked by another run ({lock_path(out_dir)}); "
            f"gave up after {timeout:g} s"
        ) from exc
    except PermissionError as exc:
        raise OutputNotWritableError(f"cannot create the lock file {lock_path(out_dir)}: {exc}") from exc
    try:
        recover(out_dir)
        yield
    finally:
        lock.release()


def recover(out_dir: Path) -> list[Path]:
    """Finish or undo what a killed run left beside `out_dir` (call under the lock).

    An `.old-*` copy with no live folder is put back (a kill between the two renames of
    the fallback swap); carried-over entries still in a stale staging folder go back to
    the live folder; stale staging and old folders and `atomic_write` temporary files
    are removed. Returns what was removed.
    """
    out_dir = absolute(out_dir)
    removed: list[Path] = []
    prefix = f".{out_dir.name}."
    for path in sorted(out_dir.parent.glob(f"{prefix}{OLD}-*")):
        if not out_dir.exists():
            os.rename(path, out_dir)
        else:
            shutil.rmtree(path)
            removed.append(path)
    for path in sorted(out_dir.parent.glob(f"{prefix}{STAGING}-*")):
        if out_dir.is_dir():
            _carry_over(path, out_dir, only_missing=True)
        shutil.rmtree(path)
        removed.append(path)
    if out_dir.is_dir():
        for tmp in out_dir.rglob(".*.tmp"):
            if tmp.is_file():
                tmp.unlink()
                removed.append(tmp)
    return removed


def new_staging(out_dir: Path) -> Path:
    """Create an empty staging folder beside `out_dir` (mode from the umask)."""
    out_dir = absolute(out_dir)
    ensure_parent(out_dir)
    staging = sibling(out_dir, STAGING)
    try:
        staging.mkdir()
    except OSError as exc:
        raise OutputNotWritableError(f"cannot write beside {out_dir}: {exc.strerror or exc}") from exc
    return staging


def swap_in(staging: Path, out_dir: Path) -> None:
    """Make `staging` the live `out_dir` in one step; the previous output is discarded
    after its entries that the new output does not own have been carried over."""
    out_dir = absolute(out_dir)
    if out_dir.is_dir():
        _carry_over(out_dir, staging, only_missing=False)
        _fsync_dir(staging)
        fault_point("publish.carried")
        if _exchange(staging, out_dir):
            fault_point("publish.swapped")
            shutil.rmtree(staging)  # now holds the previous output
        else:
            old = sibling(out_dir, OLD)
            os.rename(out_dir, old)
            fault_point("publish.between_renames")
            os.rename(staging, out_dir)
            shutil.rmtree(old)
    else:
        os.rename(staging, out_dir)
    _fsync_dir(out_dir.parent)


def _carry_over(source: Path, target: Path, *, only_missing: bool) -> None:
    """Move entries of `source` that `target` lacks into it (folders merged recursively).

    At the top level the entries publish owns are never carried (unless only_missing:
    then the owned ones are skipped too, as they belong to the unfinished new output).
    """
    for entry in sorted(source.iterdir()):
        if entry.name in OWNED:
            continue
        dest = target / entry.name
        if not dest.exists():
            os.rename(entry, dest)
        elif entry.is_dir() and dest.is_dir() and not only_missing:
            _merge(entry, dest)


def _merge(source: Path, target: Path) -> None:
    for entry in sorted(source.iterdir()):
        dest = target / entry.name
        if not dest.exists():
            os.rename(entry, dest)
        elif entry.is_dir() and dest.is_dir():
            _merge(entry, dest)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False when not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fault_point(name: str) -> None:
    """Fault injection for the crash-safety tests: `CLUSTERPIPE_CRASH_AT=<name>` makes the
    process kill itself (SIGKILL) at that point. Never set outside tests."""
    if os.environ.get("CLUSTERPIPE_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
