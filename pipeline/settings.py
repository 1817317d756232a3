"""Configuration: command-line options override environment variables (prefix CLUSTERPIPE_)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.backend.guards import GuardSettings
from pipeline.publish.guard import DEFAULT_MAX_SHRINK, PublishOptions
from pipeline.publish.output import DEFAULT_LOCK_TIMEOUT


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
    lock_timeout: float = Field(
        default=DEFAULT_LOCK_TIMEOUT, ge=0, description="seconds to wait for another run's output lock"
    )
    max_shrink: float = Field(
        default=DEFAULT_MAX_SHRINK, ge=0, le=1,
        description="largest share of a dataset's previous records a run may drop before it is refused",
    )
    allow_shrink: bool = Field(default=False, description="publish even an empty or shrunken output")

    def publish_options(self) -> PublishOptions:
        return PublishOptions(max_shrink=self.max_shrink, allow_shrink=self.allow_shrink)

    def decisions_path(self) -> Path:
        return self.decisions if self.decisions is not None else self.raw_dir / "decisions.json"
