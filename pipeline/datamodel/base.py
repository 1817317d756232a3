"""Shared base model and stable-id helpers.

Every model is strict and forbids unknown fields, so a typo in a producer or a
drifted record fails loudly instead of being dropped silently.
"""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1.0"


class StrictModel(BaseModel):
    """Base for every model passed between stages or written to disk.

    Field docstrings become the field descriptions of the exported JSON Schema.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


class RecordModel(StrictModel):
    """Base for claims and the records written to `extracted/`: NaN and infinity are
    rejected, since JSON cannot carry them and no source states them."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True, allow_inf_nan=False
    )


def stable_id(prefix: str, key: object, length: int = 16) -> str:
    """Return ``prefix-<hash>`` from the sorted JSON of ``key`` (as sqlite-utils does).

    >>> stable_id("policy", {"country": "LU", "name": "x"})
    'policy-687aa503132d100e'
    """
    payload = json.dumps(key, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    # surrogatepass: a str holding undecodable file-name bytes (surrogate escapes) still hashes,
    # and every valid str hashes exactly as before
    digest = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:length]
    return f"{prefix}-{digest}"
