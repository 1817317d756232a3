"""Reviewer decisions are checked before any document is read, so a bad file costs nothing.

`check_decisions` is called by the command line (and `run_pipeline`) first thing: a decisions
file that was named explicitly but is missing, a directory, unreadable, not JSON, or not a
list is a one-line `DecisionsError` naming the file (a malformed entry in a list is a warning
of the run instead, see `pipeline.reconcile.review`). The default location
(`<raw>/decisions.json`) may simply be absent.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.reconcile.conflicts import Decision, DecisionsError
from pipeline.reconcile.review import read_decisions


def check_decisions(path: Path | None, *, explicit: bool) -> list[Decision]:
    """The decisions in `path`, or a one-line `DecisionsError`.

    >>> check_decisions(Path("/nonexistent/decisions.json"), explicit=False)
    []
    >>> check_decisions(Path("/nonexistent/decisions.json"), explicit=True)
    Traceback (most recent call last):
    pipeline.reconcile.conflicts.DecisionsError: /nonexistent/decisions.json: decisions file not found
    """
    if path is None:
        return []
    if not path.exists():
        if explicit:
            raise DecisionsError(f"{path}: decisions file not found")
        return []
    if path.is_dir():
        raise DecisionsError(f"{path}: is a directory, not a decisions file (a JSON list)")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise DecisionsError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    # not JSON / not a list: a DecisionsError naming the file; a malformed entry is a warning of the
    # run (in the report and run.json), not a failed run: the other decisions still apply
    return read_decisions(path).decisions
