"""What the parent process does for the later stages while the pool parses: their imports.

After the last document the run is serial (second pass, reconcile, publish in one process), so
every second spent there is a second of wall time on one core; while the pool starts (its
forkserver imports the parsers for about a second) a core is free. The parent therefore imports
what reconcile and publish will import (`LATER_STAGES`) as soon as every document is queued
(`process_in_pool(..., meanwhile=import_later_stages)`): the same work, moved off the tail.
Never the extractors or spaCy (the parent does not parse; tests/test_parent_imports.py).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence

__all__ = ["LATER_STAGES", "OPTIONAL", "import_later_stages"]

LATER_STAGES = (
    "pipeline.reconcile.records",
    "pipeline.publish.publish",
    "pipeline.publish.formats",
)
# pyarrow imports pandas, when it is installed, the first time it builds a table (the Parquet
# datasets): about 0.15 s of CPU, imported here instead when it is there to be imported
OPTIONAL = ("pandas",)


def import_later_stages(
    modules: Sequence[str] = LATER_STAGES, optional: Sequence[str] = OPTIONAL
) -> list[str]:
    """Import `modules` (they must import) and those of `optional` that are installed; the names
    imported, in order.

    >>> import_later_stages(("json",), ("no_such_module_here",))
    ['json']
    """
    done = []
    for name in modules:
        importlib.import_module(name)
        done.append(name)
    for name in optional:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
            done.append(name)
    return done
