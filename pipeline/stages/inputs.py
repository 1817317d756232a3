"""What `run --raw` names: a folder, a single file, or a glob pattern.

A folder is used as it is. A file or a glob becomes its folder (the longest leading
part of the pattern without wildcards) plus the relative paths it selects, so URIs and
document ids stay relative to that folder as for a folder run.
"""

from __future__ import annotations

import glob as globlib
from collections.abc import Sequence
from pathlib import Path

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.results import SourceRef


class InputSelectionError(ValueError):
    """The file or pattern given as input selects nothing usable."""


class InputSelection(StrictModel):
    raw_dir: Path
    only: tuple[str, ...] | None = None


def resolve_input(raw: str | Path) -> InputSelection:
    """A folder, a file, or a glob → the folder to discover and the paths to keep.

    >>> resolve_input("/no/such/dir/*.pdf").raw_dir
    PosixPath('/no/such/dir')
    """
    text = str(raw)
    path = Path(text)
    if path.is_dir() or not (path.is_file() or globlib.has_magic(text)):
        return InputSelection(raw_dir=path)  # discover reports a missing folder
    if path.is_file():
        return InputSelection(raw_dir=path.parent, only=(path.name,))
    parts = path.parts
    fixed = next(i for i, part in enumerate(parts) if globlib.has_magic(part))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    matches = sorted(
        Path(m) for m in globlib.glob(text, recursive=True) if Path(m).is_file()
    )
    return InputSelection(
        raw_dir=base, only=tuple(m.relative_to(base).as_posix() for m in matches)
    )


def select_refs(refs: Sequence[SourceRef], only: Sequence[str] | None) -> list[SourceRef]:
    """The discovered sources a selection keeps (listed URLs only for a whole folder).

    Raises `InputSelectionError` for a selected file that is not a supported document.
    """
    if only is None:
        return list(refs)
    wanted = set(only)
    kept = [r for r in refs if r.path is not None and r.uri in wanted]
    unsupported = sorted(wanted - {r.uri for r in kept})
    if unsupported:
        raise InputSelectionError(
            f"not a PDF or HTML document (or in a hidden folder): {', '.join(unsupported[:5])}"
            + (f" and {len(unsupported) - 5} more" if len(unsupported) > 5 else "")
        )
    return kept
