"""pdfminer's per-token debug calls, skipped while nobody listens at DEBUG.

pdfminer logs every token, object and operator it reads at DEBUG level (`log.debug("nexttoken:
%r", …)`): about six million calls for the 61 sample and robustness PDFs. Each call goes through
`Logger.debug` and `Logger.isEnabledFor` even when DEBUG is off, which is about 5 % of a parse's
CPU (measured: 20.0 s against 21.0 s for the same documents in one process). While a pdfminer
logger is not enabled for DEBUG, its `debug` is replaced by a function that does nothing; as
soon as it is enabled again (checked before every document), the logger's own method is back.
"""

from __future__ import annotations

import logging

__all__ = ["PDFMINER_LOGGERS", "skip_disabled_debug"]

# the pdfminer modules that log per token, object or operator
PDFMINER_LOGGERS = (
    "pdfminer.psparser",
    "pdfminer.pdfinterp",
    "pdfminer.pdfparser",
    "pdfminer.pdfdocument",
    "pdfminer.pdfpage",
    "pdfminer.pdffont",
    "pdfminer.cmapdb",
    "pdfminer.converter",
)


def _skip(*_args: object, **_kwargs: object) -> None:
    return None


def skip_disabled_debug(names: tuple[str, ...] = PDFMINER_LOGGERS) -> None:
    """For each logger: `debug` does nothing while DEBUG is disabled for it, and is the
    logger's own method while it is enabled.

    >>> log = logging.getLogger("pdfminer.psparser")
    >>> skip_disabled_debug(("pdfminer.psparser",)); log.debug is _skip
    True
    >>> log.setLevel(logging.DEBUG); skip_disabled_debug(("pdfminer.psparser",)); log.debug is _skip
    False
    >>> log.setLevel(logging.NOTSET)
    """
    for name in names:
        logger = logging.getLogger(name)
        if logger.isEnabledFor(logging.DEBUG):
            logger.__dict__.pop("debug", None)
        else:
            logger.debug = _skip  # type: ignore[method-assign]
