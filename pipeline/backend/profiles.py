"""PDF parse-settings profiles: chosen per producer, or forced from settings.

A profile is a named set of `PdfParseSettings` overrides with a pattern on the PDF's
`Producer` metadata. The first profile whose pattern matches is used; a profile named in
the settings (environment variable `CLUSTERPIPE_PDF_PROFILE`, or the `profile` argument)
wins over the producer. Profiles are data: `pipeline/backend/rules/pdf_profiles.json`
(another file: `CLUSTERPIPE_PDF_PROFILES_FILE`). The producer is read (metadata only, no
page is parsed) only when some profile selects by producer.

    {"profiles": [{"name": "reportlab", "producer": "(?i)reportlab", "settings": {"line_tolerance": 3.0}}]}
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import fields, replace
from functools import cache
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.backend.pdf import PdfParseSettings, parse_pdf
from pipeline.datamodel.document import Document

PROFILES_FILE = Path(__file__).resolve().parent / "rules" / "pdf_profiles.json"
DEFAULT_PROFILE = "default"
_SETTING_NAMES = frozenset(f.name for f in fields(PdfParseSettings))


class ProfileError(ValueError):
    """A profile file or a profile name that cannot be used; says which and why."""

    code = "bad_parse_profile"


class PdfProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="the profile's name, as given in settings")
    producer: str | None = Field(default=None, description="regular expression on the PDF Producer")
    settings: dict[str, float | int | dict[str, str | int | float]] = Field(
        default_factory=dict, description="PdfParseSettings fields to override"
    )

    @field_validator("settings")
    @classmethod
    def _known_settings(
        cls, value: dict[str, float | int | dict[str, str | int | float]]
    ) -> dict[str, float | int | dict[str, str | int | float]]:
        unknown = sorted(set(value) - _SETTING_NAMES)
        if unknown:
            raise ValueError(f"unknown PdfParseSettings fields {unknown}")
        return value

    def parse_settings(self) -> PdfParseSettings:
        """The profile's `PdfParseSettings` (validated by its constructor)."""
        return replace(PdfParseSettings(), **self.settings)  # type: ignore[arg-type]

    def matches(self, producer: str | None) -> bool:
        if self.producer is None or producer is None:
            return False
        return re.search(self.producer, producer) is not None


class PdfProfiles(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(default=1, description="version of the profile file format")
    profiles: list[PdfProfile]

    @property
    def by_producer(self) -> bool:
        """True when some profile is chosen by producer (then the producer is read first)."""
        return any(p.producer for p in self.profiles)

    def named(self, name: str) -> PdfProfile:
        for profile in self.profiles:
            if profile.name == name:
                return profile
        if name == DEFAULT_PROFILE:
            return PdfProfile(name=DEFAULT_PROFILE)
        raise ProfileError(f"no PDF parse profile named {name!r} (known: {[p.name for p in self.profiles]})")

    def select(self, producer: str | None, forced: str | None = None) -> PdfProfile:
        """The forced profile if any, else the first matching the producer, else the default."""
        if forced:
            return self.named(forced)
        for profile in self.profiles:
            if profile.matches(producer):
                return profile
        return self.named(DEFAULT_PROFILE)


class ProfileSettings(BaseSettings):
    """`CLUSTERPIPE_PDF_PROFILE=<name>` forces one profile for every PDF."""

    model_config = SettingsConfigDict(env_prefix="CLUSTERPIPE_", extra="ignore")

    pdf_profile: str | None = None
    pdf_profiles_file: Path = PROFILES_FILE


@cache
def load_profiles(path: Path = PROFILES_FILE) -> PdfProfiles:
    try:
        return PdfProfiles.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise ProfileError(f"cannot load PDF profiles {path}: {exc}") from exc


def pdf_producer(data: bytes) -> str | None:
    """The `Producer` metadata of a PDF, or None when absent or unreadable (the parser then
    reports the specific error)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            value = pdf.metadata.get("Producer")
    except (PdfminerException, MalformedPDFException, PSException, PDFPasswordIncorrect, PDFEncryptionError):
        return None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError):
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1", errors="replace")
    return str(value).strip() or None if value is not None else None


def parse_pdf_profiled(
    data: bytes, *, doc_id: str, uri: str, sha256: str, profile: str | None = None
) -> Document:
    """`parse_pdf` with the settings of the profile for this PDF's producer (or the forced one)."""
    settings = ProfileSettings()
    forced = profile or settings.pdf_profile
    profiles = load_profiles(settings.pdf_profiles_file)
    producer = pdf_producer(data) if profiles.by_producer and not forced else None
    chosen = profiles.select(producer, forced)
    return parse_pdf(data, doc_id=doc_id, uri=uri, sha256=sha256, settings=chosen.parse_settings())
