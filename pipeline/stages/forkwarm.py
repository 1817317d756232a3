"""Imported by the document pool's forkserver (last of `pipeline.stages.pool.PRELOAD`): builds
the spaCy pipeline there, once, so that every worker forked from the server starts with it built.

Importing a module is the only hook a forkserver offers (`set_forkserver_preload`), hence a
module whose import does the work. Nothing else imports it: the parent process must not build
the pipeline (it never extracts). A worker still calls `warm_up` itself, which is then a cache
hit (`build_nlp` is cached per parser name), or builds the pipeline when the owner's settings
name another parser than the server saw. When the build fails here (a configured parser that is
not installed), the server carries on without it: the worker's own `warm_up` fails the same way,
before the worker is ready, and the pool reports that error.
"""

from __future__ import annotations

from pipeline.stages.pool import warm_up

__all__ = ["WARMED"]


def _warm() -> bool:
    try:
        warm_up()
    except Exception:  # noqa: BLE001  (raised again, and reported, by each worker's own warm_up)
        return False
    return True


WARMED = _warm()  # True when the pipeline was built in this process
