"""Refuse to publish an output that would silently lose most of the previous one.

A run that found no documents (an unmounted share, a wrong path) or whose datasets would
drop more than `max_shrink` of the previous records is refused before anything is
written, so the previous output stays byte-identical. `allow_shrink` accepts it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import Field

from pipeline.datamodel.base import StrictModel

DEFAULT_MAX_SHRINK = 0.5
# The datasets whose size is checked; fewer conflicts is good news, not a loss.
GUARDED = ("documents", "claims", "policies", "clusters", "countries")


class PublishOptions(StrictModel):
    max_shrink: float = Field(
        default=DEFAULT_MAX_SHRINK, ge=0.0, le=1.0,
        description="largest share of a dataset's previous records a run may drop",
    )
    allow_shrink: bool = Field(default=False, description="publish even an empty or shrunken output")


class PublishRefusedError(RuntimeError):
    """The new output is empty or much smaller than the previous one; nothing was written."""


def previous_counts(out_dir: Path) -> dict[str, int]:
    """Rows of each guarded dataset of the previous output (absent ones are left out)."""
    counts = {}
    for name in GUARDED:
        path = out_dir / "datasets" / f"{name}.jsonl"
        if path.is_file():
            counts[name] = sum(1 for line in path.read_bytes().splitlines() if line.strip())
    return counts


def check_publishable(
    out_dir: Path, new_counts: Mapping[str, int], options: PublishOptions
) -> None:
    """Raise `PublishRefusedError` for an empty run or one that drops too many records.

    >>> check_publishable(Path("/nonexistent"), {"documents": 0}, PublishOptions())
    Traceback (most recent call last):
    ...
    pipeline.publish.guard.PublishRefusedError: no documents found: refusing to publish an empty output over /nonexistent (pass --allow-shrink to accept it)
    """
    if options.allow_shrink:
        return
    if new_counts.get("documents", 0) == 0:
        raise PublishRefusedError(
            f"no documents found: refusing to publish an empty output over {out_dir} "
            "(pass --allow-shrink to accept it)"
        )
    drops = []
    for name, before in previous_counts(out_dir).items():
        after = new_counts.get(name, 0)
        if before > 0 and (before - after) / before > options.max_shrink:
            drops.append(f"{name} {before} → {after}")
    if drops:
        raise PublishRefusedError(
            f"refusing to publish over {out_dir}: {', '.join(drops)} drops more than "
            f"{options.max_shrink:.0%} of the previous records; the previous output is untouched "
            "(pass --allow-shrink to accept it)"
        )
