"""Configuration: command-line options override environment variables (prefix CLUSTERPIPE_)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.backend.guards import GuardSettings


class PipelineSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLUSTERPIPE_", extra="forbid")

    raw_dir: Path = Path("raw")
    out_dir: Path = Path("extracted")
    decisions: Path | None = Field(
        default=None, description="reviewer decisions file (JSON list); default <raw>/decisions.json"
    )
    runner: Literal["threads", "dask"] = "threads"
    dask_address: str | None = None
    workers: int = Field(default=2, ge=1, le=64)
    cron: str = "0 6 * * 1"
    guards: GuardSettings = Field(
        default_factory=GuardSettings, description="security limits (SECURITY.md); env CLUSTERPIPE_<LIMIT>"
    )

    def decisions_path(self) -> Path:
        return self.decisions if self.decisions is not None else self.raw_dir / "decisions.json"
