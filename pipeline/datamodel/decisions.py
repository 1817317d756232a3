"""Reviewer decisions: data that resolves a conflict on the next run (see DESIGN.md)."""

from __future__ import annotations

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.claims import ClaimValue


class Decision(StrictModel):
    """A reviewer's resolution of one conflict, kept in a decisions file (JSON list)."""

    conflict_id: str
    """The id of the conflict decided."""
    value: ClaimValue
    """The value chosen."""
    decided_by: str
    """Who decided."""
    reason: str
    """Why."""
    decided_at: str | None = None
    """When (ISO date)."""
    values_seen: list[ClaimValue]
    """The conflict's values when it was decided; a new value reopens the conflict."""
